import { copyFile, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { confusionPng, confusionSvg } from '../src/eval/confusion-image.ts';
import type { Evaluation } from '../src/eval/evaluate.ts';
import { computeMetrics } from '../src/eval/metrics.ts';
import { loadModelFile, loadOrt } from '../src/eval/load-model.ts';
import { computeFeatures } from '../src/sdk/features/index.ts';
import { colouredNoise, mulberry32 } from '../src/eval/noise.ts';
import { mean, std, type EvalRecord } from './protocol.ts';
import type { TrainJob } from './run.ts';
import { extractorInclude } from '../src/sdk/model/model-input.ts';

type Rec = EvalRecord & { family: string; kind: string; run: string };

export interface FamilySummary {
  readonly family: string;
  readonly ravdess?: CorpusFolds;
  readonly nemo?: CorpusFolds;
  readonly loco: Record<string, { accuracy: number; uar: number; macroF1: number; n: number; ece?: number; eceAtTemperature1?: number }>;
  readonly gap?: { folds: { fold: string; independent: number; dependent: number }[]; independentMean: number; dependentMean: number };
  readonly parameters?: number;
  readonly onnxBytes?: number;
  readonly latencyMs?: number;
}

export interface CorpusFolds {
  readonly folds: { test: string; n: number; accuracy: number; uar: number; macroF1: number; noisyUar?: number; coldUar?: number; firstUtteranceAccuracy?: number }[];
  readonly mean: { accuracy: number; uar: number; uarStd: number; macroF1: number; noisyUar?: number; coldUar?: number; noisyAccuracy?: number };
  readonly confusion: Evaluation['confusion'];
}

const m = (xs: (number | undefined)[]): number | undefined => (xs.every((x) => x !== undefined) && xs.length ? mean(xs as number[]) : undefined);

function corpusFolds(records: Rec[], suffix: string): CorpusFolds | undefined {
  const rs = records.filter((r) => r.kind === 'fold' && r.test.endsWith(`-${suffix}`));
  if (rs.length === 0) return undefined;
  const folds = rs.map((r) => ({
    test: r.test, n: r.clean.n, accuracy: r.clean.accuracy, uar: r.clean.uar, macroF1: r.clean.macroF1,
    noisyUar: r.noisy?.uar, noisyAccuracy: r.noisy?.accuracy, coldUar: r.clean.adaptation?.unadapted.uar, firstUtteranceAccuracy: r.clean.adaptation?.firstUtterance.accuracy,
  })).sort((a, b) => a.test.localeCompare(b.test, 'en', { numeric: true }));
  const labels = rs[0].clean.confusion.labels;
  const truth: string[] = [];
  const predicted: string[] = [];
  for (const r of rs) {
    r.clean.confusion.labels.forEach((t, i) => r.clean.confusion.matrix[i].forEach((count, j) => {
      for (let k = 0; k < count; k++) {
        truth.push(t);
        predicted.push(r.clean.confusion.labels[j]);
      }
    }));
  }
  const all = [...new Set([...labels, ...truth, ...predicted])];
  const order = ['neutral', 'calm', 'happy', 'sad', 'angry', 'fearful', 'disgusted', 'surprised'];
  all.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return {
    folds,
    mean: {
      accuracy: mean(folds.map((f) => f.accuracy)), uar: mean(folds.map((f) => f.uar)), uarStd: std(folds.map((f) => f.uar)), macroF1: mean(folds.map((f) => f.macroF1)),
      noisyUar: m(folds.map((f) => f.noisyUar)), noisyAccuracy: m(folds.map((f) => f.noisyAccuracy)), coldUar: m(folds.map((f) => f.coldUar)),
    },
    confusion: computeMetrics(all, truth, predicted).confusion,
  };
}

/** A run's `training.json`: its hyper-parameter search (when it ran one) and the chosen entry. */
export interface SearchRecord {
  readonly validationSpeakers?: string[];
  readonly results?: { hp: Record<string, unknown>; validationUar: number; seconds: number }[];
  readonly chosen?: Record<string, unknown>;
  readonly parameters?: number;
}

/** The search record of one trained run folder; undefined when it was not trained. */
export async function readSearchRecord(runDir: string): Promise<SearchRecord | undefined> {
  try {
    return JSON.parse(await readFile(join(runDir, 'training.json'), 'utf8')) as SearchRecord;
  } catch {
    return undefined;
  }
}

/**
 * The default family: among families whose final ONNX is at most 1 MB, the one with the best
 * leave-one-corpus-out mean (`locoMeans`, issue 10: the in-corpus folds rewarded learning the corpora).
 * Without LOCO results for every candidate (one training corpus, --no-loco) it falls back to the best
 * validation UAR in the final model's search, which scores the same held-out training speakers for
 * every family and never looks at a test fold.
 */
export async function chooseDefault(families: readonly string[], runs: string, log: (s: string) => void, locoMeans: ReadonlyMap<string, number> = new Map()): Promise<string> {
  const byLoco = families.every((f) => locoMeans.has(f));
  let best = { family: families[0], score: -1 };
  for (const family of families) {
    const results = (await readSearchRecord(join(runs, family, 'final')))?.results ?? [];
    const validation = results.length ? Math.max(...results.map((r) => r.validationUar)) : -1;
    const score = byLoco ? locoMeans.get(family)! : validation;
    let bytes = Infinity;
    try {
      bytes = (await stat(join(runs, family, 'final', 'model.onnx'))).size;
    } catch {
      // no final model
    }
    log(`default choice: ${family} ${byLoco ? 'LOCO mean' : 'validation'} UAR ${(score * 100).toFixed(1)} %, ${(bytes / 1024).toFixed(0)} KB`);
    if (bytes <= 1024 * 1024 && score > best.score) best = { family, score };
  }
  return best.family;
}

/** Median predict() time of a model on a 3 s utterance with onnxruntime-web (wasm, 1 thread) in Node. */
export async function measureLatency(manifestPath: string): Promise<number> {
  const { ort } = await loadOrt('web');
  const model = await loadModelFile(manifestPath, ort);
  const frames = computeFeatures(colouredNoise(48000, 'pink', mulberry32(1)).map((v) => v * 0.05), {}, { include: extractorInclude(model.manifest.features) });
  for (let i = 0; i < 5; i++) await model.predict(frames);
  const times: number[] = [];
  for (let i = 0; i < 40; i++) {
    const t = performance.now();
    await model.predict(frames);
    times.push(performance.now() - t);
  }
  await model.release();
  times.sort((a, b) => a - b);
  return times[times.length >> 1];
}

export async function summarise(o: { records: Rec[]; jobs: readonly TrainJob[]; families: string[]; defaultFamily: string; runtime: string; work: string; seconds: number; smoke: boolean }): Promise<Record<string, FamilySummary>> {
  const out: Record<string, FamilySummary> = {};
  for (const family of o.families) {
    const records = o.records.filter((r) => r.family === family);
    const loco: FamilySummary['loco'] = {};
    for (const r of records.filter((x) => x.kind === 'loco')) {
      const calibration = r.clean.calibration;
      loco[r.test] = { accuracy: r.clean.accuracy, uar: r.clean.uar, macroF1: r.clean.macroF1, n: r.clean.n, ...(calibration ? { ece: calibration.calibrated.ece, eceAtTemperature1: calibration.uncalibrated.ece } : {}) };
    }
    const gapRecords = records.filter((r) => r.kind === 'gap');
    const gapFolds = gapRecords.map((g) => {
      const fold = g.run.replace('gap-', '');
      const si = records.find((r) => r.kind === 'fold' && r.test === `${fold}-ravdess-rep2`);
      return { fold, independent: si?.clean.uar ?? NaN, dependent: g.clean.uar };
    });
    let parameters: number | undefined;
    let onnxBytes: number | undefined;
    let latencyMs: number | undefined;
    const final = join(o.work, 'runs', family, 'final');
    try {
      parameters = (await readSearchRecord(final))?.parameters;
      onnxBytes = (await stat(join(final, 'model.onnx'))).size;
      latencyMs = await measureLatency(join(final, 'manifest.json'));
    } catch {
      // No final model (smoke run).
    }
    out[family] = {
      family, ravdess: corpusFolds(records, 'ravdess'), nemo: corpusFolds(records, 'nemo'), loco,
      ...(gapFolds.length ? { gap: { folds: gapFolds, independentMean: mean(gapFolds.map((g) => g.independent)), dependentMean: mean(gapFolds.map((g) => g.dependent)) } } : {}),
      parameters, onnxBytes, latencyMs,
    };
  }
  const dir = join(o.work, 'results');
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'summary.json'), JSON.stringify({ runtime: o.runtime, minutes: o.seconds / 60, defaultFamily: o.defaultFamily, families: out }, null, 1));
  return out;
}

