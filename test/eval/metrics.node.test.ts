import assert from 'node:assert/strict';
import { inflateSync } from 'node:zlib';
import { test } from 'node:test';
import { computeMetrics } from '../../src/eval/metrics.ts';
import { encodePng } from '../../src/eval/png.ts';
import { confusionPng, confusionSvg } from '../../src/eval/confusion-image.ts';
import { activePower, colouredNoise, mixAtSnr, mulberry32 } from '../../src/eval/noise.ts';

test('metrics match a hand-worked example', () => {
  // truth:     a a a a b b c   predicted: a a b c b a c
  const m = computeMetrics(['a', 'b', 'c'], ['a', 'a', 'a', 'a', 'b', 'b', 'c'], ['a', 'a', 'b', 'c', 'b', 'a', 'c']);
  assert.equal(m.n, 7);
  assert.ok(Math.abs(m.accuracy - 4 / 7) < 1e-12);
  // recalls: a 2/4, b 1/2, c 1/1 -> UAR 2/3
  assert.ok(Math.abs(m.uar - 2 / 3) < 1e-12);
  // precisions: a 2/3, b 1/2, c 1/2; F1: a 4/7, b 1/2, c 2/3
  assert.ok(Math.abs(m.perClass.a.f1 - 4 / 7) < 1e-12);
  assert.ok(Math.abs(m.macroF1 - (4 / 7 + 1 / 2 + 2 / 3) / 3) < 1e-12);
  assert.deepEqual(m.confusion.matrix, [[2, 1, 1], [1, 1, 0], [0, 0, 1]]);
  assert.equal(m.perClass.b.support, 2);
});

test('classes absent from the truth do not enter UAR or macro-F1 but are listed when predicted', () => {
  const m = computeMetrics(['a', 'b', 'c'], ['a', 'a'], ['a', 'c']);
  assert.equal(m.uar, 0.5);
  assert.equal(m.perClass.c.support, 0);
  assert.equal(m.perClass.b, undefined);
  assert.throws(() => computeMetrics(['a'], ['a'], ['z']), RangeError);
  assert.throws(() => computeMetrics(['a'], [], []), RangeError);
});

test('PNG: signature, chunk CRCs and pixel data survive a zlib round trip', () => {
  const rgb = new Uint8Array(4 * 3 * 3).map((_, i) => i * 7);
  const png = encodePng(4, 3, rgb);
  assert.deepEqual(Array.from(png.subarray(0, 8)), [137, 80, 78, 71, 13, 10, 26, 10]);
  const view = new DataView(png.buffer, png.byteOffset);
  assert.equal(view.getUint32(16), 4);
  assert.equal(view.getUint32(20), 3);
  const idatLength = view.getUint32(33);
  assert.equal(new TextDecoder().decode(png.subarray(37, 41)), 'IDAT');
  const raw = inflateSync(png.subarray(41, 41 + idatLength));
  assert.equal(raw.length, 3 * (1 + 12));
  assert.deepEqual(Array.from(raw.subarray(1, 13)), Array.from(rgb.subarray(0, 12)));
  assert.throws(() => encodePng(2, 2, new Uint8Array(3)), RangeError);
});

test('confusion images are produced for any label set', () => {
  const m = computeMetrics(['neutral', 'angry'], ['neutral', 'angry', 'angry'], ['neutral', 'neutral', 'angry']);
  const png = confusionPng(m, 'test');
  assert.equal(png[1], 80);
  const svg = confusionSvg(m, 'a <b>');
  assert.match(svg, /^<svg/);
  assert.match(svg, /a &lt;b>/);
  assert.match(svg, />50%</);
});

test('mixAtSnr reaches the requested SNR against the active speech power within 0.01 dB', () => {
  const random = mulberry32(3);
  const speech = new Float32Array(32000);
  for (let i = 8000; i < 24000; i++) speech[i] = 0.3 * Math.sin(i / 7) * (1 + 0.5 * Math.sin(i / 900));
  const noise = colouredNoise(32000, 'pink', random);
  const mixed = mixAtSnr(speech, noise, 10);
  const added = mixed.map((v, i) => v - speech[i]);
  let noisePower = 0;
  for (const v of added) noisePower += v * v;
  noisePower /= added.length;
  const snr = 10 * Math.log10(activePower(speech) / noisePower);
  assert.ok(Math.abs(snr - 10) < 0.01, `${snr}`);
});
