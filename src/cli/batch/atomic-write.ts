import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import type { RecordingRecord } from './record.ts';

/**
 * Writes a file so that readers (a resumed run, another queue worker, a BI tool polling the folder) see
 * either the old content or the whole new one: write a unique temporary file beside it, then rename,
 * which POSIX makes atomic within a filesystem. Two writers of the same result both succeed; the last wins.
 */
export async function writeFileAtomic(path: string, data: string): Promise<void> {
  const temporary = `${path}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, data);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** The result at `path` when it exists, parses and is marked complete; otherwise undefined (analyse again). */
export async function readCompleteResult(path: string): Promise<RecordingRecord | undefined> {
  try {
    const value = JSON.parse(await readFile(path, 'utf8')) as Partial<RecordingRecord>;
    return value.complete === true && Array.isArray(value.utterances) ? (value as RecordingRecord) : undefined;
  } catch {
    return undefined;
  }
}
