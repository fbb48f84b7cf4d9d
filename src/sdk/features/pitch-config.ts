/** Settings of the F0/voicing tracker (YIN). Frames share the spectral front-end's rate and centring. */
export interface PitchConfig {
  /** Input sample rate in Hz. @defaultValue 16000 */
  readonly sampleRate: number;
  /** Hop between frames in samples; frame `t` is centred on sample `t · hopLength`. @defaultValue 160 (10 ms) */
  readonly hopLength: number;
  /** Lowest F0 searched, Hz. @defaultValue 60 */
  readonly fMin: number;
  /** Highest F0 searched, Hz. @defaultValue 600 */
  readonly fMax: number;
  /** YIN integration window in samples (the sum of the difference function). @defaultValue 512 (32 ms) */
  readonly windowLength: number;
  /** YIN absolute threshold on the cumulative-mean-normalised difference: the first dip below it is the period. @defaultValue 0.1 */
  readonly threshold: number;
  /** A frame is voiced when the normalised difference at its period is at most this (aperiodicity); 0.35 matches Praat's voicing decisions on espeak-ng speech best. @defaultValue 0.35 */
  readonly voicingThreshold: number;
  /** Frames quieter than this RMS level (dB re full-scale RMS) are unvoiced whatever their periodicity. @defaultValue -60 */
  readonly silenceDb: number;
}

export const defaultPitchConfig: PitchConfig = Object.freeze({
  sampleRate: 16000,
  hopLength: 160,
  fMin: 60,
  fMax: 600,
  windowLength: 512,
  threshold: 0.1,
  voicingThreshold: 0.35,
  silenceDb: -60,
});

function requireRange(name: keyof PitchConfig, value: number, min: number, max: number, integer: boolean): void {
  if (typeof value !== 'number' || !(value >= min && value <= max) || (integer && !Number.isInteger(value))) {
    throw new RangeError(`pitchConfig.${name} must be ${integer ? 'an integer' : 'a number'} in [${min}, ${max}], got ${value}`);
  }
}

/** Completes a partial pitch config with defaults and rejects impossible combinations. */
export function resolvePitchConfig(partial: Partial<PitchConfig> = {}): PitchConfig {
  const config: PitchConfig = { ...defaultPitchConfig, ...partial };
  requireRange('sampleRate', config.sampleRate, 8000, 96000, true);
  requireRange('hopLength', config.hopLength, 1, config.sampleRate, true);
  requireRange('fMin', config.fMin, 20, config.sampleRate / 4, false);
  requireRange('fMax', config.fMax, config.fMin * 1.5, config.sampleRate / 4, false);
  requireRange('windowLength', config.windowLength, 16, 1 << 16, true);
  requireRange('threshold', config.threshold, 0.01, 1, false);
  requireRange('voicingThreshold', config.voicingThreshold, 0.01, 1, false);
  requireRange('silenceDb', config.silenceDb, -200, 0, false);
  return Object.freeze(config);
}

/** Shortest and longest period searched, in samples. */
export function lagRange(config: PitchConfig): { minLag: number; maxLag: number } {
  return { minLag: Math.max(2, Math.floor(config.sampleRate / config.fMax)), maxLag: Math.ceil(config.sampleRate / config.fMin) };
}

/** Samples one frame covers: the integration window plus the longest lag (and one for interpolation). */
export function pitchFrameSpan(config: PitchConfig): number {
  return config.windowLength + lagRange(config).maxLag + 1;
}
