import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { DatasetError } from './dataset-error.ts';
import { parseCsv } from './csv.ts';

/** One labelled clip of a manifest CSV; `path` is absolute. */
export interface ManifestEntry {
  readonly path: string;
  readonly label: string;
  /** Speaker id, or '' when the CSV has no speaker column. */
  readonly speaker: string;
}

/**
 * Reads a `path,label[,speaker]` CSV (header required, extra columns ignored); relative paths are
 * resolved against the CSV's folder. Errors name the file and row.
 */
export async function readManifestCsv(file: string): Promise<ManifestEntry[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new DatasetError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  return parseManifestCsv(text, file);
}

/** Parses manifest CSV text; `file` names it in errors and anchors relative paths. */
export function parseManifestCsv(text: string, file: string): ManifestEntry[] {
  const rows = parseCsv(text);
  if (rows.length === 0) throw new DatasetError(`${file}: empty CSV`);
  const header = rows[0].map((h) => h.trim().toLowerCase());
  const pathColumn = header.indexOf('path');
  const labelColumn = header.indexOf('label');
  const speakerColumn = header.indexOf('speaker');
  if (pathColumn < 0 || labelColumn < 0) {
    throw new DatasetError(`${file}: the header must have 'path' and 'label' columns, got '${rows[0].join(',')}'`);
  }
  const base = dirname(resolve(file));
  const entries = rows.slice(1).map((row, i) => {
    const path = row[pathColumn]?.trim();
    const label = row[labelColumn]?.trim();
    if (!path || !label) throw new DatasetError(`${file}: row ${i + 2} has no ${path ? 'label' : 'path'}`);
    return { path: isAbsolute(path) ? path : resolve(base, path), label, speaker: speakerColumn >= 0 ? (row[speakerColumn] ?? '').trim() : '' };
  });
  if (entries.length === 0) throw new DatasetError(`${file}: no rows after the header`);
  return entries;
}
