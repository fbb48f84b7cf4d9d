import { lagRange, pitchFrameSpan, type PitchConfig } from './pitch-config.ts';

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
 */
export class YinFrame {
  private readonly config: PitchConfig;
  private readonly minLag: number;
  private readonly maxLag: number;
  private readonly span: number;
  private readonly difference: Float64Array;
  private readonly normalised: Float64Array;

  constructor(config: PitchConfig) {
    this.config = config;
    ({ minLag: this.minLag, maxLag: this.maxLag } = lagRange(config));
    this.span = pitchFrameSpan(config);
    this.difference = new Float64Array(this.maxLag + 2);
    this.normalised = new Float64Array(this.maxLag + 2);
  }

  /** Analyses `samples[offset .. offset + span)` into `out`. */
  analyse(samples: Float32Array, offset: number, out: PitchFrame): void {
    const { windowLength, threshold, voicingThreshold, silenceDb, sampleRate } = this.config;
    const d = this.difference;
    const n = this.normalised;
    const last = this.maxLag + 1;
    const centre = offset + Math.floor(this.span / 2);
    for (let lag = 1; lag <= last; lag++) {
      // Centring the compared pair on the frame centre for every lag keeps F0 aligned with the
      // frame time on glides (an uncentred window lags by up to half the period).
      const start = centre - Math.floor((windowLength + lag) / 2);
      let acc = 0;
      for (let j = start; j < start + windowLength; j++) {
        const diff = samples[j] - samples[j + lag];
        acc += diff * diff;
      }
      d[lag] = acc;
    }
    n[0] = 1;
    let cumulative = 0;
    for (let lag = 1; lag <= last; lag++) {
      cumulative += d[lag];
      n[lag] = cumulative > 0 ? (d[lag] * lag) / cumulative : 1;
    }
    let best = -1;
    for (let lag = this.minLag; lag <= this.maxLag; lag++) {
      if (n[lag] < threshold) {
        while (lag + 1 <= this.maxLag && n[lag + 1] < n[lag]) lag++;
        best = lag;
        break;
      }
    }
    if (best < 0) {
      best = this.minLag;
      for (let lag = this.minLag + 1; lag <= this.maxLag; lag++) if (n[lag] < n[best]) best = lag;
    }
    const a = n[best - 1];
    const b = n[best];
    const c = n[best + 1];
    const curvature = a - 2 * b + c;
    const shift = curvature > 0 ? Math.max(-1, Math.min(1, (a - c) / (2 * curvature))) : 0;
    out.aperiodicity = b;
    out.levelDb = this.level(samples, offset);
    out.voiced = b <= voicingThreshold && out.levelDb >= silenceDb;
    out.f0 = out.voiced ? sampleRate / (best + shift) : 0;
  }

  private level(samples: Float32Array, offset: number): number {
    const { windowLength } = this.config;
    const start = offset + Math.floor(this.span / 2) - Math.floor(windowLength / 2);
    let energy = 0;
    for (let i = start; i < start + windowLength; i++) energy += samples[i] * samples[i];
    return 10 * Math.log10(Math.max(energy / windowLength, 1e-20));
  }
}
