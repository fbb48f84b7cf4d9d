import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** Generated benchmark recordings (git-ignored). */
export const benchAudioDir = join(root, '.cache/bench/audio');
const pcm16k = ['-r', '16000', '-c', '1', '-b', '16', '-e', 'signed-integer'];

const phrases = [
  'The quick brown fox jumps over the lazy dog.',
  'I cannot believe you did that to me again.',
  'Please call me back as soon as you can.',
  'That is the best news I have heard all week!',
  'We will meet at the station at nine tomorrow.',
  'Why does this always happen on a Monday?',
  'Thank you so much for your patience today.',
  'Leave me alone, I do not want to talk about it.',
];
const voices = ['en-us', 'en-gb', 'en-us+f3', 'en-gb+m3'];

/** One espeak-ng phrase followed by `silence` seconds, as a 16 kHz WAV in `work`. */
function phraseWav(work: string, index: number, text: string, voice: string, wpm: number, silence: number): string {
  const raw = join(work, `raw-${index}.wav`);
  const out = join(work, `part-${index}.wav`);
  execFileSync('espeak-ng', ['-v', voice, '-s', String(wpm), '-w', raw, text]);
  execFileSync('sox', [raw, ...pcm16k, out, 'rate', '-h', '16000', 'pad', '0', String(silence)]);
  return out;
}

async function generate(name: string, make: (work: string, out: string) => void): Promise<string> {
  const out = join(benchAudioDir, `${name}.wav`);
  if (existsSync(out)) return out;
  await mkdir(benchAudioDir, { recursive: true });
  const work = await mkdtemp(join(tmpdir(), `emovox-bench-${name}-`));
  try {
    make(work, out);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return out;
}

/** A recording of `seconds` of speech and pauses (espeak-ng phrases in four voices, looped), for offline analysis. */
export function longRecording(seconds = 600): Promise<string> {
  return generate(`speech-${seconds}s`, (work, out) => {
    const parts = phrases.map((text, i) => phraseWav(work, i, text, voices[i % voices.length], 140 + (i % 3) * 20, 1 + (i % 3) * 0.5));
    const block = join(work, 'block.wav');
    execFileSync('sox', [...parts, block]);
    const blockSeconds = Number(execFileSync('soxi', ['-D', block]).toString());
    execFileSync('sox', [block, out, 'repeat', String(Math.ceil(seconds / blockSeconds)), 'trim', '0', String(seconds)]);
  });
}

/**
 * `count` short utterances separated by 1.4 s of silence (longer than the VAD's 700 ms redemption),
 * for Chromium's fake microphone. Returns the file and its length in seconds.
 */
export async function utteranceTrack(count = 52): Promise<{ path: string; seconds: number }> {
  const path = await generate(`utterances-${count}`, (work, out) => {
    const short = ['Hello there, how are you?', 'I am really angry now.', 'What a lovely day it is.', 'Please do not go.'];
    const parts = [join(work, 'lead.wav')];
    execFileSync('sox', ['-n', ...pcm16k, parts[0], 'trim', '0', '1']);
    for (let i = 0; i < count; i++) parts.push(phraseWav(work, i, short[i % short.length], voices[i % voices.length], 170, 1.4));
    execFileSync('sox', [...parts, out]);
  });
  return { path, seconds: Number(execFileSync('soxi', ['-D', path]).toString()) };
}
