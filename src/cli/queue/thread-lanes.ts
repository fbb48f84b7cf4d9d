import { AnalysisThread } from '../batch/analysis-thread-client.ts';
import type { AnalysisSettings } from '../batch/record.ts';

/**
 * A fixed set of analysis threads lent out one job at a time: the queue worker runs `concurrency` jobs
 * at once and each holds one thread. A thread that crashed is replaced when it comes back.
 */
export class ThreadLanes {
  private readonly free: AnalysisThread[];
  private readonly all = new Set<AnalysisThread>();

  private constructor(threads: AnalysisThread[], private readonly settings: AnalysisSettings) {
    this.free = [...threads];
    for (const t of threads) this.all.add(t);
  }

  static async start(size: number, settings: AnalysisSettings): Promise<ThreadLanes> {
    const started = await Promise.allSettled(Array.from({ length: size }, () => AnalysisThread.start(settings)));
    const threads = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    const failure = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failure) {
      await Promise.all(threads.map((t) => t.stop()));
      throw failure.reason;
    }
    return new ThreadLanes(threads, settings);
  }

  /** Runs `task` on a free thread. BullMQ never runs more jobs than there are threads, so one is always free. */
  async with<T>(task: (thread: AnalysisThread) => Promise<T>): Promise<T> {
    const thread = this.free.pop();
    if (!thread) throw new Error('no free analysis thread: more jobs than threads');
    try {
      return await task(thread);
    } finally {
      if (thread.dead) {
        this.all.delete(thread);
        const replacement = await AnalysisThread.start(this.settings);
        this.all.add(replacement);
        this.free.push(replacement);
      } else {
        this.free.push(thread);
      }
    }
  }

  async stop(): Promise<void> {
    await Promise.all([...this.all].map((t) => t.stop()));
  }
}
