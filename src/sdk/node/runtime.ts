import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { EmovoxError } from '../errors.ts';
import type { OrtRuntime, OrtSessionOptions } from '../model/ort-types.ts';
import { fetchBytes, type FetchBytes } from '../pipeline/loader.ts';

export type NodeOrtName = 'onnxruntime-node' | 'onnxruntime-web';

/**
 * onnxruntime-node when installed (native, faster), otherwise onnxruntime-web's wasm build, which
 * runs in Node too (the runtime browsers use). `prefer` picks one explicitly.
 */
export async function loadNodeOrt(prefer?: NodeOrtName): Promise<{ ort: OrtRuntime; name: NodeOrtName }> {
  if (prefer !== 'onnxruntime-web') {
    try {
      const mod = (await import('onnxruntime-node')) as unknown as { default?: OrtRuntime } & OrtRuntime;
      return { ort: mod.InferenceSession ? mod : (mod.default as OrtRuntime), name: 'onnxruntime-node' };
    } catch (error) {
      if (prefer === 'onnxruntime-node') throw error;
    }
  }
  const mod = (await import('onnxruntime-web/wasm')) as unknown as OrtRuntime & { env: { wasm: { numThreads: number } } };
  mod.env.wasm.numThreads = 1;
  return { ort: mod, name: 'onnxruntime-web' };
}

/**
 * Options for the sessions the Node analyzer opens without choosing any (Silero VAD, inside vad-web).
 * Left to onnxruntime-node's defaults, the VAD session starts an intra-op pool sized to the cores whose
 * threads spin between the VAD's tiny runs (one per 32 ms frame): measured, two pool threads burning
 * 60-90 % as much CPU as the analysing thread itself, and with `analyze --jobs N` each job's pool
 * competing with the other jobs for the same cores. The VAD gains nothing from a pool.
 */
export const nodeSessionDefaults: OrtSessionOptions = Object.freeze({ intraOpNumThreads: 1, interOpNumThreads: 1 });

/** `ort` whose `InferenceSession.create` fills in `defaults` for options the caller leaves unset. */
export function withSessionDefaults(ort: OrtRuntime, defaults: OrtSessionOptions): OrtRuntime {
  return {
    Tensor: ort.Tensor,
    InferenceSession: { create: (model, options) => ort.InferenceSession.create(model, { ...defaults, ...options }) },
  };
}

/** Reads `file:` URLs from disk and everything else with `fetch()`. */
export const readBytes: FetchBytes = async (url, what, code) => {
  if (url.protocol !== 'file:') return fetchBytes(url, what, code);
  try {
    return new Uint8Array(await readFile(fileURLToPath(url)));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new EmovoxError(code, `${what} ${fileURLToPath(url)}: ${reason}`, { cause: error });
  }
};
