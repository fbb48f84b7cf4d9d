import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { parseCsv } from '../../src/datasets/csv.ts';
import { ffmpeg } from '../audio/ffmpeg.ts';
import { scratchDir, sox } from '../helpers/sox.ts';
import type { RecordingRecord } from '../../src/cli/batch/record.ts';
import { emovox, generated, generateTestAudio, stereoCall, tinyModel } from './cli-helpers.ts';

const dir = scratchDir('cli-batch');
const lines = (stdout: string) => stdout.trim().split('\n').map((l) => JSON.parse(l) as RecordingRecord);
const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as RecordingRecord;

before(generateTestAudio);

test('analyze --channels split --json: one object per input, each utterance with its channel and label', () => {
  const call = stereoCall(dir);
  const split = emovox('analyze', call, '--channels', 'split', '--json', '--model', tinyModel);
  assert.equal(split.status, 0, split.stderr);
  const [record] = lines(split.stdout);
  assert.equal(record!.channelCount, 2);
  assert.deepEqual(record!.speakers, ['ch0', 'ch1']);
  for (const u of record!.utterances) {
    assert.ok(u.channel === 0 || u.channel === 1);
    assert.equal(typeof u.label, 'string');
  }
  // Each channel alone gives what its mono source gives alone: channels and their speaker adaptation are separate.
  const mono = lines(emovox('analyze', generated('two-phrases'), generated('one-phrase'), '--json', '--model', tinyModel).stdout);
  const byName = Object.fromEntries(mono.map((r) => [r.name, r]));
  for (const [channel, source] of [[0, 'two-phrases'], [1, 'one-phrase']] as const) {
    const own = record!.utterances.filter((u) => u.channel === channel).map(({ channel: _c, speaker: _s, ...u }) => u);
    const alone = byName[source]!.utterances.map(({ channel: _c, speaker: _s, ...u }) => u);
    assert.deepEqual(own, alone);
  }
});

