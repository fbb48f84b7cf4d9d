import { Resampler } from '../audio/resampler.ts';
import { EmovoxError } from '../errors.ts';
import type { AnalysisProgress, AnalysisResult, EmotionResult, MisfireEvent } from '../types.ts';
import type { Recognition } from './recognition.ts';

/** Mono audio at any supported rate; resampled to 16 kHz chunk by chunk. */
export interface MonoAudio {
  readonly samples: Float32Array;
  readonly sampleRate: number;
}

export interface AnalyzeSamplesOptions {
  /** Input audio per chunk, seconds; bounds the temporary buffers. @defaultValue 10 */
  readonly chunkSeconds?: number;
  readonly onProgress?: (progress: AnalysisProgress) => void;
  readonly signal?: AbortSignal;
  /** Awaited between chunks so a worker or page stays responsive (and abort is noticed). */
  readonly yieldBetweenChunks?: () => Promise<void>;
}

const defaultYield = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function checkAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new EmovoxError('ABORTED', 'the analysis was aborted', { cause: signal.reason });
}

/** Mono audio delivered in chunks (a file read piece by piece), with its length known up front for progress. */
export interface MonoStream {
  readonly chunks: AsyncIterable<Float32Array> | Iterable<Float32Array>;
  readonly sampleRate: number;
  readonly totalSamples: number;
}

/**
 * Runs a whole recording through a fresh `Recognition` (VAD segmentation and final emotion per
 * utterance) in chunks: memory beyond the input is one chunk plus the current utterance.
 */
export async function analyzeSamples(recognition: Recognition, labels: readonly string[], audio: MonoAudio, options: AnalyzeSamplesOptions = {}): Promise<AnalysisResult> {
  const { samples, sampleRate } = audio;
  const chunk = Math.max(1, Math.round((options.chunkSeconds ?? 10) * sampleRate));
  function* chunks(): Generator<Float32Array> {
    for (let offset = 0; offset < samples.length; offset += chunk) yield samples.subarray(offset, Math.min(samples.length, offset + chunk));
  }
  return analyzeStream(recognition, labels, { chunks: chunks(), sampleRate, totalSamples: samples.length }, options);
}

/** `analyzeSamples` over a stream of chunks, so a recording need not be in memory at once. */
export async function analyzeStream(recognition: Recognition, labels: readonly string[], audio: MonoStream, options: AnalyzeSamplesOptions = {}): Promise<AnalysisResult> {
  const { sampleRate } = audio;
  const resampler = sampleRate === 16000 ? undefined : new Resampler(sampleRate, 16000);
  const totalMs = (audio.totalSamples * 1000) / sampleRate;
  const utterances: EmotionResult[] = [];
  const misfires: MisfireEvent[] = [];
  const collect = (events: Awaited<ReturnType<Recognition['push']>>) => {
    for (const event of events) {
      if (event.name === 'emotion') utterances.push(event.payload);
      else if (event.name === 'misfire') misfires.push(event.payload);
    }
  };
  const pause = options.yieldBetweenChunks ?? defaultYield;
  let processed = 0;
  checkAborted(options.signal);
  for await (const part of audio.chunks) {
    collect(await recognition.push(resampler ? resampler.process(part) : part));
    processed += part.length;
    const processedMs = (processed * 1000) / sampleRate;
    options.onProgress?.({ processedMs, totalMs, fraction: totalMs > 0 ? processedMs / totalMs : 1 });
    await pause();
    checkAborted(options.signal);
  }
  if (resampler) collect(await recognition.push(resampler.flush()));
  collect(await recognition.flush());
  return { utterances, misfires, durationMs: totalMs, labels };
}
