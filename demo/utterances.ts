import { EmotionRecognizer, type EmotionResult } from '../src/sdk/index.ts';
import { defaultLabelColor, type EmotionMeter, type EmovoxWaveform } from '../src/components/index.ts';

let recognizer: Promise<EmotionRecognizer> | null = null;
let current: AbortController | null = null;

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const seconds = (ms: number) => (ms / 1000).toFixed(2);
const signed = (v: number) => `${v < 0 ? '\u2212' : '+'}${Math.abs(v).toFixed(2)}`;

function select(rows: HTMLTableRowElement[], index: number, utterances: readonly EmotionResult[]): void {
  rows.forEach((row, i) => row.setAttribute('aria-selected', String(i === index)));
  const meter = byId<EmotionMeter>('utterance-meter');
  meter.result = utterances[index];
  meter.hidden = false;
}

function showTable(utterances: readonly EmotionResult[]): void {
  const table = byId<HTMLTableElement>('utterances');
  const rows = utterances.map((u, i) => {
    const row = document.createElement('tr');
    row.tabIndex = 0;
    const cells = [`${i + 1}`, `${seconds(u.startMs)}–${seconds(u.endMs)} s`, u.label,
      `${Math.round(u.confidence * 100)}%`, signed(u.valence), signed(u.arousal)];
    row.replaceChildren(...cells.map((text) => Object.assign(document.createElement('td'), { textContent: text })));
    const swatch = Object.assign(document.createElement('span'), { className: 'swatch' });
    swatch.style.background = defaultLabelColor(u.label);
    row.cells[2].prepend(swatch);
    return row;
  });
  rows.forEach((row, i) => {
    row.addEventListener('click', () => select(rows, i, utterances));
    row.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        select(rows, i, utterances);
      }
    });
  });
  table.tBodies[0].replaceChildren(...rows);
  table.hidden = utterances.length === 0;
  if (utterances.length > 0) select(rows, 0, utterances);
  else byId<EmotionMeter>('utterance-meter').hidden = true;
}

/**
 * Emotion per utterance for a dropped file: `recognizer.analyze()` segments the
 * recording with the VAD and classifies every utterance in the worker. It gets
 * the samples the page already decoded, so formats only the page's
 * `decodeAudioData` reads (MP3, Ogg...) work too. One recognizer is created on
 * first use and kept for later files.
 */
export async function analyzeUtterances(name: string, samples: Float32Array, sampleRate: number, model?: string): Promise<void> {
  const status = byId<HTMLParagraphElement>('analysis-status');
  current?.abort();
  const controller = (current = new AbortController());
  status.classList.remove('error');
  status.textContent = 'Loading the emotion model…';
  try {
    recognizer ??= EmotionRecognizer.create(model ? { model } : {});
    const r = await recognizer;
    const result = await r.analyze({ samples, sampleRate }, {
      signal: controller.signal,
      onProgress: (p) => (status.textContent = `Analysing ${name}: ${Math.round(p.fraction * 100)}%`),
    });
    const { utterances } = result;
    status.textContent = `${utterances.length} utterance${utterances.length === 1 ? '' : 's'} in ${seconds(result.durationMs)} s`
      + (result.misfires.length ? ` (${result.misfires.length} too short to classify)` : '')
      + (utterances.length ? '. Select a row for details.' : '.');
    showTable(utterances);
    byId<EmovoxWaveform>('waveform').regions = utterances.map((u) => ({
      start: u.startMs / 1000, end: u.endMs / 1000, label: u.label, color: defaultLabelColor(u.label),
    }));
  } catch (error) {
    if (controller.signal.aborted) return;
    recognizer = null;
    const code = (error as { code?: string }).code;
    status.textContent = `Emotion analysis failed: ${code ? `${code}: ` : ''}${(error as Error).message}`;
    status.classList.add('error');
  }
}
