import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ManifestEntry } from '../src/datasets/manifest-csv.ts';
import { formatCsv } from '../src/datasets/csv.ts';
import { evaluateModel, type Evaluation } from '../src/eval/evaluate.ts';
import { loadModelFile } from '../src/eval/load-model.ts';
import type { OrtRuntime } from '../src/sdk/model/ort-types.ts';
import type { FrameFeatures } from '../src/sdk/features/index.ts';
import { seededShuffle } from './folds.ts';

/** What one test set is and which clips it holds (in the order they are fed, per speaker running statistics). */
export interface TestSet {
  readonly name: string;
  readonly entries: readonly ManifestEntry[];
  readonly restrict?: boolean;
}

export interface EvalRecord {
  readonly model: string;
  readonly test: string;
  readonly csv: string;
  readonly clean: Evaluation;
  readonly noisy?: Evaluation;
}

/** Writes a test set as a CSV (absolute paths) so the same numbers can be reproduced with `emovox eval`. */
export async function writeTestCsv(dir: string, set: TestSet): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = join(dir, `${set.name}.csv`);
  await writeFile(file, formatCsv(['path', 'label', 'speaker'], set.entries.map((e) => [e.path, e.label, e.speaker])));
  return file;
}

/** Test clips in a fixed pseudo-random order so running statistics do not see one emotion first. */
export function testOrder(entries: readonly ManifestEntry[], seed = 7): ManifestEntry[] {
  return seededShuffle(entries, seed);
}

/** Evaluates one trained model (its manifest.json) on a test set, clean and with 10 dB pink noise, through the shipped path. */
export async function evaluateRun(ort: OrtRuntime, manifestPath: string, set: TestSet, csvDir: string, cache: Map<string, FrameFeatures>, noisy: boolean): Promise<EvalRecord> {
  const csv = await writeTestCsv(csvDir, set);
  const model = await loadModelFile(manifestPath, ort);
  try {
    const clean = await evaluateModel(model, set.entries, { restrict: set.restrict, featureCache: cache });
    const noisyResult = noisy ? await evaluateModel(model, set.entries, { restrict: set.restrict, featureCache: cache, snrDb: 10 }) : undefined;
    return { model: manifestPath, test: set.name, csv, clean, ...(noisyResult ? { noisy: noisyResult } : {}) };
  } finally {
    await model.release();
  }
}

export const mean = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0) / values.length;
export const std = (values: readonly number[]): number => Math.sqrt(mean(values.map((v) => (v - mean(values)) ** 2)));
