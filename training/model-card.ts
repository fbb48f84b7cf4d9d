/**
 * Writes the run's numbers into the hand-written documents that users read (the model card and the
 * README), between their `<!-- NAME:begin ... -->` and `<!-- NAME:end -->` markers, so every figure
 * there comes from `npm run train` and none is copied by hand.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { pct as percent, readSearchRecord, type FamilySummary } from './summary.ts';

const pct = (v: number | undefined): string => percent(v, true);

/** Replaces the text between the markers named `name` in `file`; a file without them is left alone. */
export async function spliceGenerated(file: string, name: string, content: string): Promise<boolean> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return false;
  }
  const begin = new RegExp(`<!-- ${name}:begin[^>]*-->\\n`);
  const start = begin.exec(text);
  const end = text.indexOf(`<!-- ${name}:end -->`);
  if (!start || end < start.index) return false;
  const from = start.index + start[0].length;
  await writeFile(file, text.slice(0, from) + content.trimEnd() + '\n' + text.slice(end));
  return true;
}

/** The README's short table: the default model's speaker-independent numbers. */
export function readmeTable(s: FamilySummary): string {
  const r = s.ravdess?.mean;
  const n = s.nemo?.mean;
  const rows = [
    '| measured on | UAR | accuracy | macro-F1 |',
    '|---|---:|---:|---:|',
    `| RAVDESS, 8 classes, 5 folds of 4 unseen actors | ${pct(r?.uar)} | ${pct(r?.accuracy)} | ${pct(r?.macroF1)} |`,
    `| same, pink noise at 10 dB SNR | ${pct(r?.noisyUar)} | ${pct(r?.noisyAccuracy)} | |`,
    `| same, every clip cold (no speaker history) | ${pct(r?.coldUar)} | | |`,
    `| nEMO (Polish), 6 classes, unseen speakers | ${pct(n?.uar)} | ${pct(n?.accuracy)} | ${pct(n?.macroF1)} |`,
  ];
  const loco = s.loco['loco-ravdess-to-nemo'];
  if (loco) rows.push(`| trained on RAVDESS only, tested on nEMO (other language) | ${pct(loco.uar)} | ${pct(loco.accuracy)} | ${pct(loco.macroF1)} |`);
  return rows.join('\n');
}

/** The family table of `resultsMarkdown` without its per-fold list (the card links RESULTS.md for those). */
export function familyTable(results: string): string {
  return results.slice(0, results.indexOf('\n\n'));
}

/** The hyper-parameter searches of the final models (and of the fold models that ran one), for RESULTS.md. */
export async function searchMarkdown(runs: string, families: readonly string[]): Promise<string> {
  const lines = ['## Hyper-parameter search', '', 'Scored on speakers held out inside the training data (never a test fold); the chosen entry is marked.', ''];
  const read = (dir: string) => readSearchRecord(`${runs}/${dir}`);
  const hp = (h: Record<string, unknown>): string => Object.entries(h).map(([k, v]) => `${k}=${v}`).join(', ');
  for (const family of families) {
    const final = await read(`${family}/final`);
    if (!final?.results?.length) continue;
    lines.push(`**${family}**, final model (validation speakers ${final.validationSpeakers?.join(', ') ?? '?'}):`, '');
    for (const r of final.results) {
      const chosen = JSON.stringify(r.hp) === JSON.stringify(final.chosen) ? ' ← chosen' : '';
      // train.py compares seed ensembles by one member each (see `search`).
      const members = Number(r.hp.seeds ?? 1) > 1 ? ', one member scored' : '';
      lines.push(`- ${hp(r.hp)}: validation UAR ${(r.validationUar * 100).toFixed(1)} % (${r.seconds} s${members})${chosen}`);
    }
    const folds: string[] = [];
    for (let k = 1; k <= 20; k++) {
      const fold = await read(`${family}/fold-${k}`);
      if (!fold) break;
      if (fold.results?.length) folds.push(`fold-${k} ${fold.results.map((r) => (r.validationUar * 100).toFixed(1)).join(' / ')}`);
    }
    if (folds.length) lines.push(`- fold models searched the same grid (validation UAR per entry): ${folds.join('; ')}`);
    lines.push('');
  }
  return lines.join('\n');
}
