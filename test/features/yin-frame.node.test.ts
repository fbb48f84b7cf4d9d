import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { decodeWav } from '../../src/sdk/audio/index.ts';
import { mulberry32 } from '../../src/eval/noise.ts';
import { lagRange, pitchFrameSpan, resolvePitchConfig, type PitchConfig } from '../../src/sdk/features/pitch-config.ts';
import { YinFrame, type PitchFrame } from '../../src/sdk/features/yin.ts';
import { SimdDifference } from '../../src/sdk/features/yin-simd.ts';
import { tone } from '../helpers/sox.ts';

/**
 * The plain YIN of the tracker before it was made lazy: every lag's difference summed in full, then
 * normalised and searched. `YinFrame` computes lags in blocks and stops once the search has what it
 * needs; it must give the same doubles, bit for bit, not merely close ones.
 */
function plainYin(config: PitchConfig, samples: Float32Array, offset: number): PitchFrame {
  const { windowLength: w, threshold, voicingThreshold, silenceDb, sampleRate } = config;
  const { minLag, maxLag } = lagRange(config);
  const span = pitchFrameSpan(config);
  const centre = offset + Math.floor(span / 2);
  const d = new Float64Array(maxLag + 2);
  const n = new Float64Array(maxLag + 2);
  for (let lag = 1; lag <= maxLag + 1; lag++) {
    const start = centre - Math.floor((w + lag) / 2);
    for (let j = start; j < start + w; j++) d[lag] += (samples[j] - samples[j + lag]) ** 2;
  }
  n[0] = 1;
  let cumulative = 0;
  for (let lag = 1; lag <= maxLag + 1; lag++) {
    cumulative += d[lag];
    n[lag] = cumulative > 0 ? (d[lag] * lag) / cumulative : 1;
  }
  let best = -1;
  for (let lag = minLag; lag <= maxLag && best < 0; lag++) {
    if (n[lag] >= threshold) continue;
    while (lag + 1 <= maxLag && n[lag + 1] < n[lag]) lag++;
    best = lag;
  }
  if (best < 0) {
    best = minLag;
    for (let lag = minLag + 1; lag <= maxLag; lag++) if (n[lag] < n[best]) best = lag;
  }
  const [a, b, c] = [n[best - 1], n[best], n[best + 1]];
  const curvature = a - 2 * b + c;
  const shift = curvature > 0 ? Math.max(-1, Math.min(1, (a - c) / (2 * curvature))) : 0;
  let energy = 0;
  for (let i = centre - Math.floor(w / 2); i < centre - Math.floor(w / 2) + w; i++) energy += samples[i] * samples[i];
  const levelDb = 10 * Math.log10(Math.max(energy / w, 1e-20));
  const voiced = b <= voicingThreshold && levelDb >= silenceDb;
  return { f0: voiced ? sampleRate / (best + shift) : 0, aperiodicity: b, levelDb, voiced };
}

const speech = decodeWav(readFileSync(new URL('../fixtures/features/speech.wav', import.meta.url))).channels[0];
const random = mulberry32(12);
const clips: [string, Float32Array][] = [
  ['speech', speech],
  ['white noise', Float32Array.from({ length: 16000 }, () => random() - 0.5)],
  ['tone', tone(180, 16000, 0.5)],
  ['tone then digital silence', Float32Array.from({ length: 16000 }, (_, i) => (i < 6000 ? Math.sin(i / 9) : 0))],
];
const configs: Partial<PitchConfig>[] = [{}, { fMin: 75, fMax: 500, windowLength: 401, threshold: 0.3 }, { sampleRate: 8000, hopLength: 80, fMin: 50, fMax: 400, windowLength: 256 }];

for (const simd of [true, false]) {
  test(`the lazy, blocked YIN (${simd ? 'WebAssembly SIMD' : 'scalar'} sums) gives exactly the numbers of the plain one on every frame`, () => {
    let voicedFrames = 0;
    for (const partial of configs) {
      const config = resolvePitchConfig(partial);
      const yin = new YinFrame(config, { simd });
      const out: PitchFrame = { f0: 0, aperiodicity: 0, levelDb: 0, voiced: false };
      for (const [name, clip] of clips) {
        for (let offset = 0; offset + pitchFrameSpan(config) <= clip.length; offset += config.hopLength) {
          yin.analyse(clip, offset, out);
          assert.deepEqual(out, plainYin(config, clip, offset), `${name}, ${JSON.stringify(partial)}, offset ${offset}`);
          if (out.voiced) voicedFrames++;
        }
      }
    }
    assert.ok(voicedFrames > 200, `${voicedFrames} voiced frames: the comparison covers the early stop`);
  });
}

test('Node 20 runs the WebAssembly SIMD kernel (so the test above exercises it); spans too long for its memory fall back', () => {
  assert.ok(SimdDifference.create(pitchFrameSpan(resolvePitchConfig({}))));
  assert.equal(SimdDifference.create(9000), undefined);
});
