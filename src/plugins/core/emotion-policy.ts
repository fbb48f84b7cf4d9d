import { contextLine, type ContextTemplates } from './context-text.ts';
import { resolvePolicy, type PolicyOptions, type ResolvedPolicy } from './policy-options.ts';
import { RollingWindow, utteranceIdOf } from './rolling-window.ts';
import { activeRule, ruleScore, windowTrend } from './state-rules.ts';
import type { EmotionPayload, EmotionResult, EmotionUpdate } from './types.ts';

/** An update the policy would send, with the key that change-only compares. */
export interface Candidate {
  readonly update: EmotionUpdate;
  /** `label|state`: equal keys are "no change". */
  readonly key: string;
}

/**
 * The stateless-in-time part of the policy: thresholds, interim filtering, the rolling window,
 * sustained states, trend and the context line. Timing (debounce, cooldown, change-only against
 * what was really sent) is {@link SendGate}'s job.
 */
export class EmotionPolicy {
  readonly options: ResolvedPolicy;
  private readonly window: RollingWindow;
  private currentKey = '';
  private since = 0;

  constructor(options: PolicyOptions = {}, private readonly templates: Partial<ContextTemplates> = {}) {
    this.options = resolvePolicy(options);
    this.window = new RollingWindow(this.options.windowMs, this.options.windowUtterances);
  }

  /** The candidate update for `result`, or `undefined` when the result is filtered out. */
  evaluate(result: EmotionResult): Candidate | undefined {
    const { options } = this;
    if (!result.final && !options.includeInterim) return undefined;
    const threshold = options.labelThresholds[result.label] ?? options.minConfidence;
    if (!(result.confidence >= threshold)) return undefined;

    this.window.add(result);
    const rule = activeRule(options.states, this.window);
    const state = rule?.name ?? null;
    const key = `${result.label}|${state ?? ''}`;
    // `since` follows the state while one holds (its evidence starts with the window), else the label.
    const tracked = state ?? `label:${result.label}`;
    if (tracked !== this.currentKey) {
      this.currentKey = tracked;
      this.since = state === null ? result.startMs : (this.window.items[0]?.startMs ?? result.startMs);
    }
    const trend = windowTrend(
      this.window.items,
      rule ? (e) => ruleScore(rule, e) : (e) => e.arousal,
      options.trendThreshold,
    );
    const payload: EmotionPayload = {
      label: result.label,
      confidence: result.confidence,
      valence: result.valence,
      arousal: result.arousal,
      state,
      trend,
      since: this.since,
      utteranceId: utteranceIdOf(result),
      final: result.final,
    };
    return { key, update: { payload, text: contextLine(payload, result.endMs, this.templates) } };
  }

  /** Forgets the window and the tracked state. */
  reset(): void {
    this.window.clear();
    this.currentKey = '';
  }
}
