import { EmovoxError, type EmovoxErrorCode } from '../errors.ts';
import { EmotionModel } from '../model/emotion-model.ts';
import { parseManifest, type ModelManifest } from '../model/manifest.ts';
import type { OrtRuntime, OrtSession } from '../model/ort-types.ts';
import type { VadModelVersion } from '../types.ts';
import { vadFrameSamples } from '../vad/segmenter.ts';
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

/** A model's validated manifest and ONNX bytes, fetched but not yet opened. */
export interface EmotionModelSource {
  readonly manifest: ModelManifest;
  readonly bytes: Uint8Array;
}

/**
 * Fetches and validates a manifest and its ONNX file: `modelFileUrl`, fetched alongside the manifest, or
 * else `model.file` relative to the manifest, fetched once the manifest is read. Manifest faults win.
 */
export async function fetchEmotionModel(manifestUrl: URL, read: FetchBytes, modelFileUrl?: URL): Promise<EmotionModelSource> {
  const early = modelFileUrl ? read(modelFileUrl, 'model file', 'MODEL_LOAD_FAILED') : undefined;
  early?.catch(() => undefined);
  const text = new TextDecoder().decode(await read(manifestUrl, 'model manifest', 'MODEL_LOAD_FAILED'));
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new EmovoxError('MODEL_INVALID', `model manifest ${manifestUrl.href} is not JSON: ${(error as Error).message}`, { cause: error });
  }
  const manifest: ModelManifest = parseManifest(json);
  const bytes = await (early ?? read(new URL(manifest.model.file, manifestUrl), 'model file', 'MODEL_LOAD_FAILED'));
  return { manifest, bytes };
}

/** Fetches the model (see {@link fetchEmotionModel}) and opens its session. */
export async function loadEmotionModel(ort: OrtRuntime, manifestUrl: URL, read: FetchBytes, threads = 1, modelFileUrl?: URL): Promise<EmotionModel> {
  const { manifest, bytes } = await fetchEmotionModel(manifestUrl, read, modelFileUrl);
  return EmotionModel.create(ort, manifest, bytes, { threads });
}

/** The inputs vad-web's Silero classes feed and the outputs they read, per model version. */
const vadSignature: Record<VadModelVersion, { readonly inputs: readonly string[]; readonly outputs: readonly string[] }> = {
  v5: { inputs: ['input', 'state', 'sr'], outputs: ['output', 'stateN'] },
  legacy: { inputs: ['input', 'sr', 'h', 'c'], outputs: ['output', 'hn', 'cn'] },
};

/**
 * Opens Silero VAD (`v5` or `legacy`) from its `.onnx` bytes on the given ORT module; `url` names the file in errors.
 * Another model in the VAD's place opens fine and would fail only on its first frame: its inputs and outputs are
 * checked against what the VAD feeds and reads, and with `probe` one silent frame is also run (which also has
 * onnxruntime compile the VAD's kernels now rather than on the first real frame).
 */
export async function openVad(ort: OrtRuntime, version: VadModelVersion, url: URL, bytes: Uint8Array, probe = true): Promise<Model> {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const factory = version === 'legacy' ? SileroLegacy : Silero;
  let session: OrtSession | undefined;
  const capturing: OrtRuntime = { ...ort, InferenceSession: { create: async (model, options) => (session = await ort.InferenceSession.create(model, options)) } };
  let model: Model | undefined;
  try {
    model = await factory.new(capturing as unknown as OrtModule, async () => buffer);
  } catch (error) {
    throw new EmovoxError('ASSET_LOAD_FAILED', `VAD model ${url.href}: onnxruntime could not load it (${(error as Error).message ?? error})`, { cause: error });
  }
  const { inputs, outputs } = vadSignature[version];
  const missing = [...inputs.filter((name) => !session?.inputNames.includes(name)), ...outputs.filter((name) => !session?.outputNames.includes(name))];
  if (missing.length > 0) {
    await model.release().catch(() => undefined);
    throw new EmovoxError('ASSET_LOAD_FAILED', `VAD model ${url.href}: not a Silero ${version} model (no ${missing.join(', ')} among its inputs [${session?.inputNames.join(', ')}] and outputs [${session?.outputNames.join(', ')}])`);
  }
  if (!probe) return model;
  try {
    await model.process(new Float32Array(vadFrameSamples[version]));
    model.reset_state();
    return model;
  } catch (error) {
    await model.release().catch(() => undefined);
    throw new EmovoxError('ASSET_LOAD_FAILED', `VAD model ${url.href}: onnxruntime could not run it (${(error as Error).message ?? error})`, { cause: error });
  }
}

/** Fetches Silero VAD's `.onnx` file and opens it (see {@link openVad}). */
export async function loadVad(ort: OrtRuntime, version: VadModelVersion, url: URL, read: FetchBytes): Promise<Model> {
  return openVad(ort, version, url, await read(url, 'VAD model', 'ASSET_LOAD_FAILED'));
}
