import type { PitchFrames } from './pitch-tracker.ts';
import { countSyllableNuclei } from './syllable-nuclei.ts';

/** Reference of the semitone scale, Hz (Praat's "semitones re 100 Hz"). */
export const semitoneReferenceHz = 100;

/**
 * Prosodic cues of one utterance (or of the part heard so far), from the front-end's F0/voicing
 * track. Pitch values are `null` when no frame is voiced. Levels are relative to digital full
 * scale, so they depend on microphone gain and distance: compare them within one session.
 */
export interface ProsodyEstimate {
  /** Mean F0 over voiced frames, Hz. */
  readonly pitchMeanHz: number | null;
  /** Mean F0 over voiced frames in semitones re 100 Hz (the mean of `12·log2(f0 / 100)`). */
  readonly pitchMeanSemitones: number | null;
  /** Pitch range: 90th minus 10th percentile of F0 over voiced frames, Hz. */
  readonly pitchRangeHz: number | null;
  /** The same range in semitones, `12·log2(p90 / p10)`: comparable between low and high voices. */
  readonly pitchRangeSemitones: number | null;
  /** RMS level over the whole span, dB re full-scale RMS (a full-scale sine is −3 dB; digital silence −200). */
  readonly loudnessDb: number;
  /** Share of frames (10 ms each) that are voiced, in [0, 1]. */
  readonly voicedFraction: number;
  /**
   * Speaking rate: syllable nuclei (voiced level peaks, after de Jong & Wempe 2009) per second of
   * speech, leading and trailing silence excluded; `null` without speech. Measured on held-out
   * espeak-ng English sentences from 90 to 220 words/min: mean |error| 8.5 %, every clip within
   * 20 % (slow speech overcounts); at 280 words/min it undercounts by up to 26 %. Synthetic speech
   * marks syllables more clearly than people do: treat it as coarse and compare within a speaker.
   */
  readonly syllableRate: number | null;
}

function percentile(sorted: Float64Array, q: number): number {
  // Linear interpolation between closest ranks, as numpy's default.
  const position = q * (sorted.length - 1);
  const low = Math.floor(position);
  const high = Math.min(low + 1, sorted.length - 1);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

/** Summarises a pitch track into `ProsodyEstimate`; a track without frames is a RangeError. */
export function summarizeProsody(track: PitchFrames): ProsodyEstimate {
  const { nFrames, f0, voiced, levelDb } = track;
  if (nFrames === 0) throw new RangeError('summarizeProsody needs at least one frame');
  let power = 0;
  for (let t = 0; t < nFrames; t++) power += 10 ** (levelDb[t] / 10);
  const loudnessDb = Math.max(-200, 10 * Math.log10(power / nFrames));
  const pitches: number[] = [];
  for (let t = 0; t < nFrames; t++) if (voiced[t]) pitches.push(f0[t]);
  const voicedFraction = pitches.length / nFrames;
  const { nuclei, speechSeconds } = countSyllableNuclei(track);
  const syllableRate = speechSeconds > 0 && pitches.length > 0 ? nuclei / speechSeconds : null;
  if (pitches.length === 0) {
    return { pitchMeanHz: null, pitchMeanSemitones: null, pitchRangeHz: null, pitchRangeSemitones: null, loudnessDb, voicedFraction, syllableRate };
  }
  const sorted = Float64Array.from(pitches).sort();
  let sum = 0;
  let semitones = 0;
  for (const hz of sorted) {
    sum += hz;
    semitones += 12 * Math.log2(hz / semitoneReferenceHz);
  }
  const p10 = percentile(sorted, 0.1);
  const p90 = percentile(sorted, 0.9);
  return {
    pitchMeanHz: sum / sorted.length,
    pitchMeanSemitones: semitones / sorted.length,
    pitchRangeHz: p90 - p10,
    pitchRangeSemitones: 12 * Math.log2(p90 / p10),
    loudnessDb,
    voicedFraction,
    syllableRate,
  };
}
