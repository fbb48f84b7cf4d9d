import type { PitchFrames } from './pitch-tracker.ts';

/** A nucleus must rise at least this far above the dip since the previous one, dB (de Jong & Wempe's 2 dB). */
const minDipDb = 2;
/** Peaks quieter than the utterance's 99th-percentile level minus this are not syllables, dB. */
const peakFloorDb = 25;
/** Frames within this of the 99th-percentile level count as speech for the rate's time base, dB. */
const speechFloorDb = 35;

/** Syllable nuclei found in a pitch track and the speech time they span. */
export interface SyllableCount {
  readonly nuclei: number;
  /** From the first to the last frame within 35 dB of the loud end of the utterance, seconds. */
  readonly speechSeconds: number;
}

/**
 * Counts syllable nuclei after de Jong & Wempe (Behavior Research Methods 41, 2009): peaks of the
 * level contour (smoothed over three 10 ms frames) that are voiced, within 25 dB of the utterance's
 * 99th-percentile level and above its median, and rise at least 2 dB above the dip since the
 * previous nucleus. Needs no transcript and no language model.
 */
export function countSyllableNuclei(track: PitchFrames): SyllableCount {
  const { nFrames, levelDb, voiced, config } = track;
  if (nFrames < 3) return { nuclei: 0, speechSeconds: 0 };
  const level = new Float64Array(nFrames);
  for (let t = 0; t < nFrames; t++) {
    const from = Math.max(0, t - 1);
    const to = Math.min(nFrames - 1, t + 1);
    let sum = 0;
    for (let k = from; k <= to; k++) sum += levelDb[k];
    level[t] = sum / (to - from + 1);
  }
  const sorted = Float64Array.from(level).sort();
  const loud = sorted[Math.floor(0.99 * (nFrames - 1))];
  const floor = Math.max(loud - peakFloorDb, sorted[Math.floor(0.5 * (nFrames - 1))]);
  let first = -1;
  let last = -1;
  for (let t = 0; t < nFrames; t++) {
    if (levelDb[t] > loud - speechFloorDb && levelDb[t] > -200) {
      if (first < 0) first = t;
      last = t;
    }
  }
  let nuclei = 0;
  let dip = Infinity;
  let previousPeak = -Infinity;
  for (let t = 1; t < nFrames - 1; t++) {
    dip = Math.min(dip, level[t]);
    const isPeak = level[t] > level[t - 1] && level[t] >= level[t + 1] && level[t] >= floor && voiced[t] === 1;
    if (!isPeak) continue;
    if (nuclei === 0 || level[t] - dip >= minDipDb) nuclei++;
    else if (level[t] <= previousPeak) continue;
    // A new nucleus, or a higher top of the same one: dips are measured from here on.
    previousPeak = level[t];
    dip = level[t];
  }
  const speechSeconds = first < 0 ? 0 : ((last - first + 1) * config.hopLength) / config.sampleRate;
  return { nuclei, speechSeconds };
}
