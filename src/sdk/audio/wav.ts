import { EmovoxError } from '../errors.ts';
import { maxSampleRate, minSampleRate, type DecodedAudio } from './decoded-audio.ts';

const formatPcm = 1;
const formatFloat = 3;
const formatExtensible = 0xfffe;

/** The fields of a `fmt ` chunk that decoding needs. */
export interface WavFormat {
  readonly formatTag: number;
  readonly channelCount: number;
  readonly sampleRate: number;
  readonly bitsPerSample: number;
  readonly blockAlign: number;
}

function tag(view: DataView, offset: number): string {
  return String.fromCharCode(view.getUint8(offset), view.getUint8(offset + 1), view.getUint8(offset + 2), view.getUint8(offset + 3));
}

/** True when the bytes start like a RIFF/WAVE file. */
export function isWav(bytes: Uint8Array): boolean {
  if (bytes.length < 12) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return (tag(view, 0) === 'RIFF' || tag(view, 0) === 'RF64') && tag(view, 8) === 'WAVE';
}

function readFormat(view: DataView, offset: number, size: number): WavFormat {
  if (size < 16) throw new EmovoxError('INVALID_AUDIO', `WAV 'fmt ' chunk is ${size} bytes, expected at least 16`);
  // The chunk may claim more bytes than the file holds; read only what is there.
  const available = Math.min(size, view.byteLength - offset);
  let formatTag = view.getUint16(offset, true);
  const bitsPerSample = view.getUint16(offset + 14, true);
  if (formatTag === formatExtensible && size >= 26) {
    if (available < 26) throw new EmovoxError('INVALID_AUDIO', "WAV 'fmt ' chunk is truncated before its sub-format");
    formatTag = view.getUint16(offset + 24, true);
  }
  return {
    formatTag,
    channelCount: view.getUint16(offset + 2, true),
    sampleRate: view.getUint32(offset + 4, true),
    blockAlign: view.getUint16(offset + 12, true),
    bitsPerSample,
  };
}

function checkFormat(format: WavFormat): void {
  const { formatTag, channelCount, sampleRate, bitsPerSample, blockAlign } = format;
  const pcmBits = formatTag === formatPcm && [8, 16, 24, 32].includes(bitsPerSample);
  const floatBits = formatTag === formatFloat && (bitsPerSample === 32 || bitsPerSample === 64);
  if (!pcmBits && !floatBits) {
    throw new EmovoxError('UNSUPPORTED_AUDIO', `WAV encoding ${formatTag} with ${bitsPerSample} bits is not supported (PCM 8/16/24/32-bit or 32/64-bit float)`);
  }
  if (channelCount < 1 || channelCount > 32) throw new EmovoxError('INVALID_AUDIO', `WAV declares ${channelCount} channels`);
  if (blockAlign !== channelCount * (bitsPerSample / 8)) throw new EmovoxError('INVALID_AUDIO', `WAV block align ${blockAlign} does not match ${channelCount} x ${bitsPerSample} bits`);
  if (sampleRate < minSampleRate || sampleRate > maxSampleRate) {
    throw new EmovoxError('UNSUPPORTED_AUDIO', `WAV sample rate ${sampleRate} Hz is outside ${minSampleRate}-${maxSampleRate} Hz`);
  }
}

function readSample(view: DataView, offset: number, format: WavFormat): number {
  if (format.formatTag === formatFloat) {
    return format.bitsPerSample === 32 ? view.getFloat32(offset, true) : view.getFloat64(offset, true);
  }
  switch (format.bitsPerSample) {
    case 8: return (view.getUint8(offset) - 128) / 128;
    case 16: return view.getInt16(offset, true) / 32768;
    case 24: {
      const value = view.getUint8(offset) | (view.getUint8(offset + 1) << 8) | (view.getInt8(offset + 2) << 16);
      return value / 8388608;
    }
    default: return view.getInt32(offset, true) / 2147483648;
  }
}

/**
 * Decodes a RIFF/WAVE file (PCM 8/16/24/32-bit integer, 32/64-bit float, any channel count,
 * 8–96 kHz) in pure TypeScript. A data chunk that claims more bytes than the file holds (a
 * recording cut short or still being written) is read up to the last whole frame. RIFF lets
 * chunks come in any order, so a `fmt ` chunk after the `data` chunk is found too.
 */
export function decodeWav(bytes: Uint8Array): DecodedAudio {
  if (!isWav(bytes)) throw new EmovoxError('UNSUPPORTED_AUDIO', 'not a RIFF/WAVE file');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let format: WavFormat | undefined;
  let data: { start: number; size: number } | undefined;
  let offset = 12;
  while (offset + 8 <= bytes.length && !(format && data)) {
    const id = tag(view, offset);
    const size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (id === 'fmt ' && !format) {
      if (body + 16 > bytes.length) break;
      format = readFormat(view, body, size);
      checkFormat(format);
    } else if (id === 'data' && !data) {
      data = { start: body, size: Math.min(size, bytes.length - body) };
    }
    offset = body + size + (size & 1);
  }
  if (!format) throw new EmovoxError('INVALID_AUDIO', "WAV header is truncated: no complete 'fmt ' chunk");
  if (!data) throw new EmovoxError('INVALID_AUDIO', "WAV has no 'data' chunk (truncated?)");
  return readFrames(view, data.start, Math.floor(data.size / format.blockAlign), format);
}

function readFrames(view: DataView, start: number, frameCount: number, format: WavFormat): DecodedAudio {
  if (frameCount === 0) throw new EmovoxError('INVALID_AUDIO', 'WAV contains zero samples');
  return { sampleRate: format.sampleRate, channels: framesOf(view, start, frameCount, format) };
}

/** Parses and checks a `fmt ` chunk body (`size` is its declared size; `body` may hold fewer bytes). */
export function parseWavFormat(body: Uint8Array, size: number): WavFormat {
  if (body.length < 16) throw new EmovoxError('INVALID_AUDIO', "WAV header is truncated: no complete 'fmt ' chunk");
  const format = readFormat(new DataView(body.buffer, body.byteOffset, body.byteLength), 0, size);
  checkFormat(format);
  return format;
}

/** Decodes the whole frames in `bytes` (raw `data` chunk bytes), one array per channel; for reading a file piece by piece. */
export function decodeWavFrames(bytes: Uint8Array, format: WavFormat): Float32Array[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return framesOf(view, 0, Math.floor(bytes.length / format.blockAlign), format);
}

function framesOf(view: DataView, start: number, frameCount: number, format: WavFormat): Float32Array[] {
  const bytesPerSample = format.bitsPerSample / 8;
  const channels = Array.from({ length: format.channelCount }, () => new Float32Array(frameCount));
  for (let frame = 0; frame < frameCount; frame++) {
    const frameOffset = start + frame * format.blockAlign;
    for (let c = 0; c < format.channelCount; c++) {
      channels[c][frame] = readSample(view, frameOffset + c * bytesPerSample, format);
    }
  }
  return channels;
}
