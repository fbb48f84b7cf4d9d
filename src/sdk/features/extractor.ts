import { resolveFeatureConfig, type FeatureConfig } from './config.ts';
import { DeltaStream } from './deltas.ts';
import { frameFeatureNames, frameFeatureWidth, spectralFeatureNames, type FrameFeatureName, type FrameFeatures } from './frame-features.ts';
import { pitchFrameSpan } from './pitch-config.ts';
import { PitchTracker } from './pitch-tracker.ts';
import { prosodyBlockNames, writeProsodyFrames, type ProsodyFrameBlocks } from './prosody-frames.ts';
import { SpectralFrame, type BaseFrameTarget } from './spectral-frame.ts';

type BaseName = Exclude<FrameFeatureName, 'mfccDelta' | 'mfccDelta2' | 'pitch' | 'voicing' | 'loudness'>;
const baseNames: readonly BaseName[] = ['logMel', 'mfcc', 'contrast', 'chroma', 'zcr', 'rms'];

/** Options of a feature extractor beyond the analysis settings. */
export interface FeatureExtractorOptions {
  /**
   * Blocks to compute; the others come back empty. The prosody blocks (`pitch`, `voicing`, `loudness`) run
   * an F0 tracker beside the spectral front-end, so they are computed only when named here.
   * @defaultValue every spectral block (`spectralFeatureNames`)
   */
  readonly include?: readonly FrameFeatureName[];
}

/**
 * Streaming MFCC-family front-end. Push 16 kHz mono samples in chunks of any size; each push
 * returns the frames it completed, and `flush()` returns the rest. Framing is librosa's
 * `center=True` with zero padding, so a clip of n samples yields `1 + floor(n / hop)` frames,
 * and the frames are identical however the clip was chunked. Deltas lag by `2·deltaN` frames.
 */
export class FeatureExtractor {
  readonly config: FeatureConfig;
  private readonly include: ReadonlySet<FrameFeatureName>;
  private readonly frame: SpectralFrame;
  private readonly lag: number;
  private readonly ringSize: number;
  private readonly ring: BaseFrameTarget;
  private readonly deltas: DeltaStream;
  private readonly deltas2: DeltaStream;
  private readonly deltaRing: Float32Array;
  private pending: Float32Array;
  private pendingLength = 0;
  private computed = 0;
  private emitted = 0;
  /** The F0 tracker behind the prosody blocks, when any is included; its frames wait in `prosody` until emitted. */
  private readonly pitchTracker: PitchTracker | undefined;
  private prosody: ProsodyFrameBlocks = { pitch: new Float32Array(0), voicing: new Float32Array(0), loudness: new Float32Array(0) };
  /** `prosody` rows `[prosodyRead, prosodyLength)` are frames `emitted, emitted + 1, …` */
  private prosodyRead = 0;
  private prosodyLength = 0;

  constructor(config: Partial<FeatureConfig> = {}, options: FeatureExtractorOptions = {}) {
    this.config = resolveFeatureConfig(config);
    const include = new Set(options.include ?? spectralFeatureNames);
    for (const name of include) {
      if (!frameFeatureNames.includes(name)) throw new RangeError(`include: unknown feature block '${name}'`);
    }
    if (include.has('mfccDelta') || include.has('mfccDelta2')) include.add('mfcc');
    this.include = include;
    const has = (name: FrameFeatureName) => include.has(name);
    this.frame = new SpectralFrame(this.config, {
      logMel: has('logMel'), mfcc: has('mfcc'), contrast: has('contrast'), chroma: has('chroma'), zcrRms: has('zcr') || has('rms'),
    });
    const { deltaN, nMfcc, nFft, hopLength } = this.config;
    this.lag = has('mfccDelta2') ? 2 * deltaN : has('mfccDelta') ? deltaN : 0;
    if (prosodyBlockNames.some(has)) this.pitchTracker = new PitchTracker({ sampleRate: this.config.sampleRate, hopLength });
    // Spectral frames wait in the ring while the F0 tracker, whose frames reach further ahead, catches up.
    const pitchLead = this.pitchTracker ? Math.ceil(Math.max(0, Math.floor(pitchFrameSpan(this.pitchTracker.config) / 2) - nFft / 2) / hopLength) + 1 : 0;
    this.ringSize = 2 * this.lag + 2 + pitchLead;
    this.ring = this.allocate(this.ringSize) as BaseFrameTarget;
    this.deltas = new DeltaStream(nMfcc, deltaN);
    this.deltas2 = new DeltaStream(nMfcc, deltaN);
    this.deltaRing = new Float32Array(this.ringSize * nMfcc);
    this.pending = new Float32Array(Math.max(4 * nFft, 16384));
    this.reset();
  }

  /** Adds samples; returns the frames completed by them. */
  push(samples: Float32Array): FrameFeatures {
    if (this.pitchTracker) this.keepProsody(this.pitchTracker.push(samples));
    return this.run(samples, false);
  }

  /** Pads the end like `center=True` and returns every remaining frame; then resets. */
  flush(): FrameFeatures {
    if (this.pitchTracker) this.keepProsody(this.pitchTracker.flush());
    const out = this.run(new Float32Array(this.config.nFft / 2), true);
    this.reset();
    return out;
  }

