import { css } from 'lit';

export const emotionListenerStyles = css`
  :host {
    display: block;
    padding: var(--emovox-padding, 1em);
    border: var(--emovox-border, 1px solid #d0d7de);
    border-radius: var(--emovox-radius, 10px);
    background: var(--emovox-background, #fff);
    color: var(--emovox-text-color, #1f2328);
    font: var(--emovox-font, 14px/1.4 system-ui, sans-serif);
  }
  :host([hidden]) { display: none; }
  .controls { display: flex; align-items: center; gap: 0.75em; flex-wrap: wrap; margin-bottom: 0.75em; }
  button {
    display: inline-flex; align-items: center; gap: 0.5em;
    font: inherit; font-weight: 600; cursor: pointer;
    padding: 0.5em 1em; border-radius: 2em;
    border: 1px solid transparent;
    background: var(--emovox-button-background, #1f6feb);
    color: var(--emovox-button-color, #fff);
  }
  button:focus-visible { outline: 3px solid var(--emovox-focus-color, #0969da); outline-offset: 2px; }
  button[disabled] { cursor: default; opacity: 0.6; }
  :host([state='listening']) button, :host([state='starting']) button {
    background: var(--emovox-button-active-background, #cf222e);
  }
  .indicator { width: 0.6em; height: 0.6em; border-radius: 50%; background: currentColor; opacity: 0.5; }
  :host([state='listening']) .indicator { opacity: 1; animation: pulse 1.2s ease-in-out infinite; }
  .speaking .indicator { animation-duration: 0.5s; }
  @keyframes pulse { 50% { transform: scale(1.5); } }
  @media (prefers-reduced-motion: reduce) { .indicator { animation: none !important; } }
  .status { color: var(--emovox-muted-color, #656d76); }
  .error { color: var(--emovox-error-color, #cf222e); margin: 0.5em 0 0; }
  .visually-hidden {
    position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0;
    overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap;
  }
`;
