import type { EmotionPayload, EmotionSink, EmotionUpdate } from '../core/types.ts';

/** How to speak: Web Speech API `rate` (0.1–10) and `pitch` (0–2), and optionally a voice name. */
export interface SpeechStyle {
  readonly rate: number;
  readonly pitch: number;
  /** `SpeechSynthesisVoice.name` to prefer; ignored when no such voice exists. */
  readonly voice?: string;
}

/** Slower and a little lower for a frustrated or downcast user, a touch livelier for a pleased one. */
export const defaultSpeechStyles: Readonly<Record<string, SpeechStyle>> = Object.freeze({
  neutral: { rate: 1, pitch: 1 },
  frustrated: { rate: 0.9, pitch: 0.95 },
  downcast: { rate: 0.92, pitch: 1 },
  pleased: { rate: 1.05, pitch: 1.05 },
});

export interface SpeechStyleOptions {
  /** Style per state name, plus `neutral` for no state; merged over {@link defaultSpeechStyles}. */
  readonly styles?: Readonly<Record<string, SpeechStyle>>;
  /** Where voices come from. @defaultValue `speechSynthesis.getVoices()` where it exists */
  readonly voices?: () => readonly SpeechSynthesisVoice[];
}

/** The parts of `SpeechSynthesisUtterance` the helper sets. */
export type StyledUtterance = Pick<SpeechSynthesisUtterance, 'rate' | 'pitch' | 'voice'>;

export interface SpeechStyler {
  /** Give this to `attach()`: it remembers the latest update. */
  readonly sink: EmotionSink;
  /** Style for the latest update (neutral before any). */
  current(): SpeechStyle;
  /** Sets rate, pitch and voice of `utterance` to {@link current}; returns it. */
  apply<U extends StyledUtterance>(utterance: U): U;
}

function checkStyle(name: string, style: SpeechStyle): void {
  if (!(style.rate >= 0.1 && style.rate <= 10)) throw new RangeError(`speechStyle: styles.${name}.rate must be in [0.1, 10], got ${style.rate}`);
  if (!(style.pitch >= 0 && style.pitch <= 2)) throw new RangeError(`speechStyle: styles.${name}.pitch must be in [0, 2], got ${style.pitch}`);
}

/**
 * Adapts `speechSynthesis` output to the user's state, for assistants that speak with the Web
 * Speech API: `attach(recognizer, styler.sink)`, then `speechSynthesis.speak(styler.apply(new SpeechSynthesisUtterance(reply)))`.
 */
export function speechStyle(options: SpeechStyleOptions = {}): SpeechStyler {
  const styles = { ...defaultSpeechStyles, ...options.styles };
  for (const [name, style] of Object.entries(styles)) checkStyle(name, style);
  const voices = options.voices ?? (() => globalThis.speechSynthesis?.getVoices() ?? []);
  let latest: EmotionPayload | undefined;
  const current = (): SpeechStyle => styles[latest?.state ?? 'neutral'] ?? styles.neutral;
  return {
    sink: (update: EmotionUpdate) => {
      latest = update.payload;
    },
    current,
    apply(utterance) {
      const style = current();
      utterance.rate = style.rate;
      utterance.pitch = style.pitch;
      if (style.voice !== undefined) {
        const voice = voices().find((v) => v.name === style.voice);
        if (voice) utterance.voice = voice;
      }
      return utterance;
    },
  };
}
