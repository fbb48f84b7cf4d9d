import { stat } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { CliUsageError } from '../cli-error.ts';
import { readInputList } from './input-lists.ts';
import type { BatchInput, MetadataValue } from './record.ts';

/** Extensions picked up when a folder or glob is given (an explicit file is always taken as audio). */
export const audioExtensions = ['.wav', '.flac', '.opus', '.ogg', '.mp3'];
const listExtensions = ['.csv', '.jsonl'];

const isAudio = (path: string): boolean => audioExtensions.includes(extname(path).toLowerCase());

async function filesOf(arg: string): Promise<Array<{ path: string; metadata: Record<string, MetadataValue> }>> {
  const plain = (paths: string[]) => paths.map((path) => ({ path: resolve(path), metadata: {} }));
  if (isDynamicPattern(arg)) {
    const matches = (await glob(arg, { absolute: true, onlyFiles: true })).filter(isAudio).sort();
    if (matches.length === 0) throw new CliUsageError(`no audio file matches ${arg}`);
    return plain(matches);
  }
  if (listExtensions.includes(extname(arg).toLowerCase())) return readInputList(arg);
  const info = await stat(arg).catch(() => undefined);
  // A missing file is not a usage error: it is one failed input, reported like a corrupt one.
  if (!info?.isDirectory()) return plain([arg]);
  const pattern = audioExtensions.map((e) => `**/*${e}`);
  const matches = (await glob(pattern, { cwd: arg, absolute: true, onlyFiles: true, caseSensitiveMatch: false })).sort();
  // A folder without audio fails as one input (reported when read), so the rest of the batch still runs.
  return plain(matches.length > 0 ? matches : [arg]);
}

/** `call.stereo.wav` -> `call.stereo`: the name results are written under. */
export const resultNameOf = (path: string): string => basename(path, extname(path));

/**
 * Expands files, folders (recursively), globs and CSV/JSONL lists into the recordings of a batch, each
 * once. Two inputs with the same base name would overwrite each other's results: that is refused.
 */
export async function expandInputs(args: readonly string[]): Promise<BatchInput[]> {
  const inputs = new Map<string, BatchInput>();
  const byName = new Map<string, string>();
  for (const arg of args) {
    for (const { path, metadata } of await filesOf(arg)) {
      if (inputs.has(path)) continue;
      const name = resultNameOf(path);
      const other = byName.get(name);
      if (other) throw new CliUsageError(`${other} and ${path} would both write results named '${name}'; rename one`);
      byName.set(name, path);
      inputs.set(path, { path, name, metadata });
    }
  }
  return [...inputs.values()];
}
