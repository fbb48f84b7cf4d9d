import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { decodeWav, prepareAudio } from '../../src/sdk/audio/index.ts';
import { EmovoxError } from '../../src/sdk/errors.ts';
import { NodeAnalyzer } from '../../src/sdk/node/analyzer.ts';
import type { AnalysisResult } from '../../src/sdk/types.ts';

const modelPath = fileURLToPath(new URL('../model/fixtures/tiny-frames.json', import.meta.url));
const model = new URL('../model/fixtures/tiny-frames.json', import.meta.url);
const wav = (name: string) => fileURLToPath(new URL(`../.generated/${name}.wav`, import.meta.url));
const bin = fileURLToPath(new URL('../../bin/emovox.js', import.meta.url));
const load = (name: string) => ({ samples: prepareAudio(decodeWav(readFileSync(wav(name)))), sampleRate: 16000 });
const sum = (r: Readonly<Record<string, number>>) => Object.values(r).reduce((a, b) => a + b, 0);

let analyzer: NodeAnalyzer;
before(async () => {
  const generate = spawnSync(process.execPath, [fileURLToPath(new URL('../../scripts/generate-test-audio.mjs', import.meta.url))], { encoding: 'utf8' });
  assert.equal(generate.status, 0, generate.stderr);
  analyzer = await NodeAnalyzer.create({ model });
});
after(() => analyzer.release());

test('finds one utterance in one-phrase, two in two-phrases, none in silence', async () => {
  const one = await analyzer.analyze(load('one-phrase'));
  const two = await analyzer.analyze(load('two-phrases'));
  const none = await analyzer.analyze(load('silence'));
  assert.equal(one.utterances.length, 1);
  assert.equal(two.utterances.length, 2);
  assert.equal(none.utterances.length, 0);
  // two-phrases: 1 s silence, a ~6 s phrase, 1.5 s silence, a ~2.5 s phrase.
  const [a, b] = two.utterances;
  assert.ok(a.startMs > 500 && a.startMs < 1100, `first starts at ${a.startMs}`);
  assert.ok(b.startMs - a.endMs > 800, 'a gap separates the phrases');
  for (const u of [...one.utterances, ...two.utterances]) {
    assert.deepEqual(Object.keys(u.probabilities), ['neutral', 'happy', 'angry']);
    assert.ok(Math.abs(sum(u.probabilities) - 1) < 1e-5);
    assert.equal(u.final, true);
    assert.ok(u.valence >= -1 && u.valence <= 1 && u.arousal >= -1 && u.arousal <= 1);
  }
});

test('chunk size does not change the result; progress is monotonic and ends at 1', async () => {
  const audio = load('two-phrases');
  const fractions: number[] = [];
  const small = await analyzer.analyze(audio, { chunkSeconds: 0.37, onProgress: (p) => fractions.push(p.fraction) });
  const large = await analyzer.analyze(audio, { chunkSeconds: 60 });
  assert.deepEqual(small, large);
  assert.ok(fractions.length > 30);
  assert.deepEqual([...fractions].sort((x, y) => x - y), fractions);
  assert.equal(fractions.at(-1), 1);
});

test('an aborted analysis rejects with ABORTED', async () => {
  const controller = new AbortController();
  const pending = analyzer.analyze(load('two-phrases'), { chunkSeconds: 0.5, signal: controller.signal, onProgress: () => controller.abort() });
  await assert.rejects(pending, (error: unknown) => error instanceof EmovoxError && error.code === 'ABORTED');
});

test("onnxruntime-web's wasm build (the browser's runtime) agrees with onnxruntime-node", async () => {
  const web = await NodeAnalyzer.create({ model }, 'onnxruntime-web');
  try {
    assert.equal(web.runtime, 'onnxruntime-web');
    const [a, b] = [await analyzer.analyze(load('two-phrases')), await web.analyze(load('two-phrases'))];
    assert.deepEqual(b.utterances.map((u) => [u.startMs, u.endMs, u.label]), a.utterances.map((u) => [u.startMs, u.endMs, u.label]));
    for (let i = 0; i < a.utterances.length; i++) {
      for (const label of a.labels) assert.ok(Math.abs(a.utterances[i].probabilities[label] - b.utterances[i].probabilities[label]) < 1e-4);
    }
  } finally {
    await web.release();
  }
});

interface AnalyzeRecord {
  name: string;
  model: string;
  labels: string[];
  utterances: AnalysisResult['utterances'];
}

/** The records `emovox analyze --json` prints, one JSON object per line. */
function jsonLines(stdout: string): AnalyzeRecord[] {
  return stdout.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as AnalyzeRecord);
}

