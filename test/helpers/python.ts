import { execFileSync } from 'node:child_process';
import { pythonPath, trainingDir } from '../../training/python.ts';

/** Whether the training interpreter imports every listed module (tests that need them skip with a reason otherwise). */
export function pythonHas(...modules: string[]): boolean {
  try {
    execFileSync(pythonPath, ['-c', `import ${modules.join(', ')}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Runs a script under training/reference with the training folder as its first argument; parses its JSON. */
export function runReference<T>(script: string, ...args: string[]): T {
  return JSON.parse(execFileSync(pythonPath, [`${trainingDir}/reference/${script}`, trainingDir, ...args], { encoding: 'utf8' })) as T;
}
