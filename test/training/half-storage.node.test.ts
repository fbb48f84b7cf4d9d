import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadOrt } from '../../src/eval/load-model.ts';
import { softmax } from '../../src/sdk/model/model-input.ts';
import { scratchDir } from '../helpers/sox.ts';
import { pythonHas, runReference } from '../helpers/python.ts';

const hasTorch = pythonHas('torch', 'onnx');

interface Case { inputName: string; shape: number[]; input: number[]; bytes: Record<'16' | '32', number>; initializers: Record<'16' | '32', { float16: number; float32: number }> }

test('float16 weight storage halves every exported family\'s file and changes its probabilities by less than 0.002', { skip: !hasTorch && 'needs /usr/bin/python3 with torch and onnx' }, async () => {
  const dir = scratchDir('half-storage');
  const report = runReference<Record<string, Case>>('check_half_storage.py', dir);
  assert.deepEqual(Object.keys(report), ['cnn', 'rnn', 'mlp']);
  const { ort } = await loadOrt('node');
  for (const [family, c] of Object.entries(report)) {
    assert.equal(c.initializers['32'].float16, 0, `${family}: the float32 export stores no float16`);
    assert.ok(c.initializers['16'].float16 > 0, `${family}: no float16 weights`);
    assert.ok(c.bytes['16'] < 0.6 * c.bytes['32'], `${family}: ${c.bytes['16']} vs ${c.bytes['32']} bytes`);
    const probabilities: Float32Array[] = [];
    for (const bits of ['32', '16']) {
      const session = await ort.InferenceSession.create(new Uint8Array(readFileSync(join(dir, `${family}-${bits}.onnx`))));
      const outputs = await session.run({ [c.inputName]: new ort.Tensor('float32', Float32Array.from(c.input), c.shape) });
      await session.release();
      probabilities.push(softmax(Float32Array.from(outputs.logits!.data as Float32Array)));
    }
    // Tolerance: float16 keeps 11 significant bits (relative rounding 2^-11 per weight), far below a decision.
    const worst = Math.max(...probabilities[0].map((p, k) => Math.abs(p - probabilities[1][k])));
    assert.ok(worst < 2e-3, `${family}: probabilities differ by ${worst}`);
    assert.ok(worst > 0, `${family}: identical outputs, so the weights were not rounded`);
  }
});
