import { css } from 'lit';

export const waveformStyles = css`
  :host {
    --emovox-plot-height: var(--emovox-waveform-height, 120px);
  }
`;
