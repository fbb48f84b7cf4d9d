/** Slaney-style Hz → mel (linear below 1 kHz, logarithmic above), as librosa with htk=False. */
export function hzToMel(hz: number): number {
  const linearStep = 200 / 3;
  const minLogHz = 1000;
  const minLogMel = minLogHz / linearStep;
  const logStep = Math.log(6.4) / 27;
  return hz >= minLogHz ? minLogMel + Math.log(hz / minLogHz) / logStep : hz / linearStep;
}

export function melToHz(mel: number): number {
  const linearStep = 200 / 3;
  const minLogHz = 1000;
  const minLogMel = minLogHz / linearStep;
  const logStep = Math.log(6.4) / 27;
  return mel >= minLogMel ? minLogHz * Math.exp(logStep * (mel - minLogMel)) : linearStep * mel;
}

/** Periodic Hann window of `winLength`, zero-padded and centred in `nFft` (librosa/torch layout). */
export function paddedHannWindow(winLength: number, nFft: number): Float64Array {
  const window = new Float64Array(nFft);
  const offset = Math.floor((nFft - winLength) / 2);
  for (let i = 0; i < winLength; i++) window[offset + i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / winLength);
  return window;
}

/** A sparse filterbank: row `r` covers bins `start[r] .. start[r] + weights[r].length - 1`. */
export interface SparseFilterbank {
  readonly start: Int32Array;
  readonly weights: readonly Float64Array[];
}

export function sparsify(dense: readonly Float64Array[]): SparseFilterbank {
  const start = new Int32Array(dense.length);
  const weights = dense.map((row, r) => {
    let first = row.findIndex((w) => w !== 0);
    if (first < 0) first = 0;
    let last = row.length - 1;
    while (last > first && row[last] === 0) last--;
    start[r] = first;
    return row.slice(first, last + 1);
  });
  return { start, weights };
}

/** librosa.filters.mel(sr, n_fft, n_mels, fmin, fmax, htk=False, norm='slaney'). */
export function slaneyMelFilterbank(sampleRate: number, nFft: number, nMels: number, fMin: number, fMax: number): Float64Array[] {
  const nBins = nFft / 2 + 1;
  const melMin = hzToMel(fMin);
  const melMax = hzToMel(fMax);
  const edges = Array.from({ length: nMels + 2 }, (_, i) => melToHz(melMin + ((melMax - melMin) * i) / (nMels + 1)));
  const rows: Float64Array[] = [];
  for (let m = 0; m < nMels; m++) {
    const row = new Float64Array(nBins);
    const lowWidth = edges[m + 1] - edges[m];
    const highWidth = edges[m + 2] - edges[m + 1];
    const norm = 2 / (edges[m + 2] - edges[m]);
    for (let k = 0; k < nBins; k++) {
      const hz = (k * sampleRate) / nFft;
      const lower = (hz - edges[m]) / lowWidth;
      const upper = (edges[m + 2] - hz) / highWidth;
      row[k] = Math.max(0, Math.min(lower, upper)) * norm;
    }
    rows.push(row);
  }
  return rows;
}

/** Orthonormal DCT-II basis, `nOut` rows of length `nIn` (scipy `dct(type=2, norm='ortho')`). */
export function orthonormalDct(nOut: number, nIn: number): Float64Array {
  const basis = new Float64Array(nOut * nIn);
  for (let k = 0; k < nOut; k++) {
    const scale = k === 0 ? Math.sqrt(1 / nIn) : Math.sqrt(2 / nIn);
    for (let n = 0; n < nIn; n++) basis[k * nIn + n] = scale * Math.cos((Math.PI * k * (2 * n + 1)) / (2 * nIn));
  }
  return basis;
}
