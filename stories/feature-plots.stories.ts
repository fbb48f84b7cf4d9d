import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { defineEmovoxElements } from '../src/components/index.ts';

// Explicit, because bundlers honour package.json `sideEffects` and may drop a bare import.
defineEmovoxElements();

/** Two seconds of a gliding harmonic tone with a pause, at 16 kHz. */
function glide(rate = 16000, seconds = 2): Float32Array {
  const x = new Float32Array(rate * seconds);
  let phase = 0;
  for (let i = 0; i < x.length; i++) {
    const t = i / rate;
    phase += (2 * Math.PI * (150 + 100 * t)) / rate;
    const gate = t < 0.8 || t > 1.1 ? Math.sin(Math.PI * ((t < 0.8 ? t : t - 1.1) / (t < 0.8 ? 0.8 : 0.9))) : 0;
    x[i] = gate * 0.6 * (Math.sin(phase) + 0.5 * Math.sin(2 * phase) + 0.25 * Math.sin(3 * phase)) / 1.75;
  }
  return x;
}

/** A 200-frame × 40-band matrix with rising harmonic ridges, like a log-mel of a glide (dB). */
function ridges(frames = 200, bins = 40): Float32Array {
  const data = new Float32Array(frames * bins);
  for (let t = 0; t < frames; t++) {
    for (let j = 0; j < bins; j++) {
      const f0 = 4 + (t / frames) * 6;
      let v = -80;
      for (let h = 1; h <= 4; h++) v = Math.max(v, -10 * h - 4 * (j - f0 * h) ** 2);
      data[t * bins + j] = v;
    }
  }
  return data;
}

const meta: Meta = { title: 'Components/feature plots' };
export default meta;

type Story = StoryObj;

export const Waveform: Story = {
  render: () => html`<emovox-waveform label="Waveform" .samples=${glide()} sample-rate="16000"></emovox-waveform>`,
};

export const Spectrogram: Story = {
  render: () => html`<emovox-spectrogram label="Log-mel" bin-label="mel band" unit="dB" bins="40"
    .data=${ridges()}></emovox-spectrogram>`,
};

/** Each bin standardised over time, as the demo shows MFCCs. */
export const RowNormalised: Story = {
  render: () => html`<emovox-spectrogram label="Standardised" bin-label="band" standardize-rows bins="40"
    .data=${ridges()}></emovox-spectrogram>`,
};

export const Empty: Story = {
  render: () => html`<emovox-waveform label="No audio yet"></emovox-waveform>
    <emovox-spectrogram label="No features yet"></emovox-spectrogram>`,
};

export const Themed: Story = {
  render: () => html`<emovox-waveform label="Dark" style="--emovox-plot-background: #0d1117; --emovox-plot-text-color: #c9d1d9;
    --emovox-plot-grid-color: rgba(255,255,255,0.1); --emovox-waveform-color: #f2cc60; color: #c9d1d9;
    background: #0d1117; padding: 8px"
    .samples=${glide()}></emovox-waveform>`,
};
