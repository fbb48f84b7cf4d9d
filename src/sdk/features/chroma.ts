import { chromaBins } from './config.ts';

function remainder(a: number, n: number): number {
  return ((a % n) + n) % n;
}

/**
 * librosa.filters.chroma(sr, n_fft, n_chroma=12, tuning=0, ctroct=5, octwidth=2, norm=2,
 * base_c=True): Gaussian bumps around each pitch class, weighted towards octave 5.
 * Tuning is fixed at 0 because estimating it needs the whole clip, which streaming cannot see.
 */
export function chromaFilterbank(sampleRate: number, nFft: number): Float64Array[] {
  const n = chromaBins;
  const a440Octs = (hz: number) => Math.log2(hz / (440 / 16));
  const frqbins = new Float64Array(nFft);
  for (let k = 1; k < nFft; k++) frqbins[k] = n * a440Octs((k * sampleRate) / nFft);
  frqbins[0] = frqbins[1] - 1.5 * n;
  const binWidth = new Float64Array(nFft);
  for (let k = 0; k < nFft - 1; k++) binWidth[k] = Math.max(frqbins[k + 1] - frqbins[k], 1);
  binWidth[nFft - 1] = 1;
  const half = Math.round(n / 2);
  const weights = Array.from({ length: n }, () => new Float64Array(nFft));
  for (let k = 0; k < nFft; k++) {
    let norm = 0;
    for (let c = 0; c < n; c++) {
      const d = remainder(frqbins[k] - c + half + 10 * n, n) - half;
      const w = Math.exp(-0.5 * ((2 * d) / binWidth[k]) ** 2);
      weights[c][k] = w;
      norm += w * w;
    }
    norm = Math.sqrt(norm);
    const octaveWeight = Math.exp(-0.5 * ((frqbins[k] / n - 5) / 2) ** 2);
    for (let c = 0; c < n; c++) weights[c][k] = norm > 0 ? (weights[c][k] / norm) * octaveWeight : 0;
  }
  // base_c: roll so that row 0 is C rather than A.
  const rolled = Array.from({ length: n }, (_, c) => weights[(c + 3) % n]);
  return rolled.map((row) => row.slice(0, nFft / 2 + 1));
}
