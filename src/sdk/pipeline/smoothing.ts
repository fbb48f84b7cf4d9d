import type { ResolvedSmoothing } from '../options.ts';

/** Smooths the probability vectors of successive interim results of one utterance. */
export interface Smoother {
  /** Returns the probabilities to report and the index of the label to show. */
  next(probabilities: Float32Array): { probabilities: Float32Array; index: number };
  reset(): void;
}

function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}

/** Passes values through unchanged. */
class NoSmoothing implements Smoother {
  next(probabilities: Float32Array) {
    return { probabilities, index: argmax(probabilities) };
  }
  reset(): void {}
}

/** `p ← alpha·new + (1 − alpha)·p`: a convex combination, so the result still sums to 1. */
class ExponentialSmoothing implements Smoother {
  private state: Float32Array | undefined;
  constructor(private readonly alpha: number) {}
  next(probabilities: Float32Array) {
    if (!this.state || this.state.length !== probabilities.length) {
      this.state = probabilities.slice();
    } else {
      for (let i = 0; i < probabilities.length; i++) this.state[i] = this.alpha * probabilities[i] + (1 - this.alpha) * this.state[i];
    }
    const out = this.state.slice();
    return { probabilities: out, index: argmax(out) };
  }
  reset(): void {
    this.state = undefined;
  }
}

/** Keeps the shown label until another one leads it by more than `margin`; probabilities pass unchanged. */
class HysteresisSmoothing implements Smoother {
  private shown = -1;
  constructor(private readonly margin: number) {}
  next(probabilities: Float32Array) {
    const best = argmax(probabilities);
    if (this.shown < 0 || this.shown >= probabilities.length || probabilities[best] - probabilities[this.shown] > this.margin) this.shown = best;
    return { probabilities, index: this.shown };
  }
  reset(): void {
    this.shown = -1;
  }
}

export function createSmoother(spec: ResolvedSmoothing): Smoother {
  switch (spec.kind) {
    case 'exponential':
      return new ExponentialSmoothing(spec.alpha);
    case 'hysteresis':
      return new HysteresisSmoothing(spec.margin);
    default:
      return new NoSmoothing();
  }
}

export { argmax };
