/**
 * Adds the prosody frame blocks (pitch, voicing, loudness: `src/sdk/features/prosody-frames.ts`) to an
 * existing feature cache, beside `frames.f32`, so the spectral cache need not be rebuilt:
 * `<variant>/prosody.f32` (frame-major, 3 values per frame, the same trimmed frames as `frames.f32`) and
 * `<variant>/prosody.json` (the clips it was computed for). The audio of each variant is rebuilt exactly as
 * `extract.ts` built it (same seeds, same augmentation pool), so the frames line up one to one.
 *
 *   node training/extract-prosody.ts --features training/work/features --variant clean
 */
import { createWriteStream } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readAudioFile } from '../src/cli/read-audio-file.ts';
import { computeFeatures, computePitch } from '../src/sdk/features/index.ts';
import { prosodyBlockNames, prosodyFrames } from '../src/sdk/features/prosody-frames.ts';
import { trimRange } from '../src/sdk/model/model-input.ts';
import { featureConfig, trimDb, variantAudio, type Variant } from './extract.ts';

interface CachedClip { readonly path: string; readonly offset: number; readonly nFrames: number }

/** Whether `<dir>/prosody.json` was computed for exactly the clips of `<dir>/index.json`. */
export async function prosodyUpToDate(dir: string): Promise<boolean> {
  try {
    const index = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')) as { clips: CachedClip[] };
    const prosody = JSON.parse(await readFile(join(dir, 'prosody.json'), 'utf8')) as { clips: CachedClip[] };
    return index.clips.length === prosody.clips.length && index.clips.every((c, i) => c.path === prosody.clips[i].path && c.nFrames === prosody.clips[i].nFrames);
  } catch {
    return false;
  }
}

export async function extractProsody(features: string, variant: Variant, log: (line: string) => void = () => {}): Promise<void> {
  const dir = join(features, variant);
  const { clips } = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')) as { clips: CachedClip[] };
  const t0 = Date.now();
  const audio: Float32Array[] = [];
  for (const c of clips) audio.push((await readAudioFile(c.path)).samples);
  log(`${variant}: decoded ${clips.length} clips in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const stream = createWriteStream(join(dir, 'prosody.f32.part'));
  const width = prosodyBlockNames.length;
  let mismatched = 0;
  for (let i = 0; i < clips.length; i++) {
    const x = variantAudio(variant, audio[i], clips[i].path, audio);
    const [start, end] = trimRange(computeFeatures(x, featureConfig, { include: ['rms'] }), trimDb);
    // Caches written before the FLAC tail fix (commit 2e59fda) lack up to 26 frames at the end of some clips:
    // their frames start at the same trimmed frame, so the prosody rows follow the cache's count.
    const n = clips[i].nFrames;
    if (end - start !== n) mismatched++;
    const blocks = prosodyFrames(computePitch(x));
    const row = new Float32Array(n * width);
    for (let t = start; t < Math.min(end, start + n); t++) prosodyBlockNames.forEach((name, j) => (row[(t - start) * width + j] = blocks[name][t]));
    if (!stream.write(Buffer.from(row.buffer))) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve) => stream.end(() => resolve()));
  await rename(join(dir, 'prosody.f32.part'), join(dir, 'prosody.f32'));
  await writeFile(join(dir, 'prosody.json'), JSON.stringify({ columns: prosodyBlockNames.map((name) => ({ name, width: 1 })), clips: clips.map(({ path, offset, nFrames }) => ({ path, offset, nFrames })) }));
  log(`${variant}: prosody of ${clips.length} clips (${mismatched} whose trimmed length differs from the cache's) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

if (process.argv[1]?.endsWith('extract-prosody.ts')) {
  const args = process.argv.slice(2);
  const value = (flag: string): string | undefined => args[args.indexOf(flag) + 1];
  await extractProsody(value('--features') ?? 'training/work/features', (value('--variant') ?? 'clean') as Variant, (line) => console.log(line));
}
