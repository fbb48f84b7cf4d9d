import Meyda from 'meyda';
import { resample } from '../src/sdk/audio/index.ts';
import { computeFeatures, type FeatureConfig } from '../src/sdk/features/index.ts';
import type { Section } from './lib/report.ts';
import { ratio, round } from './lib/stats.ts';
import { benchmarkSignal, medianMs } from './signal.ts';

// Same analysis for both: 512-sample Hann frames (the whole FFT), hop 160, 64 mel bands, 20 MFCC.
const frameSize = 512;
const hop = 160;
const comparable: Partial<FeatureConfig> = { nFft: frameSize, winLength: frameSize, hopLength: hop, nMels: 64, nMfcc: 20 };

function meydaMfcc(samples: Float32Array): number {
  Meyda.bufferSize = frameSize;
  Meyda.sampleRate = 16000;
  Meyda.melBands = 64;
  Meyda.numberOfMFCCCoefficients = 20;
  Meyda.windowingFunction = 'hanning';
  const padded = new Float32Array(samples.length + frameSize);
  padded.set(samples, frameSize / 2);
  const nFrames = 1 + Math.floor(samples.length / hop);
  let checksum = 0;
  for (let t = 0; t < nFrames; t++) {
    const mfcc = Meyda.extract('mfcc', padded.subarray(t * hop, t * hop + frameSize)) as unknown as number[];
    checksum += mfcc[1];
  }
  return checksum;
}

/** The MFCC front-end against Meyda 5 on the same frames, plus the full feature set and resampling (Node). */
export function benchFeatures(seconds = 60, runs = 5): Section {
  const signal = benchmarkSignal(seconds);
  const ours = medianMs(runs, () => computeFeatures(signal, comparable, { include: ['mfcc'] }));
  const meyda = medianMs(runs, () => meydaMfcc(signal));
  const full = medianMs(runs, () => computeFeatures(signal));
  const input48k = resample(signal, 16000, 48000);
  const resampling = medianMs(runs, () => resample(input48k, 48000, 16000));
  const xRealTime = (ms: number) => round((seconds * 1000) / ms, 0);
  const figures = {
    meydaRatio: round(ratio(meyda, ours), 2),
    mfccMs: round(ours),
    meydaMs: round(meyda),
    fullSetMs: round(full),
    resample48kMs: round(resampling),
    seconds,
    runs,
  };
  return {
    title: `Features: ${seconds} s of 16 kHz speech, Node ${process.version}, median of ${runs} runs`,
    figures,
    rows: [
      { label: 'emovox MFCC (512 frame, hop 160, 64 mels, 20 coeff.)', value: figures.mfccMs, unit: 'ms', note: `${xRealTime(ours)}x real time` },
      { label: 'Meyda 5 MFCC (same frames and coefficients)', value: figures.meydaMs, unit: 'ms', note: `${xRealTime(meyda)}x real time` },
      { label: 'ratio Meyda / emovox', value: figures.meydaRatio, unit: 'x' },
      { label: 'emovox full feature set (default config)', value: figures.fullSetMs, unit: 'ms', note: `${xRealTime(full)}x real time` },
      { label: 'emovox resampling 48 kHz -> 16 kHz', value: figures.resample48kMs, unit: 'ms', note: `${xRealTime(resampling)}x real time` },
    ],
  };
}
