import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runStamp } from '../../training/python.ts';
import { scratchDir } from '../helpers/sox.ts';

test('a trained run is reused only with the same arguments and the same trainer source', async () => {
  const dir = join(scratchDir('run-stamp'), 'emovox_train');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'train.py'), "GRIDS = {'cnn': [dict(channels=64)]}\n");
  writeFileSync(join(dir, 'nets.py'), 'class Cnn1d: pass\n');
  const args = ['--family', 'cnn', '--epochs', '60'];
  const before = await runStamp(args, dir);
  assert.equal(await runStamp([...args], dir), before);
  assert.notEqual(await runStamp(['--family', 'cnn', '--epochs', '30'], dir), before);
  writeFileSync(join(dir, 'notes.txt'), 'not source');
  assert.equal(await runStamp(args, dir), before, 'only .py files count');
  writeFileSync(join(dir, 'train.py'), "GRIDS = {'cnn': [dict(channels=96)]}\n");
  assert.notEqual(await runStamp(args, dir), before, 'an edited grid must retrain');
  // The shipped trainer's stamp names the arguments, so a stamp written by an older run never matches by accident.
  assert.deepEqual(JSON.parse(await runStamp(args)).args, args);
});
