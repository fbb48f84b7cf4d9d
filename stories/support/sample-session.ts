import { valenceArousal, type CanonicalLabel, type EmotionResult } from '../../src/sdk/index.ts';

const labels: readonly CanonicalLabel[] = ['neutral', 'happy', 'sad', 'angry'];

/** Small deterministic PRNG (mulberry32), so a story or test shows the same session every time. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` final results in time order, as a live session or `analyze()` would give: utterances of
 * 0.8–4 s with 0.3–2 s pauses, a mood that drifts slowly (so trends show), valence/arousal from the
 * SDK's circumplex of the probabilities.
 */
export function sampleSession(count: number, seed = 7): EmotionResult[] {
  const next = random(seed);
  const results: EmotionResult[] = [];
  let t = 300;
  let mood = Math.floor(next() * labels.length);
  for (let i = 0; i < count; i++) {
    if (next() < 0.3) mood = Math.floor(next() * labels.length);
    const weights = labels.map((_, k) => (k === mood ? 2 + next() * 4 : next()));
    const sum = weights.reduce((a, b) => a + b, 0);
    const probabilities = weights.map((w) => w / sum);
    const best = probabilities.indexOf(Math.max(...probabilities));
    const duration = 800 + next() * 3200;
    results.push({
      label: labels[best], confidence: probabilities[best], final: true,
      probabilities: Object.fromEntries(labels.map((l, k) => [l, probabilities[k]])),
      ...valenceArousal(labels, probabilities),
      startMs: Math.round(t), endMs: Math.round(t + duration),
    });
    t += duration + 300 + next() * 1700;
  }
  return results;
}
