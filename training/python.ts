import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Debian's interpreter with torch/sklearn/onnx (the first python3 on PATH may lack them). */
export const pythonPath = process.env.EMOVOX_PYTHON ?? '/usr/bin/python3';
const trainingDir = fileURLToPath(new URL('.', import.meta.url));

/** Runs `python3 -m emovox_train.train ...` with at most 2 torch threads; rejects on a non-zero exit. */
export function trainPython(args: readonly string[], log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(pythonPath, ['-m', 'emovox_train.train', ...args], {
      cwd: trainingDir,
      env: { ...process.env, OMP_NUM_THREADS: '2', MKL_NUM_THREADS: '2', PYTHONHASHSEED: '0' },
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
