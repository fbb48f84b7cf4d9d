import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { batchReport, recordingReport } from '../report/recording-report.ts';
import { readCompleteResult, writeFileAtomic } from './atomic-write.ts';
import { recordingsCsv, utterancesCsv } from './csv-tables.ts';
import type { BatchInput, ErrorRecord, RecordingRecord } from './record.ts';

/** Where the files of one input go: `<name>.json`, `<name>.error.json`, `<name>.html`. */
export const resultPaths = (outDir: string, name: string) => ({
  json: join(outDir, `${name}.json`),
  error: join(outDir, `${name}.error.json`),
  html: join(outDir, `${name}.html`),
});

/** Names of the batch-wide files. */
export const batchFiles = { utterances: 'utterances.csv', recordings: 'recordings.csv', report: 'batch-report.html' };

/**
 * Writes one recording's report, then its JSON (last, so a complete JSON means everything is there), and
 * removes the error record of an earlier failed attempt.
 */
export async function writeRecording(outDir: string, record: RecordingRecord): Promise<void> {
  const paths = resultPaths(outDir, record.name);
  await writeFileAtomic(paths.html, recordingReport(record));
  await writeFileAtomic(paths.json, JSON.stringify(record, null, 1) + '\n');
  await rm(paths.error, { force: true });
}

export async function writeFailure(outDir: string, failure: ErrorRecord): Promise<void> {
  await writeFileAtomic(resultPaths(outDir, failure.name).error, JSON.stringify(failure, null, 1) + '\n');
}

async function readFailure(path: string): Promise<ErrorRecord | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as ErrorRecord;
  } catch {
    return undefined;
  }
}

/** Reads back what `outDir` holds for `inputs` (results of earlier runs included) and writes the batch CSVs and report. */
export async function writeBatchOutputs(outDir: string, inputs: readonly BatchInput[]): Promise<void> {
  const records: RecordingRecord[] = [];
  const failures: ErrorRecord[] = [];
  for (const input of inputs) {
    const paths = resultPaths(outDir, input.name);
    const record = await readCompleteResult(paths.json);
    if (record) records.push(record);
    else {
      const failure = await readFailure(paths.error);
      if (failure) failures.push(failure);
    }
  }
  await writeFileAtomic(join(outDir, batchFiles.utterances), utterancesCsv(records));
  await writeFileAtomic(join(outDir, batchFiles.recordings), recordingsCsv(records, failures));
  await writeFileAtomic(join(outDir, batchFiles.report), batchReport(records, failures));
}
