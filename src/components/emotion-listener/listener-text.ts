import type { EmovoxError } from '../../sdk/index.ts';
import type { EmotionResult, RecognizerState } from '../shared/recognizer-port.ts';
import { percent } from '../emotion-meter/palette.ts';

const stateText: Record<RecognizerState, string> = {
  idle: 'Ready',
  starting: 'Starting microphone…',
  listening: 'Listening',
  paused: 'Paused',
  error: 'Error',
  destroyed: 'Stopped',
};

export function isActive(state: RecognizerState): boolean {
  return state === 'listening' || state === 'starting';
}

/** Visible text, and accessible name, of the start/stop button. */
export function buttonText(state: RecognizerState): string {
  if (isActive(state)) return 'Stop listening';
  return state === 'paused' ? 'Resume listening' : 'Start listening';
}

export function statusText(state: RecognizerState, loading: boolean, loadFailed: boolean, speaking: boolean): string {
  if (loading) return 'Loading model…';
  if (loadFailed) return 'Model not loaded';
  return speaking && isActive(state) ? 'Hearing speech' : stateText[state];
}

/** What the live region says for a final result, e.g. "happy, 82% confidence". */
export function announcementText(result: EmotionResult): string {
  return `${result.label}, ${percent(result.confidence)} confidence`;
}

/** One line for an error: the message, which for an `EmovoxError` already names the problem. */
export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  const message = (error as Partial<EmovoxError> | null)?.message;
  return typeof message === 'string' ? message : 'Unknown error';
}
