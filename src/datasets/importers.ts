import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { parseCsv } from './csv.ts';
import { DatasetError } from './dataset-error.ts';
import { fileNameSchemes, type CorpusKind } from './file-name-schemes.ts';
import { canonicalLabel } from './labels.ts';

/** One row of a manifest CSV as written by the importers (`path` relative to the CSV). */
export interface ManifestRow {
  readonly path: string;
  readonly label: string;
  readonly speaker: string;
}

async function listAudioFiles(folder: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(folder, { recursive: true, withFileTypes: true });
  } catch (error) {
    throw new DatasetError(`${folder}: cannot read the folder (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  return entries
    .filter((e) => e.isFile() && /\.(wav|flac)$/i.test(e.name))
    .map((e) => join(e.parentPath ?? (e as unknown as { path: string }).path, e.name))
    .sort();
}

const toPosix = (path: string): string => path.split(sep).join('/');

/**
 * Scans `folder` recursively for the corpus's audio files (WAV or FLAC) and returns one row per
 * recognised file, sorted by path, with paths relative to `outDir`. Unrecognised names are skipped.
 */
export async function importCorpus(kind: CorpusKind, folder: string, outDir: string): Promise<ManifestRow[]> {
  const scheme = fileNameSchemes[kind];
  const rows: ManifestRow[] = [];
  for (const file of await listAudioFiles(folder)) {
    const parsed = scheme(basename(file), basename(dirname(file)));
    if (parsed) rows.push({ path: toPosix(relative(outDir, file)), ...parsed });
  }
  if (rows.length === 0) throw new DatasetError(`${folder}: no ${kind} audio files found (see models/README.md for the expected file names)`);
  return rows;
}

/** Column names of a generic CSV import. */
export interface GenericCsvColumns {
  readonly path: string;
  readonly label: string;
  readonly speaker?: string;
}

/**
 * A generic labelled CSV: picks the path/label/speaker columns by name, maps label synonyms onto
 * the canonical set, and rewrites paths (relative to the source CSV) relative to `outDir`.
 */
export async function importGenericCsv(file: string, outDir: string, columns: GenericCsvColumns = { path: 'path', label: 'label', speaker: 'speaker' }): Promise<ManifestRow[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new DatasetError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new DatasetError(`${file}: empty CSV`);
  const index = (name: string | undefined): number => (name === undefined ? -1 : header.findIndex((h) => h.trim().toLowerCase() === name.toLowerCase()));
  const pathAt = index(columns.path);
  const labelAt = index(columns.label);
  const speakerAt = index(columns.speaker);
  if (pathAt < 0 || labelAt < 0) throw new DatasetError(`${file}: needs columns '${columns.path}' and '${columns.label}', header is '${header.join(',')}'`);
  const base = dirname(resolve(file));
  return rows.map((row, i) => {
    const path = row[pathAt]?.trim();
    const label = row[labelAt]?.trim();
    if (!path || !label) throw new DatasetError(`${file}: row ${i + 2} has an empty path or label`);
    return { path: toPosix(relative(outDir, resolve(base, path))), label: canonicalLabel(label), speaker: speakerAt >= 0 ? (row[speakerAt] ?? '').trim() : '' };
  });
}
