/**
 * Leave-one-corpus-out (LOCO), the primary validation metric: every corpus is held out in turn, the
 * model trains on the others (of the training pool), and is scored on the held-out corpus through
 * `emovox eval --restrict`, over the labels the held-out corpus shares with the training corpora.
 * The mean over held-out corpora is what choices (features, corpora, augmentation, family) are made by:
 * the RAVDESS folds rewarded learning two corpora, not emotion (issue 10).
 */
import type { ManifestEntry } from '../src/datasets/manifest-csv.ts';
import type { EvalRecord, TestSet } from './protocol.ts';
import { testOrder } from './protocol.ts';

/** The corpus a manifest entry belongs to (speaker ids are `<corpus>-<id>`). */
export const corpusOf = (e: ManifestEntry): string => e.speaker.split('-')[0];

export interface LocoRun {
  /** Corpora trained on: the pool without the held-out corpora. */
  readonly trainOn: readonly string[];
  /** Corpora tested (one test set each); corpora outside the pool share the pool's one training. */
  readonly heldout: readonly string[];
}

/**
 * One training per distinct training set: corpus c is held out by training on `pool` minus c, so a
 * corpus outside the pool (say ASED when the pool is RAVDESS + nEMO) is tested on the full-pool model.
 */
export function locoPlan(corpora: readonly string[], pool: readonly string[]): LocoRun[] {
  const runs = new Map<string, { trainOn: string[]; heldout: string[] }>();
  for (const c of corpora) {
    const trainOn = pool.filter((p) => p !== c);
    if (trainOn.length === 0) continue;
    const key = trainOn.join('+');
    if (!runs.has(key)) runs.set(key, { trainOn, heldout: [] });
    runs.get(key)!.heldout.push(c);
  }
  return [...runs.values()];
}

/** Test name of a held-out corpus (for two corpora the names of the earlier one-way transfer, `loco-ravdess-to-nemo`). */
export const locoTestName = (run: LocoRun, heldout: string): string => `loco-${run.trainOn.join('+')}-to-${heldout}`;

/**
 * The held-out corpus's clips whose label the training corpora have: a label no training corpus
 * teaches cannot be predicted, and its zero recall would measure the label sets, not generalisation.
 */
export function locoTests(entries: readonly ManifestEntry[], run: LocoRun, maxClips = Infinity): TestSet[] {
  const taught = new Set(entries.filter((e) => run.trainOn.includes(corpusOf(e))).map((e) => e.label));
  return run.heldout.map((c) => ({
    name: locoTestName(run, c),
    // The first maxClips of the seeded shuffle: a random sample (quick mode; the front-end dominates its time).
    entries: testOrder(entries.filter((e) => corpusOf(e) === c && taught.has(e.label))).slice(0, maxClips),
    restrict: true,
  })).filter((t) => t.entries.length > 0);
}

export interface LocoRow {
  readonly family: string;
  readonly uar: Record<string, number>;
  readonly mean: number;
  /** Expected calibration error per held-out corpus with the model's temperature, and at temperature 1 (when recorded). */
  readonly ece: Record<string, { readonly calibrated: number; readonly uncalibrated: number }>;
}

/** Per family: UAR per held-out corpus (the part after `-to-`) and their mean, over the tests named (default all). */
export function locoRows(records: readonly (EvalRecord & { family: string; kind: string })[], tests?: ReadonlySet<string>): LocoRow[] {
  const byFamily = new Map<string, Pick<LocoRow, 'uar' | 'ece'>>();
  for (const r of records.filter((x) => x.kind === 'loco' && (!tests || tests.has(x.test)))) {
    const corpus = r.test.slice(r.test.lastIndexOf('-to-') + 4);
    const row = byFamily.get(r.family) ?? { uar: {}, ece: {} };
    row.uar[corpus] = r.clean.uar;
    const calibration = r.clean.calibration;
    if (calibration) row.ece[corpus] = { calibrated: calibration.calibrated.ece, uncalibrated: calibration.uncalibrated.ece };
    byFamily.set(r.family, row);
  }
  return [...byFamily].map(([family, { uar, ece }]) => {
    const values = Object.values(uar);
    return { family, uar, ece, mean: values.reduce((a, b) => a + b, 0) / values.length };
  });
}

const pct = (x: number | undefined): string => (x === undefined ? '–' : `${(x * 100).toFixed(1)} %`);

/** Markdown table: one row per family, one column per held-out corpus, then the mean. */
export function locoMarkdown(rows: readonly LocoRow[], note = ''): string {
  const corpora = [...new Set(rows.flatMap((r) => Object.keys(r.uar)))].sort();
  const lines = [
    `| family | ${corpora.map((c) => `held-out ${c}`).join(' | ')} | LOCO mean |`,
    `|---|${corpora.map(() => '---:').join('|')}|---:|`,
    ...rows.map((r) => `| ${r.family} | ${corpora.map((c) => pct(r.uar[c])).join(' | ')} | ${pct(r.mean)} |`),
  ];
  if (rows.some((r) => Object.keys(r.ece).length > 0)) {
    const ece = (r: LocoRow, c: string): string => (r.ece[c] ? `${pct(r.ece[c].calibrated)} / ${pct(r.ece[c].uncalibrated)}` : '–');
    lines.push('', 'Expected calibration error on the held-out corpus (10 bins; with the fitted temperature / at temperature 1):', '',
      `| family | ${corpora.map((c) => `held-out ${c}`).join(' | ')} |`, `|---|${corpora.map(() => '---:').join('|')}|`,
      ...rows.map((r) => `| ${r.family} | ${corpora.map((c) => ece(r, c)).join(' | ')} |`));
  }
  return `${note ? `${note}\n\n` : ''}${lines.join('\n')}\n`;
}
