import { mkdir } from 'node:fs/promises';
import { readCompleteResult } from './atomic-write.ts';
import { resultPaths, writeBatchOutputs, writeFailure, writeRecording } from './outputs.ts';
import { createProgress } from './progress.ts';
import type { AnalysisSettings, BatchInput, RecordingRecord } from './record.ts';
import { analyzeOnThreads } from './thread-pool.ts';

export interface BatchOptions {
  readonly jobs: number;
  /** Folder of results; without it nothing is written, nothing is resumed and no progress is shown. */
  readonly outDir?: string;
  /** Called with each finished recording (to print it). */
  readonly onRecord?: (record: RecordingRecord) => void;
}

export interface BatchTotals {
  readonly analysed: number;
  readonly skipped: number;
  readonly failed: number;
}

/**
 * Runs a batch: skips inputs whose complete result already exists in `outDir`, analyses the rest on
 * `jobs` threads, writes each result as soon as it finishes, gives each failure one stderr line and an
 * error record, and finally writes the batch-wide CSVs and report.
 */
export async function runBatch(inputs: readonly BatchInput[], settings: AnalysisSettings, options: BatchOptions): Promise<BatchTotals> {
  const { outDir } = options;
  const progress = createProgress(inputs.length, !outDir);
  const todo: BatchInput[] = [];
  if (outDir) await mkdir(outDir, { recursive: true });
  for (const input of inputs) {
    const done = outDir ? await readCompleteResult(resultPaths(outDir, input.name).json) : undefined;
    if (done) progress.finished(input.name, { ok: true, skipped: true });
    else todo.push(input);
  }
  let analysed = 0;
  let failed = 0;
  try {
    await analyzeOnThreads(todo, settings, options.jobs, async (input, outcome) => {
      if (outcome.ok) {
        analysed += 1;
        if (outDir) await writeRecording(outDir, outcome.record);
        options.onRecord?.(outcome.record);
        const line = `${outcome.record.utterances.length} utterances`;
        progress.finished(input.name, { ok: true, audioMs: outcome.record.durationMs, line });
      } else {
        failed += 1;
        progress.log(`emovox analyze: ${input.path}: ${outcome.error.message} [${outcome.error.code}]`);
        if (outDir) await writeFailure(outDir, { complete: false, file: input.path, name: input.name, metadata: input.metadata, error: outcome.error, attempts: 1 });
        progress.finished(input.name, { ok: false });
      }
    });
  } finally {
    progress.stop();
  }
  if (outDir) await writeBatchOutputs(outDir, inputs);
  return { analysed, skipped: inputs.length - todo.length, failed };
}
