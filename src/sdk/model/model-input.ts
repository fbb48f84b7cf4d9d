import { EmovoxError } from '../errors.ts';
import { frameFeatureNames, frameFeatureWidth, spectralFeatureNames, type FrameFeatureName, type FrameFeatures } from '../features/frame-features.ts';
import { prosodyBlockNames } from '../features/prosody-frames.ts';
import { utteranceStatistics } from '../features/statistics.ts';
import type { ModelFeatureSpec } from './manifest.ts';

/** Frames `[start, end)` kept by `trimDb`: from the first to the last frame within `trimDb` of the loudest. */
export function trimRange(frames: FrameFeatures, trimDb: number | undefined): [number, number] {
  if (trimDb === undefined || frames.nFrames === 0) return [0, frames.nFrames];
  let peak = 0;
  for (let t = 0; t < frames.nFrames; t++) peak = Math.max(peak, frames.rms[t]);
  const floor = peak * 10 ** (trimDb / 20);
  let start = 0;
  let end = frames.nFrames;
  while (start < end && frames.rms[start] < floor) start++;
  while (end > start && frames.rms[end - 1] < floor) end--;
  return start < end ? [start, end] : [0, frames.nFrames];
}

/** A view of frames `[start, end)` of every block. */
export function sliceFrames(frames: FrameFeatures, start: number, end: number): FrameFeatures {
  if (start === 0 && end === frames.nFrames) return frames;
  const sliced: Record<string, Float32Array> = {};
  for (const name of frameFeatureNames) {
    const width = frameFeatureWidth(name, frames.config);
    sliced[name] = frames[name].subarray(start * width, end * width);
  }
  return { ...(sliced as Omit<FrameFeatures, 'config' | 'nFrames'>), config: frames.config, nFrames: end - start };
}

/**
 * The blocks a `FeatureExtractor` must compute for a model: undefined (the spectral default) unless the model
 * reads prosody blocks, which are computed only on request.
 */
export function extractorInclude(spec: ModelFeatureSpec): FrameFeatureName[] | undefined {
  const used = new Set<FrameFeatureName>([...(spec.input === 'frames' ? spec.blocks : []), ...(spec.adaptation?.blocks ?? [])]);
  const prosody = prosodyBlockNames.filter((name) => used.has(name));
  return prosody.length > 0 ? [...spectralFeatureNames, ...prosody] : undefined;
}

function checkConfig(frames: FrameFeatures, spec: ModelFeatureSpec): void {
  const a = frames.config;
  const b = spec.config;
  for (const key of Object.keys(b) as (keyof typeof b)[]) {
    if (a[key] !== b[key]) {
      throw new EmovoxError('INVALID_STATE', `features were computed with ${key}=${a[key]} but the model expects ${b[key]}`);
    }
  }
  if (frames.nFrames === 0) throw new EmovoxError('INVALID_AUDIO', 'the utterance has no frames');
}

/**
 * The standardised model input for (already trimmed and adapted) frames: for `statistics`, the
 * `utteranceStatistics` vector; for `frames`, a frame-major `[frames x width]` matrix of the
 * manifest's blocks, padded with zeros (the training mean) up to `minFrames`.
 */
export function buildInput(frames: FrameFeatures, spec: ModelFeatureSpec): Float32Array {
  checkConfig(frames, spec);
  const { mean, std } = spec.normalization;
  const width = mean.length;
  if (spec.input === 'statistics') {
    const stats = utteranceStatistics(frames);
    for (let i = 0; i < width; i++) stats[i] = (stats[i] - mean[i]) / std[i];
    return stats;
  }
  const nFrames = Math.max(frames.nFrames, spec.minFrames);
  const out = new Float32Array(nFrames * width);
  let offset = 0;
  for (const block of spec.blocks) {
    const blockWidth = frameFeatureWidth(block, spec.config);
    const data = frames[block];
    if (data.length < frames.nFrames * blockWidth) {
      throw new EmovoxError('INVALID_STATE', `the features lack the '${block}' block the model reads: compute them with include: extractorInclude(manifest.features)`);
    }
    for (let t = 0; t < frames.nFrames; t++) {
      for (let j = 0; j < blockWidth; j++) {
        const d = offset + j;
        out[t * width + d] = (data[t * blockWidth + j] - mean[d]) / std[d];
      }
    }
    offset += blockWidth;
  }
  return out;
}

/** Start frames of half-overlapping windows of `maxFrames` covering `nFrames` (the last one ends at `nFrames`). */
export function windowStarts(nFrames: number, maxFrames: number): number[] {
  if (nFrames <= maxFrames) return [0];
  const hop = Math.max(1, Math.floor(maxFrames / 2));
  const starts: number[] = [];
  for (let s = 0; s + maxFrames < nFrames; s += hop) starts.push(s);
  starts.push(nFrames - maxFrames);
  return starts;
}

/** In-place numerically stable softmax. */
export function softmax(values: Float32Array): Float32Array {
  let max = -Infinity;
  for (const v of values) max = Math.max(max, v);
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] = Math.exp(values[i] - max);
  for (let i = 0; i < values.length; i++) values[i] /= sum;
  return values;
}
