import assert from 'node:assert/strict';
import { test } from 'node:test';
import { calibrationMetrics } from '../../src/eval/calibration.ts';
import { pythonHas, runReference } from '../helpers/python.ts';

interface Report {
  temperature: number;
  record: { nllBefore: number; nllAfter: number; eceBefore: number; eceAfter: number };
  ece: number;
  confidences: number[];
  correct: boolean[];
}

const skip = !pythonHas('numpy') && 'needs /usr/bin/python3 with numpy';

test('temperature scaling recovers the temperature of over-confident logits and lowers NLL and ECE', { skip }, () => {
  const r = runReference<Report>('check_calibration.py');
  // Logits 3x those the labels were drawn from: T = 3 within the 4,000-clip sampling error.
  assert.ok(Math.abs(r.temperature - 3) < 0.25, String(r.temperature));
  assert.ok(r.record.nllAfter < r.record.nllBefore - 0.3, JSON.stringify(r.record));
  assert.ok(r.record.eceAfter < 0.03 && r.record.eceBefore > 0.2, JSON.stringify(r.record));
});

test("the trainer's ECE and emovox eval's ECE agree (two implementations, 1e-9)", { skip }, () => {
  const r = runReference<Report>('check_calibration.py');
  const ours = calibrationMetrics(r.confidences, r.correct);
  assert.ok(Math.abs(ours.ece - r.ece) < 1e-9, `${ours.ece} vs ${r.ece}`);
});
