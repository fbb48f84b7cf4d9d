// Child process of the long-recording test: analyses one file with `analyzeFile` and prints the result
// summary and this process's peak resident memory (VmHWM), so the figure is not blurred by the test runner.
import { readFileSync } from 'node:fs';
import { analyzeFile } from '../../../src/sdk/node/index.ts';

const [path, model] = process.argv.slice(2) as [string, string];
const peakKb = () => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]);
const started = Date.now();
const result = await analyzeFile(path, { model: new URL(model) });
process.stdout.write(JSON.stringify({
  durationMs: result.durationMs,
  utterances: result.utterances.length,
  labels: result.utterances.map((u) => u.label),
  peakRssMb: peakKb() / 1024,
  seconds: (Date.now() - started) / 1000,
}) + '\n');
