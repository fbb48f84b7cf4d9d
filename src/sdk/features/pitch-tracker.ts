import { pitchFrameSpan, resolvePitchConfig, type PitchConfig } from './pitch-config.ts';
import { YinFrame, type PitchFrame } from './yin.ts';

/** Per-frame F0 and voicing of a clip; frame `t` is centred on sample `t · hopLength`, as the spectral front-end's. */
export interface PitchFrames {
  readonly config: PitchConfig;
  readonly nFrames: number;
  /** F0 in Hz; 0 on unvoiced frames. */
  readonly f0: Float32Array;
  /** 1 where the frame is voiced, else 0. */
  readonly voiced: Uint8Array;
  /** YIN's normalised difference at the chosen period (lower = more periodic). */
  readonly aperiodicity: Float32Array;
  /** RMS level per frame, dB re full-scale RMS. */
  readonly levelDb: Float32Array;
}

/**
 * Streaming F0/voicing tracker. Push 16 kHz mono samples in chunks of any size; each push returns
 * the frames it completed and `flush()` the rest. Framing is `center=True` with zero padding like
 * `FeatureExtractor`, so a clip of n samples yields `1 + floor(n / hop)` frames aligned with the
 * spectral features, identical however the clip was chunked (frames lag by half a span, 24 ms).
 */
export class PitchTracker {
  readonly config: PitchConfig;
  private readonly yin: YinFrame;
  private readonly span: number;
  private readonly frame: PitchFrame = { f0: 0, aperiodicity: 1, levelDb: -200, voiced: false };
  private pending: Float32Array;
  private pendingLength = 0;

  constructor(config: Partial<PitchConfig> = {}) {
    this.config = resolvePitchConfig(config);
    this.yin = new YinFrame(this.config);
    this.span = pitchFrameSpan(this.config);
    this.pending = new Float32Array(Math.max(4 * this.span, 16384));
    this.reset();
  }

  /** Adds samples; returns the frames completed by them. Non-finite samples are a RangeError (they would poison every later frame). */
  push(samples: Float32Array): PitchFrames {
    if (!(samples instanceof Float32Array)) throw new TypeError('PitchTracker.push: samples must be a Float32Array');
    for (let i = 0; i < samples.length; i++) {
      if (!Number.isFinite(samples[i])) throw new RangeError(`PitchTracker.push: sample ${i} is ${samples[i]}`);
    }
    return this.run(samples);
  }

  /** Pads the end with zeros like `center=True`, returns every remaining frame, then resets. */
  flush(): PitchFrames {
    const out = this.run(new Float32Array(this.span - Math.floor(this.span / 2)));
    this.reset();
    return out;
  }

  /**
   * Resets so that the frames produced next are frames `first`, `first + 1`, … of a clip; returns the
   * clip sample to push from. Lets a caller that already holds a clip's first frames analyse only the rest.
   */
  resetAtFrame(first: number): number {
    if (!Number.isInteger(first) || first < 0) throw new RangeError(`PitchTracker.resetAtFrame: first must be a non-negative integer, got ${first}`);
    const start = first * this.config.hopLength - Math.floor(this.span / 2);
    if (first === 0) this.reset();
    else if (start < 0) throw new RangeError(`PitchTracker.resetAtFrame: frame ${first} still overlaps the zero padding; start from frame 0`);
    else this.pendingLength = 0;
    return Math.max(0, start);
  }

  /** Forgets all audio so the next push starts a new clip. */
  reset(): void {
    const half = Math.floor(this.span / 2);
    this.pending.fill(0, 0, half);
    this.pendingLength = half;
  }

  private run(samples: Float32Array): PitchFrames {
    const { hopLength } = this.config;
    this.append(samples);
    const nFrames = this.pendingLength >= this.span ? Math.floor((this.pendingLength - this.span) / hopLength) + 1 : 0;
    const out = allocatePitchFrames(this.config, nFrames);
    for (let t = 0; t < nFrames; t++) {
      this.yin.analyse(this.pending, t * hopLength, this.frame);
      out.f0[t] = this.frame.f0;
      out.voiced[t] = this.frame.voiced ? 1 : 0;
      out.aperiodicity[t] = this.frame.aperiodicity;
      out.levelDb[t] = this.frame.levelDb;
    }
    const consumed = nFrames * hopLength;
    this.pending.copyWithin(0, consumed, this.pendingLength);
    this.pendingLength -= consumed;
    return out;
  }

  private append(samples: Float32Array): void {
    const needed = this.pendingLength + samples.length;
    if (needed > this.pending.length) {
      const grown = new Float32Array(Math.max(needed, 2 * this.pending.length));
      grown.set(this.pending.subarray(0, this.pendingLength));
      this.pending = grown;
    }
    this.pending.set(samples, this.pendingLength);
    this.pendingLength = needed;
  }
}

function allocatePitchFrames(config: PitchConfig, nFrames: number): PitchFrames {
  return {
    config, nFrames,
    f0: new Float32Array(nFrames), voiced: new Uint8Array(nFrames), aperiodicity: new Float32Array(nFrames), levelDb: new Float32Array(nFrames),
  };
}

/** Joins consecutive pitch blocks (e.g. every push of a stream) into one. */
export function concatPitchFrames(parts: readonly PitchFrames[]): PitchFrames {
  if (parts.length === 0) throw new RangeError('concatPitchFrames needs at least one part');
  const out = allocatePitchFrames(parts[0].config, parts.reduce((sum, p) => sum + p.nFrames, 0));
  let offset = 0;
  for (const part of parts) {
    out.f0.set(part.f0, offset);
    out.voiced.set(part.voiced, offset);
    out.aperiodicity.set(part.aperiodicity, offset);
    out.levelDb.set(part.levelDb, offset);
    offset += part.nFrames;
  }
  return out;
}

/** F0 and voicing of a whole 16 kHz mono clip; the same numbers a stream of any chunking produces. */
export function computePitch(samples: Float32Array, config: Partial<PitchConfig> = {}): PitchFrames {
  const tracker = new PitchTracker(config);
  return concatPitchFrames([tracker.push(samples), tracker.flush()]);
}

/** Frames `first…` of `computePitch(samples)`, the same numbers, without analysing the frames before them. */
export function computePitchFrom(samples: Float32Array, first: number, config: Partial<PitchConfig> = {}): PitchFrames {
  const tracker = new PitchTracker(config);
  // Frames whose span reaches into the leading zero padding can only be produced from the start.
  const from = first * tracker.config.hopLength >= Math.floor(pitchFrameSpan(tracker.config) / 2) ? first : 0;
  const start = tracker.resetAtFrame(from);
  const frames = concatPitchFrames([tracker.push(samples.subarray(start)), tracker.flush()]);
  return from === first ? frames : slicePitchFrames(frames, first - from, frames.nFrames);
}

/** Frames `start` (inclusive) to `end` (exclusive), sharing memory with `frames`. */
export function slicePitchFrames(frames: PitchFrames, start: number, end: number): PitchFrames {
  const from = Math.min(Math.max(0, start), frames.nFrames);
  const to = Math.min(Math.max(from, end), frames.nFrames);
  return {
    config: frames.config, nFrames: to - from,
    f0: frames.f0.subarray(from, to), voiced: frames.voiced.subarray(from, to), aperiodicity: frames.aperiodicity.subarray(from, to), levelDb: frames.levelDb.subarray(from, to),
  };
}
