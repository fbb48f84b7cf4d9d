import { lstat, readFile, readlink, stat } from 'node:fs/promises';
import { EmovoxError } from '../errors.ts';

/** `readFile` refuses files of 2 GiB and more; say so before trying. */
const maxBytes = 2 ** 31 - 1;

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'ENOTDIR') return 'a parent of this path is a file, not a directory';
  if (code === 'ELOOP') return 'too many levels of symbolic links';
  if (code === 'ENAMETOOLONG') return 'file name too long';
  return (error as Error).message;
}

async function missingReason(path: string): Promise<string> {
  const link = await lstat(path).catch(() => undefined);
  if (!link?.isSymbolicLink()) return 'no such file';
  return `symbolic link to ${await readlink(path).catch(() => '?')}, which does not exist`;
}

/**
 * Checks that `path` is a regular file before anything opens it: a FIFO or device can block forever or
 * never end, a directory or a dangling link cannot be read. Returns its size in bytes.
 */
export async function checkInputFile(path: string): Promise<number> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? await missingReason(path) : reasonOf(error);
    throw new EmovoxError('INVALID_AUDIO', reason, { cause: error });
  }
  if (info.isDirectory()) throw new EmovoxError('INVALID_AUDIO', 'is a directory with no audio files (.wav .flac .opus .ogg .mp3) in it');
  if (!info.isFile()) {
    const kind = info.isFIFO() ? 'a FIFO' : info.isSocket() ? 'a socket' : 'a device';
    throw new EmovoxError('INVALID_AUDIO', `is ${kind}, not a regular file`);
  }
  return info.size;
}

/**
 * Reads one audio file for Node callers (`analyzeFile`, the CLI) after `checkInputFile`, refusing files
 * over 2 GiB (which `readFile` cannot hold). Every failure is an `INVALID_AUDIO` EmovoxError whose message
 * is one line (the caller adds the path).
 */
export async function readInputFile(path: string): Promise<Uint8Array> {
  const size = await checkInputFile(path);
  if (size > maxBytes) {
    throw new EmovoxError('INVALID_AUDIO', `is ${(size / 2 ** 30).toFixed(1)} GiB; files of 2 GiB or more are read only as WAV (split or convert the recording)`);
  }
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    throw new EmovoxError('INVALID_AUDIO', reasonOf(error), { cause: error });
  }
}
