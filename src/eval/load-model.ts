import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { EmovoxError } from '../sdk/errors.ts';
import { EmotionModel } from '../sdk/model/emotion-model.ts';
import { parseManifest } from '../sdk/model/manifest.ts';
import type { OrtRuntime } from '../sdk/model/ort-types.ts';

/** onnxruntime-node when it is installed (optional dependency), else onnxruntime-web's wasm build, which also runs in Node. */
export async function loadOrt(prefer: 'node' | 'web' = 'node'): Promise<{ ort: OrtRuntime; name: string }> {
  if (prefer === 'node') {
    try {
      return { ort: (await import('onnxruntime-node')) as OrtRuntime, name: 'onnxruntime-node' };
    } catch {
      // Not installed or no binary for this platform: fall through to wasm.
    }
  }
  const web = await import('onnxruntime-web/wasm');
  web.env.wasm.numThreads = 1;
  return { ort: web as OrtRuntime, name: 'onnxruntime-web/wasm' };
}

/** Reads a manifest JSON file and the ONNX file it names (relative to it), and opens the model. */
export async function loadModelFile(manifestPath: string, ort: OrtRuntime): Promise<EmotionModel> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(manifestPath, 'utf8'));
  } catch (error) {
    throw new EmovoxError('MODEL_LOAD_FAILED', `${manifestPath}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`, { cause: error });
  }
  const manifest = parseManifest(json);
  const onnxPath = resolve(dirname(manifestPath), manifest.model.file);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(onnxPath));
  } catch (error) {
    throw new EmovoxError('MODEL_LOAD_FAILED', `${onnxPath}: cannot read the model file (${(error as NodeJS.ErrnoException).code ?? error})`, { cause: error });
  }
  return EmotionModel.create(ort, manifest, bytes);
}
