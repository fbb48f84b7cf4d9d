import { createHash } from 'node:crypto';
import { Queue } from 'bullmq';
import { expandInputs } from '../batch/inputs.ts';
import { CliUsageError } from '../cli-error.ts';
import type { ChannelLayout } from '../batch/thread-protocol.ts';
import { connectionOf, queueNameOf, type QueueJobData } from './connection.ts';

/**
 * The job id of an input: a hash of its path and channel layout. Adding the same recording twice (a
 * re-run of `queue add`, two producers) finds the existing job and adds nothing.
 */
export function jobIdOf(data: QueueJobData): string {
  const key = JSON.stringify([data.input.path, data.layout.channels, data.layout.speakers]);
  return `rec-${createHash('sha256').update(key).digest('hex').slice(0, 32)}`;
}

/** `emovox queue add`: enqueues every input with bounded attempts and exponential back-off. */
export async function addToQueue(positional: string[], flags: Map<string, string[]>, layout: ChannelLayout): Promise<number> {
  if (positional.length === 0) throw new CliUsageError('queue add: expected at least one audio file, folder, glob or list');
  const attempts = Number(flags.get('attempts')?.[0] ?? 3);
  if (!Number.isInteger(attempts) || attempts < 1 || attempts > 100) throw new CliUsageError(`--attempts must be an integer from 1 to 100, got '${flags.get('attempts')?.[0]}'`);
  const inputs = await expandInputs(positional);
  const queue = new Queue<QueueJobData>(queueNameOf(flags), { connection: connectionOf(flags) });
  try {
    const jobs = inputs.map((input) => {
      const data: QueueJobData = { input, layout };
      return { name: input.name, data, opts: { jobId: jobIdOf(data), attempts, backoff: { type: 'exponential', delay: 1000 } } };
    });
    await queue.addBulk(jobs);
    process.stderr.write(`emovox queue: ${jobs.length} recording(s) queued on '${queue.name}' (already queued ones are kept as they are)\n`);
    return 0;
  } finally {
    await queue.close();
  }
}
