import { execFileSync } from 'node:child_process';

/** Runs ffmpeg quietly with the given arguments, overwriting outputs; ffmpeg must be installed (Debian `ffmpeg`). */
export function ffmpeg(...args: string[]): void {
  execFileSync('ffmpeg', ['-v', 'error', '-y', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
}

/**
 * Samples of a file as ffmpeg decodes them, interleaved 32-bit float, at the file's own rate and channels.
 * `decoder` picks ffmpeg's decoder (e.g. `libopus`, the same library our wasm decoder compiles).
 */
export function ffmpegSamples(path: string, decoder?: string): Float32Array {
  const args = ['-v', 'error', ...(decoder ? ['-c:a', decoder] : []), '-i', path, '-f', 'f32le', '-'];
  const raw = execFileSync('ffmpeg', args, { maxBuffer: 1 << 28 });
  return new Float32Array(raw.buffer, raw.byteOffset, raw.byteLength / 4);
}
