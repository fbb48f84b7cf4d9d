import { readFileSync } from 'node:fs';
import { decodeWav } from '../src/sdk/audio/index.ts';

/** 60 s of 16 kHz speech: the committed espeak-ng fixture repeated, with a little noise so no two repeats are identical. */
export function benchmarkSignal(seconds = 60): Float32Array {
  const speech = decodeWav(readFileSync(new URL('../test/fixtures/features/speech.wav', import.meta.url))).channels[0];
  const out = new Float32Array(seconds * 16000);
  let seed = 12345;
  for (let i = 0; i < out.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    out[i] = speech[i % speech.length] + ((seed / 0x7fffffff) - 0.5) * 1e-3;
  }
  return out;
}

/** Median wall time of `runs` calls, in milliseconds, after one warm-up call. */
export function medianMs(runs: number, body: () => void): number {
  body();
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    body();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}
