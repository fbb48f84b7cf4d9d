#!/usr/bin/env node
// `npm test`: type-check, build (reused when its inputs are unchanged), Node tests, browser tests.
// Ends with one line `N passed, N failed, N skipped` summed over every suite (the type-check and the
// build+verify each count as one test) and exits non-zero on any failure.
// Options: --only=typecheck,build,node,browser,packaging (comma list) to run a subset.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { filesUnder } from './files-under.mjs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateTestAudio } from './generate-test-audio.mjs';
import { prebundleVad } from './prebundle-vad.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const chromium = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length).split(',');
const wanted = (suite) => !only || only.includes(suite);
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
const timings = [];
const work = await mkdtemp(join(tmpdir(), 'emovox-test-'));

function record(suite, counts) {
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped ?? 0;
  for (const failure of counts.failures ?? []) failures.push(`[${suite}] ${failure}`);
}

function step(name, command, args, env = {}) {
  console.log(`\n=== ${name} ===`);
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  timings.push(`${name} ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result.status ?? 1;
}

function readCounts(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Runs test files with node's test runner; returns the counts its reporter wrote. */
function nodeTestSuite(name, files, timeoutMs) {
  const countsFile = join(work, `${name.split(' ')[0].toLowerCase()}-counts.json`);
  const status = step(`${name} (${files.length} files)`, process.execPath, [
    '--import', 'tsx',
    '--test',
    `--test-timeout=${timeoutMs}`,
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    `--test-reporter=${join(root, 'scripts/node-count-reporter.mjs')}`, `--test-reporter-destination=${countsFile}`,
    ...files,
  ]);
  const counts = readCounts(countsFile) ?? { passed: 0, failed: 1, failures: ['node --test crashed before reporting'] };
  if (status !== 0 && counts.failed === 0) Object.assign(counts, { failed: 1, failures: [`node --test exited with ${status}`] });
  return counts;
}

/** Folders never searched for tests: dependencies and training outputs. */
const skippedDirs = new Set(['node_modules', 'work', 'runs', '__pycache__']);

async function testFiles(suffix) {
  const found = [];
  const enter = (name) => !skippedDirs.has(name) && !name.startsWith('.');
  for (const dir of ['test', 'src', 'training']) {
    for await (const path of filesUnder(join(root, dir), enter)) if (path.endsWith(suffix)) found.push(relative(root, path));
  }
  return found.sort();
}

/** Installs missing Debian packages when we are root with apt; otherwise says exactly how. */
function ensureDebianPackages(packages) {
  const missing = packages.filter(({ path }) => !existsSync(path));
  if (missing.length === 0) return true;
  const names = missing.map(({ name }) => name).join(' ');
  console.error(`\nMissing ${missing.map(({ path }) => path).join(', ')}. Install with:\n  apt-get update && apt-get install -y ${names}\n(Debian/Ubuntu, as root; another Chromium can be used with CHROME_PATH=/path/to/chrome)`);
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (process.getuid?.() !== 0 || !hasApt) return false;
  console.error(`Running as root with apt available: installing ${names} now.`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
  spawnSync('apt-get', ['install', '-y', ...missing.map(({ name }) => name)], { stdio: 'inherit', env });
  return missing.every(({ path }) => existsSync(path));
}

const started = performance.now();
try {
  const toolsOk = ensureDebianPackages([
    { path: chromium, name: 'chromium' },
    { path: '/usr/bin/espeak-ng', name: 'espeak-ng' },
    { path: '/usr/bin/sox', name: 'sox' },
  ]);
  await prebundleVad({ quiet: true });
  try {
    await generateTestAudio();
  } catch (error) {
    console.error(`test audio: ${error instanceof Error ? error.message : error}`);
  }

  if (wanted('typecheck')) {
    const status = step('type-check (tsc --noEmit)', process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', 'tsconfig.json']);
    record('typecheck', status === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1, failures: ['tsc --noEmit reported errors'] });
  }

  // Built before the test suites so the dist smoke tests (test/smoke/dist.*.test.ts) see a fresh dist/.
  if (wanted('build')) {
    const status = step('build + verify dist (reused when unchanged)', process.execPath, [join(root, 'scripts/build.mjs'), '--if-stale']);
    record('build', status === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1, failures: ['npm run build failed or dist/ is incomplete'] });
  }

  if (wanted('node')) record('node', nodeTestSuite('Node tests', await testFiles('.node.test.ts'), 600000));

  if (wanted('browser')) {
    const files = await testFiles('.browser.test.ts');
    if (!toolsOk && !existsSync(chromium)) {
      record('browser', { passed: 0, failed: 1, failures: [`no Chromium at ${chromium}: apt-get install -y chromium`] });
    } else {
      const countsFile = join(work, 'wtr-counts.json');
      const args = [join(root, 'node_modules/@web/test-runner/dist/bin.js'), '--config', join(root, 'web-test-runner.config.mjs')];
      if (!process.stdout.isTTY) args.push('--static-logging');
      const status = step(`browser tests (${files.length} files, headless Chromium)`, process.execPath, args, { EMOVOX_WTR_COUNTS: countsFile });
      const counts = readCounts(countsFile) ?? { passed: 0, failed: 1, failures: ['web-test-runner crashed before reporting'] };
      if (status !== 0 && counts.failed === 0) Object.assign(counts, { failed: 1, failures: [`web-test-runner exited with ${status}`] });
      record('browser', counts);
    }
  }

  // The example apps (test/packaging) install the packed tarball and their bundlers from the npm registry,
  // build them and run them in Chromium: minutes, so they run after everything else.
  if (wanted('packaging')) {
    const files = await testFiles('.packaging.test.ts');
    record('packaging', nodeTestSuite('packaging tests (npm pack, example apps, Chromium)', files, 3600000));
  }
} finally {
  await rm(work, { recursive: true, force: true });
}

console.log(`\n=== summary ===\n${timings.join(', ')}; ${((performance.now() - started) / 1000).toFixed(1)} s in all`);
for (const failure of failures) console.log(`FAILED ${failure}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exitCode = totals.failed > 0 ? 1 : 0;
