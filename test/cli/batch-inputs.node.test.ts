import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { expandInputs } from '../../src/cli/batch/inputs.ts';
import { recordingsCsv } from '../../src/cli/batch/csv-tables.ts';
import { readCompleteResult, writeFileAtomic } from '../../src/cli/batch/atomic-write.ts';
import { CliUsageError } from '../../src/cli/cli-error.ts';
import { parseCsv } from '../../src/datasets/csv.ts';
import { scratchDir } from '../helpers/sox.ts';

const dir = scratchDir('cli-inputs');
const touch = (...parts: string[]) => {
  const path = join(dir, ...parts);
  writeFileSync(path, '');
  return path;
};

test('folders are searched recursively for audio, globs expand, each file once', async () => {
  mkdirSync(join(dir, 'calls', 'day2'), { recursive: true });
  const a = touch('calls', 'a.wav');
  const b = touch('calls', 'day2', 'b.MP3');
  touch('calls', 'notes.txt');
  const c = touch('calls', 'c.opus');
  const inputs = await expandInputs([join(dir, 'calls'), join(dir, 'calls', '*.wav')]);
  assert.deepEqual(inputs.map((i) => i.path).sort(), [a, b, c].sort());
  assert.deepEqual(inputs.map((i) => i.name).sort(), ['a', 'b', 'c']);
});

test('two inputs with one base name are refused, since their results would collide', async () => {
  mkdirSync(join(dir, 'x'));
  mkdirSync(join(dir, 'y'));
  await assert.rejects(expandInputs([touch('x', 'same.wav'), touch('y', 'same.flac')]), (e: unknown) => e instanceof CliUsageError && /same/.test(e.message));
});

test('lists: relative paths resolve against the list; bad lists name the file and line', async () => {
  mkdirSync(join(dir, 'list'));
  writeFileSync(join(dir, 'list', 'ok.csv'), 'file,team\nsub/one.wav,north\n');
  const [one] = await expandInputs([join(dir, 'list', 'ok.csv')]);
  assert.equal(one!.path, join(dir, 'list', 'sub', 'one.wav'));
  assert.deepEqual(one!.metadata, { team: 'north' });
  writeFileSync(join(dir, 'list', 'no-path.csv'), 'name,team\none.wav,north\n');
  await assert.rejects(expandInputs([join(dir, 'list', 'no-path.csv')]), /needs a 'path' or 'file' column/);
  writeFileSync(join(dir, 'list', 'bad.jsonl'), '{"path": "a.wav"}\n{not json}\n');
  await assert.rejects(expandInputs([join(dir, 'list', 'bad.jsonl')]), /bad\.jsonl:2/);
  writeFileSync(join(dir, 'list', 'nested.jsonl'), '{"path": "a.wav", "tags": {"x": 1}}\n');
  await assert.rejects(expandInputs([join(dir, 'list', 'nested.jsonl')]), /column 'tags'/);
});

test('metadata that would shadow a column of ours is renamed meta.<name>; failures are rows too', () => {
  const failure = { complete: false as const, file: '/a.wav', name: 'a', metadata: { status: 'vip', team: 'north' }, error: { code: 'INVALID_AUDIO', message: 'bad' }, attempts: 1 };
  const [header, row] = parseCsv(recordingsCsv([], [failure]));
  assert.equal(row![header!.indexOf('status')], 'failed');
  assert.equal(row![header!.indexOf('meta.status')], 'vip');
  assert.equal(row![header!.indexOf('team')], 'north');
});

test('only a parsable result marked complete counts as done', async () => {
  const path = join(dir, 'r.json');
  await writeFileAtomic(path, '{"complete": true, "utterances": [');
  assert.equal(await readCompleteResult(path), undefined);
  await writeFileAtomic(path, '{"complete": false, "utterances": []}');
  assert.equal(await readCompleteResult(path), undefined);
  await writeFileAtomic(path, '{"complete": true, "utterances": []}');
  assert.deepEqual(await readCompleteResult(path), { complete: true, utterances: [] });
});
