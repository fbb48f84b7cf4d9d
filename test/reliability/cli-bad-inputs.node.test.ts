// The Node CLI given bad paths and bad files among good ones: one line per bad input naming it, a
// non-zero exit, no stack trace, and the good inputs still analysed and reported.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { bin, generated, generateTestAudio, sourceEnv, tinyModel } from '../cli/cli-helpers.ts';
import { scratchDir, sox } from '../helpers/sox.ts';

const dir = scratchDir('cli-bad-inputs');
const speech = new URL('../fixtures/features/speech.wav', import.meta.url).pathname;
const ascii = (s: string) => new TextEncoder().encode(s);

/** Runs the CLI from src/ with a hard timeout, so an input that blocks (a FIFO) fails the test instead of hanging it. */
function emovox(...args: string[]) {
  const run = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: sourceEnv, timeout: 180_000 });
  assert.equal(run.signal, null, `the CLI was killed (hung?): ${run.stderr}`);
  return run;
}

const good: string[] = [];
/** Bad inputs and what their one line must say. */
const bad: Array<[string, RegExp]> = [];

before(() => {
  generateTestAudio();
  good.push(join(dir, 'good-one.wav'), join(dir, 'good-speech.flac'));
  copyFileSync(generated('one-phrase'), good[0]!);
  sox(speech, good[1]!);
  const file = (name: string, bytes: Uint8Array) => {
    writeFileSync(join(dir, name), bytes);
    return join(dir, name);
  };
  const flac = readFileSync(good[1]!);
  const emptyFolder = join(dir, 'no-audio-here');
  mkdirSync(emptyFolder);
  writeFileSync(join(emptyFolder, 'readme.txt'), 'nothing\n');
  const dangling = join(dir, 'dangling.wav');
  symlinkSync(join(dir, 'was-deleted.wav'), dangling);
  const fifo = join(dir, 'fifo.wav');
  assert.equal(spawnSync('mkfifo', [fifo]).status, 0, 'mkfifo');
  bad.push(
    [join(dir, 'missing.wav'), /no such file \[INVALID_AUDIO\]/],
    [dangling, /symbolic link to .*was-deleted\.wav, which does not exist \[INVALID_AUDIO\]/],
    [fifo, /is a FIFO, not a regular file \[INVALID_AUDIO\]/],
    [emptyFolder, /is a directory with no audio files .* \[INVALID_AUDIO\]/],
    [join(good[0]!, 'inside-a-file.wav'), /a parent of this path is a file \[INVALID_AUDIO\]|not a directory \[INVALID_AUDIO\]/],
    [file('text.wav', ascii('this is a text file, not audio\n')), /unknown audio format \(starts with 'this'\).* \[UNSUPPORTED_AUDIO\]/],
    [file('stub.wav', ascii('RIFF')), /WAV header is truncated.* \[INVALID_AUDIO\]/],
    [file('cut.flac', flac.subarray(0, 200)), /FLAC .* \[INVALID_AUDIO\]/],
    [file('vorbis.ogg', Uint8Array.from([...ascii('OggS'), 0, 2, ...new Array(20).fill(0), 1, 30, ...ascii('\x01vorbis'), ...new Array(40).fill(0)])), /not Opus.* \[UNSUPPORTED_AUDIO\]/],
    [file('clip.webm', Uint8Array.from([0x1a, 0x45, 0xdf, 0xa3, ...new Array(40).fill(0)])), /WebM is decoded only in a browser.* \[UNSUPPORTED_AUDIO\]/],
    [file('empty.mp3', new Uint8Array(0)), /the file is empty \[INVALID_AUDIO\]/],
  );
  // root ignores file modes, so chmod 000 only makes a file unreadable for other users.
  if (process.getuid?.() !== 0) {
    const locked = file('locked.wav', readFileSync(good[0]!));
    chmodSync(locked, 0);
    bad.push([locked, /permission denied \[INVALID_AUDIO\]/]);
  }
});

