import type { RecognizerFactory, RecognizerLike } from '../../src/components/index.ts';
import { EmovoxError, type EmotionResult, type EmovoxErrorCode, type RecognizerOptions, type RecognizerState } from '../../src/sdk/index.ts';

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

  constructor(private readonly behaviour: ScriptOptions) {}

  async start(): Promise<void> {
    this.state('starting');
    const { startError, script = 'demo' } = this.behaviour;
    // 'asking' stays where a real recognizer waits for the microphone permission prompt.
    if (script === 'asking') return new Promise(() => undefined);
    if (startError) {
      this.state('error');
      throw new EmovoxError(startError.code, startError.message);
    }
    this.state('listening');
    this.timers = scriptOf(script).map(([delay, event, payload]) => setTimeout(() => this.emit(event, payload), delay));
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

/** What the scripted recognizer does after `start()`. */
export interface ScriptOptions {
  /** `demo`: four utterances; `silent`: listening, nobody speaks; `speaking`: one long utterance with interim updates; `asking`: waits for the microphone forever. @defaultValue 'demo' */
  readonly script?: 'demo' | 'silent' | 'speaking' | 'asking';
  /** `start()` fails with this error, as the SDK does when the microphone is denied or missing. */
  readonly startError?: { readonly code: EmovoxErrorCode; readonly message: string };
}

type Step = [number, string, unknown?];

function scriptOf(script: NonNullable<ScriptOptions['script']>): Step[] {
  const steps: Step[] = [];
  if (script === 'speaking') {
    steps.push([0, 'speech-start', { startMs: 400 }]);
    const labels = ['neutral', 'sad', 'sad', 'angry', 'angry'] as const;
    for (let i = 0; i < 40; i++) steps.push([200 + i * 500, 'emotion-update', exampleResult(labels[Math.min(i, 4)], 0.4 + Math.min(i, 8) * 0.05, false)]);
    return steps;
  }
  if (script !== 'demo') return steps;
  let t = 600;
  for (const [label, confidence] of [['happy', 0.78], ['sad', 0.61], ['angry', 0.83], ['neutral', 0.55]] as const) {
    // Audio times follow the script, so a bound timeline shows the utterances one after another.
    const at = (result: EmotionResult, endMs: number) => ({ ...result, startMs: t, endMs });
    steps.push([t, 'speech-start', { startMs: t }]);
    steps.push([t + 500, 'emotion-update', at(exampleResult(label, confidence * 0.7, false), t + 500)]);
    steps.push([t + 1000, 'emotion-update', at(exampleResult(label, confidence * 0.9, false), t + 1000)]);
    steps.push([t + 1400, 'speech-end', { startMs: t, endMs: t + 1400 }]);
    steps.push([t + 1450, 'emotion', at(exampleResult(label, confidence, true), t + 1400)]);
    t += 2600;
  }
  return steps;
}

/** Factory for `<emotion-listener>` stories; `loadMs` < 0 never finishes loading, `fail` rejects like a failed model load. */
export function scriptedFactory({ loadMs = 0, fail = '', ...behaviour }: { loadMs?: number; fail?: string } & ScriptOptions = {}): RecognizerFactory {
  return async (_options: RecognizerOptions) => {
    if (loadMs < 0) await new Promise(() => undefined);
    if (loadMs > 0) await new Promise((resolve) => setTimeout(resolve, loadMs));
    if (fail) throw new EmovoxError('MODEL_LOAD_FAILED', fail);
    return new ScriptedRecognizer(behaviour);
  };
}
