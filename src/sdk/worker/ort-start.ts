import { EmovoxError } from '../errors.ts';
import type { OrtRuntime } from '../model/ort-types.ts';

/**
 * A complete ONNX model (IR 7, opset 13) of one node, `y = Identity(x)` over float[1]: 67 bytes that
 * any onnxruntime opens. Generated with `onnx.helper` (make_graph / make_model) and checked with
 * `onnx.checker.check_model`.
 */
const identityModel = new Uint8Array([
  8, 7, 18, 0, 58, 55, 10, 16, 10, 1, 120, 18, 1, 121, 34, 8, 73, 100, 101, 110, 116, 105, 116, 121, 18, 1, 119,
  90, 15, 10, 1, 120, 18, 10, 10, 8, 8, 1, 18, 4, 10, 2, 8, 1, 98, 15, 10, 1, 121, 18, 10, 10, 8, 8, 1, 18, 4, 10,
  2, 8, 1, 66, 4, 10, 0, 16, 13,
]);

/**
 * Starts onnxruntime's runtime now, before any model's bytes have arrived. onnxruntime-web has no call
 * that only starts its runtime: it fetches, compiles and initialises its WebAssembly inside the first
 * `InferenceSession.create`. Opening (and closing) a one-node model here runs that start alongside the
 * model downloads instead of after them; later sessions wait for the same start. A runtime that cannot
 * start (wasm missing, not WebAssembly, refused by CSP) fails with ASSET_LOAD_FAILED naming the wasm.
 */
export async function startOrtRuntime(ort: OrtRuntime, wasmUrl: string | undefined): Promise<void> {
  let session: Awaited<ReturnType<OrtRuntime['InferenceSession']['create']>>;
  try {
    session = await ort.InferenceSession.create(identityModel.slice(), { graphOptimizationLevel: 'disabled' });
  } catch (error) {
    const where = wasmUrl ? ` (${wasmUrl})` : '';
    throw new EmovoxError('ASSET_LOAD_FAILED', `the ORT wasm runtime${where} could not start: ${(error as Error).message ?? error}`, { cause: error });
  }
  await session.release();
}
