import { css } from 'lit';

export const emotionTimelineStyles = css`
  :host {
    --emovox-plot-height: var(--emovox-timeline-height, 180px);
    position: relative;
  }
  .plot { position: relative; border-radius: 4px; }
  .plot:focus { outline: none; }
  .plot:focus-visible { outline: 3px solid var(--emovox-focus-color, #0969da); outline-offset: 2px; }
  .details {
    position: absolute; top: 0; transform: translateX(-50%);
    max-width: min(22em, 90%); padding: 0.3em 0.6em; border-radius: 6px; pointer-events: none;
    background: var(--emovox-tooltip-background, #1f2328); color: var(--emovox-tooltip-color, #fff);
    font-size: 0.92em; line-height: 1.3;
    transition: left var(--emovox-timeline-transition, 120ms) ease-out;
  }
  .legend { display: flex; flex-wrap: wrap; gap: 0.25em 1em; list-style: none; margin: 6px 0 0; padding: 0; }
  .legend li { display: inline-flex; align-items: center; gap: 0.35em; }
  .swatch { width: 0.8em; height: 0.8em; border-radius: 2px; border: 1px solid transparent; }
  .line-key { width: 1.4em; height: 0; border-top: 2px solid; }
  .line-key.valence { color: var(--emovox-timeline-valence-color, #1a7f37); }
  .line-key.arousal { color: var(--emovox-timeline-arousal-color, #bc4c00); border-top-style: dashed; }
  .visually-hidden {
    position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0;
    overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap;
  }
  @media (prefers-reduced-motion: reduce) {
    .details { transition: none; }
  }
  @media (forced-colors: active) {
    .plot:focus-visible { outline-color: Highlight; }
    .details { border: 1px solid CanvasText; }
    .swatch { border-color: CanvasText; }
  }
`;
