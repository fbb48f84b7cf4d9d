import { defaultLabelColor, labelToken } from '../emotion-meter/palette.ts';
import type { TimelinePalette } from './timeline-drawing.ts';

/** System colours for forced-colors mode: the browser does not adjust what a canvas draws. */
const forcedPalette: TimelinePalette = {
  text: 'CanvasText',
  grid: 'GrayText',
  labelColor: () => 'CanvasText',
  valence: 'CanvasText',
  arousal: 'CanvasText',
  focus: 'Highlight',
  opacity: false,
};

export function forcedColorsActive(): boolean {
  return globalThis.matchMedia?.('(forced-colors: active)').matches ?? false;
}

/**
 * Resolves the host's CSS custom properties into plain colours for the canvas: one
 * `--emovox-emotion-<label>-color` per label (cached per draw), line, focus and axis colours.
 */
export function timelinePalette(host: Element): TimelinePalette {
  if (forcedColorsActive()) return forcedPalette;
  const style = getComputedStyle(host);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const labels = new Map<string, string>();
  return {
    text: read('--emovox-plot-text-color', '#3b3f46'),
    grid: read('--emovox-plot-grid-color', 'rgba(0, 0, 0, 0.12)'),
    valence: read('--emovox-timeline-valence-color', '#1a7f37'),
    arousal: read('--emovox-timeline-arousal-color', '#bc4c00'),
    focus: read('--emovox-focus-color', '#0969da'),
    opacity: true,
    labelColor: (label) => {
      let color = labels.get(label);
      if (color === undefined) {
        color = read(`--emovox-emotion-${labelToken(label)}-color`, defaultLabelColor(label));
        labels.set(label, color);
      }
      return color;
    },
  };
}
