#!/usr/bin/env node
// `npm run build`: pre-bundle vad-web, Rollup (package + browser bundle), tsc declarations, verify dist/.
// `--if-stale` reuses dist/ when a hash of every build input matches the one stored by the last build.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { filesUnder } from './files-under.mjs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prebundleVad } from './prebundle-vad.mjs';
import { verifyDist } from './verify-dist.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const stampFile = join(dist, '.build-inputs');
const inputFiles = [
  'package.json',
  'package-lock.json',
  'rollup.config.mjs',
  'tsconfig.json',
  'tsconfig.build.json',
  'scripts/build.mjs',
  'scripts/prebundle-vad.mjs',
  'scripts/rollup-plugin-asset-urls.mjs',
  'scripts/verify-dist.mjs',
];
const inputDirs = ['src', 'models'];

/** Source files under `dir`, skipping node_modules and dot-folders, in a stable order. */
export async function* sourceFilesUnder(dir, filter = () => true) {
  for await (const path of filesUnder(dir, (name) => name !== 'node_modules' && !name.startsWith('.'))) {
    if (filter(path)) yield path;
  }
}

/** Hash of every file the build reads, so a fresh clone or any edit triggers a rebuild. */
export async function buildInputHash() {
  const hash = createHash('sha256');
  const add = async (path) => {
    hash.update(relative(root, path)).update('\0');
    try {
      hash.update(await readFile(path));
    } catch {
      hash.update('missing');
    }
  };
  for (const file of inputFiles) await add(join(root, file));
  for (const dir of inputDirs) {
    for await (const file of sourceFilesUnder(join(root, dir), (p) => !/\.test\.ts$/.test(p))) await add(file);
  }
  return hash.digest('hex');
}

function run(label, command, args) {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${label} failed (exit ${result.status ?? result.signal})`);
  console.log(`build: ${label} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** tsc keeps hand-written .d.ts files out of outDir and keeps `.ts` specifiers; fix both for consumers. */
async function finishDeclarations() {
  for await (const file of sourceFilesUnder(join(root, 'src'), (p) => p.endsWith('.d.ts'))) {
    const target = join(dist, relative(join(root, 'src'), file));
    await mkdir(dirname(target), { recursive: true });
    await copyFile(file, target);
  }
  for await (const file of sourceFilesUnder(dist, (p) => p.endsWith('.d.ts'))) {
    const text = await readFile(file, 'utf8');
    const fixed = text.replace(/((?:from|import)\s*\(?\s*['"])(\.{1,2}\/[^'"]+?)\.ts(['"])/g, '$1$2.js$3');
    if (fixed !== text) await writeFile(file, fixed);
  }
}

export async function build() {
  const started = performance.now();
  await prebundleVad();
  await rm(dist, { recursive: true, force: true });
  run('rollup', process.execPath, [join(root, 'node_modules/rollup/dist/bin/rollup'), '-c', join(root, 'rollup.config.mjs')]);
  run('declarations', process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')]);
  await finishDeclarations();
  const problems = await verifyDist();
  if (problems.length > 0) {
    for (const problem of problems) console.error(`verify-dist: ${problem}`);
    throw new Error(`dist/ is incomplete (${problems.length} problem${problems.length === 1 ? '' : 's'})`);
  }
  await writeFile(stampFile, await buildInputHash());
  console.log(`build: dist/ verified, ${((performance.now() - started) / 1000).toFixed(1)} s in all`);
}

/** Builds unless dist/ was built from exactly the current inputs. Returns true when it reused dist/. */
export async function buildIfStale() {
  await prebundleVad({ quiet: true });
  let previous = '';
  try {
    previous = (await readFile(stampFile, 'utf8')).trim();
  } catch {
    /* no previous build */
  }
  if (previous && previous === (await buildInputHash())) {
    console.log('build: dist/ is up to date with its inputs; reusing it');
    return true;
  }
  await build();
  return false;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    if (process.argv.includes('--if-stale')) await buildIfStale();
    else await build();
  } catch (error) {
    console.error(`build: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
  }
}
