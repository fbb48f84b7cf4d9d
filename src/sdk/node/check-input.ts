import { assertFiniteSamples } from '../audio/prepare.ts';
import { EmovoxError } from '../errors.ts';
import type { AnalyzeSamplesOptions, MonoAudio, MonoStream } from '../pipeline/analyze-samples.ts';

/** The browser's `analyze()` accepts the same range for `{ samples, sampleRate }`. */
const minRate = 8000;
const maxRate = 192000;

/** TypeError for the wrong shape, RangeError for an impossible rate, INVALID_AUDIO for empty or non-finite samples. */
export function checkMonoAudio(audio: MonoAudio): void {
  if (typeof audio !== 'object' || audio === null || !(audio.samples instanceof Float32Array)) {
    throw new TypeError('audio must be { samples: Float32Array, sampleRate: number }');
  }
  const { sampleRate } = audio;
  if (typeof sampleRate !== 'number' || !Number.isInteger(sampleRate) || sampleRate < minRate || sampleRate > maxRate) {
    throw new RangeError(`audio.sampleRate must be an integer in [${minRate}, ${maxRate}], got ${String(sampleRate)}`);
  }
  assertFiniteSamples(audio.samples);
}

/** The rate of a chunked stream, by the same rule as `checkMonoAudio` (its chunks are checked as they arrive). */
export function checkStreamRate(audio: MonoStream): void {
  if (typeof audio !== 'object' || audio === null || audio.chunks === undefined) throw new TypeError('audio must be { chunks, sampleRate, totalSamples }');
  const { sampleRate } = audio;
  if (typeof sampleRate !== 'number' || !Number.isInteger(sampleRate) || sampleRate < minRate || sampleRate > maxRate) {
    throw new RangeError(`audio.sampleRate must be an integer in [${minRate}, ${maxRate}], got ${String(sampleRate)}`);
  }
}

const knownKeys = new Set(['chunkSeconds', 'onProgress', 'signal', 'yieldBetweenChunks']);

/**
 * Rejects options that would otherwise fail quietly: a NaN `chunkSeconds` made the chunk loop end at
 * once, so the whole recording was skipped and reported as having no utterances.
 */
export function checkAnalyzeOptions(options: AnalyzeSamplesOptions): void {
  if (typeof options !== 'object' || options === null) throw new TypeError('analyze options must be an object');
  for (const key of Object.keys(options)) {
    if (!knownKeys.has(key)) throw new TypeError(`unknown analyze option '${key}' (known: ${[...knownKeys].join(', ')})`);
  }
  const { chunkSeconds, onProgress, signal, yieldBetweenChunks } = options;
  if (chunkSeconds !== undefined) {
    if (typeof chunkSeconds !== 'number' || Number.isNaN(chunkSeconds)) throw new TypeError(`chunkSeconds must be a number, got ${typeof chunkSeconds}`);
    if (!(chunkSeconds >= 0.01 && chunkSeconds <= 3600)) throw new RangeError(`chunkSeconds must be in [0.01, 3600], got ${chunkSeconds}`);
  }
  if (onProgress !== undefined && typeof onProgress !== 'function') throw new TypeError('onProgress must be a function');
  if (yieldBetweenChunks !== undefined && typeof yieldBetweenChunks !== 'function') throw new TypeError('yieldBetweenChunks must be a function');
  if (signal !== undefined && !(signal instanceof AbortSignal)) throw new TypeError('signal must be an AbortSignal');
}

/**
 * The stream's chunks, checked as they arrive (Float32Array, finite samples, counted from the stream's
 * start), with `signal` noticed while waiting for the next chunk too: a source that stalls (a socket that
 * goes quiet) must not hold `analyzeStream` forever once the caller aborts.
 */
export async function* guardedChunks(chunks: MonoStream['chunks'], signal: AbortSignal | undefined): AsyncGenerator<Float32Array> {
  const iterator = Symbol.asyncIterator in chunks ? chunks[Symbol.asyncIterator]() : chunks[Symbol.iterator]();
  let fail = () => {};
  const aborted = new Promise<never>((_, reject) => {
    fail = () => reject(new EmovoxError('ABORTED', 'the analysis was aborted', { cause: signal?.reason }));
    if (signal?.aborted) fail();
    else signal?.addEventListener('abort', fail, { once: true });
  });
  aborted.catch(() => undefined);
  let offset = 0;
  let finished = false;
  try {
    for (;;) {
      const next = await Promise.race([Promise.resolve(iterator.next()), aborted]);
      if (next.done) {
        finished = true;
        return;
      }
      const chunk: unknown = next.value;
      if (!(chunk instanceof Float32Array)) throw new TypeError(`audio chunks must be Float32Arrays, got ${Object.prototype.toString.call(chunk)}`);
      for (let i = 0; i < chunk.length; i++) {
        if (!Number.isFinite(chunk[i])) throw new EmovoxError('INVALID_AUDIO', `audio sample ${offset + i} is ${chunk[i]}; NaN and infinite samples are rejected`);
      }
      offset += chunk.length;
      yield chunk;
    }
  } finally {
    signal?.removeEventListener('abort', fail);
    // Let the source release its resources (a file handle); not awaited, since a stalled source may never answer.
    if (!finished) void Promise.resolve(iterator.return?.()).catch(() => undefined);
  }
}
