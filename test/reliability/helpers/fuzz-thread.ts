// Runs one fuzz target inside a worker thread, so that the test's main thread can notice a hang
// (even a synchronous endless loop) and terminate it.
import fc from 'fast-check';
import { parentPort, workerData } from 'node:worker_threads';
import { NodeAnalyzer } from '../../../src/sdk/node/analyzer.ts';
import { targets, type Seeds, type TargetName } from './fuzz-targets.ts';

export interface FuzzJob {
  readonly target: TargetName;
  readonly seed: number;
  readonly numRuns: number;
  readonly budgetMs: number;
  readonly seeds: Seeds;
  readonly model: string;
}

export type FuzzReport =
  | { readonly kind: 'tick'; readonly tried: number }
  | { readonly kind: 'done'; readonly tried: number; readonly rejected: number }
  | { readonly kind: 'failed'; readonly tried: number; readonly report: string };

const job = workerData as FuzzJob;
const post = (report: FuzzReport) => parentPort!.postMessage(report);
let analyzer: NodeAnalyzer | undefined;
if (job.target === 'analyze') analyzer = await NodeAnalyzer.create({ model: job.model });
const target = targets(job.seeds, () => analyzer!)[job.target];

let tried = 0;
let rejected = 0;
const property = fc.asyncProperty(target.input, async (input: never) => {
  tried += 1;
  if (tried % 20 === 0) post({ kind: 'tick', tried });
  try {
    await target.run(input);
  } catch (error) {
    if (!target.allowed(error)) throw error;
    rejected += 1;
  }
});
const details = await fc.check(property, { seed: job.seed, numRuns: job.numRuns, interruptAfterTimeLimit: job.budgetMs, markInterruptAsFailure: false, endOnFailure: true });
await analyzer?.release();
if (details.failed) {
  // fast-check's own report prints the whole input, megabytes for a WAV: keep what replays it.
  const input = fc.stringify(details.counterexample).slice(0, 300);
  const report = `failed after ${details.numRuns} inputs; replay with seed ${details.seed}, path "${details.counterexamplePath}"\n${String(details.errorInstance)}\ninput (start): ${input}`;
  post({ kind: 'failed', tried, report });
}
else post({ kind: 'done', tried, rejected });
