import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { NodeAnalyzer } from '../../sdk/node/analyzer.ts';
import type { VadOptions } from '../../sdk/options.ts';
import type { AnalysisResult, EmotionResult } from '../../sdk/types.ts';
import { CliUsageError, parseArgs } from '../cli-error.ts';
import { readAudioFile } from '../read-audio-file.ts';

const help = `usage: emovox analyze <file...> [--json] [--model manifest.json (default: the shipped model)] [--vad-model v5|legacy]
       [--positive-threshold P] [--negative-threshold P] [--redemption-ms MS] [--min-speech-ms MS] [--max-speech-ms MS]

Segments each recording (WAV, FLAC) with Silero VAD and prints every utterance's emotion with its
times: the same analysis as EmotionRecognizer.analyze() in a browser. --json prints one JSON object
{ "model", "labels", "files": [{ "file", "durationMs", "utterances": [...], "misfires": [...] }] }.`;

const vadFlags: Record<string, keyof VadOptions> = {
  'positive-threshold': 'positiveSpeechThreshold',
  'negative-threshold': 'negativeSpeechThreshold',
  'redemption-ms': 'redemptionMs',
  'min-speech-ms': 'minSpeechMs',
  'max-speech-ms': 'maxSpeechMs',
};

function parseVad(flags: Map<string, string[]>): VadOptions {
  const vad: Record<string, number | string> = {};
  for (const [flag, key] of Object.entries(vadFlags)) {
    const raw = flags.get(flag)?.[0];
    if (raw === undefined) continue;
    const value = Number(raw);
    if (!Number.isFinite(value)) throw new CliUsageError(`--${flag} must be a number, got '${raw}'`);
    vad[key] = value;
  }
  const model = flags.get('vad-model')?.[0];
  if (model !== undefined) vad.model = model;
  return vad as VadOptions;
}

const seconds = (ms: number) => (ms / 1000).toFixed(2);
const signed = (x: number) => (x >= 0 ? '+' : '') + x.toFixed(2);

function describe(u: EmotionResult): string {
  const top = Object.entries(u.probabilities).sort((a, b) => b[1] - a[1]).slice(0, 3).map(([l, p]) => `${l} ${(p * 100).toFixed(0)}%`).join(', ');
  return `  ${`${seconds(u.startMs)}-${seconds(u.endMs)} s`.padEnd(16)} ${u.label.padEnd(9)} (${top})  valence ${signed(u.valence)}  arousal ${signed(u.arousal)}`;
}

function jsonOf(file: string, result: AnalysisResult) {
  const round = (x: number) => Number(x.toPrecision(6));
  return {
    file,
    durationMs: round(result.durationMs),
    utterances: result.utterances.map((u) => ({
      startMs: round(u.startMs), endMs: round(u.endMs), label: u.label, confidence: round(u.confidence),
      valence: round(u.valence), arousal: round(u.arousal),
      probabilities: Object.fromEntries(Object.entries(u.probabilities).map(([l, p]) => [l, round(p)])),
    })),
    misfires: result.misfires,
  };
}

export async function run(args: string[]): Promise<number> {
  const { flags, booleans, positional } = parseArgs(args, { booleans: ['json', 'help'], values: ['model', 'vad-model', ...Object.keys(vadFlags)] });
  if (booleans.has('help')) {
    process.stdout.write(help + '\n');
    return 0;
  }
  if (positional.length === 0) throw new CliUsageError(`expected at least one audio file\n${help}`);
  const modelPath = flags.get('model')?.[0];
  let analyzer: NodeAnalyzer;
  try {
    analyzer = await NodeAnalyzer.create({ ...(modelPath ? { model: pathToFileURL(resolve(modelPath)) } : {}), vad: parseVad(flags) });
  } catch (error) {
    if (error instanceof TypeError || error instanceof RangeError) throw new CliUsageError(error.message);
    throw error;
  }
  try {
    const files = [];
    for (const file of positional) {
      const audio = await readAudioFile(file);
      const result = await analyzer.analyze({ samples: audio.samples, sampleRate: 16000 });
      if (booleans.has('json')) {
        files.push(jsonOf(file, result));
      } else {
        const count = `${result.utterances.length} utterance${result.utterances.length === 1 ? '' : 's'}`;
        process.stdout.write(`${file}: ${seconds(result.durationMs)} s, ${count}\n${result.utterances.map(describe).join('\n')}${result.utterances.length ? '\n' : ''}`);
      }
    }
    if (booleans.has('json')) process.stdout.write(JSON.stringify({ model: analyzer.modelName, labels: analyzer.labels, files }) + '\n');
    return 0;
  } finally {
    await analyzer.release();
  }
}
