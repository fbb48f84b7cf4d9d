/** Default colours for the labels our models use; any other label gets the accent colour. */
const defaultColors: Readonly<Record<string, string>> = {
  neutral: '#8c959f',
  calm: '#1b998b',
  happy: '#e3a008',
  sad: '#3867d6',
  angry: '#d1242f',
  fearful: '#8250df',
  fear: '#8250df',
  disgust: '#4d7c0f',
  surprised: '#db2777',
  surprise: '#db2777',
};

/** CSS-safe form of a label, used in `--emovox-emotion-<label>-color`. */
export function labelToken(label: string): string {
  return label.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
}

/** The built-in colour of a label (a plain colour, usable on a canvas). */
export function defaultLabelColor(label: string): string {
  return defaultColors[labelToken(label)] ?? '#3867d6';
}

/** A `var()` expression so apps can recolour any label with a CSS custom property. */
export function labelColor(label: string): string {
  const token = labelToken(label);
  const fallback = defaultColors[token] ?? 'var(--emovox-accent-color, #3867d6)';
  return `var(--emovox-emotion-${token}-color, ${fallback})`;
}

/** Percent text with no decimals, e.g. "82%". */
export function percent(value: number): string {
  return `${Math.round(Math.max(0, Math.min(1, value)) * 100)}%`;
}

/** Signed value with two decimals and a true minus sign. */
export function signed(value: number): string {
  const text = Math.abs(value).toFixed(2);
  return value < 0 ? `\u2212${text}` : `+${text}`;
}
