import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { run } from '../../src/cli/commands/eval.ts';
import { CliUsageError } from '../../src/cli/cli-error.ts';
import { scratchDir, sox } from '../helpers/sox.ts';
import { sourceEnv } from '../cli/cli-helpers.ts';
import { readManifestCsv } from '../../src/datasets/manifest-csv.ts';
import { evaluateModel } from '../../src/eval/evaluate.ts';
import { loadModelFile } from '../../src/eval/load-model.ts';

const tinyModel = fileURLToPath(new URL('../model/fixtures/tiny-frames.json', import.meta.url));

/** Six short clips (sox tones and noise at different levels) for two speakers. */
function corpus(): string {
  const dir = scratchDir('eval-cli');
  const clips: [string, string, string][] = [];
  for (const [k, speaker] of ['s1', 's2'].entries()) {
    for (const [j, [label, synth]] of ([['neutral', ['sine', '300']], ['angry', ['whitenoise']], ['happy', ['square', '800']]] as const).entries()) {
      const file = `${speaker}-${j}.wav`;
      sox('-n', '-r', '16000', '-b', '16', join(dir, file), 'synth', '0.6', ...synth, 'vol', String(0.2 + 0.2 * k));
      clips.push([file, label, speaker]);
    }
  }
  writeFileSync(join(dir, 'set.csv'), ['path,label,speaker', ...clips.map((c) => c.join(','))].join('\n') + '\n');
  return dir;
}

const bin = fileURLToPath(new URL('../../bin/emovox.js', import.meta.url));

/** Runs the real binary (stdout of this process carries the test runner's own reports). */
function capture(args: string[]): { code: number; stdout: string } {
  const result = spawnSync(process.execPath, [bin, 'eval', ...args], { encoding: 'utf8', env: sourceEnv });
  if (result.status !== 0) throw new Error(`emovox eval exited ${result.status}: ${result.stderr}`);
  return { code: result.status, stdout: result.stdout };
}

test('emovox eval --json prints the documented shape and --out writes the report and images', async () => {
  const dir = corpus();
  const out = join(dir, 'report');
  const { code, stdout } = capture(['--manifest', join(dir, 'set.csv'), '--model', tinyModel, '--json', '--out', out]);
  assert.equal(code, 0);
  const result = JSON.parse(stdout);
  assert.equal(result.n, 6);
  for (const key of ['accuracy', 'uar', 'macroF1']) assert.ok(result[key] >= 0 && result[key] <= 1, key);
  assert.deepEqual(result.confusion.labels, ['neutral', 'happy', 'angry']);
  assert.equal(result.confusion.matrix.flat().reduce((a: number, b: number) => a + b, 0), 6);
  assert.deepEqual(Object.keys(result.perClass.angry).sort(), ['f1', 'precision', 'recall', 'support']);
  assert.equal(result.adaptation.firstUtterance.n, 2, 'one cold first utterance per speaker');
  assert.equal(result.calibration.temperature, 1);
  assert.ok(result.calibration.calibrated.ece >= 0 && result.calibration.calibrated.ece <= 1);
  assert.equal(result.calibration.calibrated.bins.reduce((a: number, b: { n: number }) => a + b.n, 0), 6);
  for (const file of ['report.md', 'result.json', 'confusion.png', 'confusion.svg', 'reliability.svg']) assert.ok(existsSync(join(out, file)), file);
  assert.match(readFileSync(join(out, 'report.md'), 'utf8'), /\| clips \| accuracy \| UAR \| macro-F1 \|/);
  assert.match(readFileSync(join(out, 'report.md'), 'utf8'), /expected calibration error \(10 bins\)/);
});

test('unknown labels are listed; --map and --drop resolve them; --restrict narrows the argmax', async () => {
  const dir = corpus();
  const csv = join(dir, 'odd.csv');
  writeFileSync(csv, 'path,label,speaker\ns1-0.wav,boredom,s1\ns1-1.wav,angry,s1\ns1-2.wav,joy,s1\n');
  await assert.rejects(run(['--manifest', csv, '--model', tinyModel]), (e: unknown) => e instanceof CliUsageError && /'boredom', 'joy'/.test(e.message));
  const mapped = JSON.parse((capture(['--manifest', csv, '--model', tinyModel, '--map', 'boredom=neutral,joy=happy', '--json'])).stdout);
  assert.equal(mapped.n, 3);
  const dropped = JSON.parse((capture(['--manifest', csv, '--model', tinyModel, '--drop', 'boredom,joy', '--restrict', '--json'])).stdout);
  assert.equal(dropped.n, 1);
  assert.equal(dropped.accuracy, 1, 'only angry is allowed, so the one clip is right');
  // The same prediction over every label the model has, as an application would show it.
  assert.ok(dropped.unrestricted.accuracy === 0 || dropped.unrestricted.accuracy === 1);
  assert.equal(mapped.unrestricted, undefined, 'only --restrict reports the unrestricted scores');
});

test('evaluateModel keeps every clip\'s probabilities on request, in CSV order', async () => {
  const dir = corpus();
  const ort = await import('onnxruntime-node');
  const model = await loadModelFile(tinyModel, ort);
  const entries = (await readManifestCsv(join(dir, 'set.csv')));
  const kept = await evaluateModel(model, entries, { keepProbabilities: true, restrict: true });
  assert.equal(kept.probabilities?.length, 6);
  for (const p of kept.probabilities ?? []) assert.ok(Math.abs(p.reduce((a, b) => a + b, 0) - 1) < 1e-5);
  assert.equal((await evaluateModel(model, entries)).probabilities, undefined);
  await model.release();
});

test('usage errors name the problem', async () => {
  await assert.rejects(run([]), /--manifest <file.csv> is required/);
  await assert.rejects(run(['--manifest', 'x.csv', '--snr', 'loud']), /--snr must be a number/);
  await assert.rejects(run(['--manifest', 'x.csv', '--map', 'a']), (e: unknown) => e instanceof CliUsageError);
  await assert.rejects(run(['--manifest', '/nonexistent.csv', '--model', tinyModel]), /cannot read/);
});

test('--snr adds noise; --runtime web runs onnxruntime-web wasm', async () => {
  const dir = corpus();
  const { code, stdout } = capture(['--manifest', join(dir, 'set.csv'), '--model', tinyModel, '--json', '--snr', '10', '--runtime', 'web']);
  assert.equal(code, 0);
  assert.equal(JSON.parse(stdout).snrDb, 10);
});
