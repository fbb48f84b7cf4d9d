/**
 * Regression deltas over a sliding window, as torchaudio.functional.compute_deltas:
 * `d[t] = Σ_{n=1..N} n·(c[t+n] − c[t−n]) / (2·Σ n²)` with the first and last frames repeated
 * past the edges. Frames arrive one at a time; delta `t` is produced once frame `t + N` (or the
 * end) has been seen, so streaming gives the same numbers as a whole clip.
 */
export class DeltaStream {
  private readonly width: number;
  private readonly n: number;
  private readonly capacity: number;
  private readonly ring: Float32Array;
  private readonly denominator: number;
  private received = 0;
  private produced = 0;

  constructor(width: number, n: number) {
    this.width = width;
    this.n = n;
    this.capacity = 2 * n + 2;
    this.ring = new Float32Array(this.capacity * width);
    let sum = 0;
    for (let k = 1; k <= n; k++) sum += k * k;
    this.denominator = 2 * sum;
  }

  /** Frames received so far. */
  get count(): number {
    return this.received;
  }

  /** Frames whose delta has been emitted. */
  get emitted(): number {
    return this.produced;
  }

  /** Adds frame `count` (values at `source[offset .. offset + width)`). */
  push(source: Float32Array, offset: number): void {
    const slot = (this.received % this.capacity) * this.width;
    this.ring.set(source.subarray(offset, offset + this.width), slot);
    this.received++;
  }

  /** Whether the next delta can be computed (`final`: no more frames will come). */
  ready(final: boolean): boolean {
    if (this.produced >= this.received) return false;
    return final || this.produced + this.n < this.received;
  }

  /** Writes the next delta into `out[offset ..]` and advances. Call only when `ready()`. */
  next(out: Float32Array, offset: number): void {
    const t = this.produced;
    const last = this.received - 1;
    for (let j = 0; j < this.width; j++) out[offset + j] = 0;
    for (let k = 1; k <= this.n; k++) {
      const ahead = (Math.min(t + k, last) % this.capacity) * this.width;
      const behind = (Math.max(t - k, 0) % this.capacity) * this.width;
      for (let j = 0; j < this.width; j++) out[offset + j] += k * (this.ring[ahead + j] - this.ring[behind + j]);
    }
    for (let j = 0; j < this.width; j++) out[offset + j] /= this.denominator;
    this.produced++;
  }

  reset(): void {
    this.received = 0;
    this.produced = 0;
  }
}
