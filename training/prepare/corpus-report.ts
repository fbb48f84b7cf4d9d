import type { ClipAudit } from './clip-audit.ts';

/** One source clip after conversion, with what the preparation learnt about it. */
export interface PreparedClip {
  /** Path of the source file, relative to the corpus folder. */
  readonly source: string;
  readonly path: string;
  readonly label: string;
  readonly speaker: string;
  readonly text: string;
  readonly sha256: string;
  /** Hash of the converted 16 kHz samples: equal for the same take stored in different files. */
  readonly audioSha256: string;
  readonly sourceRate: number;
  readonly sourceChannels: number;
  readonly audit: ClipAudit;
}

/** Artefacts of a corpus that a model could learn instead of emotion. */
export interface CorpusReport {
  readonly clips: number;
  readonly speakers: number;
  readonly sourceFormats: Record<string, number>;
  /** Per label: count, length quantiles (s), the most common exact length and its share, median levels, padding. */
  readonly classes: Record<string, ClassSummary>;
  /** Duplicate takes: each dropped copy, the kept clip it duplicates, and whether the files or only the audio are identical. */
  readonly duplicates: { readonly dropped: string; readonly keptAs: string; readonly identical: 'file' | 'audio' }[];
  /** Texts spoken with only one label (a lexical shortcut) and texts spoken with several. */
  readonly textsWithOneLabel: number;
  readonly textsWithSeveralLabels: number;
  /** Human-readable warnings, e.g. a class whose clips all have the same length. */
  readonly warnings: string[];
}

export interface ClassSummary {
  readonly count: number;
  readonly durationS: { readonly min: number; readonly p10: number; readonly median: number; readonly p90: number; readonly max: number };
  readonly modalDurationS: number;
  readonly modalShare: number;
  readonly medianRmsDb: number;
  readonly medianPeakDb: number;
  /** Share of clips ending in at least 50 ms of digital silence (zero padding). */
  readonly zeroPaddedShare: number;
  readonly clippedShare: number;
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))];
}

const round = (x: number, digits = 3) => Number(x.toFixed(digits));

function summarise(clips: readonly PreparedClip[]): ClassSummary {
  const durations = clips.map((c) => c.audit.durationS).sort((a, b) => a - b);
  const counts = new Map<number, number>();
  for (const d of durations) counts.set(round(d), (counts.get(round(d)) ?? 0) + 1);
  const [modal, modalCount] = [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best));
  const median = (values: number[]) => quantile(values.sort((a, b) => a - b), 0.5);
  return {
    count: clips.length,
    durationS: { min: round(durations[0]), p10: round(quantile(durations, 0.1)), median: round(quantile(durations, 0.5)), p90: round(quantile(durations, 0.9)), max: round(durations.at(-1) ?? 0) },
    modalDurationS: modal,
    modalShare: round(modalCount / clips.length),
    medianRmsDb: round(median(clips.map((c) => c.audit.rmsDb)), 1),
    medianPeakDb: round(median(clips.map((c) => c.audit.peakDb)), 1),
    zeroPaddedShare: round(clips.filter((c) => c.audit.trailingSilenceS >= 0.05).length / clips.length),
    clippedShare: round(clips.filter((c) => c.audit.clippedFraction > 0.001).length / clips.length),
  };
}

/** Aggregates the prepared clips of one corpus and names its artefacts. */
export function corpusReport(clips: readonly PreparedClip[], duplicates: CorpusReport['duplicates']): CorpusReport {
  const byLabel = new Map<string, PreparedClip[]>();
  for (const clip of clips) byLabel.set(clip.label, [...(byLabel.get(clip.label) ?? []), clip]);
  const classes: Record<string, ClassSummary> = {};
  for (const [label, members] of [...byLabel].sort()) classes[label] = summarise(members);
  const sourceFormats: Record<string, number> = {};
  for (const c of clips) sourceFormats[`${c.sourceRate} Hz, ${c.sourceChannels} ch`] = (sourceFormats[`${c.sourceRate} Hz, ${c.sourceChannels} ch`] ?? 0) + 1;
  const labelsOfText = new Map<string, Set<string>>();
  for (const c of clips) if (c.text) labelsOfText.set(c.text, (labelsOfText.get(c.text) ?? new Set()).add(c.label));
  const textsWithOneLabel = [...labelsOfText.values()].filter((s) => s.size === 1).length;
  const warnings: string[] = [];
  for (const [label, s] of Object.entries(classes)) {
    if (s.count >= 5 && s.modalShare >= 0.5) warnings.push(`${label}: ${Math.round(100 * s.modalShare)} % of clips are exactly ${s.modalDurationS} s long`);
    if (s.zeroPaddedShare >= 0.5) warnings.push(`${label}: ${Math.round(100 * s.zeroPaddedShare)} % of clips end in zero padding`);
    if (s.clippedShare >= 0.05) warnings.push(`${label}: ${Math.round(100 * s.clippedShare)} % of clips clip`);
  }
  const levels = Object.values(classes).map((s) => s.medianRmsDb);
  if (levels.length > 1 && Math.max(...levels) - Math.min(...levels) >= 6) warnings.push(`median levels differ by ${round(Math.max(...levels) - Math.min(...levels), 1)} dB between classes`);
  if (Object.keys(sourceFormats).length > 1) warnings.push(`mixed source formats: ${Object.keys(sourceFormats).join('; ')}`);
  if (duplicates.length > 0) warnings.push(`${duplicates.length} duplicate take(s) dropped (${duplicates.filter((d) => d.identical === 'file').length} identical files, the rest identical audio)`);
  if (textsWithOneLabel > 0 && labelsOfText.size > 0) warnings.push(`${textsWithOneLabel} of ${labelsOfText.size} texts are spoken with one label only (lexical confound)`);
  return { clips: clips.length, speakers: new Set(clips.map((c) => c.speaker)).size, sourceFormats, classes, duplicates, textsWithOneLabel, textsWithSeveralLabels: labelsOfText.size - textsWithOneLabel, warnings };
}
