// Writes long WAV recordings to disk a minute at a time, so the test process never holds them.
import { closeSync, openSync, writeSync } from 'node:fs';
import { fmtBody, seededRandom } from './wav-bytes.ts';

/**
 * A 16 kHz 16-bit mono WAV of `seconds`: quiet noise (-60 dBFS) with `speech` inserted every `everySeconds`
 * (starting at 5 s). Returns how many times the speech was inserted.
 */
export function writeLongWav(path: string, seconds: number, speech: Float32Array, everySeconds = 30): number {
  const rate = 16000;
  const total = rate * seconds;
  const header = new Uint8Array(44);
  const view = new DataView(header.buffer);
  header.set(new TextEncoder().encode('RIFF'), 0);
  view.setUint32(4, 36 + total * 2, true);
  header.set(new TextEncoder().encode('WAVEfmt '), 8);
  view.setUint32(16, 16, true);
  header.set(fmtBody({ sampleRate: rate }), 20);
  header.set(new TextEncoder().encode('data'), 36);
  view.setUint32(40, total * 2, true);
  const fd = openSync(path, 'w');
  const random = seededRandom(42);
  let inserted = 0;
  try {
    writeSync(fd, header);
    const block = rate * 60;
    for (let from = 0; from < total; from += block) {
      const count = Math.min(block, total - from);
      const pcm = new Int16Array(count);
      for (let i = 0; i < count; i++) {
        const t = from + i;
        const inCycle = (t - 5 * rate) % (everySeconds * rate);
        const x = t >= 5 * rate && inCycle < speech.length ? speech[inCycle]! : (random() * 2 - 1) * 0.001;
        pcm[i] = Math.max(-32768, Math.min(32767, Math.round(x * 32768)));
      }
      writeSync(fd, new Uint8Array(pcm.buffer));
    }
  } finally {
    closeSync(fd);
  }
  for (let start = 5 * rate; start + speech.length <= total; start += everySeconds * rate) inserted += 1;
  return inserted;
}
