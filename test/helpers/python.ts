import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Debian's interpreter with torch/sklearn/onnx, as the training driver uses it (training/python.ts). */
export const python = process.env.EMOVOX_PYTHON ?? '/usr/bin/python3';

/** The repository's training folder, which the reference scripts put on their module path. */
export const trainingDir = fileURLToPath(new URL('../../training', import.meta.url));

/** Whether `python` imports every listed module (tests that need them skip with a reason otherwise). */
export function pythonHas(...modules: string[]): boolean {
  try {
    execFileSync(python, ['-c', `import ${modules.join(', ')}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Runs a script under training/reference with the training folder as its first argument; parses its JSON. */
export function runReference<T>(script: string, ...args: string[]): T {
  return JSON.parse(execFileSync(python, [`${trainingDir}/reference/${script}`, trainingDir, ...args], { encoding: 'utf8' })) as T;
}
