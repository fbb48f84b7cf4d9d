import { contrastBands } from './config.ts';

/** Lowest band edge of librosa's spectral contrast, in Hz. */
const contrastFMin = 200;
/** Fraction of each band's bins averaged for its peak and its valley. */
const contrastQuantile = 0.02;

/** numpy's `rint`: halves go to the even neighbour. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** Per band: the magnitude bins it sorts and how many it averages at each end. */
export interface ContrastBand {
  readonly first: number;
  readonly count: number;
  readonly take: number;
}

/** Octave bands of librosa.feature.spectral_contrast(fmin=200, n_bands=6, quantile=0.02). */
export function contrastBandLayout(sampleRate: number, nFft: number): ContrastBand[] {
  const nBins = nFft / 2 + 1;
  const nBands = contrastBands - 1;
  const edges = [0, ...Array.from({ length: nBands + 1 }, (_, i) => contrastFMin * 2 ** i)];
  const freq = (k: number) => (k * sampleRate) / nFft;
  const bands: ContrastBand[] = [];
  for (let k = 0; k <= nBands; k++) {
    const inside: number[] = [];
    for (let b = 0; b < nBins; b++) if (freq(b) >= edges[k] && freq(b) <= edges[k + 1]) inside.push(b);
    if (inside.length === 0) throw new RangeError(`spectral contrast band ${k} is empty at nFft ${nFft}`);
    let first = inside[0];
    let last = inside[inside.length - 1];
    if (k > 0) first -= 1;
    if (k === nBands) last = nBins - 1;
    const selected = last - first + 1;
    const take = Math.max(1, roundHalfEven(contrastQuantile * selected));
    // librosa drops each band's top bin except in the last band, but sizes `take` before that.
    bands.push({ first, count: k < nBands ? selected - 1 : selected, take });
  }
  return bands;
}

/**
 * Spectral contrast of one magnitude frame: dB(peak) − dB(valley) per band, with
 * `10·log10(max(x, 1e-10))` and no top-dB clipping (that would need the whole clip).
 */
export function spectralContrast(magnitude: Float64Array, bands: readonly ContrastBand[], scratch: Float64Array, out: Float32Array, outOffset: number): void {
  for (let k = 0; k < bands.length; k++) {
    const { first, count, take } = bands[k];
    const sorted = scratch.subarray(0, count);
    sorted.set(magnitude.subarray(first, first + count));
    sorted.sort();
    let valley = 0;
    let peak = 0;
    for (let i = 0; i < take; i++) {
      valley += sorted[i];
      peak += sorted[count - 1 - i];
    }
    valley /= take;
    peak /= take;
    out[outOffset + k] = 10 * Math.log10(Math.max(peak, 1e-10)) - 10 * Math.log10(Math.max(valley, 1e-10));
  }
}
