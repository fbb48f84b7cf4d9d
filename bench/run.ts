import Meyda from 'meyda';
import { resample } from '../src/sdk/audio/index.ts';
import { computeFeatures, type FeatureConfig } from '../src/sdk/features/index.ts';
import { benchmarkSignal, medianMs } from './signal.ts';

// Same analysis for both: 512-sample Hann frames (the whole FFT), hop 160, 64 mel bands, 20 MFCC.
const frameSize = 512;
const hop = 160;
const comparable: Partial<FeatureConfig> = { nFft: frameSize, winLength: frameSize, hopLength: hop, nMels: 64, nMfcc: 20 };
const seconds = 60;
const signal = benchmarkSignal(seconds);
const runs = 5;

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

const ours = medianMs(runs, () => computeFeatures(signal, comparable, { include: ['mfcc'] }));
const meyda = medianMs(runs, () => meydaMfcc(signal));
const full = medianMs(runs, () => computeFeatures(signal));
const input48k = resample(signal, 16000, 48000);
const resampling = medianMs(runs, () => resample(input48k, 48000, 16000));

const row = (name: string, ms: number) => `${name.padEnd(44)} ${ms.toFixed(1).padStart(9)} ms   real-time factor ${(ms / 1000 / seconds).toExponential(2)}`;
console.log(`emovox front-end benchmark: ${seconds} s of 16 kHz speech, median of ${runs} runs, Node ${process.version}`);
console.log(row('emovox MFCC (512 frame, hop 160, 64 mels, 20)', ours));
console.log(row('Meyda 5 MFCC (same frames and coefficients)', meyda));
console.log(`ratio Meyda / emovox MFCC: ${(meyda / ours).toFixed(1)}x`);
console.log(row('emovox full feature set (default config)', full));
console.log(row('emovox resampling 48 kHz -> 16 kHz', resampling));
