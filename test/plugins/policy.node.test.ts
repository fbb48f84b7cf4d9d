import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EmotionPolicy, defaultPolicy, resolvePolicy } from '../../src/plugins/core.ts';
import { result } from './results.ts';

describe('resolvePolicy', () => {
  it('fills every documented default', () => {
    assert.deepEqual(resolvePolicy(), defaultPolicy);
    assert.equal(defaultPolicy.minConfidence, 0.4);
    assert.equal(defaultPolicy.cooldownMs, 3000);
    assert.equal(defaultPolicy.windowMs, 20_000);
  });

  it('names the bad option', () => {
    assert.throws(() => resolvePolicy({ minConfidence: 1.5 }), /RangeError: policy.minConfidence/);
    assert.throws(() => resolvePolicy({ cooldownMs: -1 }), /policy.cooldownMs/);
    assert.throws(() => resolvePolicy({ debounceMs: Number.NaN }), /policy.debounceMs/);
    assert.throws(() => resolvePolicy({ windowUtterances: 0 }), /policy.windowUtterances/);
    assert.throws(() => resolvePolicy({ labelThresholds: { angry: 2 } }), /policy.labelThresholds.angry/);
    assert.throws(() => resolvePolicy({ includeInterim: 'yes' as unknown as boolean }), /TypeError: policy.includeInterim/);
    assert.throws(() => resolvePolicy({ states: [{ name: '' }] }), /TypeError: policy.states\[0\].name/);
    assert.throws(() => resolvePolicy({ states: [{ name: 'x', valenceAbove: 3 }] }), /policy.states\[0\].valenceAbove/);
    assert.throws(() => resolvePolicy(null as unknown as object), /TypeError: policy must be an object/);
  });
});

describe('EmotionPolicy thresholds and interim results', () => {
  it('drops results below minConfidence and below a per-label threshold', () => {
    const policy = new EmotionPolicy({ minConfidence: 0.5, labelThresholds: { angry: 0.8 } });
    assert.equal(policy.evaluate(result('happy', 0.45, 0)), undefined);
    assert.equal(policy.evaluate(result('happy', 0.5, 2000))?.update.payload.label, 'happy');
    assert.equal(policy.evaluate(result('angry', 0.7, 4000)), undefined);
    assert.equal(policy.evaluate(result('angry', 0.85, 6000))?.update.payload.label, 'angry');
  });

  it('ignores interim results unless includeInterim; interim and final of one utterance share utteranceId', () => {
    assert.equal(new EmotionPolicy().evaluate(result('sad', 0.9, 1000, 1500, false)), undefined);
    const policy = new EmotionPolicy({ includeInterim: true });
    const interim = policy.evaluate(result('sad', 0.9, 1000, 1500, false))?.update.payload;
    const final = policy.evaluate(result('sad', 0.9, 1000, 2600, true))?.update.payload;
    assert.equal(interim?.final, false);
    assert.equal(final?.final, true);
    assert.equal(interim?.utteranceId, 'utt-1000');
    assert.equal(final?.utteranceId, interim?.utteranceId);
    // The final replaced the interim in the window: one utterance, so no sustained state yet.
    assert.equal(final?.state, null);
  });

  it('builds the payload from the result only, without audio or probabilities', () => {
    const r = { ...result('happy', 0.8, 0), audio: new Float32Array(16) };
    const payload = new EmotionPolicy().evaluate(r)?.update.payload;
    assert.deepEqual(Object.keys(payload ?? {}).sort(), ['arousal', 'confidence', 'final', 'label', 'since', 'state', 'trend', 'utteranceId', 'valence']);
    assert.equal(payload?.valence, r.valence);
  });
});

describe('EmotionPolicy sustained states', () => {
  it('reports frustrated once two utterances of the window are unpleasant and activated, since the first', () => {
    const policy = new EmotionPolicy();
    const first = policy.evaluate(result('angry', 0.6, 1000, 3000));
    assert.equal(first?.update.payload.state, null);
    assert.equal(first?.update.text, 'The user currently sounds angry (confidence 0.60).');
    const second = policy.evaluate(result('angry', 0.71, 5000, 7000))?.update;
    assert.equal(second?.payload.state, 'frustrated');
    assert.equal(second?.payload.since, 1000);
    const third = policy.evaluate(result('angry', 0.9, 9000, 21_000))?.update;
    assert.equal(third?.payload.trend, 'rising');
    assert.equal(third?.text, 'The user has sounded increasingly frustrated for the last 20 seconds (angry 0.90).');
  });

  it('forgets utterances older than windowMs and beyond windowUtterances', () => {
    const byTime = new EmotionPolicy({ windowMs: 10_000 });
    byTime.evaluate(result('angry', 0.9, 0, 1000));
    assert.equal(byTime.evaluate(result('angry', 0.9, 20_000, 21_000))?.update.payload.state, null);

    const byCount = new EmotionPolicy({ windowUtterances: 2 });
    byCount.evaluate(result('angry', 0.9, 0));
    byCount.evaluate(result('angry', 0.9, 2000));
    byCount.evaluate(result('happy', 0.9, 4000));
    // Window = [angry, happy]: mean valence 0.09, not frustrated; a third happy makes it pleased.
    assert.equal(byCount.evaluate(result('happy', 0.9, 6000))?.update.payload.state, 'pleased');
  });

  it('reports a falling trend and the falling sentence as the state eases', () => {
    const policy = new EmotionPolicy({ windowUtterances: 4 });
    policy.evaluate(result('angry', 1, 0));
    policy.evaluate(result('angry', 1, 2000));
    policy.evaluate(result('angry', 0.6, 4000));
    const eased = policy.evaluate(result('angry', 0.55, 6000))?.update;
    assert.equal(eased?.payload.state, 'frustrated');
    assert.equal(eased?.payload.trend, 'falling');
    assert.equal(eased?.text, 'The user still sounds frustrated, but less so than before (angry 0.55).');
  });

  it('uses custom rules with minUtterances', () => {
    const policy = new EmotionPolicy({ states: [{ name: 'low', arousalBelow: -0.2, minUtterances: 3 }] });
    policy.evaluate(result('calm', 0.9, 0));
    assert.equal(policy.evaluate(result('sad', 0.9, 2000))?.update.payload.state, null);
    assert.equal(policy.evaluate(result('calm', 0.9, 4000))?.update.payload.state, 'low');
  });

  it('starts a new window when the audio clock restarts', () => {
    const policy = new EmotionPolicy();
    policy.evaluate(result('angry', 0.9, 50_000, 52_000));
    assert.equal(policy.evaluate(result('angry', 0.9, 0, 1500))?.update.payload.state, null);
  });
});

describe('context templates', () => {
  it('can be replaced and localised, names included', () => {
    const policy = new EmotionPolicy({}, {
      steady: 'Die Person klingt seit {seconds} Sekunden {state} ({label} {confidence}).',
      label: 'Die Person klingt {label}.',
      labels: { angry: 'wütend' },
      states: { frustrated: 'frustriert' },
    });
    assert.equal(policy.evaluate(result('angry', 0.8, 0, 2000))?.update.text, 'Die Person klingt wütend.');
    assert.equal(
      policy.evaluate(result('angry', 0.8, 4000, 10_000))?.update.text,
      'Die Person klingt seit 10 Sekunden frustriert (wütend 0.80).',
    );
  });
});
