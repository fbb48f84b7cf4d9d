import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh temporary folder for one test file's generated audio. */
export function scratchDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `emovox-${prefix}-`));
}

/** Runs sox with the given arguments; sox must be installed (`apt-get install sox`). */
export function sox(...args: string[]): void {
  execFileSync('sox', args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

/** Samples of a file as sox itself decodes them: interleaved 32-bit float. */
export function soxSamples(path: string): Float32Array {
  const raw = execFileSync('sox', [path, '-t', 'f32', '-e', 'floating-point', '-'], { maxBuffer: 1 << 28 });
  return new Float32Array(raw.buffer, raw.byteOffset, raw.byteLength / 4);
}

/** A sine tone sampled at `rate`. */
export function tone(frequency: number, rate: number, seconds: number, amplitude = 0.5): Float32Array {
  const samples = new Float32Array(Math.round(rate * seconds));
  for (let i = 0; i < samples.length; i++) samples[i] = amplitude * Math.sin((2 * Math.PI * frequency * i) / rate);
  return samples;
}

/** Root-mean-square level in dB relative to full scale sine (0 dB = amplitude 1). */
export function levelDb(samples: Float32Array, from = 0, to = samples.length): number {
  let energy = 0;
  for (let i = from; i < to; i++) energy += samples[i] * samples[i];
  return 20 * Math.log10(Math.sqrt(energy / (to - from)) * Math.SQRT2);
}
