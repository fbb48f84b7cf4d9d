import { concatFrames } from '../features/compute.ts';
import { FeatureExtractor } from '../features/extractor.ts';
import type { FrameFeatures } from '../features/frame-features.ts';
import { computePitchFrom, concatPitchFrames, PitchTracker, slicePitchFrames, type PitchFrames } from '../features/pitch-tracker.ts';
import { pitchFrameSpan } from '../features/pitch-config.ts';
import { summarizeProsody, type ProsodyEstimate } from '../features/prosody.ts';
import { extractorInclude } from '../model/model-input.ts';
import type { ResolvedSmoothing } from '../options.ts';
import type { RecognizerEventMap } from '../types.ts';
import type { SegmentEvent, Segmenter } from '../vad/segmenter.ts';
import type { EmotionScorer } from './emotion-scorer.ts';
import { createSmoother, type Smoother } from './smoothing.ts';

type PipelineEventName = 'speech-start' | 'emotion-update' | 'emotion' | 'speech-end' | 'misfire';

/** An event for the recognizer's listeners, produced by the pipeline in order. */
export type RecognitionEvent = { [K in PipelineEventName]: { readonly name: K; readonly payload: RecognizerEventMap[K][0] } }[PipelineEventName];

/**
 * The whole per-stream pipeline, pure and shared by the live worker, `analyze()` and Node:
 * 16 kHz samples → segmenter (VAD) → features → model → smoothed interim and final results.
 * Interim features are computed incrementally with a streaming `FeatureExtractor`; the final
 * result recomputes the trimmed utterance in one go, exactly as `analyze()` does. Prosody (F0,
 * voicing, level) is tracked the same way: streamed for interim results, whole-utterance for finals.
 */
export class Recognition {
  private readonly smoother: Smoother;
  private extractor: FeatureExtractor | undefined;
  private parts: FrameFeatures[] = [];
  private readonly pitch = new PitchTracker();
  private pitchParts: PitchFrames[] = [];
  /** The audio of the last interim result: the samples the streamed pitch frames were computed from. */
  private streamedAudio: Float32Array | undefined;
  private streamed = 0;

  constructor(
    private readonly segmenter: Segmenter,
    private readonly scorer: EmotionScorer,
    smoothing: ResolvedSmoothing,
    private readonly includeAudio = false,
  ) {
    this.smoother = createSmoother(smoothing);
  }

  get processedMs(): number {
    return this.segmenter.processedMs;
  }

  async push(samples: Float32Array): Promise<RecognitionEvent[]> {
    return this.handle(await this.segmenter.push(samples));
  }

  /** Ends the utterance in progress, if any (on stop, pause or the end of a recording). */
  async flush(): Promise<RecognitionEvent[]> {
    return this.handle(this.segmenter.flush());
  }

  private async handle(events: SegmentEvent[]): Promise<RecognitionEvent[]> {
    const out: RecognitionEvent[] = [];
    for (const event of events) {
      switch (event.type) {
        case 'speech-start':
          this.smoother.reset();
          this.forgetUtterance();
          this.extractor = this.newExtractor();
          out.push({ name: 'speech-start', payload: { startMs: event.startMs } });
          break;
        case 'speech-progress': {
          const prosody = this.streamProsody(event.audio);
          const frames = this.streamFrames(event.audio);
          if (frames.nFrames === 0) break;
          const raw = await this.scorer.scoreInterim(frames);
          const { probabilities, index } = this.smoother.next(raw);
          out.push({ name: 'emotion-update', payload: this.scorer.result(probabilities, event, false, { index, prosody }) });
          break;
        }
        case 'speech-end': {
          const prosody = summarizeProsody(this.finalPitch(event.audio));
          this.forgetUtterance();
          const probabilities = await this.scorer.scoreFinal(this.scorer.features(event.audio));
          const span = { startMs: event.startMs, endMs: event.endMs };
          const audio = this.includeAudio ? event.audio : undefined;
          out.push({ name: 'emotion', payload: this.scorer.result(probabilities, span, true, { prosody, audio }) });
          out.push({ name: 'speech-end', payload: span });
          break;
        }
        case 'misfire':
          this.forgetUtterance();
          out.push({ name: 'misfire', payload: { startMs: event.startMs, endMs: event.endMs } });
          break;
      }
    }
    return out;
  }

  private forgetUtterance(): void {
    this.extractor = undefined;
    this.parts = [];
    this.pitch.reset();
    this.pitchParts = [];
    this.streamedAudio = undefined;
    this.streamed = 0;
  }

  /** Tracks the pitch of the audio not yet streamed; prosody of the utterance so far (none before the first frame). */
  private streamProsody(audio: Float32Array): ProsodyEstimate | undefined {
    this.streamedAudio = audio;
    const fresh = this.pitch.push(audio.subarray(this.streamed));
    if (fresh.nFrames > 0) this.pitchParts.push(fresh);
    return this.pitchParts.length > 0 ? summarizeProsody(concatPitchFrames(this.pitchParts)) : undefined;
  }

  /**
   * Pitch of the whole final utterance, equal to `computePitch(audio)`. A frame depends only on the
   * samples of its span, so the frames already streamed over the same samples are reused and only the
   * rest is analysed: the final result does not wait for the utterance's F0 to be recomputed.
   */
  private finalPitch(audio: Float32Array): PitchFrames {
    const streamed = this.streamedAudio;
    const shared = Math.min(audio.length, streamed?.length ?? 0);
    let same = streamed !== undefined && this.pitchParts.length > 0;
    for (let i = 0; same && i < shared; i++) same = audio[i] === streamed?.[i];
    if (!same) return computePitchFrom(audio, 0);
    const { config } = this.pitch;
    const half = Math.floor(pitchFrameSpan(config) / 2);
    const known = this.pitchParts.reduce((sum, part) => sum + part.nFrames, 0);
    // Frames whose whole span lies inside the shared samples (in the zero-padded clip).
    const reusable = Math.max(0, Math.min(known, Math.floor((half + shared - pitchFrameSpan(config)) / config.hopLength) + 1));
    const tail = computePitchFrom(audio, reusable);
    return reusable === 0 ? tail : concatPitchFrames([slicePitchFrames(concatPitchFrames(this.pitchParts), 0, reusable), tail]);
  }

  private newExtractor(): FeatureExtractor {
    const { features } = this.scorer.model.manifest;
    return new FeatureExtractor(features.config, { include: extractorInclude(features) });
  }

  /** Pushes the audio not yet streamed (the utterance only grows at its end) and returns all frames so far. */
  private streamFrames(audio: Float32Array): FrameFeatures {
    this.extractor ??= this.newExtractor();
    const fresh = this.extractor.push(audio.subarray(this.streamed));
    this.streamed = audio.length;
    if (fresh.nFrames > 0) this.parts.push(fresh);
    return this.parts.length > 0 ? concatFrames(this.parts) : fresh;
  }
}
