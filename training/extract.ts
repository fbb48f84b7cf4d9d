/**
 * Feature extraction for training: runs the project's TypeScript front-end (the code the browser
 * worker runs) over every clip of the given manifest CSVs, in several variants (clean, augmented,
 * noisy test copy), and caches frame features and utterance statistics for the Python trainer.
 *
 * Output per variant under <out>/<variant>/: frames.f32 (the spectral frame blocks in `spectralFeatureNames`
 * order, frame-major), stats.f32 (`utteranceStatistics`), index.json (clips and offsets).
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { colouredNoise, mixAtSnr, mulberry32 } from '../src/eval/noise.ts';
import { readManifestCsv, type ManifestEntry } from '../src/datasets/manifest-csv.ts';
import { readAudioFile } from '../src/cli/read-audio-file.ts';
import { computeFeatures, frameFeatureWidth, spectralFeatureNames, resolveFeatureConfig, statisticNames, utteranceStatistics, type FeatureConfig } from '../src/sdk/features/index.ts';
import { sliceFrames, trimRange } from '../src/sdk/model/model-input.ts';
import { augment } from './augment.ts';

export const trimDb = -40;
export const featureConfig = resolveFeatureConfig({});

export type Variant = 'clean' | 'aug1' | 'aug2' | 'noisy10';

/**
 * The settings as manifests record them (the trainer copies them from index.json): without `denoiseDb` when it
 * is off, so models trained without noise suppression still load in SDK versions that predate the setting.
 */
export function manifestConfig(config: FeatureConfig): Partial<FeatureConfig> {
  const { denoiseDb, ...rest } = config;
  return denoiseDb > 0 ? config : rest;
}

function write(stream: WriteStream, data: Float32Array): Promise<void> {
  const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return new Promise((resolve) => (stream.write(buffer) ? resolve() : stream.once('drain', resolve)));
}

function seedOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** The audio of one variant of a clip; every random choice is seeded by the clip path and variant. */
export function variantAudio(variant: Variant, samples: Float32Array, key: string, pool: readonly Float32Array[]): Float32Array {
  if (variant === 'clean') return samples;
  const random = mulberry32(seedOf(`${variant}:${key}`));
  if (variant === 'noisy10') return mixAtSnr(samples, colouredNoise(samples.length, 'pink', random), 10);
  const others = (): Float32Array[] => Array.from({ length: 3 }, () => pool[Math.floor(random() * pool.length)]);
  return augment(samples, random, others);
}

export interface ExtractOptions {
  readonly manifests: readonly string[];
  readonly out: string;
  readonly variants: readonly Variant[];
  readonly log?: (line: string) => void;
  /** The front-end's settings; they travel in index.json into every manifest trained on these features. */
  readonly config?: FeatureConfig;
}

export async function extract(options: ExtractOptions): Promise<void> {
  const log = options.log ?? (() => {});
  const config = options.config ?? featureConfig;
  const entries: (ManifestEntry & { corpus: string })[] = [];
  for (const file of options.manifests) {
    const corpus = file.replace(/^.*\//, '').replace(/\.csv$/, '');
    for (const e of await readManifestCsv(file)) entries.push({ ...e, corpus });
  }
  const started = Date.now();
  const audio: Float32Array[] = [];
  for (const e of entries) audio.push((await readAudioFile(e.path)).samples);
  log(`decoded ${entries.length} clips in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const width = spectralFeatureNames.reduce((s, n) => s + frameFeatureWidth(n, config), 0);
  for (const variant of options.variants) {
    const dir = join(options.out, variant);
    await mkdir(dir, { recursive: true });
    const frames = createWriteStream(join(dir, 'frames.f32'));
    const stats = createWriteStream(join(dir, 'stats.f32'));
    const clips: { path: string; label: string; speaker: string; corpus: string; offset: number; nFrames: number }[] = [];
    let offset = 0;
    const t0 = Date.now();
    for (let i = 0; i < entries.length; i++) {
      const x = variantAudio(variant, audio[i], entries[i].path, audio);
      const all = computeFeatures(x, config);
      const f = sliceFrames(all, ...trimRange(all, trimDb));
      const row = new Float32Array(f.nFrames * width);
      let d = 0;
      for (const name of spectralFeatureNames) {
        const w = frameFeatureWidth(name, config);
        const block = f[name];
        for (let t = 0; t < f.nFrames; t++) for (let j = 0; j < w; j++) row[t * width + d + j] = block[t * w + j];
        d += w;
      }
      await write(frames, row);
      await write(stats, utteranceStatistics(f));
      clips.push({ path: entries[i].path, label: entries[i].label, speaker: entries[i].speaker, corpus: entries[i].corpus, offset, nFrames: f.nFrames });
      offset += f.nFrames;
    }
    await Promise.all([new Promise((r) => frames.end(r)), new Promise((r) => stats.end(r))]);
    const columns = spectralFeatureNames.map((name) => ({ name, width: frameFeatureWidth(name, config) }));
    await writeFile(join(dir, 'index.json'), JSON.stringify({ config: manifestConfig(config), trimDb, columns, width, statistics: statisticNames(config), clips }));
    log(`${variant}: ${clips.length} clips, ${offset} frames in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
}