function assertOneLinePerBadInput(stderr: string): void {
  const lines = stderr.split('\n').filter((l) => l.trim() !== '');
  assert.doesNotMatch(stderr, /^\s+at /m, 'no stack trace');
  for (const [path, message] of bad) {
    const mine = lines.filter((l) => l.startsWith(`emovox analyze: ${path}: `));
    assert.equal(mine.length, 1, `one line for ${path} in:\n${stderr}`);
    assert.match(mine[0]!, message);
  }
  assert.equal(lines.length, bad.length, `only the bad inputs' lines:\n${stderr}`);
}

test('analyze: every bad input gets one line, the good ones are still analysed, exit 1', () => {
  const run = emovox('analyze', '--model', tinyModel, '--jobs', '1', good[0]!, ...bad.map(([p]) => p), good[1]!);
  assert.equal(run.status, 1, run.stderr);
  assertOneLinePerBadInput(run.stderr);
  for (const path of good) assert.match(run.stdout, new RegExp(`^${path}: [\\d.]+ s, 1 utterance`, 'm'));
  console.log(`cli: ${bad.length} bad inputs, ${good.length} good, one line each`);
});

test('analyze --json and --out: the same lines; results and error records for each input', () => {
  const json = emovox('analyze', '--model', tinyModel, '--jobs', '2', '--json', ...bad.map(([p]) => p), ...good);
  assert.equal(json.status, 1);
  assertOneLinePerBadInput(json.stderr);
  const records = json.stdout.trim().split('\n').map((l) => JSON.parse(l) as { file: string });
  assert.deepEqual(records.map((r) => r.file).sort(), [...good].sort());

  const out = join(dir, 'out');
  const written = emovox('analyze', '--model', tinyModel, '--jobs', '1', '--out', out, good[0]!, bad[0]![0], bad[5]![0]);
  assert.equal(written.status, 1);
  assert.match(written.stderr, /1 analysed, 0 already complete, 2 failed/);
  assert.doesNotMatch(written.stderr, /^\s+at /m);
  assert.ok(existsSync(join(out, 'good-one.json')));
  const failure = JSON.parse(readFileSync(join(out, 'text.error.json'), 'utf8')) as { error: { code: string } };
  assert.equal(failure.error.code, 'UNSUPPORTED_AUDIO');
});

test('analyze with a hostile model manifest: one line naming the manifest and the field, exit 1', () => {
  const manifest = JSON.parse(readFileSync(tinyModel, 'utf8'));
  manifest.features.minFrames = 1e9;
  manifest.features.maxFrames = 1e9;
  const path = join(dir, 'hostile.json');
  writeFileSync(path, JSON.stringify(manifest));
  const run = emovox('analyze', '--model', path, good[0]!);
  assert.equal(run.status, 1);
  assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
  assert.match(run.stderr, new RegExp(`${path}: model manifest: 'features\\.maxFrames'`));
});

test('eval: unknown labels name the CSV and the labels; a bad clip names the clip; exit non-zero, no stack', () => {
  const csv = join(dir, 'labels.csv');
  writeFileSync(csv, `path,label\n${good[0]},happy\n${good[1]},joy\n${good[1]},bored\n`);
  const unknown = emovox('eval', '--manifest', csv, '--model', tinyModel);
  assert.equal(unknown.status, 2, unknown.stderr);
  assert.equal(unknown.stderr.trim().split('\n').length, 1, unknown.stderr);
  assert.match(unknown.stderr, new RegExp(`${csv}: unknown label\\(s\\) 'joy', 'bored'`));

  const broken = join(dir, 'broken-clip.csv');
  writeFileSync(broken, `path,label\n${good[0]},happy\n${bad[5]![0]},sad\n`);
  const run = emovox('eval', '--manifest', broken, '--model', tinyModel);
  assert.equal(run.status, 1, run.stderr);
  assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
  assert.match(run.stderr, new RegExp(`${bad[5]![0]}: unknown audio format`));
  assert.doesNotMatch(run.stderr + unknown.stderr, /^\s+at /m);
});
