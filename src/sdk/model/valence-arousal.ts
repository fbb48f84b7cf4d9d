import type { CanonicalLabel } from './labels.ts';

/**
 * Position of each canonical label on Russell's circumplex of affect (valence = unpleasant..pleasant,
 * arousal = deactivated..activated), both in [-1, 1]. The values are the usual approximate
 * placements (Russell 1980, Fig. 1; Scherer 2005): neutral sits at the origin, calm is pleasant and
 * deactivated, angry and fearful are unpleasant and activated, sad is unpleasant and deactivated.
 *
 * | label     | valence | arousal |
 * |-----------|---------|---------|
 * | neutral   |  0.0    |  0.0    |
 * | calm      |  0.4    | -0.6    |
 * | happy     |  0.8    |  0.5    |
 * | sad       | -0.7    | -0.5    |
 * | angry     | -0.6    |  0.8    |
 * | fearful   | -0.6    |  0.6    |
 * | disgusted | -0.7    |  0.3    |
 * | surprised |  0.3    |  0.8    |
 */
export const circumplex: Readonly<Record<CanonicalLabel, { readonly valence: number; readonly arousal: number }>> = Object.freeze({
  neutral: { valence: 0, arousal: 0 },
  calm: { valence: 0.4, arousal: -0.6 },
  happy: { valence: 0.8, arousal: 0.5 },
  sad: { valence: -0.7, arousal: -0.5 },
  angry: { valence: -0.6, arousal: 0.8 },
  fearful: { valence: -0.6, arousal: 0.6 },
  disgusted: { valence: -0.7, arousal: 0.3 },
  surprised: { valence: 0.3, arousal: 0.8 },
});

/**
 * Valence and arousal as the probability-weighted mean of the labels' circumplex coordinates
 * (normalised by the total probability, so the result stays in [-1, 1]).
 */
export function valenceArousal(labels: readonly CanonicalLabel[], probabilities: ArrayLike<number>): { valence: number; arousal: number } {
  if (labels.length !== probabilities.length) {
    throw new RangeError(`valenceArousal: ${labels.length} labels but ${probabilities.length} probabilities`);
  }
  let valence = 0;
  let arousal = 0;
  let total = 0;
  for (let i = 0; i < labels.length; i++) {
    const p = probabilities[i];
    valence += p * circumplex[labels[i]].valence;
    arousal += p * circumplex[labels[i]].arousal;
    total += p;
  }
  return total > 0 ? { valence: valence / total, arousal: arousal / total } : { valence: 0, arousal: 0 };
}
