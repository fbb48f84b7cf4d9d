import type { EvaluationMetrics } from './metrics.ts';
import { PixelCanvas } from './pixel-font.ts';
import { encodePng } from './png.ts';

/** Row-normalised confusion matrix (recall per true class) with counts. */
function rows(metrics: EvaluationMetrics): { labels: readonly string[]; share: number[][]; counts: readonly (readonly number[])[] } {
  const { labels, matrix } = metrics.confusion;
  const share = matrix.map((row) => {
    const total = row.reduce((a, b) => a + b, 0);
    return row.map((v) => (total > 0 ? v / total : 0));
  });
  return { labels, share, counts: matrix };
}

function shade(share: number): [number, number, number] {
  // White to dark blue; text flips to white on dark cells.
  return [Math.round(255 - 222 * share), Math.round(255 - 178 * share), Math.round(255 - 75 * share)];
}

/** PNG of the confusion matrix: rows are true labels, columns predictions, cells show row percentages. */
export function confusionPng(metrics: EvaluationMetrics, title: string): Uint8Array {
  const { labels, share } = rows(metrics);
  const scale = 2;
  const cell = 52;
  const left = Math.max(...labels.map((l) => PixelCanvas.textWidth(l, scale))) + 16;
  const top = 60;
  const width = left + cell * labels.length + 20;
  const height = top + cell * labels.length + 40;
  const canvas = new PixelCanvas(width, height);
  const black: [number, number, number] = [20, 20, 20];
  canvas.text(10, 8, title, scale, black);
  labels.forEach((label, j) => canvas.text(left + j * cell + 4, top - 18, label.slice(0, 6), scale, black));
  labels.forEach((label, i) => {
    canvas.text(8, top + i * cell + cell / 2 - 5, label, scale, black);
    labels.forEach((_, j) => {
      const s = share[i][j];
      canvas.fill(left + j * cell, top + i * cell, cell - 2, cell - 2, shade(s));
      const text = `${Math.round(s * 100)}`;
      canvas.text(left + j * cell + (cell - PixelCanvas.textWidth(text, scale)) / 2, top + i * cell + cell / 2 - 6, text, scale, s > 0.5 ? [255, 255, 255] : black);
    });
  });
  canvas.text(left, top + cell * labels.length + 12, 'rows: true label, columns: predicted (% of row)', 1, black);
  return encodePng(width, height, canvas.rgb);
}

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** The same matrix as SVG, with labels, row percentages and counts. */
export function confusionSvg(metrics: EvaluationMetrics, title: string): string {
  const { labels, share, counts } = rows(metrics);
  const cell = 64;
  const left = 110;
  const top = 80;
  const size = labels.length * cell;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${left + size + 20}" height="${top + size + 50}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="10" y="22" font-size="15" font-weight="bold">${escape(title)}</text>`,
  ];
  labels.forEach((label, j) => parts.push(`<text x="${left + j * cell + cell / 2}" y="${top - 10}" text-anchor="middle">${escape(label)}</text>`));
  labels.forEach((label, i) => {
    parts.push(`<text x="${left - 8}" y="${top + i * cell + cell / 2 + 4}" text-anchor="end">${escape(label)}</text>`);
    labels.forEach((_, j) => {
      const [r, g, b] = shade(share[i][j]);
      const fg = share[i][j] > 0.5 ? 'white' : 'black';
      parts.push(`<rect x="${left + j * cell}" y="${top + i * cell}" width="${cell - 2}" height="${cell - 2}" fill="rgb(${r},${g},${b})"/>`);
      parts.push(`<text x="${left + j * cell + cell / 2 - 1}" y="${top + i * cell + cell / 2}" text-anchor="middle" fill="${fg}" font-size="14">${Math.round(share[i][j] * 100)}%</text>`);
      parts.push(`<text x="${left + j * cell + cell / 2 - 1}" y="${top + i * cell + cell / 2 + 16}" text-anchor="middle" fill="${fg}" font-size="10">${counts[i][j]}</text>`);
    });
  });
  parts.push(`<text x="${left}" y="${top + size + 30}">rows: true label; columns: predicted label; % of row (recall), count below</text>`, '</svg>');
  return parts.join('\n') + '\n';
}
