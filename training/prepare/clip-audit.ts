/** What one prepared clip looks like, for artefact checks before training on a corpus. */
export interface ClipAudit {
  /** Length in seconds. */
  readonly durationS: number;
  /** RMS level, dB re full-scale RMS. */
  readonly rmsDb: number;
  /** Peak |sample|, dB re full scale. */
  readonly peakDb: number;
  /** Digital silence (|x| within two 16-bit steps: zeros, possibly dithered) at the start and at the end, seconds: zero padding. */
  readonly leadingSilenceS: number;
  readonly trailingSilenceS: number;
  /** Share of samples at or above 0.999 of full scale (clipping). */
  readonly clippedFraction: number;
}

// Two 16-bit steps and a half: sox dithers padded zeros by up to ±2 when it writes 16-bit files.
const silenceFloor = 2.5 / 32768;

/** Measures one mono clip. */
export function auditClip(samples: Float32Array, sampleRate: number): ClipAudit {
  let energy = 0;
  let peak = 0;
  let clipped = 0;
  for (const x of samples) {
    const a = Math.abs(x);
    energy += x * x;
    if (a > peak) peak = a;
    if (a >= 0.999) clipped++;
  }
  let first = 0;
  while (first < samples.length && Math.abs(samples[first]) < silenceFloor) first++;
  let last = samples.length;
  while (last > first && Math.abs(samples[last - 1]) < silenceFloor) last--;
  const n = Math.max(1, samples.length);
  return {
    durationS: samples.length / sampleRate,
    rmsDb: 10 * Math.log10(Math.max(energy / n, 1e-20)),
    peakDb: 20 * Math.log10(Math.max(peak, 1e-10)),
    leadingSilenceS: first / sampleRate,
    trailingSilenceS: (samples.length - last) / sampleRate,
    clippedFraction: clipped / n,
  };
}
