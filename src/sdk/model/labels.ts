/**
 * The canonical emotion labels every emovox model, importer and evaluation uses, in this order.
 * Corpora with other names are mapped onto them (see `src/datasets/labels.ts`).
 */
export const canonicalLabels = ['neutral', 'calm', 'happy', 'sad', 'angry', 'fearful', 'disgusted', 'surprised'] as const;

export type CanonicalLabel = (typeof canonicalLabels)[number];

export function isCanonicalLabel(value: unknown): value is CanonicalLabel {
  return typeof value === 'string' && (canonicalLabels as readonly string[]).includes(value);
}