test('`emovox analyze --json` prints the same utterances as the library', async () => {
  const run = spawnSync(process.execPath, [bin, 'analyze', wav('two-phrases'), wav('silence'), '--json', '--model', modelPath], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  // One JSON object per input, in the order the inputs finish.
  const records = jsonLines(run.stdout);
  assert.equal(records.length, 2);
  for (const record of records) {
    assert.equal(record.model, 'tiny-frames');
    assert.deepEqual(record.labels, ['neutral', 'happy', 'angry']);
  }
  const speech = records.find((r) => r.name === 'two-phrases');
  assert.ok(speech, 'a record for two-phrases.wav');
  assert.equal(records.find((r) => r.name === 'silence')?.utterances.length, 0);
  const expected = (await analyzer.analyze(load('two-phrases'))).utterances;
  assert.equal(speech?.utterances.length, expected.length);
  speech.utterances.forEach((u, i) => {
    assert.equal(u.startMs, expected[i].startMs);
    assert.equal(u.endMs, expected[i].endMs);
    assert.equal(u.label, expected[i].label);
    for (const label of speech.labels) assert.ok(Math.abs(u.probabilities[label] - expected[i].probabilities[label]) < 1e-5);
  });
});

test('`emovox analyze` text output and its failures', () => {
  const ok = spawnSync(process.execPath, [bin, 'analyze', wav('one-phrase'), '--model', modelPath], { encoding: 'utf8' });
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /one-phrase\.wav: [\d.]+ s, 1 utterance\n\s+[\d.]+-[\d.]+ s\s+\w+/);
  assert.equal(ok.stderr.includes('VAD |'), false, 'vad-web logging is silenced');
  const cases: [string[], number, RegExp][] = [
    [['analyze', '--model', modelPath], 2, /at least one audio file/],
    [['analyze', wav('one-phrase'), '--model', '/nonexistent/model.json'], 1, /MODEL_LOAD_FAILED/],
    [['analyze', bin, '--model', modelPath], 1, /UNSUPPORTED_AUDIO/],
    [['analyze', wav('one-phrase'), '--model', modelPath, '--positive-threshold', '3'], 2, /vad.positiveSpeechThreshold/],
    [['analyze', wav('one-phrase'), '--model', modelPath, '--vad-model', 'v9'], 2, /vad.model/],
  ];
  for (const [args, status, message] of cases) {
    const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
    assert.equal(result.status, status, `${args.join(' ')}: ${result.stderr}`);
    assert.match(result.stderr, message);
    assert.equal(result.stderr.includes('    at '), false, 'no stack trace');
  }
});

test('includeAudio attaches each utterance\'s 16 kHz audio to its final result', async () => {
  const withAudio = await NodeAnalyzer.create({ model, includeAudio: true });
  try {
    const [u] = (await withAudio.analyze(load('one-phrase'))).utterances;
    assert.ok(u.audio instanceof Float32Array);
    assert.equal(u.audio.length, ((u.endMs - u.startMs) * 16000) / 1000);
    const source = load('one-phrase').samples;
    const offset = (u.startMs * 16000) / 1000;
    assert.deepEqual(u.audio.subarray(0, 1000), source.subarray(offset, offset + 1000));
  } finally {
    await withAudio.release();
  }
  assert.equal((await analyzer.analyze(load('one-phrase'))).utterances[0].audio, undefined, 'no audio unless asked');
});

test('analyzeFile() decodes and analyses a file at its own rate (44.1 kHz stereo here)', async () => {
  const { analyzeFile } = await import('../../src/sdk/node/index.ts');
  const { scratchDir, sox } = await import('../helpers/sox.ts');
  const stereo = `${scratchDir('sdk-analyze-file')}/two-phrases-44k.wav`;
  sox(wav('two-phrases'), '-r', '44100', '-c', '2', stereo);
  const result = await analyzeFile(stereo, { model });
  const reference = await analyzer.analyze(load('two-phrases'));
  assert.equal(result.utterances.length, reference.utterances.length);
  result.utterances.forEach((u, i) => {
    assert.ok(Math.abs(u.startMs - reference.utterances[i].startMs) <= 64, `start ${u.startMs} vs ${reference.utterances[i].startMs}`);
    assert.ok(Math.abs(u.endMs - reference.utterances[i].endMs) <= 64);
  });
  await assert.rejects(analyzeFile(fileURLToPath(new URL('./fixtures/corrupt.onnx', import.meta.url)), { model }), (e: unknown) => e instanceof EmovoxError && e.code === 'UNSUPPORTED_AUDIO');
});

test('`emovox analyze` without --model uses the shipped default model', () => {
  const run = spawnSync(process.execPath, [bin, 'analyze', wav('one-phrase'), '--json'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const [output] = jsonLines(run.stdout);
  assert.equal(output.model, 'emovox-default');
  assert.equal(output.utterances.length, 1);
  assert.ok(Math.abs(sum(output.utterances[0].probabilities) - 1) < 1e-4);
});
