import type { Worker } from 'node:worker_threads';
import { EmovoxError } from '../../sdk/index.ts';
import type { AnalysisSettings, BatchInput, RecordingRecord } from './record.ts';
import { startThread } from './start-thread.ts';
import type { ChannelLayout, ThreadData, ThreadFailure, ThreadReply, ThreadRequest } from './thread-protocol.ts';

/** What became of one input. */
export type Outcome = { readonly ok: true; readonly record: RecordingRecord } | { readonly ok: false; readonly error: ThreadFailure };

const threadUrl = new URL('./analysis-thread.ts', import.meta.url);

/** One thread with at most one recording in flight. */
export class AnalysisThread {
  private pending: ((reply: ThreadReply) => void) | undefined;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (reply: ThreadReply) => this.settle(reply));
    const crashed = (why: string) => this.settle({ kind: 'failed', error: { code: 'WORKER_CRASHED', message: `analysis thread ${why}` } });
    worker.on('error', (error) => crashed(`failed: ${error.message}`));
    worker.on('exit', (code) => crashed(`exited with code ${code}`));
  }

  /** Starts a thread and waits until its model is loaded; a model that cannot load is fatal for the run. */
  static async start(settings: AnalysisSettings): Promise<AnalysisThread> {
    const data: ThreadData = { settings };
    const thread = new AnalysisThread(startThread(threadUrl, { workerData: data }));
    const reply = await thread.next();
    if (reply.kind === 'fatal' || reply.kind === 'failed') {
      await thread.worker.terminate();
      throw new EmovoxError(reply.error.code === 'WORKER_CRASHED' ? 'WORKER_CRASHED' : 'MODEL_LOAD_FAILED', reply.error.message);
    }
    return thread;
  }

  private next(): Promise<ThreadReply> {
    return new Promise((resolve) => (this.pending = resolve));
  }

  private settle(reply: ThreadReply): void {
    const pending = this.pending;
    this.pending = undefined;
    pending?.(reply);
  }

  async analyze(input: BatchInput, layout?: ChannelLayout): Promise<Outcome> {
    const reply = this.next();
    this.worker.postMessage({ kind: 'analyze', input, ...(layout ? { layout } : {}) } satisfies ThreadRequest);
    const result = await reply;
    if (result.kind === 'done') return { ok: true, record: result.record };
    if (result.kind === 'failed' || result.kind === 'fatal') return { ok: false, error: result.error };
    return { ok: false, error: { code: 'INTERNAL', message: 'analysis thread answered out of turn' } };
  }

  /** True after the thread crashed (it is then replaced). */
  get dead(): boolean {
    return this.worker.threadId === -1;
  }

  async stop(): Promise<void> {
    if (this.dead) return;
    const exited = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.postMessage({ kind: 'stop' } satisfies ThreadRequest);
    await exited;
  }
}
