import { css } from 'lit';

export const spectrogramStyles = css`
  :host {
    --emovox-plot-height: var(--emovox-spectrogram-height, 180px);
  }
`;