describe('analyze --out on a folder of mixed-format stereo recordings', () => {
  const folder = join(dir, 'calls');
  const out = join(dir, 'out');
  const args = ['analyze', folder, '--channels', 'split', '--speakers', 'agent,customer', '--jobs', '2', '--out', out, '--model', tinyModel];

  before(() => {
    mkdirSync(folder);
    const call = stereoCall(dir, 'source.wav');
    sox(call, join(folder, 'a-wav.wav'));
    sox(call, join(folder, 'b-flac.flac'));
    ffmpeg('-i', call, '-c:a', 'libopus', '-b:a', '48k', join(folder, 'c-opus.opus'));
    ffmpeg('-i', call, '-c:a', 'libmp3lame', join(folder, 'd-mp3.mp3'));
    writeFileSync(join(folder, 'e-bad.wav'), 'RIFF this is not really a wave file');
  });

  test('writes JSON, HTML and CSV per speaker, an error record for the bad file, and exits 1', () => {
    const run = emovox(...args);
    assert.equal(run.status, 1, run.stderr);
    const errorLines = run.stderr.split('\n').filter((l) => l.startsWith('emovox analyze: ') && l.includes('e-bad.wav'));
    assert.equal(errorLines.length, 1, run.stderr);
    assert.equal(read(join(out, 'e-bad.error.json')).complete, false);
    for (const name of ['a-wav', 'b-flac', 'c-opus', 'd-mp3']) {
      const record = read(join(out, `${name}.json`));
      assert.equal(record.complete, true);
      assert.deepEqual(record.speakers, ['agent', 'customer']);
      assert.deepEqual(record.summary.speakers.map((s) => s.speaker).sort(), ['agent', 'customer']);
      assert.ok(record.utterances.some((u) => u.speaker === 'agent') && record.utterances.some((u) => u.speaker === 'customer'));
      const html = readFileSync(join(out, `${name}.html`), 'utf8');
      assert.match(html, /<svg[^>]*aria-label="Timeline/);
      assert.doesNotMatch(html, /(src|href)="https?:|<script|@import/i, 'the report makes no external request');
    }
    const records = ['a-wav', 'b-flac', 'c-opus', 'd-mp3'].map((n) => read(join(out, `${n}.json`)));
    const [header, ...utteranceRows] = parseCsv(readFileSync(join(out, 'utterances.csv'), 'utf8'));
    assert.equal(utteranceRows.length, records.reduce((n, r) => n + r.utterances.length, 0));
    assert.ok(header!.includes('speaker') && header!.includes('probabilities.angry'));
    const [recordingHeader, ...recordingRows] = parseCsv(readFileSync(join(out, 'recordings.csv'), 'utf8'));
    assert.equal(recordingRows.length, 5);
    assert.ok(recordingHeader!.includes('customer.ending'));
    assert.equal(recordingRows.filter((r) => r[recordingHeader!.indexOf('status')] === 'failed').length, 1);
    assert.match(readFileSync(join(out, 'batch-report.html'), 'utf8'), /e-bad[\s\S]*failed: UNSUPPORTED_AUDIO|failed: INVALID_AUDIO/);
  });

  test('resumes: complete results are skipped, missing and incomplete ones are analysed again', () => {
    const kept = statSync(join(out, 'a-wav.json')).mtimeMs;
    rmSync(join(out, 'b-flac.json'));
    writeFileSync(join(out, 'c-opus.json'), '{"complete": true, "utter');
    rmSync(join(folder, 'e-bad.wav'));
    const run = emovox(...args);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /2 analysed, 2 already complete, 0 failed/);
    assert.equal(statSync(join(out, 'a-wav.json')).mtimeMs, kept);
    assert.equal(read(join(out, 'c-opus.json')).complete, true);
    assert.equal(existsSync(join(out, 'b-flac.json')), true);
  });
});

test('a CSV list carries its metadata columns into the JSON and the recordings table', () => {
  const folder = scratchDir('cli-list');
  stereoCall(folder, 'call-17.wav');
  writeFileSync(join(folder, 'calls.csv'), 'path,agent_id,queue\ncall-17.wav,A-9,"billing, urgent"\n');
  const jsonl = join(folder, 'calls.jsonl');
  writeFileSync(jsonl, JSON.stringify({ path: 'call-17.wav', agentId: 'A-9', score: 4 }) + '\n');
  const out = join(folder, 'out');
  const run = emovox('analyze', join(folder, 'calls.csv'), '--out', out, '--model', tinyModel);
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(read(join(out, 'call-17.json')).metadata, { agent_id: 'A-9', queue: 'billing, urgent' });
  const [header, row] = parseCsv(readFileSync(join(out, 'recordings.csv'), 'utf8'));
  assert.equal(row![header!.indexOf('queue')], 'billing, urgent');
  const fromJsonl = emovox('analyze', jsonl, '--json', '--model', tinyModel);
  assert.deepEqual(lines(fromJsonl.stdout)[0]!.metadata, { agentId: 'A-9', score: 4 });
});

test('usage mistakes exit 2 with one line naming the option', () => {
  const call = stereoCall(scratchDir('cli-usage'));
  const cases: Array<[string[], RegExp]> = [
    [['--channels', 'left'], /--channels must be 'mix' or 'split'/],
    [['--jobs', '0'], /--jobs must be an integer/],
    [['--speakers', 'a,,b'], /--speakers must be distinct/],
    [['--positive-threshold', '3'], /vad\.positiveSpeechThreshold/],
    [[join(call, '..', 'nothing-here', '*.wav')], /no audio file matches/],
  ];
  for (const [extra, message] of cases) {
    const run = emovox('analyze', call, ...extra, '--model', tinyModel);
    assert.equal(run.status, 2, `${extra.join(' ')}: ${run.stderr}`);
    assert.match(run.stderr, message);
    assert.doesNotMatch(run.stderr, /    at /);
  }
});
