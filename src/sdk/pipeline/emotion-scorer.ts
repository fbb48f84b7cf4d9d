import { computeFeatures } from '../features/compute.ts';
import type { ProsodyEstimate } from '../features/prosody.ts';
import type { FrameFeatures } from '../features/frame-features.ts';
import type { EmotionModel } from '../model/emotion-model.ts';
import { extractorInclude } from '../model/model-input.ts';
import type { SpeakerAdaptation } from '../model/speaker-adaptation.ts';
import { valenceArousal } from '../model/valence-arousal.ts';
import type { EmotionResult } from '../types.ts';
import { argmax } from './smoothing.ts';

/** Turns utterance audio or frames into `EmotionResult`s with one model and one speaker's adaptation state. */
export class EmotionScorer {
  private speaker: SpeakerAdaptation | undefined;

  constructor(
    readonly model: EmotionModel,
    /** Called at each prediction (interim or final), e.g. to count model runs. */
    private readonly onPredict: () => void = () => {},
  ) {
    this.speaker = model.createSpeakerAdaptation();
  }

  get labels(): readonly string[] {
    return this.model.labels;
  }

  /** Forgets the speaker statistics (a new session, possibly a new speaker). */
  resetSpeaker(): void {
    this.speaker = this.model.createSpeakerAdaptation();
  }

  /** Features of 16 kHz audio with the settings the model was trained with. */
  features(audio: Float32Array): FrameFeatures {
    const { features } = this.model.manifest;
    return computeFeatures(audio, features.config, { include: extractorInclude(features) });
  }

  /** Probabilities for a finished utterance; it then joins the speaker statistics. */
  async scoreFinal(frames: FrameFeatures): Promise<Float32Array> {
    this.onPredict();
    return this.model.predict(frames, this.speaker);
  }

  /** Probabilities for the part of an utterance heard so far; the speaker statistics are not updated. */
  async scoreInterim(frames: FrameFeatures): Promise<Float32Array> {
    this.onPredict();
    if (!this.speaker || this.speaker.utterances === 0) return this.model.predict(frames);
    return this.model.predict(this.speaker.adapt(this.model.trim(frames)));
  }

  /** Packs probabilities into a result; `extras.index` picks the label (smoothing may keep an earlier one). */
  result(probabilities: Float32Array, span: { startMs: number; endMs: number }, final: boolean, extras: ResultExtras = {}): EmotionResult {
    const labels = this.model.labels;
    const index = extras.index ?? argmax(probabilities);
    const record: Record<string, number> = {};
    labels.forEach((label, i) => (record[label] = probabilities[i]));
    const { valence, arousal } = valenceArousal(labels, probabilities);
    return {
      label: labels[index],
      confidence: probabilities[index],
      probabilities: record,
      valence,
      arousal,
      startMs: span.startMs,
      endMs: span.endMs,
      final,
      ...(extras.prosody ? { prosody: extras.prosody } : {}),
      ...(extras.audio ? { audio: extras.audio } : {}),
    };
  }
}

/** Optional parts of a result beyond the probabilities. */
export interface ResultExtras {
  /** Label index to report; the argmax when absent. */
  readonly index?: number;
  readonly prosody?: ProsodyEstimate;
  readonly audio?: Float32Array;
}
