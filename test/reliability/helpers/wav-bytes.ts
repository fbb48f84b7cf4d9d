// Builds WAV files byte by byte, so tests can make headers that lie in exactly one way.
import { mulberry32 } from '../../../src/eval/noise.ts';

export interface Chunk {
  readonly id: string;
  readonly body: Uint8Array;
  /** Size written in the chunk header; defaults to the body's length. */
  readonly declaredSize?: number;
}

export interface FormatFields {
  readonly formatTag?: number;
  readonly channels?: number;
  readonly sampleRate?: number;
  readonly bitsPerSample?: number;
  readonly blockAlign?: number;
}

const ascii = (text: string) => new TextEncoder().encode(text);

/** A 16-byte `fmt ` body; unset fields follow from 16-bit mono 16 kHz PCM. */
export function fmtBody(fields: FormatFields = {}): Uint8Array {
  const channels = fields.channels ?? 1;
  const bits = fields.bitsPerSample ?? 16;
  const rate = fields.sampleRate ?? 16000;
  const blockAlign = fields.blockAlign ?? (channels * bits) / 8;
  const body = new Uint8Array(16);
  const view = new DataView(body.buffer);
  view.setUint16(0, fields.formatTag ?? 1, true);
  view.setUint16(2, channels, true);
  view.setUint32(4, rate, true);
  view.setUint32(8, rate * blockAlign, true);
  view.setUint16(12, blockAlign, true);
  view.setUint16(14, bits, true);
  return body;
}

/** Interleaved samples (one array per channel) as 16-bit PCM or 32-bit float little-endian bytes. */
export function pcmBody(channels: readonly Float32Array[], encoding: 'int16' | 'float32' = 'int16'): Uint8Array {
  const frames = channels[0]?.length ?? 0;
  const width = encoding === 'int16' ? 2 : 4;
  const body = new Uint8Array(frames * channels.length * width);
  const view = new DataView(body.buffer);
  for (let t = 0; t < frames; t++) {
    for (let c = 0; c < channels.length; c++) {
      const offset = (t * channels.length + c) * width;
      const x = channels[c][t];
      if (encoding === 'float32') view.setFloat32(offset, x, true);
      else view.setInt16(offset, Math.max(-32768, Math.min(32767, Math.round(x * 32768))), true);
    }
  }
  return body;
}

/** RIFF/WAVE bytes from chunks in the given order; odd bodies get the pad byte RIFF requires. */
export function riff(chunks: readonly Chunk[]): Uint8Array {
  const parts = chunks.map((c) => ({ ...c, padded: c.body.length + (c.body.length & 1) }));
  const total = 12 + parts.reduce((sum, c) => sum + 8 + c.padded, 0);
  const bytes = new Uint8Array(total);
  const view = new DataView(bytes.buffer);
  bytes.set(ascii('RIFF'), 0);
  view.setUint32(4, total - 8, true);
  bytes.set(ascii('WAVE'), 8);
  let offset = 12;
  for (const c of parts) {
    bytes.set(ascii(c.id.padEnd(4).slice(0, 4)), offset);
    view.setUint32(offset + 4, c.declaredSize ?? c.body.length, true);
    bytes.set(c.body, offset + 8);
    offset += 8 + c.padded;
  }
  return bytes;
}

/** A plain WAV of the given channels (16-bit PCM unless `encoding` says float). */
export function wavOf(channels: readonly Float32Array[], sampleRate: number, encoding: 'int16' | 'float32' = 'int16'): Uint8Array {
  const fmt = fmtBody({ channels: channels.length, sampleRate, formatTag: encoding === 'int16' ? 1 : 3, bitsPerSample: encoding === 'int16' ? 16 : 32 });
  return riff([{ id: 'fmt ', body: fmt }, { id: 'data', body: pcmBody(channels, encoding) }]);
}

/** Deterministic pseudo-random numbers, so generated audio is the same on every run. */
export const seededRandom = mulberry32;

/** A voice-like test signal: a 140 Hz buzz with harmonics and a slow syllable envelope, plus a little noise. */
export function buzz(rate: number, seconds: number, amplitude = 0.3, seed = 1): Float32Array {
  const random = seededRandom(seed);
  const samples = new Float32Array(Math.round(rate * seconds));
  for (let i = 0; i < samples.length; i++) {
    const t = i / rate;
    const envelope = 0.5 + 0.5 * Math.sin(2 * Math.PI * 3 * t);
    let x = 0;
    for (let h = 1; h <= 8; h++) x += Math.sin(2 * Math.PI * 140 * h * t) / h;
    samples[i] = amplitude * (envelope * x * 0.4 + 0.02 * (random() * 2 - 1));
  }
  return samples;
}
