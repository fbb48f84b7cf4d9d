// Messages between the batch runner and its analysis threads (one recording in flight per thread).
import type { AnalysisSettings, BatchInput, RecordingRecord } from './record.ts';

/** `workerData` of an analysis thread. */
export interface ThreadData {
  readonly settings: AnalysisSettings;
}

/** How one recording's channels are taken apart; a queue job carries its own, a local batch uses the thread's. */
export type ChannelLayout = Pick<AnalysisSettings, 'channels' | 'speakers'>;

export type ThreadRequest =
  | { readonly kind: 'analyze'; readonly input: BatchInput; readonly layout?: ChannelLayout }
  | { readonly kind: 'stop' };

/** A failure as it crosses the thread boundary (an EmovoxError's code survives; anything else is INTERNAL). */
export interface ThreadFailure {
  readonly code: string;
  readonly message: string;
}

export type ThreadReply =
  | { readonly kind: 'ready' }
  /** The analyzer could not be created (bad model, ...): the whole run stops. */
  | { readonly kind: 'fatal'; readonly error: ThreadFailure }
  | { readonly kind: 'done'; readonly record: RecordingRecord }
  | { readonly kind: 'failed'; readonly error: ThreadFailure };

export function toFailure(error: unknown): ThreadFailure {
  if (error instanceof Error && typeof (error as { code?: unknown }).code === 'string') {
    return { code: (error as Error & { code: string }).code, message: error.message };
  }
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}
