import { lagRange, pitchFrameSpan, type PitchConfig } from './pitch-config.ts';
import { SimdDifference, simdLags } from './yin-simd.ts';

/** F0, periodicity and level of one frame. */
export interface PitchFrame {
  /** Fundamental frequency in Hz; 0 when the frame is unvoiced. */
  f0: number;
  /** Cumulative-mean-normalised difference at the chosen period (0 = perfectly periodic, about 1 = noise). */
  aperiodicity: number;
  /** RMS level of the frame's central `windowLength` samples, dB re full-scale RMS (−200 for digital silence). */
  levelDb: number;
  voiced: boolean;
}

/**
 * YIN (de Cheveigné & Kawahara, JASA 2002), steps 1–5 without the best-local-estimate search:
 * difference function (each lag's window centred on the frame), cumulative mean normalisation,
 * absolute threshold, parabolic interpolation.
 * Each frame is a pure function of its `pitchFrameSpan` samples, so streaming and whole-clip
 * tracking agree exactly. Buffers are preallocated; `analyse` allocates nothing.
 *
 * The difference function is computed lazily, a few lags at a time, only as far as the threshold
 * search reads it: a voiced frame stops one lag past its dip, so only unvoiced frames pay for every
 * lag. Each lag's sum is still accumulated sample by sample in the same order, so the output is
 * bit-identical to computing every lag first.
 */
export class YinFrame {
  private readonly config: PitchConfig;
  private readonly minLag: number;
  private readonly maxLag: number;
  private readonly span: number;
  private readonly difference: Float64Array;
  private readonly normalised: Float64Array;
  /** Lags 1…`computed` of the current frame are in `difference` and `normalised`. */
  private computed = 0;
  private cumulative = 0;
  /** The frame's span as doubles: the sums read each sample many times, so it is converted once. */
  private readonly frame: Float64Array;
  private readonly centre: number;
  /** Sums sixteen lags per call with WebAssembly SIMD; undefined where that is unavailable (same numbers either way). */
  private readonly simd: SimdDifference | undefined;

  /** `simd: false` keeps to the scalar sums (the tests compare both). */
  constructor(config: PitchConfig, { simd = true }: { simd?: boolean } = {}) {
    this.config = config;
    ({ minLag: this.minLag, maxLag: this.maxLag } = lagRange(config));
    this.span = pitchFrameSpan(config);
    this.difference = new Float64Array(this.maxLag + 2);
    this.normalised = new Float64Array(this.maxLag + 2);
    this.simd = simd ? SimdDifference.create(this.span) : undefined;
    this.frame = this.simd?.frame ?? new Float64Array(this.span);
    this.centre = Math.floor(this.span / 2);
  }

  /** Analyses `samples[offset .. offset + span)` into `out`. */
  analyse(samples: Float32Array, offset: number, out: PitchFrame): void {
    const { threshold, voicingThreshold, silenceDb, sampleRate } = this.config;
    const { minLag, maxLag } = this;
    const n = this.normalised;
    const x = this.frame;
    for (let i = 0; i < this.span; i++) x[i] = samples[offset + i];
    const energy = this.energy();
    out.levelDb = 10 * Math.log10(Math.max(energy / this.config.windowLength, 1e-20));
    if (energy === 0 && this.silent()) {
      // Digital silence: every difference is 0, so every normalised value is 1, the search falls back to
      // minLag and the curvature is 0; the same numbers the sums would give, without them.
      out.aperiodicity = 1;
      out.voiced = false;
      out.f0 = 0;
      return;
    }
    this.computed = 0;
    this.cumulative = 0;
    n[0] = 1;
    let best = -1;
    for (let lag = minLag; lag <= maxLag; lag++) {
      if (lag + 1 > this.computed) this.extend(lag + 1);
      if (n[lag] < threshold) {
        while (lag + 1 <= maxLag && n[lag + 1] < n[lag]) {
          lag++;
          if (lag + 1 > this.computed) this.extend(lag + 1);
        }
        best = lag;
        break;
      }
    }
    if (best < 0) {
      best = minLag;
      for (let lag = minLag + 1; lag <= maxLag; lag++) if (n[lag] < n[best]) best = lag;
    }
    const a = n[best - 1];
    const b = n[best];
    const c = n[best + 1];
    const curvature = a - 2 * b + c;
    const shift = curvature > 0 ? Math.max(-1, Math.min(1, (a - c) / (2 * curvature))) : 0;
    out.aperiodicity = b;
    out.voiced = b <= voicingThreshold && out.levelDb >= silenceDb;
    out.f0 = out.voiced ? sampleRate / (best + shift) : 0;
  }

