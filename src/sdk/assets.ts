import type { AssetOverrides, RecognizerOptions } from './options.ts';
import { checkUrl } from './options.ts';
import type { VadModelVersion } from './types.ts';

/** File names of the runtime assets, as they lie under `assetBaseUrl` (and in `dist/browser/assets/`). */
export const assetFileNames = {
  worker: 'emotion.worker.js',
  captureWorklet: 'capture.worklet.js',
  ortWasm: 'ort-wasm-simd-threaded.wasm',
  vadModel: { v5: 'silero_vad_v5.onnx', legacy: 'silero_vad_legacy.onnx' },
} as const;

/** Name of the shipped default model's manifest under `models/` (and `<assetBaseUrl>/models/`). */
export const defaultModelManifest = 'emovox-default.json';

/** Where each runtime file comes from; `undefined` means "the bundled default next to emovox's modules". */
export interface ResolvedAssets {
  readonly worker?: URL;
  readonly captureWorklet?: URL;
  readonly ortWasm?: URL;
  readonly vadModel: URL;
  readonly model: URL;
  /**
   * The model's ONNX file when it is not simply `model.file` next to the manifest: app bundlers
   * (Vite, webpack) rename the shipped manifest and only copy files named by a literal URL.
   */
  readonly modelFile?: URL;
}

function pageBase(): string | undefined {
  return typeof location === 'undefined' ? undefined : location.href;
}

/**
 * Next.js has webpack compile `new URL('./file', import.meta.url)` into a URL-like object whose `href`
 * is relative ('/_next/static/media/…'), against which nothing can be resolved; make it absolute.
 */
function absolute(url: URL): URL {
  return new URL(url.href, pageBase());
}

/** Bundled VAD model URLs; literal `new URL(..., import.meta.url)` so bundlers emit the files. */
function bundledVadModel(version: VadModelVersion): URL {
  return version === 'legacy'
    ? absolute(new URL('./vendor/silero_vad_legacy.onnx', import.meta.url))
    : absolute(new URL('./vendor/silero_vad_v5.onnx', import.meta.url));
}

/** The shipped model's manifest and ONNX file, as literal URLs so bundlers emit both. */
function bundledModel(): { model: URL; modelFile: URL } {
  return {
    model: absolute(new URL('../../models/emovox-default.json', import.meta.url)),
    modelFile: absolute(new URL('../../models/emovox-default.onnx', import.meta.url)),
  };
}

/**
 * Resolves every asset: a per-asset override wins, then `assetBaseUrl` + the default file name,
 * then the file bundled next to emovox. Throws `TypeError` naming the option for a bad URL.
 */
export function resolveAssets(options: RecognizerOptions, vadModel: VadModelVersion): ResolvedAssets {
  const base = options.assetBaseUrl === undefined ? undefined : checkUrl('assetBaseUrl', options.assetBaseUrl, pageBase());
  const baseHref = base && (base.href.endsWith('/') ? base.href : `${base.href}/`);
  const assets: AssetOverrides = options.assets ?? {};
  const pick = (key: keyof AssetOverrides, fileName: string): URL | undefined => {
    const override = assets[key];
    if (override !== undefined) return checkUrl(`assets.${key}`, override, pageBase());
    return baseHref ? new URL(fileName, baseHref) : undefined;
  };
  const model = options.model !== undefined
    ? { model: checkUrl('model', options.model, pageBase()) }
    : baseHref ? { model: new URL(`models/${defaultModelManifest}`, baseHref) } : bundledModel();
  return {
    ...model,
    worker: pick('worker', assetFileNames.worker),
    captureWorklet: pick('captureWorklet', assetFileNames.captureWorklet),
    ortWasm: pick('ortWasm', assetFileNames.ortWasm),
    vadModel: pick('vadModel', assetFileNames.vadModel[vadModel]) ?? bundledVadModel(vadModel),
  };
}
