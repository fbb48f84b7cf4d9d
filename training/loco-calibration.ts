/**
 * Re-scores trained leave-one-corpus-out models: UAR with the argmax restricted to the held-out corpus's
 * labels (the LOCO table) and over every model label (what an application shows), and the temperature
 * that makes confidence match accuracy on corpora the model never heard.
 *
 * The temperature fitted on validation speakers (inside the training corpora) did not transfer: on
 * held-out corpora it often sharpened already over-confident outputs. Here it is fitted on the held-out
 * corpora's own predictions, each corpus weighing the same, and reported nested (fitted on the other
 * corpora, scored on the one left out), so the reported error is never in-sample. With --model, one trained
 * model is scored on the --corpora outside its --trained-on corpora (e.g. the shipped default on ASED and Korean).
 *
 *   npx tsx training/loco-calibration.ts --run cnn:-nomask --run cnn: --pool ravdess,nemo,koreantts \
 *     --corpora ravdess,nemo,koreantts,ased --tag full-cnn-nomask [--apply training/work/runs/cnn/final/manifest.json]
 *   npx tsx training/loco-calibration.ts --model models/emovox-default.json --trained-on ravdess,nemo \
 *     --corpora koreantts,ased --apply models/emovox-default.json
 *
 * (npm run train does the same for every family with LOCO runs and writes the temperature into its final model.)
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from '../src/cli/cli-error.ts';
import { readManifestCsv } from '../src/datasets/manifest-csv.ts';
import { calibrationMetrics, topConfidence, type CalibrationMetrics } from '../src/eval/calibration.ts';
import { evaluateModel } from '../src/eval/evaluate.ts';
import { poolCalibration, reliabilitySvg } from '../src/eval/reliability-image.ts';
import { loadModelFile, loadOrt } from '../src/eval/load-model.ts';
import type { FrameFeatures } from '../src/sdk/features/index.ts';
import type { OrtRuntime } from '../src/sdk/model/index.ts';
import { locoPlan, locoTestName } from './loco.ts';

/** One held-out corpus's predictions: model labels, truth per clip, log-probabilities per clip. */
export interface HeldOut {
  readonly corpus: string;
  readonly labels: readonly string[];
  readonly truth: readonly string[];
  readonly logProbabilities: readonly (readonly number[])[];
}

const scales = Array.from({ length: 400 }, (_, k) => Math.exp(Math.log(0.1) + (k / 399) * Math.log(50)));

