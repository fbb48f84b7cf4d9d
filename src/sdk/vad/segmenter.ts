import { FrameProcessor, Message, type FrameProcessorEvent, type Model } from '../vendor/vad-web.js';
import type { ResolvedVadOptions } from '../options.ts';

/** Samples per Silero frame at 16 kHz: v5/v6 take 512, the legacy (v4) model 1536. */
export const vadFrameSamples = { v5: 512, legacy: 1536 } as const;

const sampleRate = 16000;
const toMs = (samples: number) => (samples * 1000) / sampleRate;

/** What the segmenter found in the audio pushed so far; times in ms since the first sample. */
export type SegmentEvent =
  | { readonly type: 'speech-start'; readonly startMs: number }
  /** Speech still going on: the audio of the utterance so far (sent every `interimSamples`). */
  | { readonly type: 'speech-progress'; readonly startMs: number; readonly endMs: number; readonly audio: Float32Array }
  | { readonly type: 'speech-end'; readonly startMs: number; readonly endMs: number; readonly audio: Float32Array }
  | { readonly type: 'misfire'; readonly startMs: number; readonly endMs: number };

/**
 * Speech segmentation of a 16 kHz stream: vad-web's `FrameProcessor` (Silero thresholds,
 * redemption, pre-speech pad, minimum length) plus what it lacks: timestamps, trimming of the
 * trailing redemption silence, a maximum utterance length, and interim progress points.
 * The VAD model is injected, so the state machine is testable without ORT.
 */
export class Segmenter {
  readonly frameSamples: number;
  private readonly processor: FrameProcessor;
  private readonly pending: Float32Array;
  private pendingLength = 0;
  /** Samples handed to the VAD so far (whole frames). */
  private position = 0;
  private startSample = -1;
  private lastSpeechEnd = 0;
  private nextProgress = 0;
  private events: SegmentEvent[] = [];

  constructor(
    model: Model,
    private readonly options: ResolvedVadOptions,
    /** Audio between two `speech-progress` events; 0 disables them. */
    private readonly interimSamples = 0,
  ) {
    this.frameSamples = vadFrameSamples[options.model];
    const { positiveSpeechThreshold, negativeSpeechThreshold, redemptionMs, preSpeechPadMs, minSpeechMs } = options;
    this.processor = new FrameProcessor(
      model.process,
      model.reset_state,
      { positiveSpeechThreshold, negativeSpeechThreshold, redemptionMs, preSpeechPadMs, minSpeechMs, submitUserSpeechOnPause: true },
      toMs(this.frameSamples),
    );
    this.processor.resume();
    this.pending = new Float32Array(this.frameSamples);
  }

  /** Milliseconds of audio consumed so far. */
  get processedMs(): number {
    return toMs(this.position);
  }

  /** True between `speech-start` and `speech-end`/`misfire`. */
  get speaking(): boolean {
    return this.startSample >= 0;
  }

  /** Feeds samples of any length; resolves with the events they completed, in order. */
  async push(samples: Float32Array): Promise<SegmentEvent[]> {
    let offset = 0;
    while (offset < samples.length) {
      const take = Math.min(this.frameSamples - this.pendingLength, samples.length - offset);
      this.pending.set(samples.subarray(offset, offset + take), this.pendingLength);
      this.pendingLength += take;
      offset += take;
      if (this.pendingLength === this.frameSamples) {
        this.pendingLength = 0;
        await this.processFrame(this.pending.slice());
      }
    }
    return this.drain();
  }

  /** Ends any utterance in progress (the partial last frame is dropped) and returns its events. */
  flush(): SegmentEvent[] {
    this.pendingLength = 0;
    this.processor.endSegment(this.handle);
    this.startSample = -1;
    return this.drain();
  }

  private drain(): SegmentEvent[] {
    const events = this.events;
    this.events = [];
    return events;
  }

  private async processFrame(frame: Float32Array): Promise<void> {
    const frameEnd = this.position + this.frameSamples;
    await this.processor.process(frame, (event) => this.handle(event, frameEnd));
    this.position = frameEnd;
    if (this.startSample < 0) return;
    const length = this.position - this.startSample;
    if (length >= (this.options.maxSpeechMs * sampleRate) / 1000) {
      this.processor.endSegment(this.handle);
      this.startSample = -1;
    } else if (this.interimSamples > 0 && this.position >= this.nextProgress && this.processor.speechRealStartFired) {
      // Progress points lie on the audio clock (start + k intervals), the audio cut there rather than at the
      // frame that reached them, so consecutive points are exactly one interval apart.
      const due = this.nextProgress + Math.floor((this.position - this.nextProgress) / this.interimSamples) * this.interimSamples;
      this.nextProgress = due + this.interimSamples;
      const audio = concat(this.processor.audioBuffer.map((item) => item.frame)).subarray(0, due - this.startSample);
      this.events.push({ type: 'speech-progress', startMs: toMs(this.startSample), endMs: toMs(due), audio });
    }
  }

  private readonly handle = (event: FrameProcessorEvent, frameEnd = this.position): void => {
    switch (event.msg) {
      case Message.FrameProcessed:
        if (event.probs.isSpeech >= this.options.positiveSpeechThreshold) this.lastSpeechEnd = frameEnd;
        break;
      case Message.SpeechStart: {
        // The buffer holds the pre-speech pad plus the current frame.
        this.startSample = frameEnd - this.processor.audioBuffer.length * this.frameSamples;
        this.nextProgress = this.startSample + this.interimSamples;
        this.events.push({ type: 'speech-start', startMs: toMs(this.startSample) });
        break;
      }
      case Message.SpeechEnd: {
        const start = frameEnd - event.audio.length;
        // Keep one frame after the last speech frame; the rest is the redemption silence.
        const end = Math.min(frameEnd, Math.max(this.lastSpeechEnd + this.frameSamples, start + this.frameSamples));
        this.events.push({ type: 'speech-end', startMs: toMs(start), endMs: toMs(end), audio: event.audio.slice(0, end - start) });
        this.startSample = -1;
        break;
      }
      case Message.VADMisfire:
        this.events.push({ type: 'misfire', startMs: toMs(Math.max(0, this.startSample)), endMs: toMs(frameEnd) });
        this.startSample = -1;
        break;
      default:
        break;
    }
  };
}

function concat(parts: readonly Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
