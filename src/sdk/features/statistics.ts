import type { FeatureConfig } from './config.ts';
import { frameFeatureWidth, type FrameFeatureName, type FrameFeatures } from './frame-features.ts';

/** Blocks summarised for classical models; log-mel is left out because MFCC already encodes it. */
export const statisticBlocks: readonly FrameFeatureName[] = ['mfcc', 'mfccDelta', 'mfccDelta2', 'contrast', 'chroma', 'zcr', 'rms'];
/** Summaries per dimension, in output order. */
export const statisticKinds = ['mean', 'std', 'p10', 'p50', 'p90'] as const;

function percentile(sorted: Float64Array, q: number): number {
  // numpy's default linear interpolation between closest ranks.
  const position = q * (sorted.length - 1);
  const low = Math.floor(position);
  const high = Math.min(low + 1, sorted.length - 1);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

/** Names of the values `utteranceStatistics` returns, e.g. `mfcc3.mean`. */
export function statisticNames(config: FeatureConfig): string[] {
  const names: string[] = [];
  for (const block of statisticBlocks) {
    const width = frameFeatureWidth(block, config);
    for (let j = 0; j < width; j++) for (const kind of statisticKinds) names.push(`${block}${width > 1 ? j : ''}.${kind}`);
  }
  return names;
}

/**
 * Utterance-level statistics: for every dimension of every block in `statisticBlocks`, the
 * mean, population standard deviation and 10th/50th/90th percentiles over all frames.
 */
export function utteranceStatistics(frames: FrameFeatures): Float32Array {
  const { nFrames, config } = frames;
  if (nFrames === 0) throw new RangeError('utteranceStatistics needs at least one frame');
  const out = new Float32Array(statisticNames(config).length);
  const column = new Float64Array(nFrames);
  let o = 0;
  for (const block of statisticBlocks) {
    const width = frameFeatureWidth(block, config);
    const data = frames[block];
    if (data.length !== nFrames * width) throw new RangeError(`utteranceStatistics: block '${block}' was not computed`);
    for (let j = 0; j < width; j++) {
      let sum = 0;
      for (let t = 0; t < nFrames; t++) sum += column[t] = data[t * width + j];
      const mean = sum / nFrames;
      let variance = 0;
      for (let t = 0; t < nFrames; t++) variance += (column[t] - mean) ** 2;
      column.sort();
      out[o++] = mean;
      out[o++] = Math.sqrt(variance / nFrames);
      out[o++] = percentile(column, 0.1);
      out[o++] = percentile(column, 0.5);
      out[o++] = percentile(column, 0.9);
    }
  }
  return out;
}
