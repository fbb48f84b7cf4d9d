import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { EmovoxError } from '../errors.ts';
import type { OrtRuntime } from '../model/ort-types.ts';
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
