import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import { readCompleteResult } from '../batch/atomic-write.ts';
import { resultPaths, writeFailure, writeRecording } from '../batch/outputs.ts';
import type { AnalysisSettings } from '../batch/record.ts';
import { CliUsageError } from '../cli-error.ts';
import { connectionOf, queueNameOf, type QueueJobData, type QueueJobResult } from './connection.ts';
import { ThreadLanes } from './thread-lanes.ts';

/** Errors that the same file gives on every attempt: retrying them would only delay the failed record. */
const deterministic = new Set(['INVALID_AUDIO', 'UNSUPPORTED_AUDIO']);

export interface WorkOptions {
  readonly outDir: string;
  readonly concurrency: number;
  readonly exitWhenIdle: boolean;
  /** How long a job's lock lives without renewal; a killed worker's job is taken back after about this long, ms. */
  readonly lockDurationMs: number;
  /** How often this worker looks for stalled jobs of dead workers, ms. */
  readonly stalledIntervalMs: number;
}

function processor(lanes: ThreadLanes, outDir: string) {
  return async (job: Job<QueueJobData, QueueJobResult>): Promise<QueueJobResult> => {
    const { input, layout } = job.data;
    // Idempotent: a job retried after its result was written (the worker died just after) does nothing.
    const existing = await readCompleteResult(resultPaths(outDir, input.name).json);
    if (existing) return { name: input.name, utterances: existing.utterances.length, alreadyComplete: true };
    const outcome = await lanes.with((thread) => thread.analyze(input, layout));
    if (outcome.ok) {
      await writeRecording(outDir, outcome.record);
      return { name: input.name, utterances: outcome.record.utterances.length, alreadyComplete: false };
    }
    const message = `${input.path}: ${outcome.error.message} [${outcome.error.code}]`;
    const final = deterministic.has(outcome.error.code) || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    if (final) {
      const failure = { complete: false as const, file: input.path, name: input.name, metadata: input.metadata, error: outcome.error, attempts: job.attemptsMade + 1 };
      await writeFailure(outDir, failure);
      process.stderr.write(`emovox queue: ${message}\n`);
    }
    throw deterministic.has(outcome.error.code) ? new UnrecoverableError(message) : new Error(message);
  };
}

/** Resolves once nothing is waiting, delayed or active in the queue (active jobs of dead workers come back first). */
async function untilIdle(queue: Queue, pollMs: number): Promise<void> {
  for (;;) {
    await new Promise((r) => setTimeout(r, pollMs));
    const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    if (Object.values(counts).every((n) => n === 0)) return;
  }
}

/**
 * `emovox queue work`: a BullMQ worker whose jobs run on `concurrency` analysis threads and write their
 * results into `outDir` (shared storage when workers run on several machines).
 */
export async function work(flags: Map<string, string[]>, settings: AnalysisSettings, options: WorkOptions): Promise<number> {
  if (!options.outDir) throw new CliUsageError('queue work: --out DIR is required');
  const outDir = resolve(options.outDir);
  await mkdir(outDir, { recursive: true });
  const name = queueNameOf(flags);
  const lanes = await ThreadLanes.start(options.concurrency, settings);
  const worker = new Worker<QueueJobData, QueueJobResult>(name, processor(lanes, outDir), {
    connection: connectionOf(flags, true),
    concurrency: options.concurrency,
    lockDuration: options.lockDurationMs,
    stalledInterval: options.stalledIntervalMs,
    maxStalledCount: 2,
  });
  worker.on('error', (error) => process.stderr.write(`emovox queue: ${error.message}\n`));
  worker.on('active', (job) => process.stderr.write(`emovox queue: start ${job.data.input.path}\n`));
  worker.on('completed', (job) => process.stderr.write(`emovox queue: done ${job.data.input.path}\n`));
  const queue = new Queue(name, { connection: connectionOf(flags) });
  const stop = new Promise<void>((resolveStop) => {
    process.once('SIGINT', () => resolveStop());
    process.once('SIGTERM', () => resolveStop());
  });
  try {
    await Promise.race([stop, ...(options.exitWhenIdle ? [untilIdle(queue, Math.min(options.stalledIntervalMs, 1000))] : [])]);
  } finally {
    await worker.close();
    await queue.close();
    await lanes.stop();
  }
  return 0;
}
