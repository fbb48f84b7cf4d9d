import { AnalysisThread, type Outcome } from './analysis-thread-client.ts';
import type { AnalysisSettings, BatchInput } from './record.ts';

export type { Outcome } from './analysis-thread-client.ts';

/**
 * Analyses `inputs` on `size` threads, each with its own model instance (ORT with one intra-op thread, so
 * N threads use N cores). Calls `onOutcome` as each input finishes, in completion order. A thread that
 * crashes fails only its current input and is replaced.
 */
export async function analyzeOnThreads(
  inputs: readonly BatchInput[],
  settings: AnalysisSettings,
  size: number,
  onOutcome: (input: BatchInput, outcome: Outcome) => Promise<void>,
): Promise<void> {
  const started = await Promise.allSettled(Array.from({ length: Math.min(size, Math.max(inputs.length, 1)) }, () => AnalysisThread.start(settings)));
  const threads = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failure = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failure) {
    await Promise.all(threads.map((t) => t.stop()));
    throw failure.reason;
  }
  let next = 0;
  const lane = async (index: number): Promise<void> => {
    while (next < inputs.length) {
      const input = inputs[next++]!;
      const outcome = await threads[index]!.analyze(input);
      if (threads[index]!.dead) threads[index] = await AnalysisThread.start(settings);
      await onOutcome(input, outcome);
    }
  };
  try {
    await Promise.all(threads.map((_, i) => lane(i)));
  } finally {
    await Promise.all(threads.map((t) => t.stop()));
  }
}
