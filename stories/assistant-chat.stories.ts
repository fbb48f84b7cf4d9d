import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, render } from 'lit';
import { defineEmovoxElements, type EmotionListener } from '../src/components/index.ts';
import { circumplex, type CanonicalLabel, type EmotionResult } from '../src/sdk/index.ts';
import { EmotionFeed, attach, replayResults, type EmotionSource, type EmotionUpdate } from '../src/plugins/core.ts';

// Explicit, because bundlers honour package.json `sideEffects` and may drop a bare import.
defineEmovoxElements();

/** A recorded session: what the user said and the final result the recognizer gave for it. */
const session: ReadonlyArray<{ said: string; label: CanonicalLabel; confidence: number; startMs: number; endMs: number }> = [
  { said: 'Hi, my order has not arrived yet.', label: 'neutral', confidence: 0.62, startMs: 0, endMs: 2200 },
  { said: 'It was supposed to be here on Monday.', label: 'angry', confidence: 0.58, startMs: 3500, endMs: 6000 },
  { said: 'I already called twice about this!', label: 'angry', confidence: 0.74, startMs: 7200, endMs: 9400 },
  { said: 'Nobody ever calls me back.', label: 'angry', confidence: 0.81, startMs: 10_600, endMs: 12_800 },
  { said: 'Oh, tomorrow? That works, thank you.', label: 'happy', confidence: 0.7, startMs: 14_500, endMs: 16_600 },
  { said: 'Great, that is really helpful.', label: 'happy', confidence: 0.78, startMs: 17_800, endMs: 19_700 },
  { said: 'Perfect, have a nice day!', label: 'happy', confidence: 0.8, startMs: 20_900, endMs: 22_600 },
];

/** Probability mass not on the label is neutral; valence/arousal follow the SDK's circumplex. */
function recorded(label: CanonicalLabel, confidence: number, startMs: number, endMs: number): EmotionResult {
  return {
    label, confidence, probabilities: { neutral: 1 - confidence, [label]: confidence },
    valence: circumplex[label].valence * confidence, arousal: circumplex[label].arousal * confidence,
    startMs, endMs, final: true,
  };
}

/** The simulated assistant: its tone follows the sustained state the plugin reported. */
function reply(turn: number, update: EmotionUpdate | undefined): string {
  const state = update?.payload.state;
  if (state === 'frustrated') {
    return turn >= 3 ? 'I am sorry, that is not good enough. I am passing you to a person now, and your order ships tomorrow.' : 'I am sorry about the wait. Let me check that right away.';
  }
  if (state === 'pleased') return 'Glad that helps! Anything else I can do?';
  return turn === 0 ? 'Hello! Let me look up your order.' : 'Let me check that for you.';
}

/** Where the user's final utterances come from, and what the chat shows for one. */
interface Conversation {
  readonly source: EmotionSource;
  onUtterance(handler: (result: EmotionResult) => void): () => void;
  said(result: EmotionResult): string;
}

/** The chat: the plugin core attached to `source`, the assistant answering each final utterance. */
function chat(container: HTMLElement, conversation: Conversation): () => void {
  const lines: Array<{ who: 'user' | 'assistant' | 'context'; text: string }> = [];
  let latest: EmotionUpdate | undefined;
  const draw = () => render(html`${lines.map((l) => html`<p class=${l.who} style=${l.who === 'context' ? 'color:#666;font-size:.8em;font-style:italic' : l.who === 'user' ? 'text-align:right' : ''}><b>${l.who}</b> ${l.text}</p>`)}`, container);
  const detach = attach(conversation.source, (update) => {
    latest = update;
    lines.push({ who: 'context', text: update.text });
  }, { policy: { cooldownMs: 0, windowUtterances: 3 } });
  let turn = 0;
  const offUser = conversation.onUtterance((result) => {
    lines.push({ who: 'user', text: conversation.said(result) });
    // The assistant answers after the plugin had its say about this utterance.
    queueMicrotask(() => {
      lines.push({ who: 'assistant', text: reply(turn++, latest) });
      draw();
    });
  });
  draw();
  return () => { offUser(); detach(); };
}

function recordedChat(container: HTMLElement): void {
  const feed = new EmotionFeed();
  chat(container, {
    source: feed,
    onUtterance: (handler) => feed.on('emotion', handler),
    said: (result) => session.find((s) => s.startMs === result.startMs)?.said ?? '',
  });
  replayResults(session.map((s) => recorded(s.label, s.confidence, s.startMs, s.endMs)), feed);
}

function liveChat(listener: EmotionListener, container: HTMLElement): void {
  chat(container, {
    source: listener,
    onUtterance: (handler) => {
      const onEmotion = (event: CustomEvent<EmotionResult>) => handler(event.detail);
      listener.addEventListener('emovox-emotion', onEmotion);
      return () => listener.removeEventListener('emovox-emotion', onEmotion);
    },
    said: (result) => `(${((result.endMs - result.startMs) / 1000).toFixed(1)} s of speech, heard as ${result.label})`,
  });
}

const meta: Meta = { title: 'Plugins/Assistant chat' };
export default meta;

/** Replays a recorded session: the context lines (grey) are what an adapter would send, and the replies change with them. */
export const RecordedSession: StoryObj = {
  render: () => {
    const container = document.createElement('div');
    container.style.maxWidth = '34rem';
    recordedChat(container);
    return container;
  },
};

/**
 * The same assistant attached to a real `<emotion-listener>` (VAD, features and the shipped model in a
 * worker): press "Start listening" and speak; the context lines are what an adapter would send.
 */
export const LivePipeline: StoryObj = {
  render: () => {
    const root = document.createElement('div');
    root.style.maxWidth = '34rem';
    const listener = document.createElement('emotion-listener');
    const container = document.createElement('div');
    root.append(listener, container);
    liveChat(listener, container);
    return root;
  },
};
