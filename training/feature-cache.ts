/**
 * The feature caches a training run reads: `<work>/features` (or `features-denoise<X>` with the front-end's noise
 * suppression), one folder per variant, rebuilt when stale; with prosody inputs, the prosody blocks beside them.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ManifestEntry } from '../src/datasets/manifest-csv.ts';
import { resolveFeatureConfig, type FeatureConfig } from '../src/sdk/features/index.ts';
import { extract, type Variant } from './extract.ts';
import { extractProsody, prosodyUpToDate } from './extract-prosody.ts';

export interface FeatureCacheOptions {
  readonly work: string;
  /** The corpus manifests (CSV) and their rows, in the order the cache lists clips. */
  readonly manifests: readonly string[];
  readonly entries: readonly ManifestEntry[];
  readonly variants: readonly Variant[];
  /** `featureConfig.denoiseDb`: 0 reads the plain cache. */
  readonly denoiseDb: number;
  /** Also cache the pitch, voicing and loudness blocks. */
  readonly prosody: boolean;
  readonly log: (line: string) => void;
}

/** Whether a variant's cache holds exactly these clips, labels and speakers, computed with these settings. */
export async function featuresUpToDate(dir: string, entries: readonly ManifestEntry[], config: FeatureConfig): Promise<boolean> {
  try {
    const index = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')) as { config: Partial<FeatureConfig>; clips: { path: string; label: string; speaker: string }[] };
    // Caches written before a setting existed hold its default.
    if (JSON.stringify(resolveFeatureConfig(index.config)) !== JSON.stringify(config)) return false;
    // Labels too: the trainer reads them from the index, so a corrected importer must not train on stale ones.
    return index.clips.length === entries.length && index.clips.every((c, i) => c.path === entries[i].path && c.label === entries[i].label && c.speaker === entries[i].speaker);
  } catch {
    return false;
  }
}

/** Brings the caches up to date and returns the folder the trainer reads (`--features`). */
export async function prepareFeatures(options: FeatureCacheOptions): Promise<string> {
  const { work, manifests, entries, variants, denoiseDb, log } = options;
  const config = resolveFeatureConfig({ denoiseDb });
  const dir = join(work, denoiseDb > 0 ? `features-denoise${denoiseDb}` : 'features');
  const stale: Variant[] = [];
  for (const v of variants) if (!(await featuresUpToDate(join(dir, v), entries, config))) stale.push(v);
  if (stale.length > 0) await extract({ manifests, out: dir, variants: stale, log, config });
  else log('features up to date');
  if (options.prosody) {
    for (const v of variants) if (!(await prosodyUpToDate(join(dir, v)))) await extractProsody(dir, v, log);
  }
  return dir;
}
