import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseManifest } from '../../src/sdk/model/manifest.ts';
import { shipRun } from '../../training/ship-run.ts';
import { scratchDir } from '../helpers/sox.ts';

const fixtures = new URL('../model/fixtures/', import.meta.url).pathname;

/** A trained-run folder as train.py leaves it, made from the tiny frame-model fixture. */
function fakeRun(root: string): string {
  const run = join(root, 'run');
  mkdirSync(run, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(fixtures, 'tiny-frames.json'), 'utf8'));
  copyFileSync(join(fixtures, 'tiny-frames.onnx'), join(run, 'model.onnx'));
  writeFileSync(join(run, 'manifest.json'), JSON.stringify({ ...manifest, model: { ...manifest.model, file: 'model.onnx' } }));
  writeFileSync(join(run, 'training.json'), JSON.stringify({ parameters: 9 }));
  return run;
}

const scores = { uar: 0.4, accuracy: 0.45, macroF1: 0.38, n: 120, unrestricted: { uar: 0.35 }, calibration: { calibrated: { ece: 0.12 } } };

test('shipRun copies the run under every name with valid manifests, the measured metrics and the reproducing commands', async () => {
  const root = scratchDir('ship-run');
  const models = join(root, 'models');
  await shipRun({
    run: fakeRun(root), names: ['emovox-default', 'emovox-cnn'], modelsDir: models,
    loco: { 'loco-a-to-b': scores }, evals: { 'fold-1-ravdess': { ...scores, uar: 0.7 } },
    commands: ['npm run train -- --loco-only', 'npx tsx training/ship-run.ts'], protocol: 'test protocol',
  });
  for (const name of ['emovox-default', 'emovox-cnn']) {
    const manifest = parseManifest(JSON.parse(readFileSync(join(models, `${name}.json`), 'utf8')));
    assert.equal(manifest.name, name);
    assert.equal(manifest.model.file, `${name}.onnx`);
    const bytes = readFileSync(join(models, `${name}.onnx`));
    assert.equal(createHash('sha256').update(bytes).digest('hex'), manifest.model.sha256, 'the copied file is the one the manifest names');
    assert.equal(manifest.training.command, 'npm run train -- --loco-only && npx tsx training/ship-run.ts');
    const metrics = manifest.metrics as { protocol: string; loco: Record<string, Record<string, number>>; 'fold-1-ravdess': Record<string, number>; latencyMs: number; parameters: number };
    assert.equal(metrics.protocol, 'test protocol');
    assert.deepEqual(metrics.loco['loco-a-to-b'], { uar: 0.4, accuracy: 0.45, macroF1: 0.38, n: 120, unrestrictedUar: 0.35, ece: 0.12 });
    assert.equal(metrics['fold-1-ravdess'].uar, 0.7);
    assert.ok(metrics.latencyMs > 0 && metrics.latencyMs < 1000, `latency measured: ${metrics.latencyMs} ms`);
    assert.equal(metrics.parameters, 9);
  }
});

test('a run whose manifest no longer matches its ONNX file is refused before anything is written', async () => {
  const root = scratchDir('ship-run-bad');
  const run = fakeRun(root);
  writeFileSync(join(run, 'manifest.json'), JSON.stringify({ ...JSON.parse(readFileSync(join(run, 'manifest.json'), 'utf8')), labels: ['neutral'] }));
  await assert.rejects(shipRun({ run, names: ['emovox-default'], modelsDir: join(root, 'models'), loco: {}, evals: {}, commands: [], protocol: 'p', latencyMs: 1 }), /labels|output/i);
  assert.ok(!existsSync(join(root, 'models', 'emovox-default.json')) && !existsSync(join(root, 'models', 'emovox-default.onnx')));
});
