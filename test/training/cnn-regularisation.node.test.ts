import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pythonHas, runReference } from '../helpers/python.ts';

const hasTorch = pythonHas('torch');

interface Masking { timeSpans: number; timeRows: number; bands: number; bandColumns: number; touched: number; masked: number }
interface Report { mask8: Masking; mask12: Masking; dilations: { parametersTwo: number; parametersThree: number; shapes: number[][] } }

const report = (): Report => runReference<Report>('check_cnn_regularisation.py');

/** Parameters of Cnn1d counted from its layer list: bias-free convolutions, BatchNorm (scale, shift), two linear layers. */
function cnnParameters(width: number, channels: number, hidden: number, labels: number, dilated: number): number {
  const conv = (cin: number, k: number): number => cin * channels * k + 2 * channels;
  return conv(width, 5) + conv(channels, 5) + dilated * conv(channels, 3) + (2 * channels * hidden + hidden) + (hidden * labels + labels);
}

test('CNN training masks: at most two time spans and two feature bands, nothing else touched', { skip: !hasTorch && 'needs /usr/bin/python3 with torch' }, () => {
  const r = report();
  for (const [mask, m] of [[8, r.mask8], [12, r.mask12]] as const) {
    assert.equal(m.touched, 0, 'cells outside the masked rows and columns changed');
    assert.ok(m.masked > 150, `masking applied in only ${m.masked} of 200 draws`);
    assert.ok(m.timeSpans <= 2 && m.timeRows <= 40, JSON.stringify(m));
    assert.ok(m.bands <= 2 && m.bandColumns <= 2 * mask, JSON.stringify(m));
    assert.ok(m.bandColumns > mask / 2, `bands never wider than ${m.bandColumns} columns`);
  }
  // The dilated stages: a third one adds one 3-tap convolution; any utterance length gives one score per label.
  assert.equal(r.dilations.parametersTwo, cnnParameters(81, 96, 128, 8, 2));
  assert.equal(r.dilations.parametersThree, cnnParameters(81, 96, 128, 8, 3));
  assert.equal(r.dilations.parametersThree, 194_600);
  assert.deepEqual(r.dilations.shapes, [[1, 8], [1, 8], [1, 8]]);
});
