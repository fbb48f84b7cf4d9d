import type { FrameFeatures } from '../features/frame-features.ts';
import { frameFeatureWidth } from '../features/frame-features.ts';
import type { SpeakerAdaptationSpec } from './manifest.ts';

/**
 * Running statistics of one speaker (or one session) for a model that declares
 * `speaker-running-stats` adaptation. Keep one per speaker; `EmotionModel.predict` adapts each
 * utterance with the statistics of the utterances observed *before* it, then observes it.
 */
export class SpeakerAdaptation {
  private readonly sum: Float64Array;
  private readonly sumSquares: Float64Array;
  private frames = 0;
  private utterancesSeen = 0;

  constructor(readonly spec: SpeakerAdaptationSpec) {
    this.sum = new Float64Array(spec.mean.length);
    this.sumSquares = new Float64Array(spec.mean.length);
  }

  /** Number of utterances observed so far (0 = cold). */
  get utterances(): number {
    return this.utterancesSeen;
  }

  /** Adds an utterance's frames to the running statistics. */
  observe(frames: FrameFeatures): void {
    let d = 0;
    for (const block of this.spec.blocks) {
      const width = frameFeatureWidth(block, frames.config);
      const data = frames[block];
      for (let t = 0; t < frames.nFrames; t++) {
        for (let j = 0; j < width; j++) {
          const v = data[t * width + j];
          this.sum[d + j] += v;
          this.sumSquares[d + j] += v * v;
        }
      }
      d += width;
    }
    this.frames += frames.nFrames;
    this.utterancesSeen++;
  }

  /** Returns a copy of `frames` with the adapted blocks moved onto the population statistics. */
  adapt(frames: FrameFeatures): FrameFeatures {
    if (this.frames === 0) return frames;
    const { mean, std, priorFrames } = this.spec;
    const total = priorFrames + this.frames;
    const adapted: Record<string, Float32Array> = {};
    let d = 0;
    for (const block of this.spec.blocks) {
      const width = frameFeatureWidth(block, frames.config);
      const out = new Float32Array(frames[block]);
      for (let j = 0; j < width; j++) {
        const m = mean[d + j];
        const s = std[d + j];
        const speakerMean = (priorFrames * m + this.sum[d + j]) / total;
        const secondMoment = (priorFrames * (s * s + m * m) + this.sumSquares[d + j]) / total;
        const speakerStd = Math.sqrt(Math.max(secondMoment - speakerMean * speakerMean, 1e-12));
        const scale = s / speakerStd;
        for (let t = 0; t < frames.nFrames; t++) out[t * width + j] = m + (out[t * width + j] - speakerMean) * scale;
      }
      adapted[block] = out;
      d += width;
    }
    return { ...frames, ...adapted };
  }

  reset(): void {
    this.sum.fill(0);
    this.sumSquares.fill(0);
    this.frames = 0;
    this.utterancesSeen = 0;
  }
}
