// Seeded fuzzing of the WAV and FLAC decoders, the CSV manifest reader and the Node analyze path with
// random and damaged inputs. Each target runs in a worker thread with a bounded number of inputs and a
// time budget (together under 60 s); any uncaught exception, a disallowed error type, a wrong result or a
// hang (no progress for 20 s) fails the test with fast-check's seed and path to replay the input.
// Replay or explore: EMOVOX_FUZZ_SEED=<n> EMOVOX_FUZZ_SCALE=<x> node --import tsx --test <this file>.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { scratchDir, sox } from '../helpers/sox.ts';
import type { Seeds, TargetName } from './helpers/fuzz-targets.ts';
import type { FuzzJob, FuzzReport } from './helpers/fuzz-thread.ts';
import { buzz, wavOf } from './helpers/wav-bytes.ts';

const seed = Number(process.env.EMOVOX_FUZZ_SEED ?? 20261203);
const scale = Number(process.env.EMOVOX_FUZZ_SCALE ?? 1);
const stallMs = 20_000;
const speech = fileURLToPath(new URL('../fixtures/features/speech.wav', import.meta.url));
const model = new URL('../model/fixtures/tiny-frames.json', import.meta.url).href;
const dir = scratchDir('fuzz');

/** The speech fixture's first `seconds`, written by sox with the output `format` options. */
function soxBytes(name: string, seconds: number, ...format: string[]): Uint8Array {
  const path = join(dir, name);
  sox(speech, ...format, path, 'trim', '0', String(seconds));
  return new Uint8Array(readFileSync(path));
}

const tone = buzz(16000, 0.3);
const seeds: Seeds = {
  wav: [
    wavOf([tone], 16000),
    wavOf([tone, tone.map((x) => -x)], 16000, 'float32'),
    soxBytes('pcm8.wav', 0.3, '-b', '8', '-r', '8000'),
    soxBytes('pcm24-3ch.wav', 0.2, '-b', '24', '-c', '3', '-r', '22050'),
    soxBytes('float64.wav', 0.2, '-e', 'floating-point', '-b', '64'),
  ],
  flac: [soxBytes('mono.flac', 0.5), soxBytes('stereo24.flac', 0.3, '-b', '24', '-c', '2', '-r', '44100')],
  csv: [
    'path,label,speaker\na.wav,angry,s1\nsub/b.wav,happy,s2\n',
    'Path,Label\r\n"/abs/with, comma.wav","sad"\r\n"quote""d.wav",neutral\r\n',
    'label,extra,path\nfearful,"multi\nline",c.flac\n',
  ],
};

/** Per target: at most `runs` inputs and `budgetMs` of fuzzing (plus start-up). */
const plan: Array<[TargetName, number, number]> = [
  ['wav', 4000, 10_000],
  ['flac', 800, 12_000],
  ['csv', 4000, 6_000],
  ['analyze', 600, 20_000],
];

function runTarget(target: TargetName, numRuns: number, budgetMs: number): Promise<FuzzReport & { kind: 'done' | 'failed' }> {
  const job: FuzzJob = { target, seed, numRuns, budgetMs, seeds, model };
  const tsx = import.meta.resolve('tsx/esm/api');
  const url = new URL('./helpers/fuzz-thread.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(url)}); })`;
  const worker = new Worker(bootstrap, { eval: true, workerData: job });
  return new Promise((resolve) => {
    let tried = 0;
    let watchdog: NodeJS.Timeout;
    const finish = (report: FuzzReport & { kind: 'done' | 'failed' }) => {
      clearTimeout(watchdog);
      void worker.terminate();
      resolve(report);
    };
    const arm = () => {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => finish({ kind: 'failed', tried, report: `no progress for ${stallMs} ms after ${tried} inputs: hang` }), stallMs);
    };
    arm();
    worker.on('message', (report: FuzzReport) => {
      tried = report.tried;
      if (report.kind === 'tick') arm();
      else finish(report);
    });
    worker.on('error', (error) => finish({ kind: 'failed', tried, report: `uncaught in the fuzz thread: ${error.stack ?? error}` }));
    worker.on('exit', (code) => finish({ kind: 'failed', tried, report: `fuzz thread exited with code ${code}` }));
  });
}

for (const [target, runs, budgetMs] of plan) {
  test(`fuzz ${target}: no crash, hang or untyped error (seed ${seed})`, async (t) => {
    const report = await runTarget(target, Math.round(runs * scale), Math.round(budgetMs * scale));
    const line = `fuzz ${target}: ${report.tried} inputs tried` + (report.kind === 'done' ? `, ${report.rejected} rejected with an allowed typed error` : '');
    t.diagnostic(line);
    console.log(line);
    assert.equal(report.kind, 'done', report.kind === 'failed' ? report.report : '');
    assert.ok(report.tried >= Math.min(100, runs * scale), `only ${report.tried} inputs ran`);
  });
}
