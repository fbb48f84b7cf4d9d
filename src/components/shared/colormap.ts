/** Viridis control points (matplotlib), evenly spaced from 0 to 1. */
const viridisStops: readonly (readonly [number, number, number])[] = [
  [68, 1, 84], [72, 40, 120], [62, 73, 137], [49, 104, 142], [38, 130, 142],
  [31, 158, 137], [53, 183, 121], [109, 205, 89], [180, 222, 44], [253, 231, 37],
];

/** 256-entry RGB lookup table, built once, shared by every spectrogram. */
export const viridis: Uint8ClampedArray = (() => {
  const lut = new Uint8ClampedArray(256 * 3);
  const last = viridisStops.length - 1;
  for (let i = 0; i < 256; i++) {
    const position = (i / 255) * last;
    const k = Math.min(Math.floor(position), last - 1);
    const t = position - k;
    const a = viridisStops[k];
    const b = viridisStops[k + 1];
    for (let c = 0; c < 3; c++) lut[i * 3 + c] = a[c] + (b[c] - a[c]) * t;
  }
  return lut;
})();

/**
 * Value range that ignores outliers: the 1st and 99.5th percentiles of up to
 * 20 000 evenly strided values. Log-mel of zero-padded edges sits at -100 dB and
 * would otherwise flatten the whole image.
 */
export function robustRange(values: Float32Array): [number, number] {
  if (values.length === 0) return [0, 1];
  const stride = Math.max(1, Math.floor(values.length / 20000));
  const sample: number[] = [];
  for (let i = 0; i < values.length; i += stride) {
    if (Number.isFinite(values[i])) sample.push(values[i]);
  }
  if (sample.length === 0) return [0, 1];
  sample.sort((x, y) => x - y);
  const lo = sample[Math.floor(0.01 * (sample.length - 1))];
  const hi = sample[Math.ceil(0.995 * (sample.length - 1))];
  return hi > lo ? [lo, hi] : [lo - 1, lo + 1];
}
