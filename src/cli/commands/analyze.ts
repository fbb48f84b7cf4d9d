import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { EmotionResult } from '../../sdk/index.ts';
import { expandInputs } from '../batch/inputs.ts';
import type { RecordingRecord } from '../batch/record.ts';
import { runBatch } from '../batch/run-batch.ts';
import { parseSettings, positiveInteger, vadFlags } from '../batch/settings-flags.ts';
import { CliUsageError, parseArgs } from '../cli-error.ts';

const help = `usage: emovox analyze <files|folders|globs|list.csv|list.jsonl...> [--channels mix|split] [--speakers agent,customer]
       [--jobs N (default: cores)] [--out DIR] [--json] [--model manifest.json] [--vad-model v5|legacy]
       [--positive-threshold P] [--negative-threshold P] [--redemption-ms MS] [--min-speech-ms MS] [--max-speech-ms MS]

Segments each recording (WAV, FLAC, Ogg Opus, MP3) with Silero VAD and gives every utterance's emotion.
--channels split analyses each channel as its own speaker (named by --speakers, else ch0, ch1, ...);
mix (default) analyses the downmix. A CSV/JSONL list needs a 'path' column; its other columns are
carried into the results. --json prints one JSON object per recording and line as each finishes.
--out DIR writes DIR/<name>.json and <name>.html per recording, <name>.error.json per failure, and
utterances.csv, recordings.csv and batch-report.html; inputs whose complete result exists are skipped.
Exit code 1 when any input failed.`;

const seconds = (ms: number) => (ms / 1000).toFixed(2);
const signed = (x: number) => (x >= 0 ? '+' : '') + x.toFixed(2);

function describe(u: Omit<EmotionResult, 'final'> & { speaker: string }, split: boolean): string {
  const top = Object.entries(u.probabilities).sort((a, b) => b[1] - a[1]).slice(0, 3).map(([l, p]) => `${l} ${(p * 100).toFixed(0)}%`).join(', ');
  const who = split ? `${u.speaker.padEnd(9)} ` : '';
  return `  ${`${seconds(u.startMs)}-${seconds(u.endMs)} s`.padEnd(16)} ${who}${u.label.padEnd(9)} (${top})  valence ${signed(u.valence)}  arousal ${signed(u.arousal)}`;
}

function printText(record: RecordingRecord): void {
  const n = record.utterances.length;
  const lines = record.utterances.map((u) => describe(u, record.channelMode === 'split') + '\n').join('');
  process.stdout.write(`${record.file}: ${seconds(record.durationMs)} s, ${n} utterance${n === 1 ? '' : 's'}\n${lines}`);
}

export async function run(args: string[]): Promise<number> {
  const values = ['model', 'vad-model', 'channels', 'speakers', 'jobs', 'out', ...Object.keys(vadFlags)];
  const { flags, booleans, positional } = parseArgs(args, { booleans: ['json', 'help'], values });
  if (booleans.has('help')) {
    process.stdout.write(help + '\n');
    return 0;
  }
  if (positional.length === 0) throw new CliUsageError(`expected at least one audio file\n${help}`);
  const settings = parseSettings(flags);
  const jobs = positiveInteger('jobs', flags.get('jobs')?.[0], availableParallelism());
  const outDir = flags.get('out')?.[0];
  const inputs = await expandInputs(positional);
  const json = booleans.has('json');
  const onRecord = json ? (r: RecordingRecord) => void process.stdout.write(JSON.stringify(r) + '\n') : outDir ? undefined : printText;
  const totals = await runBatch(inputs, settings, { jobs, ...(outDir ? { outDir: resolve(outDir) } : {}), ...(onRecord ? { onRecord } : {}) });
  if (outDir) process.stderr.write(`emovox analyze: ${totals.analysed} analysed, ${totals.skipped} already complete, ${totals.failed} failed; results in ${outDir}\n`);
  return totals.failed > 0 ? 1 : 0;
}