/** Probabilities after multiplying the log-probabilities by `scale` (= shipped temperature / new temperature). */
function rescale(logP: readonly number[], scale: number): number[] {
  const z = logP.map((v) => v * scale);
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

/** Mean negative log-likelihood, every corpus weighing the same. */
function nll(parts: readonly HeldOut[], scale: number): number {
  let total = 0;
  for (const part of parts) {
    let sum = 0;
    part.truth.forEach((label, k) => {
      sum -= Math.log(Math.max(rescale(part.logProbabilities[k], scale)[part.labels.indexOf(label)], 1e-12));
    });
    total += sum / part.truth.length;
  }
  return total / parts.length;
}

/** The scale minimising the corpus-balanced NLL (log-spaced grid, 1.6 % steps). */
export function fitScale(parts: readonly HeldOut[]): number {
  let best = { scale: 1, loss: Infinity };
  for (const scale of scales) {
    const loss = nll(parts, scale);
    if (loss < best.loss) best = { scale, loss };
  }
  return best.scale;
}

/** Reliability of the top-1 confidence over every model label after rescaling. */
export function reliability(part: HeldOut, scale: number): CalibrationMetrics {
  const confidences: number[] = [];
  const correct: boolean[] = [];
  part.truth.forEach((label, k) => {
    const top = topConfidence(part.labels, rescale(part.logProbabilities[k], scale));
    confidences.push(top.confidence);
    correct.push(top.label === label);
  });
  return calibrationMetrics(confidences, correct);
}

export interface HeldOutReport {
  readonly family: string;
  /** Per held-out corpus: clips, UAR restricted to its labels and over every label, ECE as shipped and nested. */
  readonly rows: { corpus: string; n: number; uar: number; uarAllLabels: number; eceShipped: number; eceNested: number }[];
  /** Temperature (relative to the raw logits) fitted on every held-out corpus. */
  readonly temperature: number;
  /** Reliability per held-out corpus with the nested temperature, and at temperature 1 (for the diagram). */
  readonly nested: readonly CalibrationMetrics[];
  readonly atTemperature1: readonly CalibrationMetrics[];
}

/**
 * Evaluates a family's LOCO models on their held-out corpora (features from `cache` when present) and
 * fits the held-out temperature. `runDir(trainOn)` names the run folder of a training set.
 */
export async function heldOutCalibration(o: { ort: OrtRuntime; work: string; family: string; corpora: readonly string[]; pool: readonly string[]; runDir: (trainOn: readonly string[]) => string; cache: Map<string, FrameFeatures>; manifestName?: string }): Promise<HeldOutReport> {
  const parts: HeldOut[] = [];
  const rows: Omit<HeldOutReport['rows'][number], 'eceNested'>[] = [];
  for (const run of locoPlan(o.corpora, o.pool)) {
    const model = await loadModelFile(join(o.runDir(run.trainOn), o.manifestName ?? 'manifest.json'), o.ort);
    for (const corpus of run.heldout) {
      const entries = await readManifestCsv(join(o.work, 'test-sets', `${locoTestName(run, corpus)}.csv`));
      const e = await evaluateModel(model, entries, { restrict: true, keepProbabilities: true, featureCache: o.cache });
      const temperature = model.manifest.onnx.temperature;
      // Back to the model's own log-probabilities (temperature 1), so every scale is relative to the raw logits.
      parts.push({ corpus, labels: model.labels, truth: entries.map((x) => x.label), logProbabilities: (e.probabilities ?? []).map((p) => p.map((v) => Math.log(Math.max(v, 1e-30)) * temperature)) });
      rows.push({ corpus, n: e.n, uar: e.uar, uarAllLabels: e.unrestricted?.uar ?? e.uar, eceShipped: e.calibration.calibrated.ece });
    }
    await model.release();
  }
  const nested = parts.map((part) => reliability(part, fitScale(parts.filter((p) => p !== part))));
  return {
    family: o.family, rows: rows.map((r, k) => ({ ...r, eceNested: nested[k].ece })), temperature: 1 / fitScale(parts),
    nested, atTemperature1: parts.map((part) => reliability(part, 1)),
  };
}

/** Markdown rows (and the mean) of one report, for the table `heldOutHeader` starts. */
export function heldOutMarkdown(report: HeldOutReport, name = report.family): string[] {
  const mean = (key: 'uar' | 'uarAllLabels' | 'eceShipped' | 'eceNested'): number => report.rows.reduce((a, r) => a + r[key], 0) / report.rows.length;
  return [
    ...report.rows.map((r) => `| ${name} | ${r.corpus} | ${pct(r.uar)} | ${pct(r.uarAllLabels)} | ${pct(r.eceShipped)} | ${pct(r.eceNested)} |`),
    `| ${name} | **mean** | **${pct(mean('uar'))}** | **${pct(mean('uarAllLabels'))}** | ${pct(mean('eceShipped'))} | ${pct(mean('eceNested'))} |`,
  ];
}

export const heldOutHeader = ['| run | held-out | UAR restricted | UAR all labels | ECE shipped | ECE, T fitted on the other held-out corpora |', '|---|---|---:|---:|---:|---:|'];

/** Reliability diagram of one report, its held-out corpora pooled: temperature 1 against the nested held-out temperature. */
export function reliabilityDiagram(report: HeldOutReport): string {
  return reliabilitySvg([
    { name: 'temperature 1', colour: '#d62728', metrics: poolCalibration(report.atTemperature1) },
    { name: 'held-out temperature (nested)', colour: '#1f77b4', metrics: poolCalibration(report.nested) },
  ], `${report.family} on held-out corpora (${report.rows.map((r) => r.corpus).join(', ')}), every label`);
}

/** Writes the held-out temperature into a model's manifest (`onnx.temperature`) and says how it was fitted. */
export async function applyTemperature(runDir: string, report: HeldOutReport, manifestName = 'manifest.json'): Promise<void> {
  const file = join(runDir, manifestName);
  const manifest = JSON.parse(await readFile(file, 'utf8')) as { onnx: Record<string, unknown>; training: Record<string, unknown> };
  manifest.onnx.temperature = Number(report.temperature.toFixed(4));
  manifest.training.calibration = `temperature fitted on the leave-one-corpus-out models' held-out corpora (${report.rows.map((r) => r.corpus).join(', ')}; each weighing the same); nested ECE ${report.rows.map((r) => `${r.corpus} ${pct(r.eceNested)}`).join(', ')}`;
  await writeFile(file, JSON.stringify(manifest, null, 1));
}

async function main(argv: string[]): Promise<void> {
  const { flags } = parseArgs(argv, { values: ['pool', 'corpora', 'tag', 'work', 'apply', 'model', 'trained-on'], repeatable: ['run'] });
  const work = resolve(flags.get('work')?.[0] ?? 'training/work');
  const pool = (flags.get('pool')?.[0] ?? 'ravdess,nemo,koreantts').split(',');
  const corpora = (flags.get('corpora')?.[0] ?? [...pool, 'ased'].join(',')).split(',');
  const { ort } = await loadOrt('node');
  const cache = new Map<string, FrameFeatures>();
  const reports: HeldOutReport[] = [];
  const lines = [...heldOutHeader];
  // --model M --trained-on a,b: one trained model on the --corpora it never heard (its "LOCO runs" are itself).
  const single = flags.get('model')?.[0];
  if (single) {
    const trainedOn = (flags.get('trained-on')?.[0] ?? 'ravdess,nemo').split(',');
    const folder = resolve(single, '..');
    const report = await heldOutCalibration({ ort, work, family: single.replace(/^.*\//, ''), corpora: corpora.filter((c) => !trainedOn.includes(c)), pool: trainedOn, cache, runDir: () => folder, manifestName: single.replace(/^.*\//, '') });
    reports.push(report);
    lines.push(...heldOutMarkdown(report));
  }
  for (const spec of flags.get('run') ?? (single ? [] : ['cnn:'])) {
    const [family, suffix = ''] = spec.split(':');
    const report = await heldOutCalibration({ ort, work, family, corpora, pool, cache, runDir: (trainOn) => join(work, 'runs', family, `loco-${trainOn.join('+')}${trainOn.length > 1 ? suffix : ''}`) });
    reports.push(report);
    lines.push(...heldOutMarkdown(report, `${family}${suffix}`));
    console.log(`${family}${suffix}: temperature fitted on all held-out corpora ${report.temperature.toFixed(3)}`);
  }
  // --apply <run folder>: write the first report's temperature into that model (e.g. the final model of the same recipe).
  const apply = flags.get('apply')?.[0];
  if (apply) await applyTemperature(resolve(apply, '..'), reports[0], apply.replace(/^.*\//, ''));
  const dir = join(work, 'results', ...(flags.get('tag') ?? []));
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'loco-calibration.json'), JSON.stringify(reports, null, 1));
  await writeFile(join(dir, 'loco-calibration.md'), lines.join('\n') + '\n');
  await writeFile(join(dir, 'reliability-heldout.svg'), reliabilityDiagram(reports[0]));
  console.log(lines.join('\n'));
}

const pct = (x: number | undefined): string => (x === undefined ? '–' : `${(x * 100).toFixed(1)} %`);

if (process.argv[1]?.endsWith('loco-calibration.ts')) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
