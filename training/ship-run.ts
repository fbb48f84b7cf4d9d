/**
 * Ships one trained run as bundled models, when the choice was made outside a whole `npm run train` (for example
 * a recipe chosen by leave-one-corpus-out runs): copies the run's ONNX file into `models/` under each name and
 * writes its manifest with the metrics measured for it and the commands that reproduce it.
 *
 *   npx tsx training/ship-run.ts --run training/work/runs/cnn/<run> --names emovox-default,emovox-cnn \
 *     --evaluations training/work/results/<tag>/evaluations.json --loco test-a,test-b \
 *     --eval fold-1-ravdess=fold-1-ravdess.json --command "npm run train -- ..."
 *
 * `--loco` names the records of `--evaluations` (npm run train's) that go into `metrics.loco`; each `--eval
 * name=file` is the `emovox eval --json` output of this run's recipe on a test set.
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CliUsageError, parseArgs } from '../src/cli/cli-error.ts';
import { parseManifest } from '../src/sdk/model/manifest.ts';
import { measureLatency } from './summary.ts';

interface Scores { readonly uar: number; readonly accuracy: number; readonly macroF1: number; readonly n: number; readonly unrestricted?: { readonly uar: number }; readonly calibration?: { readonly calibrated: { readonly ece: number } } }
interface LocoRecord { readonly test: string; readonly model: string; readonly clean: Scores }

/** The figures kept per test set: restricted and unrestricted UAR, accuracy, macro-F1, clips and ECE. */
export function summariseScores(s: Scores): Readonly<Record<string, number>> {
  return {
    uar: s.uar, accuracy: s.accuracy, macroF1: s.macroF1, n: s.n,
    ...(s.unrestricted ? { unrestrictedUar: s.unrestricted.uar } : {}),
    ...(s.calibration ? { ece: s.calibration.calibrated.ece } : {}),
  };
}

export interface ShipOptions {
  readonly run: string;
  readonly names: readonly string[];
  readonly modelsDir: string;
  readonly loco: Readonly<Record<string, Scores>>;
  readonly evals: Readonly<Record<string, Scores>>;
  readonly commands: readonly string[];
  readonly protocol: string;
  /** Median 3 s predict() time; measured when absent. */
  readonly latencyMs?: number;
}

export async function shipRun(o: ShipOptions): Promise<void> {
  const manifest = JSON.parse(await readFile(join(o.run, 'manifest.json'), 'utf8')) as Record<string, unknown> & { model: object; training: object };
  const record = JSON.parse(await readFile(join(o.run, 'training.json'), 'utf8')) as { parameters?: number };
  const latencyMs = o.latencyMs ?? await measureLatency(join(o.run, 'manifest.json'));
  const metrics = {
    protocol: o.protocol,
    loco: Object.fromEntries(Object.entries(o.loco).map(([k, v]) => [k, summariseScores(v)])),
    ...Object.fromEntries(Object.entries(o.evals).map(([k, v]) => [k, summariseScores(v)])),
    latencyMs, parameters: record.parameters,
  };
  await mkdir(o.modelsDir, { recursive: true });
  for (const name of o.names) {
    const shipped = { ...manifest, name, model: { ...manifest.model, file: `${name}.onnx` }, training: { ...manifest.training, command: o.commands.join(' && ') }, metrics };
    parseManifest(shipped);
    await copyFile(join(o.run, 'model.onnx'), join(o.modelsDir, `${name}.onnx`));
    await writeFile(join(o.modelsDir, `${name}.json`), JSON.stringify(shipped, null, 1) + '\n');
  }
}

async function main(argv: string[]): Promise<void> {
  const { flags } = parseArgs(argv, { values: ['run', 'names', 'models', 'evaluations', 'loco', 'protocol'], repeatable: ['eval', 'command'] });
  const run = flags.get('run')?.[0];
  if (!run) throw new CliUsageError('--run <trained run folder> is required');
  const records = flags.has('evaluations') ? JSON.parse(await readFile(flags.get('evaluations')![0], 'utf8')) as LocoRecord[] : [];
  const loco: Record<string, Scores> = {};
  for (const test of (flags.get('loco')?.[0] ?? '').split(',').filter(Boolean)) {
    const found = records.find((r) => r.test === test);
    if (!found) throw new CliUsageError(`--loco ${test}: no such record in --evaluations`);
    loco[test] = found.clean;
  }
  const evals: Record<string, Scores> = {};
  for (const item of flags.get('eval') ?? []) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new CliUsageError(`--eval ${item}: expected name=emovox-eval.json`);
    evals[item.slice(0, eq)] = JSON.parse(await readFile(item.slice(eq + 1), 'utf8')) as Scores;
  }
  await shipRun({
    run, loco, evals,
    names: (flags.get('names')?.[0] ?? 'emovox-default').split(','),
    modelsDir: flags.get('models')?.[0] ?? 'models',
    commands: flags.get('command') ?? [],
    protocol: flags.get('protocol')?.[0] ?? 'leave-one-corpus-out and speaker-independent folds via emovox eval (see models/README.md)',
  });
}

if (process.argv[1]?.endsWith('ship-run.ts')) await main(process.argv.slice(2));
