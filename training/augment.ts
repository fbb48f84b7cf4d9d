import { resample } from '../src/sdk/audio/index.ts';
import { colouredNoise, mixAtSnr, type NoiseColour } from '../src/eval/noise.ts';

/** Schroeder reverberator (4 parallel combs + 2 allpasses) with a given decay time; cheap stand-in for room impulse responses. */
export function reverberate(x: Float32Array, rt60Seconds: number, wet: number, sampleRate = 16000): Float32Array {
  const combDelays = [1557, 1617, 1491, 1422].map((d) => Math.round((d * sampleRate) / 44100));
  const tail = Math.round(rt60Seconds * sampleRate * 0.5);
  const out = new Float32Array(x.length + tail);
  for (const delay of combDelays) {
    const g = 10 ** ((-3 * delay) / (rt60Seconds * sampleRate));
    const buffer = new Float32Array(delay);
    for (let i = 0, p = 0; i < out.length; i++, p = (p + 1) % delay) {
      const y = buffer[p];
      buffer[p] = (i < x.length ? x[i] : 0) + g * y;
      out[i] += y / combDelays.length;
    }
  }
  for (const delay of [Math.round(0.005 * sampleRate), Math.round(0.0017 * sampleRate)]) {
    const buffer = new Float32Array(delay);
    for (let i = 0, p = 0; i < out.length; i++, p = (p + 1) % delay) {
      const b = buffer[p];
      const y = -0.7 * out[i] + b;
      buffer[p] = out[i] + 0.7 * y;
      out[i] = y;
    }
  }
  for (let i = 0; i < out.length; i++) out[i] = (i < x.length ? x[i] : 0) * (1 - wet) + out[i] * wet * 3;
  return out;
}

/** Speed perturbation (tempo and pitch together, like Kaldi's speed perturbation) by resampling. */
export function changeSpeed(x: Float32Array, factor: number, sampleRate = 16000): Float32Array {
  return resample(x, Math.round(sampleRate * factor), sampleRate);
}

/** Sum of a few other clips, level-equalised: babble noise. */
export function babble(others: readonly Float32Array[], length: number): Float32Array {
  const out = new Float32Array(length);
  for (const clip of others) {
    let power = 0;
    for (const v of clip) power += v * v;
    const scale = 1 / Math.sqrt(power / clip.length + 1e-12);
    for (let i = 0; i < length; i++) out[i] += clip[i % clip.length] * scale;
  }
  return out;
}

export interface AugmentSettings {
  /** Probability of additive noise, and its SNR range in dB. */
  readonly noiseProbability: number;
  readonly snrRange: readonly [number, number];
  readonly speedProbability: number;
  readonly reverbProbability: number;
  /** Gain range in dB. */
  readonly gainRange: readonly [number, number];
}

export const defaultAugmentSettings: AugmentSettings = { noiseProbability: 0.8, snrRange: [0, 20], speedProbability: 0.5, reverbProbability: 0.3, gainRange: [-12, 6] };

/** One random augmentation chain: speed, reverberation, additive noise (coloured or babble), gain. */
export function augment(x: Float32Array, random: () => number, babbleSources: () => Float32Array[], s: AugmentSettings = defaultAugmentSettings): Float32Array {
  let y = x;
  if (random() < s.speedProbability) y = changeSpeed(y, random() < 0.5 ? 0.9 : 1.1);
  if (random() < s.reverbProbability) y = reverberate(y, 0.2 + 0.6 * random(), 0.3 + 0.4 * random());
  if (random() < s.noiseProbability) {
    const kind = Math.floor(random() * 4);
    const noise = kind === 3 ? babble(babbleSources(), y.length) : colouredNoise(y.length, (['white', 'pink', 'brown'] as NoiseColour[])[kind], random);
    y = mixAtSnr(y, noise, s.snrRange[0] + (s.snrRange[1] - s.snrRange[0]) * random());
  }
  const gain = 10 ** ((s.gainRange[0] + (s.gainRange[1] - s.gainRange[0]) * random()) / 20);
  const out = new Float32Array(y.length);
  let peak = 0;
  for (let i = 0; i < y.length; i++) peak = Math.max(peak, Math.abs((out[i] = y[i] * gain)));
  if (peak > 1) for (let i = 0; i < out.length; i++) out[i] /= peak;
  return out;
}
