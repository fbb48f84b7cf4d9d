/**
 * A sustained state: holds while the mean valence/arousal of the rolling window lies inside
 * the given bounds and the window holds at least `minUtterances` utterances.
 */
export interface StateRule {
  /** Name sent as `payload.state` and shown in the context line. */
  readonly name: string;
  /** Mean valence must be at least this, in [-1, 1]. */
  readonly valenceAbove?: number;
  /** Mean valence must be at most this, in [-1, 1]. */
  readonly valenceBelow?: number;
  /** Mean arousal must be at least this, in [-1, 1]. */
  readonly arousalAbove?: number;
  /** Mean arousal must be at most this, in [-1, 1]. */
  readonly arousalBelow?: number;
  /** Utterances the window must hold before the state can hold. @defaultValue 2 */
  readonly minUtterances?: number;
}

/** When the policy lets an update through. Every field is optional; defaults in {@link defaultPolicy}. */
export interface PolicyOptions {
  /** Results whose `confidence` is below this are ignored, in [0, 1]. @defaultValue 0.4 */
  readonly minConfidence?: number;
  /** Per-label minimum confidence, overriding `minConfidence` for that label (e.g. `{ angry: 0.6 }`). @defaultValue {} */
  readonly labelThresholds?: Readonly<Record<string, number>>;
  /** Also react to interim results (`emotion-update`), not only final ones. @defaultValue false */
  readonly includeInterim?: boolean;
  /** Send only when the label or the state differs from the last update sent. @defaultValue true */
  readonly changeOnly?: boolean;
  /** Wait this long without a newer candidate before sending (the newest wins), ms. @defaultValue 0 */
  readonly debounceMs?: number;
  /** Minimum time between two sends, ms; a candidate arriving sooner is held and sent when it ends. @defaultValue 3000 */
  readonly cooldownMs?: number;
  /** Rolling window for sustained states: audio time covered, ms. @defaultValue 20000 */
  readonly windowMs?: number;
  /** Rolling window: most recent utterances kept. @defaultValue 5 */
  readonly windowUtterances?: number;
  /** Sustained states, first match wins. @defaultValue {@link defaultStateRules} */
  readonly states?: readonly StateRule[];
  /** Difference of window halves' mean score that counts as a trend. @defaultValue 0.1 */
  readonly trendThreshold?: number;
}

export type ResolvedPolicy = Required<PolicyOptions>;

/** Unpleasant and activated (angry, fearful, disgusted), unpleasant and deactivated (sad), pleasant. */
export const defaultStateRules: readonly StateRule[] = Object.freeze([
  { name: 'frustrated', valenceBelow: -0.25, arousalAbove: 0.25 },
  { name: 'downcast', valenceBelow: -0.25, arousalBelow: 0 },
  { name: 'pleased', valenceAbove: 0.3 },
]);

export const defaultPolicy: ResolvedPolicy = Object.freeze({
  minConfidence: 0.4,
  labelThresholds: Object.freeze({}),
  includeInterim: false,
  changeOnly: true,
  debounceMs: 0,
  cooldownMs: 3000,
  windowMs: 20_000,
  windowUtterances: 5,
  states: defaultStateRules,
  trendThreshold: 0.1,
});

function checkRange(name: string, value: unknown, min: number, max: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new RangeError(`policy.${name} must be a number in [${min}, ${max}], got ${String(value)}`);
  }
}

function checkRule(rule: StateRule, index: number): void {
  if (typeof rule?.name !== 'string' || rule.name === '') throw new TypeError(`policy.states[${index}].name must be a non-empty string`);
  for (const key of ['valenceAbove', 'valenceBelow', 'arousalAbove', 'arousalBelow'] as const) {
    if (rule[key] !== undefined) checkRange(`states[${index}].${key}`, rule[key], -1, 1);
  }
  if (rule.minUtterances !== undefined) checkRange(`states[${index}].minUtterances`, rule.minUtterances, 1, 1000);
}

/** Merges `options` over {@link defaultPolicy}; throws `TypeError`/`RangeError` naming the bad option. */
export function resolvePolicy(options: PolicyOptions = {}): ResolvedPolicy {
  if (typeof options !== 'object' || options === null) throw new TypeError('policy must be an object');
  const policy: ResolvedPolicy = { ...defaultPolicy, ...options };
  checkRange('minConfidence', policy.minConfidence, 0, 1);
  checkRange('debounceMs', policy.debounceMs, 0, 3_600_000);
  checkRange('cooldownMs', policy.cooldownMs, 0, 3_600_000);
  checkRange('windowMs', policy.windowMs, 1, 3_600_000);
  checkRange('windowUtterances', policy.windowUtterances, 1, 1000);
  checkRange('trendThreshold', policy.trendThreshold, 0, 2);
  if (typeof policy.labelThresholds !== 'object' || policy.labelThresholds === null) {
    throw new TypeError('policy.labelThresholds must be an object of label -> confidence');
  }
  for (const [label, value] of Object.entries(policy.labelThresholds)) checkRange(`labelThresholds.${label}`, value, 0, 1);
  for (const key of ['includeInterim', 'changeOnly'] as const) {
    if (typeof policy[key] !== 'boolean') throw new TypeError(`policy.${key} must be a boolean`);
  }
  if (!Array.isArray(policy.states)) throw new TypeError('policy.states must be an array of state rules');
  policy.states.forEach(checkRule);
  return policy;
}
