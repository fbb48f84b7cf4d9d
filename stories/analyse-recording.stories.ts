import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { defineEmovoxElements, type EmotionSummary, type EmotionTimeline } from '../src/components/index.ts';
import { EmotionRecognizer } from '../src/sdk/index.ts';

// Explicit, because bundlers honour package.json `sideEffects` and may drop a bare import.
defineEmovoxElements();

/** Runs the real pipeline (VAD, features, the shipped model in a worker) over `file` and shows the result. */
async function analyse(file: File, root: HTMLElement): Promise<void> {
  const status = root.querySelector<HTMLElement>('[role="status"]')!;
  const timeline = root.querySelector<EmotionTimeline>('emotion-timeline')!;
  const summary = root.querySelector<EmotionSummary>('emotion-summary')!;
  status.textContent = 'Loading the model…';
  let recognizer: EmotionRecognizer | undefined;
  try {
    recognizer = await EmotionRecognizer.create();
    const analysis = await recognizer.analyze(file, {
      onProgress: (p) => { status.textContent = `Analysing ${file.name}… ${Math.round(p.fraction * 100)}%`; },
    });
    timeline.results = analysis.utterances;
    timeline.durationMs = analysis.durationMs;
    summary.results = analysis.utterances;
    status.textContent = `${file.name}: ${analysis.utterances.length} utterances in ${(analysis.durationMs / 1000).toFixed(1)} s`;
  } catch (error) {
    status.textContent = error instanceof Error ? error.message : String(error);
  } finally {
    await recognizer?.destroy();
  }
}

const host = (event: Event) => (event.currentTarget as HTMLElement).closest<HTMLElement>('.analyse')!;

/**
 * The real pipeline on a recording the viewer chooses or drops here (WAV, FLAC, MP3, Ogg/Opus...):
 * nothing leaves the browser, no microphone is needed.
 */
const meta: Meta = {
  title: 'Pipeline/analyse a recording',
  render: () => html`<div class="analyse" style="display: grid; gap: 0.75rem; max-width: 48rem; font: 14px system-ui, sans-serif"
      @dragover=${(e: DragEvent) => e.preventDefault()}
      @drop=${(e: DragEvent) => {
        e.preventDefault();
        const file = e.dataTransfer?.files[0];
        if (file) void analyse(file, host(e));
      }}>
    <label style="padding: 1rem; border: 2px dashed #8c959f; border-radius: 8px">
      Choose a recording, or drop one anywhere here:
      <input type="file" accept="audio/*,.wav,.flac,.mp3,.ogg,.opus,.webm"
        @change=${(e: Event) => {
          const file = (e.currentTarget as HTMLInputElement).files?.[0];
          if (file) void analyse(file, host(e));
        }}>
    </label>
    <p role="status" aria-live="polite" style="margin: 0">No recording yet.</p>
    <emotion-timeline label="Utterances"></emotion-timeline>
    <emotion-summary heading-level="3"></emotion-summary>
  </div>`,
};
export default meta;

export const AnalyseARecording: StoryObj = {};
