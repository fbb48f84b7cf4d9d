import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Debian's interpreter with torch/sklearn/onnx (the first python3 on PATH may lack them). */
export const pythonPath = process.env.EMOVOX_PYTHON ?? '/usr/bin/python3';
/** The training folder: `emovox_train` and the reference scripts live here. */
export const trainingDir = fileURLToPath(new URL('.', import.meta.url));

/**
 * What a trained run depends on: its arguments and the trainer's source (grids and networks live in
 * the code, so editing them must not reuse models trained before the edit).
 */
export async function runStamp(args: readonly string[], dir = join(trainingDir, 'emovox_train')): Promise<string> {
  const hash = createHash('sha256');
  for (const file of (await readdir(dir)).filter((f) => f.endsWith('.py')).sort()) hash.update(file).update(await readFile(join(dir, file)));
  return JSON.stringify({ args, trainer: hash.digest('hex') });
}

/**
 * Runs `python3 -m emovox_train.train ...` (one torch thread); rejects on a non-zero exit. A run whose
 * output folder already holds a model with the same stamp (`args.json`: arguments and trainer source)
 * is reused, so an interrupted `npm run train` resumes.
 */
export async function trainPython(args: readonly string[], log: (line: string) => void): Promise<void> {
  const out = args[args.indexOf('--out') + 1];
  const stamp = join(out, 'args.json');
  const expected = await runStamp(args);
  try {
    if ((await readFile(stamp, 'utf8')) === expected && (await stat(join(out, 'manifest.json'))).isFile()) {
      log(`    reusing ${out}`);
      return;
    }
  } catch {
    // not trained yet
  }
  await runPython(args, log);
  await writeFile(stamp, expected);
}

function runPython(args: readonly string[], log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(pythonPath, ['-m', 'emovox_train.train', ...args], {
      cwd: trainingDir,
      env: { ...process.env, OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1', PYTHONHASHSEED: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let tail = '';
    const onData = (chunk: Buffer): void => {
      const text = chunk.toString();
      tail = (tail + text).slice(-4000);
      for (const line of text.split('\n')) if (line.trim()) log(`    ${line}`);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (tail = (tail + chunk.toString()).slice(-4000)));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${pythonPath} emovox_train.train ${args.join(' ')} exited with ${code}\n${tail}`))));
  });
}
