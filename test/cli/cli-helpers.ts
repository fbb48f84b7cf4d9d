import { spawn, spawnSync } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sox } from '../helpers/sox.ts';

export const bin = fileURLToPath(new URL('../../bin/emovox.js', import.meta.url));
/** The small test model: fast, and its results are what the library gives (checked against it). */
export const tinyModel = fileURLToPath(new URL('../model/fixtures/tiny-frames.json', import.meta.url));
export const generated = (name: string) => fileURLToPath(new URL(`../.generated/${name}.wav`, import.meta.url));
/** Runs the CLI from src/ (not a possibly stale dist/). */
export const sourceEnv = { ...process.env, EMOVOX_CLI_SOURCE: '1' };

/** Generates the shared test audio (espeak-ng, sox) once per checkout. */
export function generateTestAudio(): void {
  execFileSync(process.execPath, [fileURLToPath(new URL('../../scripts/generate-test-audio.mjs', import.meta.url))], { stdio: 'ignore' });
}

export function emovox(...args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: sourceEnv });
}

/** Like `emovox()` but asynchronous, for running several CLI processes at once. */
export function emovoxAsync(args: string[], env: NodeJS.ProcessEnv = sourceEnv) {
  return spawn(process.execPath, [bin, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * A stereo call: channel 0 holds two-phrases, channel 1 one-phrase (padded to the same length), so
 * each channel's utterances are known from analysing its mono source alone.
 */
export function stereoCall(dir: string, name = 'call.wav'): string {
  const path = join(dir, name);
  sox('-M', generated('two-phrases'), generated('one-phrase'), path);
  return path;
}