/** A fraction as a percentage with one decimal ('–' when not measured); `unit` appends ' %'. */
export const pct = (v: number | undefined, unit = false): string => (v === undefined || Number.isNaN(v) ? '–' : `${(v * 100).toFixed(1)}${unit ? ' %' : ''}`);

export function resultsMarkdown(summary: Record<string, FamilySummary>, defaultFamily: string): string {
  const lines = ['| family | RAVDESS 5-fold UAR | accuracy | macro-F1 | UAR, 10 dB noise | UAR, cold | nEMO LOSO UAR | nEMO 10 dB | RAVDESS→nEMO UAR | nEMO→RAVDESS UAR | parameters | ONNX size | latency (3 s, wasm 1 thread) |', '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|'];
  for (const s of Object.values(summary)) {
    const r = s.ravdess?.mean;
    const n = s.nemo?.mean;
    lines.push(`| ${s.family}${s.family === defaultFamily ? ' (default)' : ''} | ${pct(r?.uar)} ± ${pct(r?.uarStd)} | ${pct(r?.accuracy)} | ${pct(r?.macroF1)} | ${pct(r?.noisyUar)} | ${pct(r?.coldUar)} | ${pct(n?.uar)} | ${pct(n?.noisyUar)} | ${pct(s.loco['loco-ravdess-to-nemo']?.uar)} | ${pct(s.loco['loco-nemo-to-ravdess']?.uar)} | ${s.parameters ?? '–'} | ${s.onnxBytes ? `${(s.onnxBytes / 1024).toFixed(0)} KB` : '–'} | ${s.latencyMs?.toFixed(2) ?? '–'} ms |`);
  }
  lines.push('', 'Per fold (UAR %, clean / 10 dB SNR pink noise / cold = every clip without speaker statistics):', '');
  for (const s of Object.values(summary)) {
    for (const [corpus, c] of [['RAVDESS', s.ravdess], ['nEMO', s.nemo]] as const) {
      if (!c) continue;
      lines.push(`- ${s.family}, ${corpus}: ${c.folds.map((f) => `${f.test.replace(/-(ravdess|nemo)$/, '')} ${pct(f.uar)}/${pct(f.noisyUar)}/${pct(f.coldUar)}`).join('; ')}`);
    }
    if (s.gap) lines.push(`- ${s.family}, speaker-independence gap (RAVDESS repetition-2 clips of each fold's actors): trained without those actors ${pct(s.gap.independentMean)} UAR, trained with their repetition-1 clips ${pct(s.gap.dependentMean)} UAR (${s.gap.folds.map((g) => `${g.fold} ${pct(g.independent)}→${pct(g.dependent)}`).join('; ')})`);
  }
  return lines.join('\n') + '\n';
}