  /** Forgets all audio so the next push starts a new clip. */
  reset(): void {
    this.pending.fill(0, 0, this.config.nFft / 2);
    this.pendingLength = this.config.nFft / 2;
    this.computed = 0;
    this.emitted = 0;
    this.deltas.reset();
    this.deltas2.reset();
    this.frame.reset();
    this.pitchTracker?.reset();
    this.prosodyRead = 0;
    this.prosodyLength = 0;
  }

  private run(samples: Float32Array, final: boolean): FrameFeatures {
    const { nFft, hopLength } = this.config;
    this.append(samples);
    const newFrames = this.pendingLength >= nFft ? Math.floor((this.pendingLength - nFft) / hopLength) + 1 : 0;
    const total = this.computed + newFrames;
    let emitUntil = final ? total : Math.max(0, total - this.lag);
    if (this.pitchTracker) emitUntil = Math.min(emitUntil, this.emitted + this.prosodyLength - this.prosodyRead);
    const firstRow = this.emitted;
    const out = this.allocate(emitUntil - firstRow);
    let offset = 0;
    for (let f = 0; f < newFrames; f++, offset += hopLength) {
      this.frame.compute(this.pending, offset, this.ring, this.computed % this.ringSize);
      this.computed++;
      if (this.lag > 0) this.deltas.push(this.ring.mfcc, (this.computed - 1) % this.ringSize * this.config.nMfcc);
      this.emitReady(out, firstRow, false);
    }
    this.pending.copyWithin(0, offset, this.pendingLength);
    this.pendingLength -= offset;
    // Frames held for the F0 tracker leave when its frames arrive, even in a push that completes no new frame.
    if (final || (this.pitchTracker && newFrames === 0)) this.emitReady(out, firstRow, final);
    return out;
  }

  private emitReady(out: FrameFeatures, firstRow: number, final: boolean): void {
    const { nMfcc } = this.config;
    const wantDelta = this.include.has('mfccDelta');
    const wantDelta2 = this.include.has('mfccDelta2');
    while (this.lag > 0 && this.deltas.ready(final)) {
      const slot = this.deltas.emitted % this.ringSize;
      this.deltas.next(this.deltaRing, slot * nMfcc);
      if (wantDelta2) this.deltas2.push(this.deltaRing, slot * nMfcc);
    }
    for (;;) {
      const t = this.emitted;
      const ready = wantDelta2 ? this.deltas2.ready(final) : wantDelta ? this.deltas.emitted > t : this.computed > t;
      // A frame leaves once both front-ends have it (the F0 tracker's frames span more samples).
      if (!ready || (this.pitchTracker && this.prosodyRead === this.prosodyLength)) return;
      const row = t - firstRow;
      const slot = t % this.ringSize;
      if (wantDelta2) this.deltas2.next(out.mfccDelta2, row * nMfcc);
      if (wantDelta) out.mfccDelta.set(this.deltaRing.subarray(slot * nMfcc, (slot + 1) * nMfcc), row * nMfcc);
      for (const name of baseNames) {
        if (!this.include.has(name)) continue;
        const width = frameFeatureWidth(name, this.config);
        out[name].set(this.ring[name].subarray(slot * width, (slot + 1) * width), row * width);
      }
      if (this.pitchTracker) this.takeProsody(out, row);
      this.emitted++;
    }
  }

  /** Queues the prosody blocks of frames the F0 tracker just completed. */
  private keepProsody(track: ReturnType<PitchTracker['push']>): void {
    for (const name of prosodyBlockNames) this.prosody[name].copyWithin(0, this.prosodyRead, this.prosodyLength);
    this.prosodyLength -= this.prosodyRead;
    this.prosodyRead = 0;
    const needed = this.prosodyLength + track.nFrames;
    if (needed > this.prosody.pitch.length) {
      const grow = (old: Float32Array): Float32Array => {
        const grown = new Float32Array(Math.max(needed, 2 * old.length, 64));
        grown.set(old.subarray(0, this.prosodyLength));
        return grown;
      };
      this.prosody = { pitch: grow(this.prosody.pitch), voicing: grow(this.prosody.voicing), loudness: grow(this.prosody.loudness) };
    }
    writeProsodyFrames(track, 0, track.nFrames, this.prosody, this.prosodyLength);
    this.prosodyLength = needed;
  }

  /** Moves the oldest queued prosody frame into row `row` of `out` (only the blocks asked for). */
  private takeProsody(out: FrameFeatures, row: number): void {
    for (const name of prosodyBlockNames) if (this.include.has(name)) out[name][row] = this.prosody[name][this.prosodyRead];
    this.prosodyRead++;
  }

  private allocate(nFrames: number): FrameFeatures {
    const block = (name: FrameFeatureName) => new Float32Array(this.include.has(name) ? nFrames * frameFeatureWidth(name, this.config) : 0);
    return {
      config: this.config, nFrames,
      logMel: block('logMel'), mfcc: block('mfcc'), mfccDelta: block('mfccDelta'), mfccDelta2: block('mfccDelta2'),
      contrast: block('contrast'), chroma: block('chroma'), zcr: block('zcr'), rms: block('rms'),
      pitch: block('pitch'), voicing: block('voicing'), loudness: block('loudness'),
    };
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
