import type { StateRule } from './policy-options.ts';
import type { RollingWindow, WindowEntry } from './rolling-window.ts';
import type { EmotionTrend } from './types.ts';

/**
 * How far a point lies inside the rule's region: the smallest margin over its bounds
 * (negative outside). Trends of a state are trends of this score.
 */
export function ruleScore(rule: StateRule, point: { valence: number; arousal: number }): number {
  const margins: number[] = [];
  if (rule.valenceAbove !== undefined) margins.push(point.valence - rule.valenceAbove);
  if (rule.valenceBelow !== undefined) margins.push(rule.valenceBelow - point.valence);
  if (rule.arousalAbove !== undefined) margins.push(point.arousal - rule.arousalAbove);
  if (rule.arousalBelow !== undefined) margins.push(rule.arousalBelow - point.arousal);
  return margins.length === 0 ? 0 : Math.min(...margins);
}

/** The first rule whose bounds hold for the window's mean valence/arousal, or `undefined`. */
export function activeRule(rules: readonly StateRule[], window: RollingWindow): StateRule | undefined {
  const mean = { valence: window.mean((e) => e.valence), arousal: window.mean((e) => e.arousal) };
  return rules.find((rule) => window.size >= (rule.minUtterances ?? 2) && ruleScore(rule, mean) >= 0);
}

/**
 * Compares the mean score of the newer half of the window with the older half (the middle entry of
 * an odd count is left out); a difference beyond `threshold` is a trend.
 */
export function windowTrend(entries: readonly WindowEntry[], score: (e: WindowEntry) => number, threshold: number): EmotionTrend {
  if (entries.length < 2) return 'steady';
  const half = Math.floor(entries.length / 2);
  const mean = (part: readonly WindowEntry[]) => part.reduce((sum, e) => sum + score(e), 0) / part.length;
  const difference = mean(entries.slice(-half)) - mean(entries.slice(0, half));
  if (difference > threshold) return 'rising';
  if (difference < -threshold) return 'falling';
  return 'steady';
}
