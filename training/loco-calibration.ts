/**
 * Re-scores trained leave-one-corpus-out models: UAR with the argmax restricted to the held-out corpus's
 * labels (the LOCO table) and over every model label (what an application shows), and the temperature
 * that makes confidence match accuracy on corpora the model never heard.
 *
 * The temperature fitted on validation speakers (inside the training corpora) did not transfer: on
 * held-out corpora it often sharpened already over-confident outputs. Here it is fitted on the held-out
 * corpora's own predictions, each corpus weighing the same, and reported nested (fitted on the other
 * corpora, scored on the one left out), so the reported error is never in-sample.
 *
 *   npx tsx training/loco-calibration.ts --run cnn: --run cnn:-nomask --pool ravdess,nemo,koreantts \
 *     --corpora ravdess,nemo,koreantts,ased --tag full-cnn-nomask
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from '../src/cli/cli-error.ts';
import { readManifestCsv } from '../src/datasets/manifest-csv.ts';
import { calibrationMetrics, topConfidence, type CalibrationMetrics } from '../src/eval/calibration.ts';
import { evaluateModel } from '../src/eval/evaluate.ts';
import { loadModelFile, loadOrt } from '../src/eval/load-model.ts';
import type { FrameFeatures } from '../src/sdk/features/index.ts';
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

async function main(argv: string[]): Promise<void> {
  const { flags } = parseArgs(argv, { values: ['pool', 'corpora', 'tag', 'work'], repeatable: ['run'] });
  const work = resolve(flags.get('work')?.[0] ?? 'training/work');
  const pool = (flags.get('pool')?.[0] ?? 'ravdess,nemo,koreantts').split(',');
  const corpora = (flags.get('corpora')?.[0] ?? [...pool, 'ased'].join(',')).split(',');
  const { ort } = await loadOrt('node');
  const cache = new Map<string, FrameFeatures>();
  const report: Record<string, unknown>[] = [];
  const lines = ['| run | held-out | UAR restricted | UAR all labels | ECE shipped | ECE, T fitted on the other held-out corpora |', '|---|---|---:|---:|---:|---:|'];
  for (const spec of flags.get('run') ?? ['cnn:']) {
    const [family, suffix = ''] = spec.split(':');
    const parts: HeldOut[] = [];
    const rows: Record<string, unknown>[] = [];
    for (const run of locoPlan(corpora, pool)) {
      const model = await loadModelFile(join(work, 'runs', family, `loco-${run.trainOn.join('+')}${run.trainOn.length > 1 ? suffix : ''}`, 'manifest.json'), ort);
      for (const corpus of run.heldout) {
        const entries = await readManifestCsv(join(work, 'test-sets', `${locoTestName(run, corpus)}.csv`));
        const e = await evaluateModel(model, entries, { restrict: true, keepProbabilities: true, featureCache: cache });
        const temperature = model.manifest.onnx.temperature;
        // Back to the model's own log-probabilities (temperature 1), so every scale is relative to the raw logits.
        parts.push({ corpus, labels: model.labels, truth: entries.map((x) => x.label), logProbabilities: (e.probabilities ?? []).map((p) => p.map((v) => Math.log(Math.max(v, 1e-30)) * temperature)) });
        rows.push({ corpus, n: e.n, uar: e.uar, uarAllLabels: e.unrestricted?.uar, eceShipped: e.calibration.calibrated.ece });
      }
      await model.release();
    }
    const nested = parts.map((part) => reliability(part, fitScale(parts.filter((p) => p !== part))));
    const scale = fitScale(parts);
    rows.forEach((row, k) => {
      row.eceNested = nested[k].ece;
      lines.push(`| ${family}${suffix} | ${row.corpus} | ${pct(row.uar as number)} | ${pct(row.uarAllLabels as number)} | ${pct(row.eceShipped as number)} | ${pct(nested[k].ece)} |`);
    });
    const mean = (key: string): number => rows.reduce((a, r) => a + (r[key] as number), 0) / rows.length;
    lines.push(`| ${family}${suffix} | **mean** | **${pct(mean('uar'))}** | **${pct(mean('uarAllLabels'))}** | ${pct(mean('eceShipped'))} | ${pct(mean('eceNested'))} |`);
    report.push({ family, suffix, rows, temperature: 1 / scale, nested: nested.map((m, k) => ({ corpus: parts[k].corpus, ...m })) });
    console.log(`${family}${suffix}: temperature fitted on all held-out corpora ${(1 / scale).toFixed(3)}`);
  }
  const dir = join(work, 'results', ...(flags.get('tag') ?? []));
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'loco-calibration.json'), JSON.stringify(report, null, 1));
  await writeFile(join(dir, 'loco-calibration.md'), lines.join('\n') + '\n');
  console.log(lines.join('\n'));
}

const pct = (x: number | undefined): string => (x === undefined ? '–' : `${(x * 100).toFixed(1)} %`);

if (process.argv[1]?.endsWith('loco-calibration.ts')) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
