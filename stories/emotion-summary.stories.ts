import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { defineEmovoxElements } from '../src/components/index.ts';
import { sampleSession } from './support/sample-session.ts';
import { scriptedFactory } from './support/scripted-recognizer.ts';

// Explicit, because bundlers honour package.json `sideEffects` and may drop a bare import.
defineEmovoxElements();

/** `<emotion-summary>`: the SDK's `summarizeSession()` drawn for a wellbeing or coaching app. */
const meta: Meta = {
  title: 'Components/emotion-summary',
  component: 'emotion-summary',
  render: () => html`<emotion-summary style="max-width: 34rem" .results=${sampleSession(12)}></emotion-summary>`,
};
export default meta;

type Story = StoryObj;

/** Nothing said yet. */
export const Empty: Story = {
  render: () => html`<emotion-summary style="max-width: 34rem"></emotion-summary>`,
};

/** A short session of twelve utterances. */
export const ShortSession: Story = {};

/** A long session of 3,000 utterances. */
export const LongSession: Story = {
  render: () => html`<emotion-summary style="max-width: 34rem" .results=${sampleSession(3000, 11)}></emotion-summary>`,
};

/** Bound live to a listener with `for`: the summary grows with each final result. */
export const Live: Story = {
  render: () => html`<emotion-listener id="summary-mic" style="max-width: 28rem" autostart
      .recognizerFactory=${scriptedFactory()}></emotion-listener>
    <emotion-summary for="summary-mic" style="max-width: 34rem; margin-top: 1rem"></emotion-summary>`,
};

/** Translated texts (`strings`). */
export const Translated: Story = {
  render: () => html`<emotion-summary style="max-width: 34rem" .strings=${{
    title: 'Zusammenfassung', shareHeading: 'Anteil der Sprechzeit je Emotion', affectHeading: 'Valenz und Erregung im Verlauf',
    momentsHeading: 'Momente', valence: 'Valenz', arousal: 'Erregung', calmest: 'Am ruhigsten', mostIntense: 'Am intensivsten',
    mostNegative: 'Am negativsten', empty: 'Noch nichts gesagt',
    labelName: (l: string) => ({ neutral: 'neutral', happy: 'fröhlich', sad: 'traurig', angry: 'wütend' })[l] ?? l,
  }} .results=${sampleSession(12)}></emotion-summary>`,
};
