import { circumplex, type CanonicalLabel, type EmotionResult } from '../../src/sdk/index.ts';

/**
 * A result whose dominant label has probability `confidence` and whose remaining probability is
 * neutral; valence/arousal follow from the circumplex exactly as the SDK computes them.
 */
export function result(label: CanonicalLabel, confidence: number, startMs: number, endMs = startMs + 1500, final = true): EmotionResult {
  const probabilities: Record<string, number> = { neutral: 1 - confidence, [label]: confidence };
  if (label === 'neutral') probabilities.neutral = 1;
  return {
    label,
    confidence,
    probabilities,
    valence: circumplex[label].valence * confidence,
    arousal: circumplex[label].arousal * confidence,
    startMs,
    endMs,
    final,
  };
}
