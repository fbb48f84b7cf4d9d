/**
 * Streaming noise suppression on the power spectrum (spectral subtraction with a gain floor), run inside the
 * front-end before every spectral block, so the browser worker, Node, the CLI and training see the same frames.
 *
 * Per FFT bin k and frame t, with power P:
 * - smoothed power `S(t) = α·S(t−1) + (1−α)·P(t)` (`S(0) = P(0)`);
 * - noise floor by continuous minimum tracking: `N(t) = min(S(t), max(N(t−1), ε)·ρ)` (`N(0) = S(0)`), where ρ lets
 *   the floor rise by `noiseRiseDbPerSecond` when the noise gets louder;
 * - output `max(P(t) − β·N(t), g·P(t))` with `g = 10^(−denoiseDb/10)`.
 * β over-subtracts because the minimum of a smoothed noise periodogram sits below its mean (β = 4, Berouti's
 * value at 0 dB SNR; with 2, white noise lost only 6–9 dB of the 12 allowed, with 4 it loses 10–11). The state lives for
 * one clip (one `FeatureExtractor` until `reset`), so a clip's first frames are suppressed less than later ones.
 */
export const noiseSmoothing = 0.8;
export const noiseRiseDbPerSecond = 5;
export const noiseOverSubtraction = 4;
/** Powers below this never seed the floor: from 0 a multiplicative rise would never leave 0. */
export const noiseFloorEpsilon = 1e-10;

export class NoiseSuppressor {
  private readonly smoothed: Float64Array;
  private readonly noise: Float64Array;
  private readonly rise: number;
  private readonly gainFloor: number;
  private started = false;

  /** @param denoiseDb most attenuation of a bin in dB (> 0); `framesPerSecond` sets the rise per frame. */
  constructor(nBins: number, framesPerSecond: number, denoiseDb: number) {
    if (!(denoiseDb > 0)) throw new RangeError(`denoiseDb must be > 0 for a NoiseSuppressor, got ${denoiseDb}`);
    this.smoothed = new Float64Array(nBins);
    this.noise = new Float64Array(nBins);
    this.rise = 10 ** (noiseRiseDbPerSecond / 10 / framesPerSecond);
    this.gainFloor = 10 ** (-denoiseDb / 10);
  }

  /** Suppresses the noise in one frame's power spectrum, in place. */
  apply(power: Float64Array): void {
    const { smoothed, noise, rise, gainFloor } = this;
    const n = smoothed.length;
    if (!this.started) {
      for (let k = 0; k < n; k++) smoothed[k] = noise[k] = power[k];
      this.started = true;
    } else {
      for (let k = 0; k < n; k++) {
        const s = noiseSmoothing * smoothed[k] + (1 - noiseSmoothing) * power[k];
        smoothed[k] = s;
        noise[k] = Math.min(s, Math.max(noise[k], noiseFloorEpsilon) * rise);
      }
    }
    for (let k = 0; k < n; k++) power[k] = Math.max(power[k] - noiseOverSubtraction * noise[k], gainFloor * power[k]);
  }

  /** Forgets the noise estimate; the next frame starts a new clip. */
  reset(): void {
    this.started = false;
  }
}
