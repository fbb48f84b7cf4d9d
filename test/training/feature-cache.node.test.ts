import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { resolveFeatureConfig } from '../../src/sdk/features/index.ts';
import { featuresUpToDate, prepareFeatures } from '../../training/feature-cache.ts';
import { scratchDir, sox } from '../helpers/sox.ts';

test('a feature cache is rebuilt when its settings or clips change, and kept otherwise', async () => {
  const root = scratchDir('feature-cache');
  const clips = ['03-01-01-01-01-01-01.wav', '03-01-05-01-01-01-02.wav'].map((name, i) => {
    const path = join(root, name);
    sox('-n', '-r', '16000', '-b', '16', '-c', '1', path, 'synth', '0.5', 'sine', String(220 * (i + 1)), 'whitenoise', 'remix', '1-2', 'gain', '-12');
    return path;
  });
  const entries = clips.map((path, i) => ({ path, label: i === 0 ? 'neutral' : 'angry', speaker: `ravdess-0${i + 1}` }));
  const manifest = join(root, 'ravdess.csv');
  await writeFile(manifest, `path,label,speaker\n${entries.map((e) => `${e.path},${e.label},${e.speaker}`).join('\n')}\n`);
  const lines: string[] = [];
  const options = { work: root, manifests: [manifest], entries, variants: ['clean' as const], prosody: false, log: (l: string) => lines.push(l) };

  const plain = await prepareFeatures({ ...options, denoiseDb: 0 });
  const denoised = await prepareFeatures({ ...options, denoiseDb: 12 });
  assert.equal(plain, join(root, 'features'));
  assert.equal(denoised, join(root, 'features-denoise12'));
  const frames = (dir: string) => readFileSync(join(dir, 'clean', 'frames.f32'));
  assert.equal(frames(plain).length, frames(denoised).length);
  assert.notDeepEqual(frames(plain), frames(denoised), 'noise suppression changes the cached frames');

  // The trainer copies these settings into manifests: without the key when it is off, so older SDKs load them.
  const settings = (dir: string) => (JSON.parse(readFileSync(join(dir, 'clean', 'index.json'), 'utf8')) as { config: Record<string, number> }).config;
  assert.equal('denoiseDb' in settings(plain), false);
  assert.equal(settings(denoised).denoiseDb, 12);
  assert.equal(await featuresUpToDate(join(plain, 'clean'), entries, resolveFeatureConfig()), true);
  assert.equal(await featuresUpToDate(join(denoised, 'clean'), entries, resolveFeatureConfig({ denoiseDb: 12 })), true);
  assert.equal(await featuresUpToDate(join(denoised, 'clean'), entries, resolveFeatureConfig({ denoiseDb: 6 })), false);
  assert.equal(await featuresUpToDate(join(plain, 'clean'), entries.map((e) => ({ ...e, label: 'sad' })), resolveFeatureConfig()), false, 'relabelled clips');
  lines.length = 0;
  await prepareFeatures({ ...options, denoiseDb: 12 });
  assert.deepEqual(lines, ['features up to date']);
});
