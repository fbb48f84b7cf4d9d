import { formatCsv } from '../../datasets/csv.ts';
import type { SpeakerSummary } from '../../sdk/index.ts';
import type { ErrorRecord, MetadataValue, RecordingRecord } from './record.ts';

type Row = Record<string, string | number | boolean | null | undefined>;

/** Flattens nested objects to dotted keys (`probabilities.angry`, `prosody.pitchHz`), so new SDK fields become columns. */
function flatten(value: Readonly<Record<string, unknown>>, prefix = '', into: Row = {}): Row {
  for (const [key, v] of Object.entries(value)) {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) flatten(v as Record<string, unknown>, `${prefix}${key}.`, into);
    else into[`${prefix}${key}`] = Array.isArray(v) ? v.join(' ') : (v as Row[string]);
  }
  return into;
}

/** Metadata columns keep their own names, unless one would shadow a column of ours. */
function withMetadata(row: Row, metadata: Readonly<Record<string, MetadataValue>>): Row {
  const merged: Row = { file: row.file, name: row.name };
  for (const [key, value] of Object.entries(metadata)) merged[key in row ? `meta.${key}` : key] = value;
  return { ...merged, ...row };
}

/** A table from rows with possibly different keys: columns in order of first appearance, blanks for missing cells. */
function table(rows: readonly Row[]): string {
  const header = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cell = (v: Row[string]): string => (v === undefined || v === null ? '' : String(v));
  return formatCsv(header, rows.map((r) => header.map((h) => cell(r[h]))));
}

/** One row per utterance of every recording: for spreadsheets and BI tools. */
export function utterancesCsv(records: readonly RecordingRecord[]): string {
  const rows = records.flatMap((record) =>
    record.utterances.map((u) => withMetadata(flatten({ file: record.file, name: record.name, ...u }), record.metadata)),
  );
  return table(rows);
}

function speakerColumns(prefix: string, s: SpeakerSummary): Row {
  const row: Row = {
    [`${prefix}.speechMs`]: s.speechMs,
    [`${prefix}.utterances`]: s.utteranceCount,
    [`${prefix}.meanValence`]: s.meanValence,
    [`${prefix}.meanArousal`]: s.meanArousal,
    [`${prefix}.valenceTrend`]: s.trend?.valence.delta,
    [`${prefix}.arousalTrend`]: s.trend?.arousal.delta,
    [`${prefix}.ending`]: s.ending ?? '',
    [`${prefix}.longestNegativeArousedMs`]: s.longestNegativeArousedStretch?.durationMs ?? 0,
  };
  for (const [label, share] of Object.entries(s.labelShare)) row[`${prefix}.share.${label}`] = share;
  return row;
}

/**
 * One row per recording: status, length, the overall summary (`all.*`) and each speaker's (`<speaker>.*`),
 * so a batch with `--speakers agent,customer` has `customer.ending` etc. as columns. Failed inputs are
 * rows too, with their error, so nothing silently drops out of a report.
 */
export function recordingsCsv(records: readonly RecordingRecord[], failures: readonly ErrorRecord[]): string {
  const ok = records.map((r) => {
    const row: Row = {
      file: r.file, name: r.name, status: 'ok', error: '', durationMs: r.durationMs, channelCount: r.channelCount,
      channelMode: r.channelMode, speakers: r.speakers.join(' '), model: r.model,
      ...speakerColumns('all', r.summary.overall),
    };
    for (const s of r.summary.speakers) Object.assign(row, speakerColumns(s.speaker, s));
    return withMetadata(row, r.metadata);
  });
  const failed = failures.map((f) => withMetadata({ file: f.file, name: f.name, status: 'failed', error: `${f.error.code}: ${f.error.message}` }, f.metadata));
  return table([...ok, ...failed]);
}
