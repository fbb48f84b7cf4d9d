import { css } from 'lit';

export const emotionMeterStyles = css`
  :host {
    display: block;
    font: var(--emovox-font, 14px/1.4 system-ui, sans-serif);
    color: var(--emovox-text-color, #1f2328);
  }
  :host([hidden]) { display: none; }
  .header { display: flex; align-items: baseline; gap: 0.5em; min-height: 2.2em; }
  .swatch { width: 0.9em; height: 0.9em; border-radius: 50%; align-self: center; flex: none; }
  .label { font-size: 1.6em; font-weight: 700; text-transform: capitalize; }
  .confidence { color: var(--emovox-muted-color, #656d76); font-variant-numeric: tabular-nums; }
  .badge {
    font-size: 0.75em; padding: 0.1em 0.5em; border-radius: 1em;
    /* #57606a on #eaeef2 is 5.6:1: small text needs 4.5:1 (the muted colour alone gave 4.2:1). */
    background: var(--emovox-badge-background, #eaeef2); color: var(--emovox-badge-color, #57606a);
  }
  .empty { color: var(--emovox-muted-color, #656d76); }
  ul { list-style: none; margin: 0.5em 0; padding: 0; display: grid; gap: 0.3em; }
  li { display: grid; grid-template-columns: 6.5em 1fr 3.2em; align-items: center; gap: 0.5em; }
  .bar-label { text-transform: capitalize; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .bar {
    height: var(--emovox-bar-height, 0.8em);
    border-radius: var(--emovox-bar-radius, 0.4em);
    background: var(--emovox-bar-track-color, #eaeef2);
    overflow: hidden;
  }
  .bar-fill {
    height: 100%;
    border-radius: inherit;
    transition: width var(--emovox-bar-transition, 180ms) ease-out;
  }
  .bar-value { text-align: right; font-variant-numeric: tabular-nums; color: var(--emovox-muted-color, #656d76); }
  .affect { display: flex; gap: 1em; align-items: center; margin-top: 0.5em; }
  .plane {
    position: relative; flex: none;
    width: var(--emovox-affect-size, 84px); height: var(--emovox-affect-size, 84px);
    border: 1px solid var(--emovox-bar-track-color, #d0d7de); border-radius: 6px;
    background:
      linear-gradient(var(--emovox-bar-track-color, #d0d7de), var(--emovox-bar-track-color, #d0d7de)) center / 1px 100% no-repeat,
      linear-gradient(var(--emovox-bar-track-color, #d0d7de), var(--emovox-bar-track-color, #d0d7de)) center / 100% 1px no-repeat;
  }
  .dot {
    position: absolute; width: 10px; height: 10px; margin: -5px 0 0 -5px; border-radius: 50%;
    background: var(--emovox-accent-color, #3867d6);
    transition: left var(--emovox-bar-transition, 180ms), top var(--emovox-bar-transition, 180ms);
  }
  .axis { position: absolute; font-size: 0.7em; line-height: 1; color: var(--emovox-muted-color, #656d76); }
  .valence { right: 3px; top: calc(50% + 3px); }
  .arousal { left: calc(50% + 4px); top: 3px; }
  dl { margin: 0; display: grid; grid-template-columns: auto auto; gap: 0.1em 0.75em; }
  dt { color: var(--emovox-muted-color, #656d76); }
  dd { margin: 0; font-variant-numeric: tabular-nums; }
`;
