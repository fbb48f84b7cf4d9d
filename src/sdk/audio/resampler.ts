import { kaiser } from './kaiser.ts';

/** Zero crossings of the sinc kernel on each side, counted at the lower of the two rates. */
const zeroCrossings = 32;
/** Kaiser shape: about 80 dB stopband. */
const kaiserBeta = 8;
/** Low-pass cut-off as a fraction of the lower Nyquist frequency. */
const cutoffFraction = 0.92;

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/**
 * Streaming band-limited resampler: a Kaiser-windowed sinc low-pass (cut-off 0.92 × the lower
 * Nyquist frequency, 32 zero crossings, β = 8) evaluated as a polyphase table for the exact
 * rational ratio. Output sample n sits at input time n·inRate/outRate; samples before the
 * start are zero. Feeding a signal in any chunking and then calling `flush()` gives exactly
 * `ceil(length · outRate / inRate)` samples, identical to resampling it in one call.
 */
export class Resampler {
  readonly inputRate: number;
  readonly outputRate: number;
  private readonly step: number;
  private readonly phases: number;
  private readonly halfTaps: number;
  private readonly table: Float32Array;
  private history: Float32Array;
  private historyStart = 0;
  private historyLength = 0;
  /** Input index of `history[historyStart]`; negative while the leading silence is held. */
  private firstIndex = 0;
  private produced = 0;
  private consumed = 0;

  constructor(inputRate: number, outputRate: number) {
    if (!(inputRate > 0 && outputRate > 0 && Number.isInteger(inputRate) && Number.isInteger(outputRate))) {
      throw new RangeError(`sample rates must be positive integers, got ${inputRate} -> ${outputRate}`);
    }
    this.inputRate = inputRate;
    this.outputRate = outputRate;
    const divisor = gcd(inputRate, outputRate);
    this.step = inputRate / divisor;
    this.phases = outputRate / divisor;
    const scale = Math.min(1, outputRate / inputRate);
    const cutoff = cutoffFraction * scale;
    this.halfTaps = Math.ceil(zeroCrossings / scale);
    const taps = 2 * this.halfTaps;
    this.table = new Float32Array(this.phases * taps);
    for (let p = 0; p < this.phases; p++) {
      const fraction = p / this.phases;
      for (let k = 0; k < taps; k++) {
        const distance = k - this.halfTaps + 1 - fraction;
        const x = Math.PI * cutoff * distance;
        const sinc = x === 0 ? 1 : Math.sin(x) / x;
        this.table[p * taps + k] = cutoff * sinc * kaiser(distance / this.halfTaps, kaiserBeta);
      }
    }
    this.history = new Float32Array(Math.max(4096, 4 * taps));
    this.reset();
  }

  /** Resamples the next chunk; returns the output samples that are complete so far. */
  process(input: Float32Array): Float32Array {
    this.append(input);
    this.consumed += input.length;
    return this.drain(Number.POSITIVE_INFINITY);
  }

  /** Pads the end with silence and returns the remaining output; the resampler is then reset. */
  flush(): Float32Array {
    this.append(new Float32Array(this.halfTaps));
    const tail = this.drain(Math.ceil((this.consumed * this.phases) / this.step));
    this.reset();
    return tail;
  }

  reset(): void {
    this.history.fill(0);
    this.historyStart = 0;
    this.historyLength = this.halfTaps;
    this.firstIndex = -this.halfTaps;
    this.produced = 0;
    this.consumed = 0;
  }

  private append(input: Float32Array): void {
    const needed = this.historyLength + input.length;
    if (this.historyStart + needed > this.history.length) {
      const target = needed > this.history.length ? new Float32Array(2 * needed) : this.history;
      target.set(this.history.subarray(this.historyStart, this.historyStart + this.historyLength), 0);
      this.history = target;
      this.historyStart = 0;
    }
    this.history.set(input, this.historyStart + this.historyLength);
    this.historyLength += input.length;
  }

  private drain(limit: number): Float32Array {
    const taps = 2 * this.halfTaps;
    const lastIndex = this.firstIndex + this.historyLength - 1;
    // Output n needs input indices up to floor(n*step/phases) + halfTaps.
    const ready = Math.floor(((lastIndex - this.halfTaps + 1) * this.phases - 1) / this.step) + 1;
    const end = Math.max(this.produced, Math.min(limit, ready));
    const out = new Float32Array(end - this.produced);
    for (let n = this.produced; n < end; n++) {
      const whole = Math.floor((n * this.step) / this.phases);
      const phase = (n * this.step) % this.phases;
      const base = this.historyStart + whole - this.halfTaps + 1 - this.firstIndex;
      const row = phase * taps;
      let acc = 0;
      for (let k = 0; k < taps; k++) acc += this.history[base + k] * this.table[row + k];
      out[n - this.produced] = acc;
    }
    this.produced = end;
    const keepFrom = Math.floor((end * this.step) / this.phases) - this.halfTaps + 1;
    const drop = Math.min(this.historyLength, keepFrom - this.firstIndex);
    if (drop > 0) {
      this.historyStart += drop;
      this.historyLength -= drop;
      this.firstIndex += drop;
    }
    return out;
  }
}

/** Resamples a whole signal; identical to streaming it through a `Resampler` and flushing. */
export function resample(input: Float32Array, inputRate: number, outputRate: number): Float32Array {
  if (inputRate === outputRate) return input.slice();
  const resampler = new Resampler(inputRate, outputRate);
  const head = resampler.process(input);
  const tail = resampler.flush();
  const out = new Float32Array(head.length + tail.length);
  out.set(head);
  out.set(tail, head.length);
  return out;
}
