import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PitchFrames } from '../../src/sdk/features/pitch-tracker.ts';
import { sox, soxSamples } from '../helpers/sox.ts';

const praatScript = fileURLToPath(new URL('../../training/reference/praat_pitch.praat', import.meta.url));

/** Praat's F0 (0 = unvoiced) at each of `frames.nFrames` frame centres of a WAV file. */
export function praatPitch(wav: string, frames: PitchFrames): Float64Array {
  const { hopLength, sampleRate, fMin, fMax } = frames.config;
  const text = execFileSync('praat', ['--run', praatScript, wav, String(hopLength / sampleRate), String(frames.nFrames), String(fMin), String(fMax)], { encoding: 'utf8' });
  const values = text.trim().split('\n').map(Number);
  if (values.length !== frames.nFrames || values.some((v) => !Number.isFinite(v))) throw new Error(`praat gave ${values.length} values for ${frames.nFrames} frames`);
  return Float64Array.from(values);
}

/** Agreement of a pitch track with a reference track (0 = unvoiced) frame by frame. */
export interface PitchAgreement {
  /** Frames both call voiced. */
  readonly bothVoiced: number;
  /** Share of all frames on which both make the same voiced/unvoiced call. */
  readonly voicingAgreement: number;
  /** Median and 90th percentile of |1200·log2(ours / reference)| over frames both call voiced, cents. */
  readonly medianCents: number;
  readonly p90Cents: number;
  /** Share of both-voiced frames off by more than 50 cents (octave and other gross errors). */
  readonly grossErrorRate: number;
}

export function comparePitch(ours: PitchFrames, reference: Float64Array): PitchAgreement {
  const cents: number[] = [];
  let agree = 0;
  for (let t = 0; t < ours.nFrames; t++) {
    const refVoiced = reference[t] > 0;
    if (refVoiced === (ours.voiced[t] === 1)) agree++;
    if (refVoiced && ours.voiced[t]) cents.push(Math.abs(1200 * Math.log2(ours.f0[t] / reference[t])));
  }
  cents.sort((a, b) => a - b);
  const at = (q: number) => (cents.length ? cents[Math.min(cents.length - 1, Math.floor(q * cents.length))] : Number.NaN);
  return {
    bothVoiced: cents.length,
    voicingAgreement: agree / ours.nFrames,
    medianCents: at(0.5),
    p90Cents: at(0.9),
    grossErrorRate: cents.filter((c) => c > 50).length / Math.max(1, cents.length),
  };
}

/** espeak-ng speech converted by sox to 16 kHz mono 16-bit; returns the file and its samples. */
export function espeakClip(dir: string, name: string, text: string, voice: string, wpm: number): { wav: string; samples: Float32Array } {
  const raw = join(dir, `${name}-raw.wav`);
  const wav = join(dir, `${name}.wav`);
  execFileSync('espeak-ng', ['-v', voice, '-s', String(wpm), '-w', raw, text]);
  sox(raw, '-r', '16000', '-c', '1', '-b', '16', wav);
  return { wav, samples: soxSamples(wav) };
}

/** A sox-synthesised 16 kHz mono 16-bit clip (`synth` arguments such as `2 sine 100-400`). */
export function soxClip(dir: string, name: string, ...synth: string[]): { wav: string; samples: Float32Array } {
  const wav = join(dir, `${name}.wav`);
  sox('-n', '-r', '16000', '-c', '1', '-b', '16', wav, 'synth', ...synth, 'gain', '-6');
  return { wav, samples: soxSamples(wav) };
}
