#!/usr/bin/env node
// Generates custom-elements.json (the Custom Elements Manifest) from the TSDoc of src/components with
// @custom-elements-manifest/analyzer, and the reference section of src/components/README.md from it:
// `node scripts/custom-elements.mjs` (or `--outdir DIR` to write only the manifest elsewhere).
// The file is committed (Storybook's docs/controls, editors and the npm package read it without a build);
// test/components/custom-elements.node.test.ts regenerates it and fails when the committed copy is stale.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { updateReadme } from './components-reference.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const cli = join(dirname(require.resolve('@custom-elements-manifest/analyzer/package.json')), 'cem.js');

/** Writes custom-elements.json into `outdir` (the repository root by default). */
export function generateManifest(outdir = '.') {
  const result = spawnSync(process.execPath, [cli, 'analyze', '--config', 'scripts/custom-elements.config.mjs', '--outdir', outdir, '--quiet'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`custom-elements-manifest analyzer failed (exit ${result.status}):\n${result.stderr}${result.stdout}`);
  // The analyzer lists modules in file-system order, which differs between runs and machines: sort them.
  const file = join(root, outdir, 'custom-elements.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  manifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
  return file;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--outdir');
  const file = generateManifest(at > 0 ? process.argv[at + 1] : '.');
  console.log(`wrote ${file}`);
  if (at < 0) {
    updateReadme(JSON.parse(readFileSync(file, 'utf8')), join(root, 'src/components/README.md'));
    console.log('updated the reference in src/components/README.md');
  }
}
