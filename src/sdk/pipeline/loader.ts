import { EmovoxError, type EmovoxErrorCode } from '../errors.ts';
import { EmotionModel } from '../model/emotion-model.ts';
import { parseManifest, type ModelManifest } from '../model/manifest.ts';
import type { OrtRuntime } from '../model/ort-types.ts';
import type { VadModelVersion } from '../types.ts';
import { Silero, SileroLegacy, type Model, type OrtModule } from '../vendor/vad-web.js';

/** Reads the bytes at `url`; failures throw `EmovoxError(code)` naming `what` and the URL. */
export type FetchBytes = (url: URL, what: string, code: EmovoxErrorCode) => Promise<Uint8Array>;

/** `fetch()`-based reader for pages, workers and Node's http(s) URLs. */
export const fetchBytes: FetchBytes = async (url, what, code) => {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new EmovoxError(code, `${what} ${url.href}: ${(error as Error).message ?? error}`, { cause: error });
  }
  if (!response.ok) throw new EmovoxError(code, `${what} ${url.href}: HTTP ${response.status} ${response.statusText}`.trim());
  return new Uint8Array(await response.arrayBuffer());
};

/**
 * Fetches and validates a manifest, then its ONNX file (`modelUrl`, or `model.file` relative to
 * the manifest), and opens the session.
 */
export async function loadEmotionModel(ort: OrtRuntime, manifestUrl: URL, read: FetchBytes, threads = 1, modelFileUrl?: URL): Promise<EmotionModel> {
  const text = new TextDecoder().decode(await read(manifestUrl, 'model manifest', 'MODEL_LOAD_FAILED'));
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new EmovoxError('MODEL_INVALID', `model manifest ${manifestUrl.href} is not JSON: ${(error as Error).message}`, { cause: error });
  }
  const manifest: ModelManifest = parseManifest(json);
  const modelUrl = modelFileUrl ?? new URL(manifest.model.file, manifestUrl);
  const bytes = await read(modelUrl, 'model file', 'MODEL_LOAD_FAILED');
  return EmotionModel.create(ort, manifest, bytes, { threads });
}

/** Opens Silero VAD (`v5` or `legacy`) from its `.onnx` bytes on the given ORT module. */
export async function loadVad(ort: OrtRuntime, version: VadModelVersion, url: URL, read: FetchBytes): Promise<Model> {
  const bytes = await read(url, 'VAD model', 'ASSET_LOAD_FAILED');
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const factory = version === 'legacy' ? SileroLegacy : Silero;
  try {
    return await factory.new(ort as unknown as OrtModule, async () => buffer);
  } catch (error) {
    throw new EmovoxError('ASSET_LOAD_FAILED', `VAD model ${url.href}: onnxruntime could not load it (${(error as Error).message ?? error})`, { cause: error });
  }
}
