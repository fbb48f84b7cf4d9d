// Packs the package once per build: `npm pack` of the current dist/, cached by the build's input hash
// (dist/.build-inputs), so every packaging test of one run installs the same tarball.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const packDir = join(repoRoot, 'test/.generated/pack');

export interface PackedFile {
  readonly path: string;
  readonly size: number;
}

export interface PackedTarball {
  /** Absolute path of the `.tgz`. */
  readonly file: string;
  /** Bytes of the `.tgz` and of its unpacked files. */
  readonly size: number;
  readonly unpackedSize: number;
  readonly files: readonly PackedFile[];
}

interface NpmPackEntry {
  filename: string;
  size: number;
  unpackedSize: number;
  files: PackedFile[];
}

/**
 * Builds dist/ when its inputs changed and packs it. Both steps hold the build lock that every
 * engineer's build takes; the pack skips `prepack` (a second full build) because the line before
 * just made dist/ match its inputs.
 */
export async function packTarball(): Promise<PackedTarball> {
  await mkdir(packDir, { recursive: true });
  const script = 'node scripts/build.mjs --if-stale >&2 && cat dist/.build-inputs';
  const { stdout: hash } = await run('flock', ['/tmp/emovox-build.lock', 'sh', '-c', script], { cwd: repoRoot, maxBuffer: 64 << 20 });
  const key = hash.trim().slice(0, 16);
  const record = join(packDir, `${key}.json`);
  if (existsSync(record)) {
    const cached = JSON.parse(await readFile(record, 'utf8')) as PackedTarball;
    if (existsSync(cached.file)) return cached;
  }
  // One tarball per build, named after it; those of earlier builds go once no test can still be installing them.
  for (const name of await readdir(packDir)) {
    const info = await stat(join(packDir, name));
    if (Date.now() - info.mtimeMs > 30 * 60_000) await rm(join(packDir, name), { force: true });
  }
  const packScript = `npm pack --ignore-scripts --json --pack-destination ${JSON.stringify(packDir)}`;
  const { stdout } = await run('flock', ['/tmp/emovox-build.lock', 'sh', '-c', packScript], { cwd: repoRoot, maxBuffer: 64 << 20 });
  const [entry] = JSON.parse(stdout) as NpmPackEntry[];
  if (!entry) throw new Error('npm pack reported no package');
  const file = join(packDir, `emovox-${key}.tgz`);
  await rename(join(packDir, entry.filename), file);
  const packed: PackedTarball = { file, size: entry.size, unpackedSize: entry.unpackedSize, files: entry.files };
  await writeFile(record, JSON.stringify(packed));
  return packed;
}

/** Unpacks the tarball into a fresh temporary folder; returns the package folder (`<tmp>/package`). */
export async function extractTarball(packed: PackedTarball): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'emovox-unpacked-'));
  await run('tar', ['-xzf', packed.file, '-C', dir]);
  return join(dir, 'package');
}
