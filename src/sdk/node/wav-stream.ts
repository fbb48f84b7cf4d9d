import { open, type FileHandle } from 'node:fs/promises';
import { decodeWavFrames, isWav, parseWavFormat, type WavFormat } from '../audio/wav.ts';
import { EmovoxError } from '../errors.ts';
import type { MonoStream } from '../pipeline/analyze-samples.ts';

const ascii = (bytes: Uint8Array) => String.fromCharCode(...bytes);

async function readAt(file: FileHandle, position: number, length: number): Promise<Uint8Array> {
  const buffer = new Uint8Array(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

/** Walks the RIFF chunk headers by seeking, so neither a huge `data` chunk nor `fmt ` after it is read into memory. */
async function locate(file: FileHandle, fileSize: number): Promise<{ format: WavFormat; start: number; frames: number }> {
  let format: WavFormat | undefined;
  let data: { start: number; size: number } | undefined;
  let offset = 12;
  while (offset + 8 <= fileSize && !(format && data)) {
    const header = await readAt(file, offset, 8);
    const id = ascii(header.subarray(0, 4));
    const size = new DataView(header.buffer).getUint32(4, true);
    const body = offset + 8;
    if (id === 'fmt ' && !format) format = parseWavFormat(await readAt(file, body, Math.min(size, 40)), size);
    else if (id === 'data' && !data) data = { start: body, size: Math.min(size, fileSize - body) };
    offset = body + size + (size & 1);
  }
  if (!format) throw new EmovoxError('INVALID_AUDIO', "WAV header is truncated: no complete 'fmt ' chunk");
  if (!data) throw new EmovoxError('INVALID_AUDIO', "WAV has no 'data' chunk (truncated?)");
  const frames = Math.floor(data.size / format.blockAlign);
  if (frames === 0) throw new EmovoxError('INVALID_AUDIO', 'WAV contains zero samples');
  return { format, start: data.start, frames };
}

/** The channel average of decoded frames, with the same NaN/infinity rule as `assertFiniteSamples` (absolute sample index). */
function monoOf(channels: Float32Array[], firstFrame: number): Float32Array {
  const mono = channels.length === 1 ? channels[0]! : new Float32Array(channels[0]!.length);
  if (channels.length > 1) {
    for (const channel of channels) for (let i = 0; i < mono.length; i++) mono[i] += channel[i]!;
    const scale = 1 / channels.length; // as toMono does, so streamed and whole-file samples are identical
    for (let i = 0; i < mono.length; i++) mono[i] *= scale;
  }
  for (let i = 0; i < mono.length; i++) {
    if (!Number.isFinite(mono[i])) {
      throw new EmovoxError('INVALID_AUDIO', `audio sample ${firstFrame + i} is ${mono[i]}; NaN and infinite samples are rejected`);
    }
  }
  return mono;
}

/** A WAV file's mono stream plus what its header says. */
export interface WavStream extends MonoStream {
  readonly channelCount: number;
}

/**
 * Opens a WAV file as a mono stream of `chunkSeconds` pieces, read from disk as they are analysed: memory
 * stays one chunk however long the recording (a 2-hour call is 230 MB as 16-bit PCM, 460 MB as floats).
 * Returns undefined when the file is not a RIFF/WAVE file. The header is checked now; the samples are read
 * through a second handle that exists only while the chunks are iterated, so an unread stream holds no file.
 */
export async function openWavStream(path: string, chunkSeconds = 10): Promise<WavStream | undefined> {
  const header = await open(path, 'r');
  let layout;
  try {
    const { size } = await header.stat();
    if (!isWav(await readAt(header, 0, 12))) return undefined;
    layout = await locate(header, size);
  } finally {
    await header.close();
  }
  const { format, start, frames } = layout;
  const chunkFrames = Math.max(1, Math.round(chunkSeconds * format.sampleRate));
  async function* chunks(): AsyncGenerator<Float32Array> {
    const file = await open(path, 'r');
    try {
      for (let frame = 0; frame < frames; frame += chunkFrames) {
        const count = Math.min(chunkFrames, frames - frame);
        const bytes = await readAt(file, start + frame * format.blockAlign, count * format.blockAlign);
        // The file may shrink while it is read; what is there is what is analysed.
        if (bytes.length < format.blockAlign) return;
        yield monoOf(decodeWavFrames(bytes, format), frame);
      }
    } finally {
      await file.close();
    }
  }
  return { chunks: chunks(), sampleRate: format.sampleRate, totalSamples: frames, channelCount: format.channelCount };
}
