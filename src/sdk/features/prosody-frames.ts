import type { PitchFrames } from './pitch-tracker.ts';
import { semitoneReferenceHz } from './prosody.ts';

/** The frame blocks derived from the F0/voicing tracker, in model-input order; each is one value per frame. */
export const prosodyBlockNames = ['pitch', 'voicing', 'loudness'] as const;
export type ProsodyBlockName = (typeof prosodyBlockNames)[number];

/** Lowest `loudness` value: digital silence (−200 dB) would otherwise dominate a block's standardisation. */
export const loudnessFloorDb = -100;

/** Per-frame prosody as model inputs, one value per frame each. */
export interface ProsodyFrameBlocks {
  /** F0 in semitones re 100 Hz on voiced frames; 0 on unvoiced ones (the `voicing` block tells them apart). */
  readonly pitch: Float32Array;
  /** Periodicity: `1 − aperiodicity` clamped to [0, 1]; near 1 on clearly voiced frames, 0 on silence. */
  readonly voicing: Float32Array;
  /** RMS level in dB re full-scale RMS, floored at `loudnessFloorDb`. */
  readonly loudness: Float32Array;
}

/**
 * The prosody blocks of frames `[start, end)` of a pitch track, written into `out` from row `row`.
 * Each value depends on its own pitch frame only, so streamed and whole-clip blocks are identical.
 */
export function writeProsodyFrames(track: PitchFrames, start: number, end: number, out: ProsodyFrameBlocks, row: number): void {
  for (let t = start; t < end; t++, row++) {
    out.pitch[row] = track.voiced[t] ? 12 * Math.log2(track.f0[t] / semitoneReferenceHz) : 0;
    out.voicing[row] = Math.min(1, Math.max(0, 1 - track.aperiodicity[t]));
    out.loudness[row] = Math.max(loudnessFloorDb, track.levelDb[t]);
  }
}

/** The prosody blocks of a whole pitch track. */
export function prosodyFrames(track: PitchFrames): ProsodyFrameBlocks {
  const n = track.nFrames;
  const out = { pitch: new Float32Array(n), voicing: new Float32Array(n), loudness: new Float32Array(n) };
  writeProsodyFrames(track, 0, n, out, 0);
  return out;
}
