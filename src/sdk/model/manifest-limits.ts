import { defaultFeatureConfig, type FeatureConfig } from '../features/config.ts';
import { frameFeatureNames, frameFeatureWidth } from '../features/frame-features.ts';
import type { ManifestReader } from './manifest-reader.ts';

/**
 * Bounds on what a model manifest may ask of the runtime. A manifest is untrusted input (a page may
 * load any URL as `model`), and its numbers size buffers and loops: without bounds, one JSON file could
 * ask for a terabyte of padding or a feature front-end that never finishes. Each bound is far above
 * what the shipped models use (noted per line), so only hostile or broken manifests meet them.
 */
export const manifestLimits = Object.freeze({
  /** Model file size in bytes (shipped: under 1 MB; onnxruntime-web cannot load 2 GB anyway). */
  modelBytes: 1024 ** 3,
  /** `features.maxFrames` (shipped: 600 for frame models, 100000 for the statistics model). */
  maxFrames: 1_000_000,
  /** Values in one padded input, `minFrames x width` (shipped: 16 x 81), i.e. at most 64 MB of float32. */
  inputValues: 2 ** 24,
  /** Frame feature values per second of audio, all blocks (shipped: 100 frames x 145 values). */
  frameValuesPerSecond: 200_000,
  /** FFT work per second of audio, `nFft x frames per second` (shipped: 512 x 100). */
  fftSamplesPerSecond: 2 ** 22,
  /** `|mean|` of any normalisation or adaptation dimension (shipped: under 500). */
  absMean: 1e9,
  /** Smallest standard deviation (training adds 1e-6 to every std). */
  minStd: 1e-9,
  /** Largest standard deviation (shipped: under 200). */
  maxStd: 1e9,
  /** Adaptation prior weight in frames (shipped: 300). */
  priorFrames: 1e7,
});

const configKeys = Object.keys(defaultFeatureConfig);

/** Checks the raw `features.config` object: known keys only, finite numbers only (before defaults apply). */
export function checkRawFeatureConfig(r: ManifestReader, raw: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(raw)) {
    if (!configKeys.includes(key)) r.fail(`features.config.${key}`, `is not a feature setting (known: ${configKeys.join(', ')})`);
    if (typeof value !== 'number' || !Number.isFinite(value)) r.fail(`features.config.${key}`, 'must be a finite number');
  }
}

/** Rejects front-end settings whose per-second cost or memory is far beyond any real model's. */
export function checkFeatureCost(r: ManifestReader, config: FeatureConfig): void {
  const framesPerSecond = config.sampleRate / config.hopLength;
  const width = frameFeatureNames.reduce((sum, name) => sum + frameFeatureWidth(name, config), 0);
  if (framesPerSecond * width > manifestLimits.frameValuesPerSecond) {
    r.fail('features.config', `asks for ${Math.round(framesPerSecond * width)} feature values per second of audio (limit ${manifestLimits.frameValuesPerSecond})`);
  }
  if (framesPerSecond * config.nFft > manifestLimits.fftSamplesPerSecond) {
    r.fail('features.config', `asks for ${Math.round(framesPerSecond * config.nFft)} FFT samples per second of audio (limit ${manifestLimits.fftSamplesPerSecond})`);
  }
}

/** Bounds padding and window sizes, which size the model's input tensor. */
export function checkFrameCounts(r: ManifestReader, minFrames: number, maxFrames: number, width: number): void {
  if (maxFrames > manifestLimits.maxFrames) r.fail('features.maxFrames', `must be at most ${manifestLimits.maxFrames}`);
  if (minFrames * width > manifestLimits.inputValues) {
    r.fail('features.minFrames', `pads every input to ${minFrames} x ${width} values (limit ${manifestLimits.inputValues})`);
  }
}

/** Means and standard deviations that keep standardised features finite in float32. */
export function checkMoments(r: ManifestReader, path: string, mean: readonly number[], std: readonly number[]): void {
  const badMean = mean.findIndex((m) => Math.abs(m) > manifestLimits.absMean);
  if (badMean >= 0) r.fail(`${path}.mean[${badMean}]`, `must be within ±${manifestLimits.absMean}`);
  const badStd = std.findIndex((s) => s < manifestLimits.minStd || s > manifestLimits.maxStd);
  if (badStd >= 0) r.fail(`${path}.std[${badStd}]`, `must be in [${manifestLimits.minStd}, ${manifestLimits.maxStd}]`);
}

/**
 * The model file must come from where the manifest came from: a manifest naming another origin
 * (`https://elsewhere/x.onnx`, `//host/x.onnx`, `data:`) would make emovox fetch from places the host
 * never configured (and its CSP may not allow). Relative paths, `../` included, stay on the manifest's origin.
 */
export function checkModelFile(r: ManifestReader, file: string): void {
  if (/^[a-z][a-z0-9+.-]*:/i.test(file) || /^[\\/]{2}/.test(file)) {
    r.fail('model.file', `must be a path relative to the manifest, not a URL of its own, got '${file}'`);
  }
}
