import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { EmovoxError } from '../errors.ts';
import type { OrtRuntime } from '../model/ort-types.ts';
import { fetchBytes, type FetchBytes } from '../pipeline/loader.ts';

/** onnxruntime-node when installed (native, faster), otherwise onnxruntime-web's wasm build, which runs in Node too. */
export async function loadNodeOrt(): Promise<{ ort: OrtRuntime; name: 'onnxruntime-node' | 'onnxruntime-web' }> {
  try {
    const mod = (await import('onnxruntime-node')) as unknown as { default?: OrtRuntime } & OrtRuntime;
    return { ort: mod.InferenceSession ? mod : (mod.default as OrtRuntime), name: 'onnxruntime-node' };
  } catch {
    const mod = (await import('onnxruntime-web/wasm')) as unknown as OrtRuntime;
    return { ort: mod, name: 'onnxruntime-web' };
  }
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
