import { canonicalLabels, isCanonicalLabel, type CanonicalLabel } from '../sdk/model/labels.ts';

export { canonicalLabels, isCanonicalLabel, type CanonicalLabel };

/**
 * Label names used by corpora and how they merge onto the canonical set. Only exact synonyms
 * are merged; labels with no canonical counterpart (EmoDB's `boredom`) are kept as they are, so
 * `emovox eval` reports them as unknown until the user maps (`--map boredom=neutral`) or drops them.
 */
export const labelSynonyms: Readonly<Record<string, CanonicalLabel>> = Object.freeze({
  neutral: 'neutral', neu: 'neutral',
  calm: 'calm',
  happy: 'happy', happiness: 'happy', joy: 'happy', hap: 'happy',
  sad: 'sad', sadness: 'sad',
  angry: 'angry', anger: 'angry', ang: 'angry',
  fearful: 'fearful', fear: 'fearful', fea: 'fearful',
  disgusted: 'disgusted', disgust: 'disgusted', dis: 'disgusted',
  surprised: 'surprised', surprise: 'surprised', ps: 'surprised', 'pleasant surprise': 'surprised', pleasant_surprise: 'surprised', pleasant_surprised: 'surprised',
});

/** The canonical label for a corpus label (case-insensitive), or the label unchanged (lower-cased) when it has none. */
export function canonicalLabel(label: string): string {
  const key = label.trim().toLowerCase();
  return labelSynonyms[key] ?? key;
}
