import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { OrtRuntime, OrtSessionOptions } from '../../src/sdk/model/ort-types.ts';
import { nodeSessionDefaults, withSessionDefaults } from '../../src/sdk/node/runtime.ts';

function recordingOrt(seen: (OrtSessionOptions | undefined)[]): OrtRuntime {
  return {
    Tensor: class {} as unknown as OrtRuntime['Tensor'],
    InferenceSession: {
      create: async (_model, options) => {
        seen.push(options);
        return { inputNames: [], outputNames: [], run: async () => ({}), release: async () => {} };
      },
    },
  };
}

test('sessions opened without options (the VAD inside vad-web) run on one thread, with no spinning pool', async () => {
  const seen: (OrtSessionOptions | undefined)[] = [];
  const ort = withSessionDefaults(recordingOrt(seen), nodeSessionDefaults);
  await ort.InferenceSession.create(new Uint8Array(0));
  assert.deepEqual(seen[0], { intraOpNumThreads: 1, interOpNumThreads: 1 });
});

test("a caller's own options win over the defaults, and the Tensor class is the module's", async () => {
  const seen: (OrtSessionOptions | undefined)[] = [];
  const inner = recordingOrt(seen);
  const ort = withSessionDefaults(inner, nodeSessionDefaults);
  await ort.InferenceSession.create(new Uint8Array(0), { intraOpNumThreads: 4, graphOptimizationLevel: 'basic' });
  assert.deepEqual(seen[0], { intraOpNumThreads: 4, interOpNumThreads: 1, graphOptimizationLevel: 'basic' });
  assert.equal(ort.Tensor, inner.Tensor);
});
