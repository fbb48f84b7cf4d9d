import { logLevels, type LogLevel } from './logger.ts';
import type { VadModelVersion } from './types.ts';

/** Voice activity detection settings (Silero VAD through vad-web's frame processor). */
export interface VadOptions {
  /** Silero weights. @defaultValue `'v5'` */
  readonly model?: VadModelVersion;
  /** Speech probability at or above which a frame counts as speech, in (0, 1]. @defaultValue `0.5` */
  readonly positiveSpeechThreshold?: number;
  /** Speech probability below which a frame counts towards ending speech, in [0, positiveSpeechThreshold]. @defaultValue `0.35` */
  readonly negativeSpeechThreshold?: number;
  /** Silence that ends an utterance, ms. @defaultValue `700` */
  readonly redemptionMs?: number;
  /** Audio kept before the detected onset, ms. @defaultValue `200` */
  readonly preSpeechPadMs?: number;
  /** Shorter speech is reported as `misfire` instead of an utterance, ms. @defaultValue `250` */
  readonly minSpeechMs?: number;
  /** Longer speech is cut into utterances of at most this length (bounds memory), ms. @defaultValue `20000` */
  readonly maxSpeechMs?: number;
}

/**
 * Smoothing of interim (`emotion-update`) results across one utterance; final results are never smoothed.
 * `exponential`: probabilities are averaged as `p = alpha·new + (1-alpha)·previous`.
 * `hysteresis`: the shown label changes only when another label beats it by `margin`.
 */
export type SmoothingOptions =
  | { readonly kind: 'none' }
  | { readonly kind: 'exponential'; /** Weight of the newest update, in (0, 1]. @defaultValue `0.5` */ readonly alpha?: number }
  | { readonly kind: 'hysteresis'; /** Probability lead needed to switch label, in [0, 1). @defaultValue `0.1` */ readonly margin?: number };

/** URLs of individual runtime files; each overrides `assetBaseUrl` and the bundled default. */
export interface AssetOverrides {
  /** The module worker running VAD and model (`emotion.worker.js`). */
  readonly worker?: string | URL;
  /** The AudioWorklet module that captures audio (`capture.worklet.js`). */
  readonly captureWorklet?: string | URL;
  /** onnxruntime-web's `ort-wasm-simd-threaded.wasm`. */
  readonly ortWasm?: string | URL;
  /** The Silero VAD `.onnx` file of the chosen `vad.model`. */
  readonly vadModel?: string | URL;
}

/** Options of `EmotionRecognizer.create()` and `analyzeAudio()`. Every field is optional. */
export interface RecognizerOptions {
  /** URL of the emotion model's manifest (JSON); its `model.file` resolves against it. @defaultValue the shipped default model */
  readonly model?: string | URL;
  /** Folder holding every runtime file by its default name, for hosts that copy emovox's assets themselves. @defaultValue URLs next to the emovox modules */
  readonly assetBaseUrl?: string | URL;
  /** Per-file URL overrides. @defaultValue `{}` */
  readonly assets?: AssetOverrides;
  /** Voice activity detection. @defaultValue see {@link VadOptions} */
  readonly vad?: VadOptions;
  /** Audio between two `emotion-update` events of one utterance, ms; `0` disables interim results. @defaultValue `500` */
  readonly interimIntervalMs?: number;
  /** Smoothing of interim results, by kind name or with parameters. @defaultValue `'exponential'` */
  readonly smoothing?: SmoothingOptions['kind'] | SmoothingOptions;
  /** onnxruntime-web wasm threads in the worker (more than 1 needs a cross-origin-isolated page). @defaultValue `1` */
  readonly ortThreads?: number;
  /** Console logging. @defaultValue `'silent'` */
  readonly logLevel?: LogLevel;
  /** Attach the utterance audio (16 kHz mono) to final results. @defaultValue `false` */
  readonly includeAudio?: boolean;
  /** Aborts `create()` while it loads; the promise then rejects with code `ABORTED`. */
  readonly signal?: AbortSignal;
}

export type ResolvedVadOptions = Required<VadOptions>;
export type ResolvedSmoothing =
  | { readonly kind: 'none' }
  | { readonly kind: 'exponential'; readonly alpha: number }
  | { readonly kind: 'hysteresis'; readonly margin: number };

/** Options after defaults and validation; what the worker receives (minus URLs and signal). */
export interface ResolvedOptions {
  readonly vad: ResolvedVadOptions;
  readonly interimIntervalMs: number;
  readonly smoothing: ResolvedSmoothing;
  readonly ortThreads: number;
  readonly logLevel: LogLevel;
  readonly includeAudio: boolean;
}

export const defaultVadOptions: ResolvedVadOptions = Object.freeze({
  model: 'v5',
  positiveSpeechThreshold: 0.5,
  negativeSpeechThreshold: 0.35,
  redemptionMs: 700,
  preSpeechPadMs: 200,
  minSpeechMs: 250,
  maxSpeechMs: 20000,
});

export const defaultOptions: ResolvedOptions = Object.freeze({
  vad: defaultVadOptions,
  interimIntervalMs: 500,
  smoothing: Object.freeze({ kind: 'exponential', alpha: 0.5 }),
  ortThreads: 1,
  logLevel: 'silent',
  includeAudio: false,
});

function number(name: string, value: unknown, min: number, max: number, { integer = false, minOpen = false } = {}): number {
  if (typeof value !== 'number' || Number.isNaN(value)) throw new TypeError(`${name} must be a number, got ${typeof value}`);
  if (integer && !Number.isInteger(value)) throw new RangeError(`${name} must be an integer, got ${value}`);
  if (value < min || value > max || (minOpen && value === min)) {
    throw new RangeError(`${name} must be in ${minOpen ? '(' : '['}${min}, ${max}], got ${value}`);
  }
  return value;
}