  /** Computes the difference and its normalisation for lags up to at least `needed` (4 or 16 lags at a time). */
  private extend(needed: number): void {
    const { windowLength } = this.config;
    const last = this.maxLag + 1;
    const d = this.difference;
    const n = this.normalised;
    const from = this.computed + 1;
    let lag = from;
    while (lag <= needed) {
      // Blocks start where windowLength + lag is even, so their windows share samples (see quad).
      const aligned = (windowLength + lag) % 2 === 0;
      if (aligned && this.simd && lag + simdLags - 1 <= last) {
        this.simd.run(this.centre - (windowLength + lag) / 2, lag, windowLength);
        d.set(this.simd.sums, lag);
        lag += simdLags;
      } else if (aligned && lag + 3 <= last) {
        this.quad(lag);
        lag += 4;
      } else {
        d[lag] = this.single(lag);
        lag++;
      }
    }
    let cumulative = this.cumulative;
    for (let k = from; k < lag; k++) {
      cumulative += d[k];
      n[k] = cumulative > 0 ? (d[k] * k) / cumulative : 1;
    }
    this.cumulative = cumulative;
    this.computed = lag - 1;
  }

  /**
   * Differences at lags `lag`…`lag + 3`, each summed sample by sample in window order exactly as
   * `single` does, side by side: independent sums let the CPU overlap the additions. Centring the
   * compared pair on the frame centre for every lag (which keeps F0 aligned with the frame time on
   * glides; an uncentred window lags by up to half the period) moves the window start back one
   * sample every second lag, so with windowLength + lag even the four lags read only five
   * sequences, x[s − 1 + i], x[s + i] and x[s + lag + i … + 2], and each sample is loaded once.
   */
  private quad(lag: number): void {
    const { windowLength } = this.config;
    const x = this.frame;
    const s = this.centre - (windowLength + lag) / 2;
    const t = s + lag;
    let a0 = 0;
    let a1 = 0;
    let a2 = 0;
    let a3 = 0;
    let p = x[s - 1];
    let u = x[t];
    let v = x[t + 1];
    for (let i = 0; i < windowLength; i++) {
      const q = x[s + i];
      const w = x[t + 2 + i];
      const e0 = q - u;
      const e1 = q - v;
      const e2 = p - v;
      const e3 = p - w;
      a0 += e0 * e0;
      a1 += e1 * e1;
      a2 += e2 * e2;
      a3 += e3 * e3;
      p = q;
      u = v;
      v = w;
    }
    const d = this.difference;
    d[lag] = a0;
    d[lag + 1] = a1;
    d[lag + 2] = a2;
    d[lag + 3] = a3;
  }

  private single(lag: number): number {
    const { windowLength } = this.config;
    const x = this.frame;
    const start = this.centre - Math.floor((windowLength + lag) / 2);
    let acc = 0;
    for (let j = start; j < start + windowLength; j++) {
      const diff = x[j] - x[j + lag];
      acc += diff * diff;
    }
    return acc;
  }

  /** Energy of the frame's central `windowLength` samples. */
  private energy(): number {
    const { windowLength } = this.config;
    const x = this.frame;
    const start = this.centre - Math.floor(windowLength / 2);
    let energy = 0;
    for (let i = start; i < start + windowLength; i++) energy += x[i] * x[i];
    return energy;
  }

  private silent(): boolean {
    for (let i = 0; i < this.span; i++) if (this.frame[i] !== 0) return false;
    return true;
  }
}
