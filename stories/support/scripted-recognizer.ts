import type { RecognizerFactory, RecognizerLike } from '../../src/components/index.ts';
import type { EmotionResult, RecognizerOptions, RecognizerState } from '../../src/sdk/index.ts';

const labels = ['neutral', 'happy', 'sad', 'angry'] as const;

/** A result whose probabilities lean towards `label` by `confidence`. */
export function exampleResult(label: (typeof labels)[number] = 'happy', confidence = 0.72, final = true): EmotionResult {
  const rest = (1 - confidence) / (labels.length - 1);
  const probabilities = Object.fromEntries(labels.map((l) => [l, l === label ? confidence : rest]));
  const affect = { neutral: [0, -0.1], happy: [0.7, 0.4], sad: [-0.6, -0.4], angry: [-0.6, 0.75] }[label];
  return {
    label, confidence, probabilities, valence: affect[0] * confidence, arousal: affect[1] * confidence,
    startMs: 1200, endMs: 2850, final,
  };
}

/**
 * A recognizer for stories: no model, no microphone. After `start()` it plays
 * a short script of utterances with interim and final results, so the
 * element can be seen working in Storybook.
 */
class ScriptedRecognizer implements RecognizerLike {
  private readonly listeners = new Map<string, Set<(payload: unknown) => void>>();
  private timers: ReturnType<typeof setTimeout>[] = [];

  on(event: string, listener: (payload: never) => void): () => void {
    const set = this.listeners.get(event) ?? new Set();
    set.add(listener as (payload: unknown) => void);
    this.listeners.set(event, set);
    return () => set.delete(listener as (payload: unknown) => void);
  }

  private emit(event: string, payload?: unknown): void {
    for (const listener of this.listeners.get(event) ?? []) listener(payload);
  }

  private current: RecognizerState = 'idle';

  private state(state: RecognizerState): void {
    const previous = this.current;
    this.current = state;
    this.emit('state', { state, previous });
  }

  async start(): Promise<void> {
    this.state('starting');
    this.state('listening');
    const script: [number, string, unknown?][] = [];
    let t = 600;
    for (const [label, confidence] of [['happy', 0.78], ['sad', 0.61], ['angry', 0.83], ['neutral', 0.55]] as const) {
      script.push([t, 'speech-start']);
      script.push([t + 500, 'emotion-update', exampleResult(label, confidence * 0.7, false)]);
      script.push([t + 1000, 'emotion-update', exampleResult(label, confidence * 0.9, false)]);
      script.push([t + 1400, 'speech-end']);
      script.push([t + 1450, 'emotion', exampleResult(label, confidence, true)]);
      t += 2600;
    }
    this.timers = script.map(([delay, event, payload]) => setTimeout(() => this.emit(event, payload), delay));
  }

  private clear(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers = [];
  }

  pause(): void { this.clear(); this.state('paused'); }
  async resume(): Promise<void> { await this.start(); }
  stop(): void { this.clear(); this.state('idle'); }
  destroy(): void { this.clear(); this.state('destroyed'); this.listeners.clear(); }
}

/** Factory for `<emotion-listener>` stories; `loadMs` < 0 never finishes loading, `fail` rejects. */
export function scriptedFactory({ loadMs = 0, fail = '' } = {}): RecognizerFactory {
  return async (_options: RecognizerOptions) => {
    if (loadMs < 0) await new Promise(() => undefined);
    if (loadMs > 0) await new Promise((resolve) => setTimeout(resolve, loadMs));
    if (fail) throw new Error(fail);
    return new ScriptedRecognizer();
  };
}
