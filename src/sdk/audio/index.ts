export type { DecodedAudio } from './decoded-audio.ts';
export { minSampleRate, maxSampleRate } from './decoded-audio.ts';
export { decodeWav, isWav } from './wav.ts';
export { decodeFlac } from './flac.ts';
export { isFlac, isMp3, isOgg, isOggOpus, isWebm } from './sniff.ts';
export { decodeAudioBytes } from './decode.ts';
export { Resampler, resample } from './resampler.ts';
export { toMono, assertFiniteSamples, prepareAudio } from './prepare.ts';
