import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseCsv } from '../../datasets/csv.ts';
import { CliUsageError } from '../cli-error.ts';
import type { MetadataValue } from './record.ts';

/** One row of an input list: the audio path (resolved against the list's folder) and its other columns. */
export interface ListedInput {
  readonly path: string;
  readonly metadata: Record<string, MetadataValue>;
}

const pathKeys = ['path', 'file'];

function pathOf(row: Record<string, unknown>, where: string): string {
  const key = pathKeys.find((k) => typeof row[k] === 'string' && row[k] !== '');
  if (!key) throw new CliUsageError(`${where}: no 'path' (or 'file') value`);
  return row[key] as string;
}

function withoutPath(row: Record<string, unknown>, where: string): Record<string, MetadataValue> {
  const metadata: Record<string, MetadataValue> = {};
  const pathKey = pathKeys.find((k) => k in row);
  for (const [key, value] of Object.entries(row)) {
    if (key === pathKey) continue;
    if (value !== null && typeof value === 'object') throw new CliUsageError(`${where}: column '${key}' must be a string, number, boolean or null`);
    metadata[key] = value as MetadataValue;
  }
  return metadata;
}

/**
 * Reads a CSV (header row with a `path` or `file` column) or JSONL (one object per line with `path`/`file`)
 * list of recordings. Every other column is metadata carried into the results; relative paths are
 * resolved against the list's folder so that a list travels with its recordings.
 */
export async function readInputList(listPath: string): Promise<ListedInput[]> {
  const text = await readFile(listPath, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new CliUsageError(`${listPath}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  });
  const rows: Array<Record<string, unknown>> = [];
  if (/\.jsonl$/i.test(listPath)) {
    text.split(/\r?\n/).forEach((line, i) => {
      if (line.trim() === '') return;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (error) {
        throw new CliUsageError(`${listPath}:${i + 1}: ${(error as Error).message}`);
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new CliUsageError(`${listPath}:${i + 1}: expected a JSON object`);
      rows.push(value as Record<string, unknown>);
    });
  } else {
    const [header, ...body] = parseCsv(text);
    if (!header || !header.some((h) => pathKeys.includes(h))) throw new CliUsageError(`${listPath}: the header needs a 'path' or 'file' column`);
    for (const cells of body) rows.push(Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])));
  }
  const base = dirname(resolve(listPath));
  return rows.map((row, i) => {
    const where = `${listPath}:${i + 2}`;
    return { path: resolve(base, pathOf(row, where)), metadata: withoutPath(row, where) };
  });
}
