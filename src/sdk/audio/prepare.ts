import { EmovoxError } from '../errors.ts';
import type { DecodedAudio } from './decoded-audio.ts';
import { resample } from './resampler.ts';

/** Averages all channels into one (equal weights, so a stereo pair keeps its level). */
export function toMono(audio: DecodedAudio): Float32Array {
  const { channels } = audio;
  if (channels.length === 0) throw new EmovoxError('INVALID_AUDIO', 'audio has no channels');
  if (channels.length === 1) return channels[0];
  const length = channels[0].length;
  const mono = new Float32Array(length);
  for (const channel of channels) {
    if (channel.length !== length) throw new EmovoxError('INVALID_AUDIO', 'audio channels differ in length');
    for (let i = 0; i < length; i++) mono[i] += channel[i];
  }
  const scale = 1 / channels.length;
  for (let i = 0; i < length; i++) mono[i] *= scale;
  return mono;
}

/** Throws INVALID_AUDIO when the signal is empty or holds NaN or infinite samples. */
export function assertFiniteSamples(samples: Float32Array): void {
  if (samples.length === 0) throw new EmovoxError('INVALID_AUDIO', 'audio contains zero samples');
  for (let i = 0; i < samples.length; i++) {
    if (!Number.isFinite(samples[i])) {
      throw new EmovoxError('INVALID_AUDIO', `audio sample ${i} is ${samples[i]}; NaN and infinite samples are rejected`);
    }
  }
}

/** Downmixes to mono, validates the samples, and resamples to `targetRate` (16 kHz by default). */
export function prepareAudio(audio: DecodedAudio, targetRate = 16000): Float32Array {
  const mono = toMono(audio);
  assertFiniteSamples(mono);
  return resample(mono, audio.sampleRate, targetRate);
}
