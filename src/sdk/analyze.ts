import { isFlac } from './audio/sniff.ts';
import { isWav } from './audio/wav.ts';
import { EmovoxError } from './errors.ts';
import type { AudioInput } from './types.ts';
import type { AnalyzeJob } from './worker/protocol.ts';

/** The job and the buffers to transfer with it (always copies, so the caller's arrays stay usable). */
export interface PreparedJob {
  readonly job: AnalyzeJob;
  readonly transfer: Transferable[];
}

async function fetchAudio(url: URL): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new EmovoxError('INVALID_AUDIO', `audio ${url.href} could not be fetched: ${(error as Error).message}`, { cause: error });
  }
  if (!response.ok) throw new EmovoxError('INVALID_AUDIO', `audio ${url.href}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Decodes formats other than WAV/FLAC with the browser's decoder (which runs off the main thread). */
async function decodeInBrowser(bytes: Uint8Array): Promise<PreparedJob> {
  if (typeof OfflineAudioContext === 'undefined') {
    throw new EmovoxError('UNSUPPORTED_AUDIO', 'only WAV and FLAC can be decoded here (no Web Audio decoder)');
  }
  const context = new OfflineAudioContext(1, 1, 48000);
  let buffer: AudioBuffer;
  try {
    buffer = await context.decodeAudioData(bytes.slice().buffer);
  } catch (error) {
    throw new EmovoxError('UNSUPPORTED_AUDIO', `the browser cannot decode this audio: ${(error as Error).message ?? error}`, { cause: error });
  }
  return fromAudioBuffer(buffer);
}

function fromAudioBuffer(buffer: AudioBuffer): PreparedJob {
  const channels = Array.from({ length: buffer.numberOfChannels }, (_, c) => buffer.getChannelData(c).slice());
  return { job: { kind: 'channels', channels, sampleRate: buffer.sampleRate }, transfer: channels.map((c) => c.buffer) };
}

async function fromBytes(bytes: Uint8Array): Promise<PreparedJob> {
  if (bytes.length === 0) throw new EmovoxError('INVALID_AUDIO', 'the audio is empty');
  if (isWav(bytes) || isFlac(bytes)) {
    const copy = bytes.slice();
    return { job: { kind: 'encoded', bytes: copy }, transfer: [copy.buffer] };
  }
  return decodeInBrowser(bytes);
}

/**
 * Turns any `AudioInput` into a worker job. Only light work happens here: fetching, copying, and
 * the browser's own decoder for formats our pure-TS decoder does not read.
 */
export async function prepareAnalyzeJob(input: AudioInput): Promise<PreparedJob> {
  if (typeof input === 'string' || input instanceof URL) {
    const base = typeof location === 'undefined' ? undefined : location.href;
    return fromBytes(await fetchAudio(new URL(input, base)));
  }
  if (typeof AudioBuffer !== 'undefined' && input instanceof AudioBuffer) return fromAudioBuffer(input);
  if (typeof Blob !== 'undefined' && input instanceof Blob) return fromBytes(new Uint8Array(await input.arrayBuffer()));
  if (input instanceof ArrayBuffer) return fromBytes(new Uint8Array(input));
  if (input instanceof Uint8Array) return fromBytes(input);
  if (typeof input === 'object' && input !== null && 'samples' in input) {
    const { samples, sampleRate } = input;
    if (!(samples instanceof Float32Array)) throw new TypeError('audio.samples must be a Float32Array');
    if (typeof sampleRate !== 'number' || !Number.isInteger(sampleRate) || sampleRate < 8000 || sampleRate > 192000) {
      throw new RangeError(`audio.sampleRate must be an integer in [8000, 192000], got ${sampleRate}`);
    }
    const copy = samples.slice();
    return { job: { kind: 'channels', channels: [copy], sampleRate }, transfer: [copy.buffer] };
  }
  throw new TypeError('audio must be { samples, sampleRate }, an AudioBuffer, a Blob, an ArrayBuffer, a Uint8Array, a URL or a URL string');
}
