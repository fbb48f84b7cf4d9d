import type { EmotionListener } from '../src/components/index.ts';

const loggedEvents = [
  'emovox-ready', 'emovox-state', 'emovox-speech-start', 'emovox-emotion-update',
  'emovox-emotion', 'emovox-speech-end', 'emovox-misfire', 'emovox-error',
] as const;

function describe(detail: unknown): string {
  if (detail === undefined || detail === null) return '';
  if (typeof detail === 'string') return detail;
  if (detail instanceof Error) return `${(detail as { code?: string }).code ?? detail.name}: ${detail.message}`;
  const result = detail as { label?: string; confidence?: number; startMs?: number; endMs?: number };
  if (result.label !== undefined && result.confidence !== undefined) {
    return `${result.label} ${(result.confidence * 100).toFixed(0)}%`;
  }
  try {
    return JSON.stringify(detail).slice(0, 80);
  } catch {
    return '';
  }
}

/** Logs the listener's DOM events (newest first), as an app would subscribe to them. */
export function setUpLivePanel(listener: EmotionListener, log: HTMLOListElement, keep = 30): void {
  const started = performance.now();
  for (const name of loggedEvents) {
    listener.addEventListener(name, (event) => {
      const item = document.createElement('li');
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      item.textContent = `${seconds}s ${name.replace('emovox-', '')} ${describe((event as CustomEvent).detail)}`;
      log.prepend(item);
      while (log.children.length > keep) log.lastElementChild?.remove();
    });
  }
}
