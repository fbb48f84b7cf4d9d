import type { EmotionResult, SessionSummary } from '../../sdk/index.ts';

/** How a multi-channel recording is analysed: each channel as its own speaker, or downmixed to one. */
export type ChannelMode = 'split' | 'mix';

/** A metadata value from an input list (CSV cells are strings; JSONL keeps its scalars). */
export type MetadataValue = string | number | boolean | null;

/** One recording to analyse, with the metadata its input list gave it. */
export interface BatchInput {
  /** Path of the audio file (absolute, or as given). */
  readonly path: string;
  /** Base name of the results: `<name>.json`, `<name>.error.json`, `<name>.html`. */
  readonly name: string;
  readonly metadata: Readonly<Record<string, MetadataValue>>;
}

/** How to analyse each recording: the same for every input of a batch. */
export interface AnalysisSettings {
  readonly channels: ChannelMode;
  /** Names of the channels' speakers in order; missing names default to `ch<N>`. */
  readonly speakers: readonly string[];
  /** Model manifest URL (`file:`), or undefined for the shipped model. */
  readonly model?: string;
  /** VAD options as `NodeAnalyzer.create({ vad })` takes them. */
  readonly vad: Readonly<Record<string, number | string>>;
}

/**
 * One utterance of one speaker: every field of the SDK's final `EmotionResult` (including fields added
 * later, such as prosody) except the audio, plus the channel (0-based; 0 for a downmix) and its speaker.
 */
export type UtteranceRecord = Omit<EmotionResult, 'audio' | 'final'> & {
  readonly channel: number;
  readonly speaker: string;
};

/** The result file of one recording. `complete: true` is what resume and the queue trust. */
export interface RecordingRecord {
  readonly complete: true;
  readonly file: string;
  readonly name: string;
  readonly metadata: Readonly<Record<string, MetadataValue>>;
  readonly model: string;
  readonly labels: readonly string[];
  readonly durationMs: number;
  readonly sampleRate: number;
  /** Channels in the file. */
  readonly channelCount: number;
  readonly channelMode: ChannelMode;
  /** Speaker of each analysed stream, by channel (one entry for `mix`). */
  readonly speakers: readonly string[];
  /** All speakers' utterances in time order. */
  readonly utterances: readonly UtteranceRecord[];
  /** `summarizeSession()` of the utterances grouped by speaker. */
  readonly summary: SessionSummary;
}

/** The error file of one recording that could not be analysed. */
export interface ErrorRecord {
  readonly complete: false;
  readonly file: string;
  readonly name: string;
  readonly metadata: Readonly<Record<string, MetadataValue>>;
  readonly error: { readonly code: string; readonly message: string };
  /** Attempts made (the queue retries; the local runner tries once). */
  readonly attempts: number;
}

/** Speaker name of channel `channel`: `--speakers` entry, else `ch<N>`. */
export function speakerOfChannel(settings: Pick<AnalysisSettings, 'speakers'>, channel: number): string {
  return settings.speakers[channel] ?? `ch${channel}`;
}