function oneOf<T extends string>(name: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string') throw new TypeError(`${name} must be a string, got ${typeof value}`);
  if (!allowed.includes(value as T)) throw new RangeError(`${name} must be one of ${allowed.map((a) => `'${a}'`).join(', ')}, got '${value}'`);
  return value as T;
}

/** True for `{...}` objects; arrays, `null`, Maps, Dates and the like are not option objects. */
function isOptionObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && Object.prototype.toString.call(value) === '[object Object]';
}

/** Rejects keys outside `known`, so a misspelt nested option fails instead of silently keeping its default. */
function onlyKnownKeys(name: string, value: object, known: readonly string[]): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) throw new TypeError(`unknown option '${name}${key}' (known: ${known.join(', ')})`);
  }
}

function resolveVad(vad: VadOptions | undefined): ResolvedVadOptions {
  if (vad === undefined) return defaultVadOptions;
  if (!isOptionObject(vad)) throw new TypeError('vad must be an object');
  onlyKnownKeys('vad.', vad, Object.keys(defaultVadOptions));
  const merged = { ...defaultVadOptions, ...definedOnly(vad) };
  const model = oneOf<VadModelVersion>('vad.model', merged.model, ['v5', 'legacy']);
  const positive = number('vad.positiveSpeechThreshold', merged.positiveSpeechThreshold, 0, 1, { minOpen: true });
  const negative = number('vad.negativeSpeechThreshold', merged.negativeSpeechThreshold, 0, positive);
  const redemptionMs = number('vad.redemptionMs', merged.redemptionMs, 0, 60000);
  const preSpeechPadMs = number('vad.preSpeechPadMs', merged.preSpeechPadMs, 0, 10000);
  const minSpeechMs = number('vad.minSpeechMs', merged.minSpeechMs, 0, 60000);
  const maxSpeechMs = number('vad.maxSpeechMs', merged.maxSpeechMs, 500, 600000);
  if (maxSpeechMs <= minSpeechMs) throw new RangeError(`vad.maxSpeechMs (${maxSpeechMs}) must exceed vad.minSpeechMs (${minSpeechMs})`);
  return { model, positiveSpeechThreshold: positive, negativeSpeechThreshold: negative, redemptionMs, preSpeechPadMs, minSpeechMs, maxSpeechMs };
}

function resolveSmoothing(smoothing: RecognizerOptions['smoothing']): ResolvedSmoothing {
  if (smoothing === undefined) return defaultOptions.smoothing;
  const spec = typeof smoothing === 'string' ? { kind: smoothing } : smoothing;
  if (!isOptionObject(spec)) throw new TypeError('smoothing must be a kind name or an object');
  const kind = oneOf('smoothing.kind', spec.kind, ['none', 'exponential', 'hysteresis'] as const);
  onlyKnownKeys('smoothing.', spec, ['kind', ...(kind === 'exponential' ? ['alpha'] : kind === 'hysteresis' ? ['margin'] : [])]);
  if (kind === 'exponential') {
    const alpha = (spec as { alpha?: number }).alpha ?? 0.5;
    return { kind, alpha: number('smoothing.alpha', alpha, 0, 1, { minOpen: true }) };
  }
  if (kind === 'hysteresis') {
    const margin = (spec as { margin?: number }).margin ?? 0.1;
    return { kind, margin: number('smoothing.margin', margin, 0, 0.999) };
  }
  return { kind };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Checks that `value` is a URL or a string that parses as one (relative strings resolve against `base`). */
export function checkUrl(name: string, value: unknown, base?: string): URL {
  if (value instanceof URL) return value;
  if (typeof value !== 'string' || value === '') throw new TypeError(`${name} must be a URL or a non-empty string`);
  try {
    return new URL(value, base);
  } catch {
    throw new TypeError(`${name} is not a valid URL: '${value}'`);
  }
}

const assetNames: readonly (keyof AssetOverrides)[] = ['worker', 'captureWorklet', 'ortWasm', 'vadModel'];
const knownKeys = new Set(['model', 'assetBaseUrl', 'assets', 'vad', 'interimIntervalMs', 'smoothing', 'ortThreads', 'logLevel', 'includeAudio', 'signal']);

/** Applies defaults and validates; throws `TypeError`/`RangeError` naming the offending option. */
export function resolveOptions(options: RecognizerOptions = {}): ResolvedOptions {
  if (!isOptionObject(options)) throw new TypeError('options must be an object');
  for (const key of Object.keys(options)) {
    if (!knownKeys.has(key)) throw new TypeError(`unknown option '${key}'`);
  }
  if (options.signal !== undefined && !(options.signal instanceof AbortSignal)) throw new TypeError('signal must be an AbortSignal');
  if (options.includeAudio !== undefined && typeof options.includeAudio !== 'boolean') throw new TypeError('includeAudio must be a boolean');
  if (options.assets !== undefined) {
    if (!isOptionObject(options.assets)) throw new TypeError('assets must be an object');
    onlyKnownKeys('assets.', options.assets, assetNames);
  }
  return {
    vad: resolveVad(options.vad),
    interimIntervalMs: options.interimIntervalMs === undefined ? defaultOptions.interimIntervalMs : number('interimIntervalMs', options.interimIntervalMs, 0, 60000),
    smoothing: resolveSmoothing(options.smoothing),
    ortThreads: options.ortThreads === undefined ? defaultOptions.ortThreads : number('ortThreads', options.ortThreads, 1, 64, { integer: true }),
    logLevel: options.logLevel === undefined ? defaultOptions.logLevel : oneOf('logLevel', options.logLevel, logLevels),
    includeAudio: options.includeAudio ?? defaultOptions.includeAudio,
  };
}
