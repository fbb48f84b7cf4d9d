import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { defineEmovoxElements } from '../src/components/index.ts';
import { sampleSession } from './support/sample-session.ts';
import { scriptedFactory } from './support/scripted-recognizer.ts';

// Explicit, because bundlers honour package.json `sideEffects` and may drop a bare import.
defineEmovoxElements();

interface Args {
  visibleSeconds: number;
  label: string;
}

/**
 * `<emotion-timeline>`: one segment per utterance (colour: label; height and opacity: confidence),
 * valence (solid) and arousal (dashed). Focus it and use the arrow keys, Enter, + and −.
 */
const meta: Meta<Args> = {
  title: 'Components/emotion-timeline',
  component: 'emotion-timeline',
  args: { visibleSeconds: 0, label: '' },
  argTypes: {
    visibleSeconds: { control: { type: 'number', min: 0, step: 10 } },
    label: { control: 'text' },
  },
  render: (args) => html`<emotion-timeline label=${args.label} visible-seconds=${args.visibleSeconds}
    .results=${sampleSession(12)}></emotion-timeline>`,
};
export default meta;

type Story = StoryObj<Args>;

/** No utterances yet. */
export const Empty: Story = {
  render: () => html`<emotion-timeline></emotion-timeline>`,
};

/** A short session of twelve utterances. */
export const ShortSession: Story = {};

/** A long session: 3,000 utterances (about 2.5 hours), two minutes visible; scroll with Shift+wheel or the arrow keys. */
export const LongSession: Story = {
  args: { visibleSeconds: 120 },
  render: (args) => html`<emotion-timeline visible-seconds=${args.visibleSeconds} .results=${sampleSession(3000)}></emotion-timeline>`,
};

/** The whole long session at once: 3,000 utterances drawn in one view. */
export const LongSessionOverview: Story = {
  render: () => html`<emotion-timeline .results=${sampleSession(3000)}></emotion-timeline>`,
};

/** An utterance selected (as after the keyboard or a click), with its details. */
export const Selected: Story = {
  render: () => html`<emotion-timeline selected-index="4" .results=${sampleSession(12)}></emotion-timeline>`,
};

/** Bound live to a listener with `for`: results appear while the scripted recognizer plays. */
export const Live: Story = {
  render: () => html`<emotion-listener id="timeline-mic" style="max-width: 28rem" autostart
      .recognizerFactory=${scriptedFactory()}></emotion-listener>
    <emotion-timeline for="timeline-mic" visible-seconds="15" style="margin-top: 1rem"></emotion-timeline>`,
};

/** Translated texts (`strings`) and themed colours. */
export const TranslatedAndThemed: Story = {
  render: () => html`<emotion-timeline label="Gesprächsverlauf"
    style="--emovox-emotion-happy-color: #2da44e; --emovox-timeline-valence-color: #8250df; --emovox-timeline-height: 220px"
    .strings=${{
      label: 'Emotionsverlauf', valence: 'Valenz', arousal: 'Erregung', empty: 'Noch keine Äußerungen',
      labelName: (l: string) => ({ neutral: 'neutral', happy: 'fröhlich', sad: 'traurig', angry: 'wütend' })[l] ?? l,
      overview: (n: number) => `${n} Äußerungen`,
    }}
    .results=${sampleSession(20)}></emotion-timeline>`,
};
