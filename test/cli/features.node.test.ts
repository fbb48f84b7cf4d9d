import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { decodeWav } from '../../src/sdk/audio/index.ts';
import { computeFeatures } from '../../src/sdk/features/index.ts';
import { scratchDir, sox } from '../helpers/sox.ts';

const bin = new URL('../../bin/emovox.js', import.meta.url).pathname;
const speech = new URL('../fixtures/features/speech.wav', import.meta.url).pathname;
const dir = scratchDir('cli-features');

function emovox(...args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
}

test('features --json prints one object with the settings and per-frame MFCC equal to the library', () => {
  const result = emovox('features', speech, '--json');
  assert.equal(result.status, 0, result.stderr);
  const output = JSON.parse(result.stdout);
  for (const key of ['sampleRate', 'nFft', 'winLength', 'hopLength', 'nMels', 'nMfcc', 'fMin', 'fMax']) assert.equal(typeof output[key], 'number', key);
  const expected = computeFeatures(decodeWav(readFileSync(speech)).channels[0]);
  assert.equal(output.mfcc.length, expected.nFrames);
  assert.equal(output.mfcc[0].length, 20);
  const worst = Math.max(...output.mfcc.flat().map((v: number, i: number) => Math.abs(v - expected.mfcc[i])));
  assert.ok(worst < 1e-3, `CLI MFCC differs by ${worst}`);
});

test('features --json MFCC matches torchaudio within 1e-5 of the coefficient range', () => {
  // The same tolerance as test/features/torchaudio-parity.node.test.ts, but through the CLI's JSON.
  const reference = JSON.parse(readFileSync(new URL('../fixtures/features/torchaudio-reference.json', import.meta.url), 'utf8')) as {
    clips: { file: string; mfcc: number[][] }[];
  };
  const clip = reference.clips.find((c) => c.file === 'speech.wav');
  assert.ok(clip, 'the reference has speech.wav');
  const result = emovox('features', speech, '--json');
  assert.equal(result.status, 0, result.stderr);
  const ours = (JSON.parse(result.stdout) as { mfcc: number[][] }).mfcc;
  assert.equal(ours.length, clip.mfcc.length);
  const flat = clip.mfcc.flat();
  const range = Math.max(...flat) - Math.min(...flat);
  const worst = Math.max(...ours.flat().map((v, i) => Math.abs(v - flat[i])));
  assert.ok(worst / range < 1e-5, `CLI MFCC differs from torchaudio by ${worst} (${worst / range} of the range)`);
});

test('features resamples other rates and honours options', () => {
  const path = join(dir, 'stereo48k.wav');
  sox(speech, '-r', '48000', '-c', '2', path);
  const result = emovox('features', path, '--json', '--n-mfcc', '13', '--include', 'chroma,rms', '--stats');
  assert.equal(result.status, 0, result.stderr);
  const output = JSON.parse(result.stdout);
  assert.equal(output.sourceSampleRate, 48000);
  assert.equal(output.nMfcc, 13);
  assert.equal(output.mfcc[0].length, 13);
  assert.equal(output.chroma[0].length, 12);
  assert.equal(typeof output.statistics['mfcc0.mean'], 'number');
});

test('features --include pitch,voicing,loudness prints the prosody blocks, one value per frame', () => {
  const result = emovox('features', speech, '--json', '--include', 'pitch,voicing,loudness');
  assert.equal(result.status, 0, result.stderr);
  const output = JSON.parse(result.stdout) as { nFrames: number; pitch: number[][]; voicing: number[][]; loudness: number[][] };
  for (const name of ['pitch', 'voicing', 'loudness'] as const) assert.equal(output[name].length, output.nFrames, name);
  const voiced = output.pitch.filter(([semitones]) => semitones !== 0);
  assert.ok(voiced.length > output.nFrames / 4, 'espeak-ng speech is largely voiced');
  // espeak-ng's default male voice: F0 roughly 90-180 Hz, i.e. −2 to +10 semitones re 100 Hz.
  for (const [semitones] of voiced) assert.ok(semitones > -6 && semitones < 16, `pitch ${semitones} semitones`);
  assert.ok(output.voicing.every(([v]) => v >= 0 && v <= 1));
  assert.ok(output.loudness.every(([db]) => db >= -100 && db < 0));
});

test('bad input exits non-zero with one line naming the file and the problem', () => {
  const wav = readFileSync(speech);
  const cases: Array<[string, Uint8Array | string, RegExp]> = [
    ['text.wav', 'not audio at all', /unknown audio format/],
    ['truncated.wav', wav.subarray(0, 30), /truncated/],
    ['empty-data.wav', wav.subarray(0, 44), /zero samples/],
    ['empty.wav', new Uint8Array(0), /empty/],
  ];
  for (const [name, content, problem] of cases) {
    const path = join(dir, name);
    writeFileSync(path, content);
    const result = emovox('features', path, '--json');
    assert.notEqual(result.status, 0, name);
    assert.equal(result.stdout, '');
    const lines = result.stderr.trim().split('\n');
    assert.equal(lines.length, 1, `${name}: ${result.stderr}`);
    assert.ok(lines[0].includes(path) && problem.test(lines[0]), lines[0]);
  }
});

test('NaN samples and unsupported encodings are rejected in one line', () => {
  const nan = join(dir, 'nan.wav');
  sox(speech, '-e', 'floating-point', '-b', '32', nan);
  const bytes = new Uint8Array(readFileSync(nan));
  new DataView(bytes.buffer).setFloat32(bytes.length - 400, Number.NaN, true);
  writeFileSync(nan, bytes);
  const alaw = join(dir, 'alaw.wav');
  sox(speech, '-e', 'a-law', alaw);
  for (const [path, problem] of [[nan, /NaN/], [alaw, /not supported/]] as const) {
    const result = emovox('features', path);
    assert.equal(result.status, 1);
    assert.match(result.stderr.trim(), problem);
    assert.ok(result.stderr.includes(path), `the line names the file: ${result.stderr}`);
    assert.doesNotMatch(result.stderr, /\n.+\n/);
  }
});

test('usage mistakes exit 2 without a stack trace', () => {
  for (const args of [['features'], ['features', speech, '--n-fft', '500'], ['features', speech, '--include', 'formants'], ['features', speech, '--denoise-db', '-3'], ['nonsense']]) {
    const result = emovox(...args);
    assert.equal(result.status, 2, args.join(' '));
    assert.doesNotMatch(result.stderr, /at .+:\d+:\d+/);
  }
});

test('features --denoise-db gives the noise-suppressed log-mel of the independent numpy reference', () => {
  const reference = JSON.parse(readFileSync(new URL('../fixtures/features/denoise-reference.json', import.meta.url), 'utf8')) as {
    config: { denoiseDb: number }; file: string; logMel: number[][];
  };
  const noisy = new URL(`../fixtures/features/${reference.file}`, import.meta.url).pathname;
  const result = emovox('features', noisy, '--json', '--include', 'logMel', '--denoise-db', String(reference.config.denoiseDb));
  assert.equal(result.status, 0, result.stderr);
  const output = JSON.parse(result.stdout) as { denoiseDb: number; logMel: number[][] };
  assert.equal(output.denoiseDb, reference.config.denoiseDb);
  const expected = reference.logMel.flat();
  const range = Math.max(...expected) - Math.min(...expected);
  const worst = Math.max(...output.logMel.flat().map((v, i) => Math.abs(v - expected[i])));
  assert.ok(worst / range < 1e-5, `relative max error ${worst / range}`);
});