/** Copies each family's final model into models/ (the default also as emovox-default) with the CV metrics in its manifest. */
export async function shipModels(o: { families: string[]; defaultFamily: string; runs: string; modelsDir: string; summary: Record<string, FamilySummary>; log: (s: string) => void }): Promise<void> {
  await mkdir(o.modelsDir, { recursive: true });
  for (const family of o.families) {
    const s = o.summary[family];
    const names = [`emovox-${family}`, ...(family === o.defaultFamily ? ['emovox-default'] : [])];
    if (!s.onnxBytes || (s.onnxBytes > 2 * 1024 * 1024 && family !== o.defaultFamily)) {
      o.log(`not shipping ${family}: ${s.onnxBytes ? `${(s.onnxBytes / 1048576).toFixed(1)} MB` : 'no final model'}`);
      continue;
    }
    const manifest = JSON.parse(await readFile(join(o.runs, family, 'final', 'manifest.json'), 'utf8'));
    for (const name of names) {
      await copyFile(join(o.runs, family, 'final', 'model.onnx'), join(o.modelsDir, `${name}.onnx`));
      const metrics = { protocol: 'speaker-independent cross-validation via emovox eval (see models/README.md)', ravdess: s.ravdess?.mean, nemo: s.nemo?.mean, loco: s.loco, gap: s.gap && { independent: s.gap.independentMean, dependent: s.gap.dependentMean }, latencyMs: s.latencyMs, parameters: s.parameters };
      await writeFile(join(o.modelsDir, `${name}.json`), JSON.stringify({ ...manifest, name, model: { ...manifest.model, file: `${name}.onnx` }, metrics }, null, 1) + '\n');
    }
    o.log(`shipped ${names.join(', ')}`);
  }
  const d = o.summary[o.defaultFamily]?.ravdess;
  if (d) {
    await writeFile(join(o.modelsDir, 'confusion-ravdess.png'), confusionPng({ ...(d as unknown as Evaluation), confusion: d.confusion } as Evaluation, `emovox-default (${o.defaultFamily}), ravdess 5 folds`));
    await writeFile(join(o.modelsDir, 'confusion-ravdess.svg'), confusionSvg({ confusion: d.confusion } as Evaluation, `emovox-default (${o.defaultFamily}), RAVDESS 5 speaker-independent folds`));
  }
  const n = o.summary[o.defaultFamily]?.nemo;
  if (n) await writeFile(join(o.modelsDir, 'confusion-nemo.svg'), confusionSvg({ confusion: n.confusion } as Evaluation, `emovox-default (${o.defaultFamily}), nEMO leave-one-speaker-out`));
  await writeFile(join(o.modelsDir, 'RESULTS.md'), `# Cross-validation results\n\nGenerated by \`npm run train\` (training/run.ts); every number comes from the fold models run through \`emovox eval\`'s code path.\n\n${resultsMarkdown(o.summary, o.defaultFamily)}`);
}
