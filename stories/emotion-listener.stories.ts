import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { defineEmovoxElements } from '../src/components/index.ts';
import type { RecognizerOptions } from '../src/sdk/index.ts';
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

/** Asking for the microphone: `start()` waits on the browser's permission prompt. */
export const AskingForMicrophone: Story = {
  render: () => html`<emotion-listener style="max-width: 28rem" autostart .recognizerFactory=${scriptedFactory({ script: 'asking' })}></emotion-listener>`,
};

/** Listening; nobody has spoken yet. */
export const Listening: Story = {
  render: () => html`<emotion-listener style="max-width: 28rem" autostart .recognizerFactory=${scriptedFactory({ script: 'silent' })}></emotion-listener>`,
};

/** Someone is speaking: interim estimates arrive every half second. */
export const SpeakingWithInterimUpdates: Story = {
  render: () => html`<emotion-listener style="max-width: 28rem" autostart .recognizerFactory=${scriptedFactory({ script: 'speaking' })}></emotion-listener>`,
};

/** The microphone permission was denied. */
export const PermissionDenied: Story = {
  render: () => html`<emotion-listener style="max-width: 28rem" autostart .recognizerFactory=${scriptedFactory({
    startError: { code: 'MIC_PERMISSION_DENIED', message: 'MIC_PERMISSION_DENIED: microphone access was denied; allow it in the site settings' },
  })}></emotion-listener>`,
};

/** There is no microphone. */
export const NoMicrophone: Story = {
  render: () => html`<emotion-listener style="max-width: 28rem" autostart .recognizerFactory=${scriptedFactory({
    startError: { code: 'MIC_NOT_FOUND', message: 'MIC_NOT_FOUND: no audio input device was found' },
  })}></emotion-listener>`,
};

/** The recognizer was destroyed (for example by the app calling `recognizer.destroy()`). */
export const Destroyed: Story = {
  render: () => {
    const factory = scriptedFactory();
    return html`<emotion-listener style="max-width: 28rem" .recognizerFactory=${async (options: RecognizerOptions) => {
      const recognizer = await factory(options);
      setTimeout(() => void recognizer.destroy(), 0);
      return recognizer;
    }}></emotion-listener>`;
  },
};

/** The demo script: four utterances with interim and final results. */
export const Demo: Story = {
  render: () => html`<emotion-listener style="max-width: 28rem" autostart .recognizerFactory=${scriptedFactory()}></emotion-listener>`,
};

/** A final result on display (set through the `result` property). */
export const FinalResult: Story = {
  render: () => html`<emotion-listener style="max-width: 28rem"
    .result=${exampleResult('happy', 0.81)} .recognizerFactory=${scriptedFactory()}></emotion-listener>`,
};

/** Still loading the model. */
export const Loading: Story = {
  render: () => html`<emotion-listener style="max-width: 28rem" .recognizerFactory=${scriptedFactory({ loadMs: -1 })}></emotion-listener>`,
};

/** The model could not be loaded. */
export const ModelFailed: Story = {
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
