/** Analysis settings shared by the browser worker, Node, the CLI and model training. */
export interface FeatureConfig {
  /** Input sample rate in Hz; audio is resampled to it first. @defaultValue 16000 */
  readonly sampleRate: number;
  /** FFT size in samples. @defaultValue 512 */
  readonly nFft: number;
  /** Hann window length in samples (centred inside `nFft`). @defaultValue 400 (25 ms) */
  readonly winLength: number;
  /** Hop between frames in samples. @defaultValue 160 (10 ms) */
  readonly hopLength: number;
  /** Number of Slaney mel bands. @defaultValue 64 */
  readonly nMels: number;
  /** Number of cepstral coefficients kept. @defaultValue 20 */
  readonly nMfcc: number;
  /** Lowest mel band edge in Hz. @defaultValue 0 */
  readonly fMin: number;
  /** Highest mel band edge in Hz. @defaultValue sampleRate / 2 */
  readonly fMax: number;
  /** Frames on each side used by the delta regression (torchaudio `compute_deltas`, window 2N+1). @defaultValue 2 */
  readonly deltaN: number;
  /**
   * Noise suppression before the spectral blocks: the most a frequency bin is attenuated, in dB
   * (`noise-suppressor.ts`); 0 turns it off. @defaultValue 0
   */
  readonly denoiseDb: number;
}

export const defaultFeatureConfig: FeatureConfig = Object.freeze({
  sampleRate: 16000,
  nFft: 512,
  winLength: 400,
  hopLength: 160,
  nMels: 64,
  nMfcc: 20,
  fMin: 0,
  fMax: 8000,
  deltaN: 2,
  denoiseDb: 0,
});

/** Number of spectral-contrast values per frame (librosa default: 6 bands + valley row). */
export const contrastBands = 7;
/** Number of chroma bins per frame. */
export const chromaBins = 12;

function requireInteger(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`featureConfig.${name} must be an integer in [${min}, ${max}], got ${value}`);
  }
}

/** Completes a partial config with defaults and rejects impossible combinations. */
export function resolveFeatureConfig(partial: Partial<FeatureConfig> = {}): FeatureConfig {
  const sampleRate = partial.sampleRate ?? defaultFeatureConfig.sampleRate;
  const config: FeatureConfig = {
    ...defaultFeatureConfig,
    fMax: sampleRate / 2,
    ...partial,
  };
  requireInteger('sampleRate', config.sampleRate, 8000, 96000);
  requireInteger('nFft', config.nFft, 16, 65536);
  if ((config.nFft & (config.nFft - 1)) !== 0) {
    throw new RangeError(`featureConfig.nFft must be a power of two, got ${config.nFft}`);
  }
  requireInteger('winLength', config.winLength, 2, config.nFft);
  requireInteger('hopLength', config.hopLength, 1, config.nFft);
  requireInteger('nMels', config.nMels, 1, config.nFft / 2 + 1);
  requireInteger('nMfcc', config.nMfcc, 1, config.nMels);
  requireInteger('deltaN', config.deltaN, 1, 16);
  if (!(config.denoiseDb >= 0 && config.denoiseDb <= 60)) {
    throw new RangeError(`featureConfig.denoiseDb must be a number in [0, 60], got ${config.denoiseDb}`);
  }
  if (!(config.fMin >= 0 && config.fMax > config.fMin && config.fMax <= config.sampleRate / 2)) {
    throw new RangeError(
      `featureConfig.fMin/fMax must satisfy 0 <= fMin < fMax <= sampleRate/2, got ${config.fMin}/${config.fMax}`,
    );
  }
  return Object.freeze(config);
}
