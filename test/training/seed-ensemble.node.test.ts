import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadOrt } from '../../src/eval/load-model.ts';
import { softmax } from '../../src/sdk/model/model-input.ts';
import { scratchDir } from '../helpers/sox.ts';
import { pythonHas, runReference } from '../helpers/python.ts';

const hasTorch = pythonHas('torch', 'onnx');

interface Reference { shape: number[]; input: number[]; members: number[][]; parameters: number; memberParameters: number }

test('a seed ensemble exports as one graph whose softmax is the mean of its members\' probabilities', { skip: !hasTorch && 'needs /usr/bin/python3 with torch and onnx' }, async () => {
  const onnxPath = join(scratchDir('seed-ensemble'), 'ensemble.onnx');
  const ref = runReference<Reference>('check_seed_ensemble.py', onnxPath);
  assert.equal(ref.parameters, 2 * ref.memberParameters, 'members share no weights');
  const { ort } = await loadOrt('node');
  const session = await ort.InferenceSession.create(new Uint8Array(readFileSync(onnxPath)));
  const outputs = await session.run({ features: new ort.Tensor('float32', Float32Array.from(ref.input), ref.shape) });
  await session.release();
  // The runtime path of a manifest whose output is 'logits': a softmax over the graph's output.
  const probabilities = softmax(Float32Array.from(outputs.logits!.data as Float32Array));
  const mean = ref.members[0].map((p, k) => (p + ref.members[1][k]) / 2);
  // Tolerance: float32 inference in two runtimes, probabilities summing to 1.
  for (let k = 0; k < mean.length; k++) assert.ok(Math.abs(probabilities[k] - mean[k]) < 1e-5, `label ${k}: ${probabilities[k]} vs ${mean[k]}`);
  // The members disagree, so an export of only one of them could not pass.
  const spread = Math.max(...ref.members[0].map((p, k) => Math.abs(p - ref.members[1][k])));
  assert.ok(spread > 1e-3, `members agree to ${spread}`);
});
