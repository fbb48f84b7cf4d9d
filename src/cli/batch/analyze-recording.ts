import {
  assertFiniteSamples, decodeAudioBytes, resample, summarizeSession, toMono, type DecodedAudio, type EmotionResult,
} from '../../sdk/index.ts';
import type { NodeAnalyzer } from '../../sdk/node/index.ts';
import { checkInputFile, readInputFile } from '../../sdk/node/read-input-file.ts';
import { openWavStream } from '../../sdk/node/wav-stream.ts';
import { speakerOfChannel, type AnalysisSettings, type BatchInput, type RecordingRecord, type UtteranceRecord } from './record.ts';

const round = (x: number): number => Number(x.toPrecision(6));

/** Rounds every number of a JSON-like value to 6 significant digits (results stay readable and diffable). */
function rounded<T>(value: T): T {
  if (typeof value === 'number') return round(value) as T;
  if (Array.isArray(value)) return value.map(rounded) as T;
  if (value !== null && typeof value === 'object' && !ArrayBuffer.isView(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rounded(v)])) as T;
  }
  return value;
}

/** Keeps every field the SDK put on the result (prosody included, when present) except the audio. */
function toRecord(result: EmotionResult, channel: number, speaker: string): UtteranceRecord {
  const { audio: _audio, final: _final, ...fields } = result;
  return rounded({ ...fields, channel, speaker });
}

async function readAudio(path: string): Promise<DecodedAudio> {
  return decodeAudioBytes(await readInputFile(path));
}

/** The streams to analyse: each channel alone (`split`) or their average (`mix`). */
function streamsOf(decoded: DecodedAudio, settings: AnalysisSettings): Array<{ channel: number; speaker: string; samples: Float32Array }> {
  if (settings.channels === 'mix') return [{ channel: 0, speaker: settings.speakers[0] ?? 'mix', samples: toMono(decoded) }];
  return decoded.channels.map((samples, channel) => ({ channel, speaker: speakerOfChannel(settings, channel), samples }));
}

/**
 * Decodes one recording and analyses each stream with its own `analyze()` call, which starts a fresh
 * speaker adaptation: in a stereo call the agent's voice never shifts the customer's statistics.
 */
export async function analyzeRecording(analyzer: NodeAnalyzer, input: BatchInput, settings: AnalysisSettings): Promise<RecordingRecord> {
  if (settings.channels === 'mix') {
    // A downmixed WAV is read chunk by chunk as it is analysed: hours of audio in the memory of seconds.
    await checkInputFile(input.path);
    const stream = await openWavStream(input.path);
    if (stream) {
      const result = await analyzer.analyzeStream(stream);
      const speaker = settings.speakers[0] ?? 'mix';
      const utterances = result.utterances.map((u) => toRecord(u, 0, speaker));
      return record(analyzer, input, settings, utterances, { durationMs: result.durationMs, sampleRate: stream.sampleRate, channelCount: stream.channelCount, speakers: [speaker] });
    }
  }
  const decoded = await readAudio(input.path);
  const streams = streamsOf(decoded, settings);
  const utterances: UtteranceRecord[] = [];
  for (const stream of streams) {
    assertFiniteSamples(stream.samples);
    const samples = resample(stream.samples, decoded.sampleRate, 16000);
    const result = await analyzer.analyze({ samples, sampleRate: 16000 });
    utterances.push(...result.utterances.map((u) => toRecord(u, stream.channel, stream.speaker)));
  }
  utterances.sort((a, b) => a.startMs - b.startMs || a.channel - b.channel);
  const durationMs = (decoded.channels[0]!.length / decoded.sampleRate) * 1000;
  return record(analyzer, input, settings, utterances, { durationMs, sampleRate: decoded.sampleRate, channelCount: decoded.channels.length, speakers: streams.map((s) => s.speaker) });
}

interface RecordingShape {
  readonly durationMs: number;
  readonly sampleRate: number;
  readonly channelCount: number;
  readonly speakers: readonly string[];
}

function record(analyzer: NodeAnalyzer, input: BatchInput, settings: AnalysisSettings, utterances: UtteranceRecord[], shape: RecordingShape): RecordingRecord {
  return {
    complete: true,
    file: input.path,
    name: input.name,
    metadata: input.metadata,
    model: analyzer.modelName,
    labels: analyzer.labels,
    durationMs: round(shape.durationMs),
    sampleRate: shape.sampleRate,
    channelCount: shape.channelCount,
    channelMode: settings.channels,
    speakers: [...shape.speakers],
    utterances,
    summary: rounded(summarizeSession(utterances, { speakerOf: (u) => u.speaker })),
  };
}
