import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseManifest } from '../../src/sdk/model/manifest.ts';
import { main } from '../../training/run.ts';
import { scratchDir } from '../helpers/sox.ts';
import { pythonHas } from '../helpers/python.ts';

const hasEspeak = ((): boolean => {
  try {
    execFileSync('espeak-ng', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const hasTraining = hasEspeak && pythonHas('torch', 'sklearn', 'onnx');

/** Emotions acted by espeak-ng: speed (words/min) and pitch (0-99) stand in for arousal. */
const styles = { '01': { label: 'neutral', speed: 160, pitch: 50 }, '04': { label: 'sad', speed: 110, pitch: 25 }, '05': { label: 'angry', speed: 220, pitch: 80 } };
const voices = ['en+m1', 'en+f2', 'en+m3', 'en+f3', 'en+m2', 'en+f1', 'en+m4', 'en+f4'];
const sentences = ['Kids are talking by the door', 'Dogs are sitting by the door'];

/** 48 generated clips in RAVDESS naming under `<root>/ravdess`. */
function generateCorpus(root: string): string {
  const corpus = join(root, 'ravdess');
  execFileSync('mkdir', ['-p', corpus]);
  voices.forEach((voice, a) => {
    for (const [code, style] of Object.entries(styles)) {
      sentences.forEach((sentence, s) => {
        const file = join(corpus, `03-01-${code}-01-0${s + 1}-01-${String(a + 1).padStart(2, '0')}.wav`);
        execFileSync('espeak-ng', ['-v', voice, '-s', String(style.speed), '-p', String(style.pitch), '-w', file, sentence]);
      });
    }
  });
  return corpus;
}

/** Runs `npm run train` in-process and returns what it logged. */
async function train(args: string[]): Promise<string[]> {
  const lines: string[] = [];
  const log = console.log;
  console.log = (line: string) => lines.push(line);
  try {
    await main(args);
  } finally {
    console.log = log;
  }
  return lines;
}

const skip = !hasTraining && 'needs /usr/bin/python3 with torch, sklearn, onnx and espeak-ng';

test('npm run train --smoke: generated speech in RAVDESS naming, every family trained, exported and evaluated', { skip, timeout: 600_000 }, async () => {
  const root = scratchDir('train-smoke');
  const corpus = generateCorpus(root);
  const work = join(root, 'work');
  const lines = await train(['--data', corpus, '--work', work, '--smoke', '--families', 'mlp,svm,cnn,rnn']);
  for (const family of ['mlp', 'svm', 'cnn', 'rnn']) {
    for (const fold of ['fold-1', 'fold-2']) {
      const manifest = parseManifest(JSON.parse(readFileSync(join(work, 'runs', family, fold, 'manifest.json'), 'utf8')));
      assert.deepEqual(manifest.labels, ['neutral', 'sad', 'angry']);
      assert.equal(manifest.training.commercialUse, false);
      assert.ok(existsSync(join(work, 'runs', family, fold, 'model.onnx')));
      const record = JSON.parse(readFileSync(join(work, 'runs', family, fold, 'training.json'), 'utf8'));
      if (family === 'mlp') {
        // Temperature fitted on validation speakers and applied by the SDK from the manifest.
        assert.ok(record.calibration.clips > 0 && record.calibration.nllAfter <= record.calibration.nllBefore, JSON.stringify(record.calibration));
        assert.equal(manifest.onnx.temperature, record.temperature);
      } else if (family !== 'svm') {
        assert.equal(manifest.onnx.temperature, 1, `${family}: no search, so no validation model to fit a temperature on`);
      }
    }
  }
  const records = JSON.parse(readFileSync(join(work, 'results', 'evaluations.json'), 'utf8')) as { family: string; test: string; clean: { n: number; uar: number } }[];
  assert.equal(records.length, 8);
  for (const r of records) assert.equal(r.clean.n, 24, `${r.family} ${r.test}`);
  const summary = JSON.parse(readFileSync(join(work, 'results', 'summary.json'), 'utf8'));
  assert.ok(summary.families.cnn.ravdess.mean.uar >= 0);
  const evaluations = JSON.parse(readFileSync(join(work, 'results', 'evaluations.json'), 'utf8')) as { clean: { calibration: { calibrated: { ece: number } } } }[];
  for (const r of evaluations) assert.ok(r.clean.calibration.calibrated.ece >= 0 && r.clean.calibration.calibrated.ece <= 1);
  assert.ok(lines.some((l) => l.includes('eval mlp fold-1-ravdess')), lines.join('\n'));
});

test('npm run train --prosody: the frame models read the pitch, voicing and loudness blocks, cached beside the frames, and are evaluated through the SDK', { skip, timeout: 600_000 }, async () => {
  const root = scratchDir('train-smoke-prosody');
  const corpus = generateCorpus(root);
  const work = join(root, 'work');
  await train(['--data', corpus, '--work', work, '--smoke', '--families', 'cnn', '--prosody']);
  for (const variant of ['clean', 'aug1', 'aug2']) {
    const frames = JSON.parse(readFileSync(join(work, 'features', variant, 'index.json'), 'utf8')) as { clips: { nFrames: number }[] };
    const prosody = JSON.parse(readFileSync(join(work, 'features', variant, 'prosody.json'), 'utf8')) as { clips: { nFrames: number }[] };
    assert.deepEqual(prosody.clips.map((c) => c.nFrames), frames.clips.map((c) => c.nFrames), `${variant}: one prosody row per cached frame`);
  }
  const manifest = parseManifest(JSON.parse(readFileSync(join(work, 'runs', 'cnn', 'fold-1', 'manifest.json'), 'utf8')));
  assert.deepEqual(manifest.features.blocks.slice(-3), ['pitch', 'voicing', 'loudness']);
  assert.deepEqual(manifest.features.adaptation?.blocks, manifest.features.blocks, 'prosody is normalised per speaker like every block');
  assert.equal(manifest.features.normalization.mean.length, 81 + 3);
  const records = JSON.parse(readFileSync(join(work, 'results', 'evaluations.json'), 'utf8')) as { clean: { n: number; uar: number } }[];
  assert.equal(records.length, 2);
  for (const r of records) assert.ok(r.clean.n === 24 && Number.isFinite(r.clean.uar));
});

test('npm run train --denoise-db 12: features come from the noise-suppressed front-end in their own cache, and the manifest makes the SDK suppress too', { skip, timeout: 600_000 }, async () => {
  const root = scratchDir('train-smoke-denoise');
  const corpus = generateCorpus(root);
  const work = join(root, 'work');
  await train(['--data', corpus, '--work', work, '--smoke', '--families', 'cnn', '--denoise-db', '12']);
  assert.ok(!existsSync(join(work, 'features')), 'the plain cache is neither read nor written');
  const index = JSON.parse(readFileSync(join(work, 'features-denoise12', 'clean', 'index.json'), 'utf8')) as { config: { denoiseDb: number } };
  assert.equal(index.config.denoiseDb, 12);
  const manifest = parseManifest(JSON.parse(readFileSync(join(work, 'runs', 'cnn', 'fold-1', 'manifest.json'), 'utf8')));
  assert.equal(manifest.features.config.denoiseDb, 12);
  const records = JSON.parse(readFileSync(join(work, 'results', 'evaluations.json'), 'utf8')) as { clean: { n: number; uar: number } }[];
  assert.equal(records.length, 2);
  for (const r of records) assert.ok(r.clean.n === 24 && Number.isFinite(r.clean.uar));
  await assert.rejects(train(['--data', corpus, '--work', work, '--smoke', '--denoise-db', 'loud']), /--denoise-db loud/);
  await assert.rejects(train(['--data', corpus, '--work', work, '--smoke', '--variants', 'clean,noisy']), /--variants noisy/);
  // Without augmentation only the clean copy is extracted and trained on.
  await train(['--data', corpus, '--work', work, '--smoke', '--families', 'cnn', '--denoise-db', '6', '--variants', 'clean']);
  assert.deepEqual(readdirSync(join(work, 'features-denoise6')), ['clean']);
  const { args } = JSON.parse(readFileSync(join(work, 'runs', 'cnn', 'fold-1', 'args.json'), 'utf8')) as { args: string[] };
  assert.equal(args[args.indexOf('--variants') + 1], 'clean');
});
