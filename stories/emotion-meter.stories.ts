import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { defineEmovoxElements } from '../src/components/index.ts';
import { exampleResult } from './support/scripted-recognizer.ts';

// Explicit, because bundlers honour package.json `sideEffects` and may drop a bare import.
defineEmovoxElements();

const meta: Meta = {
  title: 'Components/emotion-meter',
  component: 'emotion-meter',
};
export default meta;

type Story = StoryObj;

/** No result yet: the `empty` slot. */
export const Empty: Story = {
  render: () => html`<emotion-meter style="max-width: 26rem"></emotion-meter>`,
};

/** Known labels before the first result: all bars at zero. */
export const KnownLabels: Story = {
  render: () => html`<emotion-meter style="max-width: 26rem" .labels=${['neutral', 'happy', 'sad', 'angry']}></emotion-meter>`,
};

/** An interim result while the person is still speaking. */
export const Interim: Story = {
  render: () => html`<emotion-meter style="max-width: 26rem" .result=${exampleResult('sad', 0.52, false)}></emotion-meter>`,
};

/** A final result. */
export const Final: Story = {
  render: () => html`<emotion-meter style="max-width: 26rem" .result=${exampleResult('angry', 0.83)}></emotion-meter>`,
};

/** Eight classes (RAVDESS-style labels), each with its default colour. */
export const EightClasses: Story = {
  render: () => {
    const labels = ['neutral', 'calm', 'happy', 'sad', 'angry', 'fearful', 'disgust', 'surprised'];
    const weights = [0.05, 0.04, 0.08, 0.06, 0.1, 0.52, 0.05, 0.1];
    const result = {
      label: 'fearful', confidence: 0.52, final: true, valence: -0.55, arousal: 0.6, startMs: 400, endMs: 2100,
      probabilities: Object.fromEntries(labels.map((l, i) => [l, weights[i]])),
    };
    return html`<emotion-meter style="max-width: 26rem" .labels=${labels} .result=${result}></emotion-meter>`;
  },
};
