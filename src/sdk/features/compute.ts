import type { FeatureConfig } from './config.ts';
import { FeatureExtractor, type FeatureExtractorOptions } from './extractor.ts';
import { frameFeatureNames, type FrameFeatures } from './frame-features.ts';

/** Joins consecutive frame blocks (e.g. every push of a stream) into one. */
export function concatFrames(parts: readonly FrameFeatures[]): FrameFeatures {
  if (parts.length === 0) throw new RangeError('concatFrames needs at least one part');
  if (parts.length === 1) return parts[0];
  const nFrames = parts.reduce((sum, p) => sum + p.nFrames, 0);
  const joined: Record<string, Float32Array> = {};
  for (const name of frameFeatureNames) {
    const block = new Float32Array(parts.reduce((sum, p) => sum + p[name].length, 0));
    let offset = 0;
    for (const part of parts) {
      block.set(part[name], offset);
      offset += part[name].length;
    }
    joined[name] = block;
  }
  return { ...(joined as Omit<FrameFeatures, 'config' | 'nFrames'>), config: parts[0].config, nFrames };
}

/** Features of a whole 16 kHz mono clip; the same numbers a stream of any chunking produces. */
export function computeFeatures(samples: Float32Array, config: Partial<FeatureConfig> = {}, options: FeatureExtractorOptions = {}): FrameFeatures {
  const extractor = new FeatureExtractor(config, options);
  return concatFrames([extractor.push(samples), extractor.flush()]);
}
