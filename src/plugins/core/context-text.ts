import type { EmotionPayload } from './types.ts';

/**
 * Sentences of the context line, with `{placeholders}`: `{label}`, `{confidence}` (two decimals),
 * `{state}`, `{seconds}` (whole seconds since the state began). Replace them to localise or to
 * change the tone; `labels` and `states` translate the names.
 */
export interface ContextTemplates {
  /** A state holds and its score rose over the window. */
  readonly rising: string;
  /** A state holds and is steady. */
  readonly steady: string;
  /** A state holds and its score fell over the window. */
  readonly falling: string;
  /** No state holds: only the latest label is known. */
  readonly label: string;
  /** Display names of labels (`{ angry: 'wütend' }`); missing ones are used as they are. */
  readonly labels?: Readonly<Record<string, string>>;
  /** Display names of states; missing ones are used as they are. */
  readonly states?: Readonly<Record<string, string>>;
}

export const defaultContextTemplates: ContextTemplates = Object.freeze({
  rising: 'The user has sounded increasingly {state} for the last {seconds} seconds ({label} {confidence}).',
  steady: 'The user has sounded {state} for the last {seconds} seconds ({label} {confidence}).',
  falling: 'The user still sounds {state}, but less so than before ({label} {confidence}).',
  label: 'The user currently sounds {label} (confidence {confidence}).',
});

/** Replaces a template's placeholders; unknown placeholders stay as they are. */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/** Builds the context line of `payload`; `nowMs` is the audio time of the latest result. */
export function contextLine(payload: EmotionPayload, nowMs: number, templates: Partial<ContextTemplates> = {}): string {
  const t = { ...defaultContextTemplates, ...templates };
  const values = {
    label: t.labels?.[payload.label] ?? payload.label,
    confidence: payload.confidence.toFixed(2),
    state: payload.state === null ? '' : (t.states?.[payload.state] ?? payload.state),
    seconds: String(Math.max(0, Math.round((nowMs - payload.since) / 1000))),
  };
  if (payload.state === null) return fillTemplate(t.label, values);
  return fillTemplate(t[payload.trend], values);
}
