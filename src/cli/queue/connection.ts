import type { ConnectionOptions } from 'bullmq';
import { CliUsageError } from '../cli-error.ts';
import type { BatchInput } from '../batch/record.ts';
import type { ChannelLayout } from '../batch/thread-protocol.ts';

/** Data of one queued recording: the input and how to take its channels apart. */
export interface QueueJobData {
  readonly input: BatchInput;
  readonly layout: ChannelLayout;
}

/** What a completed job returns (kept in Redis with the job, shown by `queue status`). */
export interface QueueJobResult {
  readonly name: string;
  readonly utterances: number;
  /** True when a complete result already existed (a retried or duplicated job). */
  readonly alreadyComplete: boolean;
}

/** Queue used when `--queue` is not given. */
export const defaultQueueName = 'emovox';

/**
 * BullMQ connection options from `--redis redis://host:port[/db]`. Workers need
 * `maxRetriesPerRequest: null` (BullMQ's blocking commands must not give up while Redis restarts).
 */
export function connectionOf(flags: Map<string, string[]>, forWorker = false): ConnectionOptions {
  const url = flags.get('redis')?.[0];
  if (!url) throw new CliUsageError('--redis <url> is required, e.g. --redis redis://127.0.0.1:6379');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CliUsageError(`--redis must be a redis:// or rediss:// URL, got '${url}'`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') throw new CliUsageError(`--redis must be a redis:// or rediss:// URL, got '${url}'`);
  // Fail fast on an unreachable Redis instead of retrying forever (a worker keeps retrying once connected).
  const retryStrategy = forWorker ? (times: number) => Math.min(times * 500, 5000) : (times: number) => (times > 3 ? null : times * 200);
  return { url, retryStrategy, ...(forWorker ? { maxRetriesPerRequest: null } : { maxRetriesPerRequest: 3 }) };
}

export function queueNameOf(flags: Map<string, string[]>): string {
  const name = flags.get('queue')?.[0] ?? defaultQueueName;
  if (!/^[\w.-]+$/.test(name)) throw new CliUsageError(`--queue must be letters, digits, '.', '-' or '_', got '${name}'`);
  return name;
}
