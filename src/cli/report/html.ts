// Small helpers shared by the reports: escaping, number formats, label colours and the page shell.

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Seconds with one decimal, or m:ss for longer spans. */
export function formatTime(ms: number): string {
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  return `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, '0')}`;
}

export const signed = (x: number): string => (x >= 0 ? '+' : '') + x.toFixed(2);
export const percent = (x: number): string => `${(x * 100).toFixed(0)} %`;

// Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.
const palette = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#F0E442', '#000000', '#999999'];

/** A stable colour per label: by its position in the model's label list. */
export function labelColor(labels: readonly string[], label: string): string {
  const index = labels.indexOf(label);
  return palette[(index < 0 ? labels.length : index) % palette.length]!;
}

/** A legend of label colours. */
export function legend(labels: readonly string[]): string {
  const items = labels.map((l) => `<span class="key"><i style="background:${labelColor(labels, l)}"></i>${escapeHtml(l)}</span>`);
  return `<p class="legend">${items.join(' ')}</p>`;
}

const style = `body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222;max-width:1100px}
table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:right}
th:first-child,td:first-child{text-align:left}caption{text-align:left;font-weight:600}
.legend .key{margin-right:1em}.legend i{display:inline-block;width:.9em;height:.9em;margin-right:.3em;vertical-align:-.1em}
svg{display:block;margin:.5em 0}svg text{font:11px system-ui,sans-serif;fill:#444}.failed{color:#b00}`;

/**
 * A complete, self-contained page: inline CSS and SVG only, no script and no external request, so it
 * opens offline from a file share and passes a strict Content-Security-Policy.
 */
export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${style}</style></head>
<body>${body}</body></html>
`;
}
