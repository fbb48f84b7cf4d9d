import { css } from 'lit';

export const emotionSummaryStyles = css`
  :host {
    display: block;
    font: var(--emovox-font, 14px/1.4 system-ui, sans-serif);
    color: var(--emovox-text-color, #1f2328);
  }
  :host([hidden]) { display: none; }
  .h2, .h3 { margin: 0 0 0.4em; line-height: 1.25; font-weight: 600; }
  .h2 { font-size: 1.15em; }
  .h3 { font-size: 0.95em; margin-top: 0.9em; color: var(--emovox-muted-color, #57606a); }
  .overview, .empty { color: var(--emovox-muted-color, #57606a); margin: 0; }
  ul { list-style: none; margin: 0; padding: 0; }
  .shares { display: grid; gap: 0.25em; }
  .shares li { display: grid; grid-template-columns: 8em 1fr; align-items: center; gap: 0.5em; }
  .track { height: var(--emovox-bar-height, 0.7em); border-radius: 0.35em; background: var(--emovox-bar-track-color, #eaeef2); overflow: hidden; }
  .fill { display: block; height: 100%; transition: width var(--emovox-bar-transition, 180ms) ease-out; }
  .chart { height: var(--emovox-summary-chart-height, 80px); border: 1px solid var(--emovox-bar-track-color, #d0d7de); border-radius: 6px; }
  svg { display: block; width: 100%; height: 100%; overflow: visible; }
  polyline { fill: none; stroke-width: 2; vector-effect: non-scaling-stroke; }
  .valence { stroke: var(--emovox-timeline-valence-color, #1a7f37); }
  .arousal { stroke: var(--emovox-timeline-arousal-color, #bc4c00); stroke-dasharray: 5 3; }
  .zero { stroke: var(--emovox-bar-track-color, #d0d7de); vector-effect: non-scaling-stroke; }
  .key { display: flex; gap: 1em; margin: 0.3em 0 0; font-size: 0.9em; }
  .key span::before { content: ''; display: inline-block; width: 1.4em; margin-right: 0.35em; vertical-align: middle; border-top: 2px solid; }
  .key .valence-key { color: var(--emovox-timeline-valence-color, #1a7f37); }
  .key .arousal-key { color: var(--emovox-timeline-arousal-color, #bc4c00); }
  .key .arousal-key::before { border-top-style: dashed; }
  .moments { display: flex; flex-wrap: wrap; gap: 0.4em; }
  button {
    font: inherit; cursor: pointer; padding: 0.3em 0.8em; border-radius: 1em;
    border: 1px solid var(--emovox-bar-track-color, #d0d7de); background: var(--emovox-background, #fff); color: inherit;
  }
  button:focus-visible { outline: 3px solid var(--emovox-focus-color, #0969da); outline-offset: 2px; }
  p { margin: 0.4em 0 0; }
  .visually-hidden {
    position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0;
    overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap;
  }
  @media (prefers-reduced-motion: reduce) {
    .fill { transition: none; }
  }
  @media (forced-colors: active) {
    /* Backgrounds are dropped in forced colours: keep the bars and lines visible in system colours. */
    .fill { forced-color-adjust: none; background: CanvasText !important; }
    .track { border: 1px solid CanvasText; }
    .valence, .arousal { stroke: CanvasText; }
    .key span::before { border-color: CanvasText; }
  }
`;
