import { Queue } from 'bullmq';
import { connectionOf, queueNameOf, type QueueJobData } from './connection.ts';

const states = ['waiting', 'active', 'delayed', 'completed', 'failed'] as const;

/** `emovox queue status`: job counts and the failed jobs with their reasons, as text or JSON. */
export async function queueStatus(flags: Map<string, string[]>, json: boolean): Promise<number> {
  const queue = new Queue<QueueJobData>(queueNameOf(flags), { connection: connectionOf(flags) });
  try {
    const counts = await queue.getJobCounts(...states);
    const failed = (await queue.getFailed(0, 999)).map((job) => ({
      name: job.name,
      file: job.data.input.path,
      reason: job.failedReason,
      attempts: job.attemptsMade,
    }));
    if (json) {
      process.stdout.write(JSON.stringify({ queue: queue.name, counts, failed }) + '\n');
    } else {
      process.stdout.write(`${queue.name}: ${states.map((s) => `${counts[s] ?? 0} ${s}`).join(', ')}\n`);
      for (const f of failed) process.stdout.write(`  failed ${f.file} after ${f.attempts} attempt(s): ${f.reason}\n`);
    }
    return 0;
  } finally {
    await queue.close();
  }
}
