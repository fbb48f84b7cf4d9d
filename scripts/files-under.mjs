import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Every file below `dir`, depth first in name order (stable, so callers may hash the sequence);
 * a folder that cannot be read counts as empty.
 * @param {string} dir
 * @param {(name: string) => boolean} [enterDir] whether to descend into a sub-folder of that name
 * @returns {AsyncGenerator<string>}
 */
export async function* filesUnder(dir, enterDir = () => true) {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (enterDir(entry.name)) yield* filesUnder(path, enterDir);
    } else if (entry.isFile()) {
      yield path;
    }
  }
}
