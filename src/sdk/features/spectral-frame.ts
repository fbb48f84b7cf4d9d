import FFT from 'fft.js';
import { chromaFilterbank } from './chroma.ts';
import { chromaBins, contrastBands, type FeatureConfig } from './config.ts';
import { contrastBandLayout, spectralContrast, type ContrastBand } from './contrast.ts';
import { NoiseSuppressor } from './noise-suppressor.ts';
import { orthonormalDct, paddedHannWindow, slaneyMelFilterbank, sparsify, type SparseFilterbank } from './tables.ts';

/** Where one frame's per-frame (non-delta) features are written. */
export interface BaseFrameTarget {
  logMel: Float32Array;
  mfcc: Float32Array;
  contrast: Float32Array;
  chroma: Float32Array;
  zcr: Float32Array;
  rms: Float32Array;
}

/** Which per-frame blocks to compute; skipping blocks a model does not use saves work. */
export interface BaseBlockSelection {
  readonly logMel: boolean;
  readonly mfcc: boolean;
  readonly contrast: boolean;
  readonly chroma: boolean;
  readonly zcrRms: boolean;
}

/**
 * Computes every per-frame feature of one `nFft`-sample frame. All tables are built once and
 * every buffer is preallocated, so `compute` allocates nothing.
 */
export class SpectralFrame {
  private readonly config: FeatureConfig;
  private readonly select: BaseBlockSelection;
  private readonly fft: FFT;
  private readonly window: Float64Array;
  private readonly mel: SparseFilterbank;
  private readonly dct: Float64Array;
  private readonly chroma: SparseFilterbank;
  private readonly bands: ContrastBand[];
  private readonly windowed: Float64Array;
  private readonly spectrum: Float64Array;
  private readonly power: Float64Array;
  private readonly magnitude: Float64Array;
  private readonly logMel: Float64Array;
  private readonly scratch: Float64Array;
  private readonly suppressor?: NoiseSuppressor;

  constructor(config: FeatureConfig, select: BaseBlockSelection) {
    this.config = config;
    this.select = select;
    const { nFft, sampleRate } = config;
    const nBins = nFft / 2 + 1;
    this.fft = new FFT(nFft);
    this.window = paddedHannWindow(config.winLength, nFft);
    this.mel = sparsify(slaneyMelFilterbank(sampleRate, nFft, config.nMels, config.fMin, config.fMax));
    this.dct = orthonormalDct(config.nMfcc, config.nMels);
    this.chroma = select.chroma ? sparsify(chromaFilterbank(sampleRate, nFft)) : { start: new Int32Array(0), weights: [] };
    this.bands = select.contrast ? contrastBandLayout(sampleRate, nFft) : [];
    this.windowed = new Float64Array(nFft);
    this.spectrum = new Float64Array(2 * nFft);
    this.power = new Float64Array(nBins);
    this.magnitude = new Float64Array(nBins);
    this.logMel = new Float64Array(config.nMels);
    this.scratch = new Float64Array(nBins);
    if (config.denoiseDb > 0) this.suppressor = new NoiseSuppressor(nBins, sampleRate / config.hopLength, config.denoiseDb);
  }

  /** Starts a new clip: forgets the noise estimate (the frames themselves hold no state). */
  reset(): void {
    this.suppressor?.reset();
  }

  /** Computes frame `t` from `samples[offset .. offset + nFft)` into row `row` of `target`. */
  compute(samples: Float32Array, offset: number, target: BaseFrameTarget, row: number): void {
    const { nFft, nMels, nMfcc } = this.config;
    const nBins = nFft / 2 + 1;
    if (this.select.zcrRms) this.timeDomain(samples, offset, target, row);
    for (let i = 0; i < nFft; i++) this.windowed[i] = samples[offset + i] * this.window[i];
    this.fft.realTransform(this.spectrum, this.windowed);
    for (let k = 0; k < nBins; k++) {
      const re = this.spectrum[2 * k];
      const im = this.spectrum[2 * k + 1];
      this.power[k] = re * re + im * im;
    }
    this.suppressor?.apply(this.power);
    if (this.select.logMel || this.select.mfcc) {
      applyFilterbank(this.mel, this.power, this.logMel);
      for (let m = 0; m < nMels; m++) this.logMel[m] = 10 * Math.log10(Math.max(this.logMel[m], 1e-10));
      if (this.select.logMel) for (let m = 0; m < nMels; m++) target.logMel[row * nMels + m] = this.logMel[m];
      if (this.select.mfcc) {
        for (let c = 0; c < nMfcc; c++) {
          let acc = 0;
          const basis = c * nMels;
          for (let m = 0; m < nMels; m++) acc += this.dct[basis + m] * this.logMel[m];
          target.mfcc[row * nMfcc + c] = acc;
        }
      }
    }
    if (this.select.contrast) {
      for (let k = 0; k < nBins; k++) this.magnitude[k] = Math.sqrt(this.power[k]);
      spectralContrast(this.magnitude, this.bands, this.scratch, target.contrast, row * contrastBands);
    }
    if (this.select.chroma) this.chromaFrame(target.chroma, row * chromaBins);
  }

  private chromaFrame(out: Float32Array, offset: number): void {
    const values = this.scratch;
    applyFilterbank(this.chroma, this.power, values);
    let max = 0;
    for (let c = 0; c < chromaBins; c++) max = Math.max(max, values[c]);
    // librosa leaves columns below the smallest normal float untouched rather than dividing by ~0.
    const scale = max > 1.1754943508222875e-38 ? 1 / max : 1;
    for (let c = 0; c < chromaBins; c++) out[offset + c] = values[c] * scale;
  }

  private timeDomain(samples: Float32Array, offset: number, target: BaseFrameTarget, row: number): void {
    const n = this.config.nFft;
    let energy = 0;
    let crossings = 0;
    let previousNegative = samples[offset] < 0 || Object.is(samples[offset], -0);
    for (let i = 0; i < n; i++) {
      const x = samples[offset + i];
      energy += x * x;
      const negative = x < 0 || Object.is(x, -0);
      if (i > 0 && negative !== previousNegative) crossings++;
      previousNegative = negative;
    }
    target.rms[row] = Math.sqrt(energy / n);
    target.zcr[row] = crossings / n;
  }
}

function applyFilterbank(bank: SparseFilterbank, input: Float64Array, out: Float64Array): void {
  for (let r = 0; r < bank.weights.length; r++) {
    const weights = bank.weights[r];
    const start = bank.start[r];
    let acc = 0;
    for (let k = 0; k < weights.length; k++) acc += weights[k] * input[start + k];
    out[r] = acc;
  }
}
