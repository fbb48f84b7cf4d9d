import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { defineEmovoxElements } from '../src/components/index.ts';
import { exampleResult, scriptedFactory } from './support/scripted-recognizer.ts';

// Explicit, because bundlers honour package.json `sideEffects` and may drop a bare import.
defineEmovoxElements();

interface Args {
  autostart: boolean;
  interimInterval: number;
}

/**
 * `<emotion-listener>` with a scripted recognizer: no model and no microphone.
 * Press "Start listening" to play a short script of interim and final results.
 */
const meta: Meta<Args> = {
  title: 'Components/emotion-listener',
  component: 'emotion-listener',
  args: { autostart: false, interimInterval: 500 },
  argTypes: {
    autostart: { control: 'boolean' },
    interimInterval: { control: { type: 'number', min: 100, step: 100 } },
  },
  render: (args) => html`<emotion-listener style="max-width: 28rem" ?autostart=${args.autostart}
    interim-interval=${args.interimInterval} .recognizerFactory=${scriptedFactory()}></emotion-listener>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Model loaded, waiting for the user to start. */
export const Idle: Story = {};

/** Listening, with an interim estimate on display. */
export const Listening: Story = {
  render: () => html`<emotion-listener style="max-width: 28rem" autostart
    .result=${exampleResult('angry', 0.58, false)} .recognizerFactory=${scriptedFactory()}></emotion-listener>`,
};

/** A final result on display (set through the `result` property). */
export const WithResult: Story = {
  render: () => html`<emotion-listener style="max-width: 28rem"
    .result=${exampleResult('happy', 0.81)} .recognizerFactory=${scriptedFactory()}></emotion-listener>`,
};

/** Still loading the model. */
export const Loading: Story = {
  render: () => html`<emotion-listener style="max-width: 28rem" .recognizerFactory=${scriptedFactory({ loadMs: -1 })}></emotion-listener>`,
};

/** The model could not be loaded. */
export const LoadError: Story = {
  render: () => html`<emotion-listener style="max-width: 28rem"
    .recognizerFactory=${scriptedFactory({ fail: 'MODEL_LOAD_FAILED: manifest.json answered 404' })}></emotion-listener>`,
};

/** Themed with CSS custom properties and parts. */
export const Themed: Story = {
  render: () => html`<style>
      .dark {
        --emovox-background: #0d1117; --emovox-text-color: #e6edf3; --emovox-muted-color: #9198a1;
        --emovox-border: 1px solid #30363d; --emovox-bar-track-color: #30363d; --emovox-badge-background: #30363d;
        --emovox-button-background: #238636; --emovox-emotion-happy-color: #f2cc60;
      }
      .dark::part(label) { letter-spacing: 0.05em; }
    </style>
    <emotion-listener class="dark" style="max-width: 28rem"
      .result=${exampleResult('happy', 0.81)} .recognizerFactory=${scriptedFactory()}></emotion-listener>`,
};
