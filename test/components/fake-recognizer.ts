import type { RecognizerFactory, RecognizerLike } from '../../src/components/index.ts';
import type { EmotionResult, RecognizerOptions, RecognizerState } from '../../src/sdk/index.ts';

type Listener = (payload: never) => void;

/** In-memory stand-in for `EmotionRecognizer`: no model, no microphone, events on demand. */
export class FakeRecognizer implements RecognizerLike {
  readonly calls: string[] = [];
  destroyed = false;
  startError: Error | null = null;
  private readonly listeners = new Map<string, Set<Listener>>();

  constructor(readonly options: RecognizerOptions) {}

  on(event: string, listener: Listener): () => void {
    const set = this.listeners.get(event) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(event, set);
    return () => set.delete(listener);
  }

  listenerCount(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }

  emit(event: string, payload?: unknown): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (p: unknown) => void)(payload);
  }

  state: RecognizerState = 'idle';

  private setState(state: RecognizerState): void {
    const previous = this.state;
    this.state = state;
    this.emit('state', { state, previous });
  }

  readonly sources: unknown[] = [];

  async start(source?: unknown): Promise<void> {
    this.calls.push('start');
    this.sources.push(source);
    if (this.startError) {
      this.setState('error');
      throw this.startError;
    }
    this.setState('starting');
    this.setState('listening');
  }

  async pause(): Promise<void> { this.calls.push('pause'); this.setState('paused'); }
  async resume(): Promise<void> { this.calls.push('resume'); this.setState('listening'); }
  async stop(): Promise<void> { this.calls.push('stop'); this.setState('idle'); }

  async destroy(): Promise<void> {
    this.calls.push('destroy');
    this.destroyed = true;
    this.setState('destroyed');
  }
}

/** A factory that records every recognizer it creates; `gate` lets a test hold loading open. */
export function fakeFactory(gate?: Promise<void>): RecognizerFactory & { created: FakeRecognizer[] } {
  const created: FakeRecognizer[] = [];
  const factory = async (options: RecognizerOptions) => {
    const recognizer = new FakeRecognizer(options);
    created.push(recognizer);
    if (gate) await gate;
    return recognizer;
  };
  return Object.assign(factory, { created });
}

export function sampleResult(overrides: Partial<EmotionResult> = {}): EmotionResult {
  return {
    label: 'happy',
    confidence: 0.72,
    probabilities: { neutral: 0.12, happy: 0.72, sad: 0.06, angry: 0.1 },
    valence: 0.6,
    arousal: 0.35,
    startMs: 1200,
    endMs: 2850,
    final: true,
    ...overrides,
  };
}
