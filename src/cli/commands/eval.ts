import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DatasetError } from '../../datasets/dataset-error.ts';
import { readManifestCsv } from '../../datasets/manifest-csv.ts';
import { confusionPng, confusionSvg } from '../../eval/confusion-image.ts';
import { reliabilitySvg } from '../../eval/reliability-image.ts';
import { evaluateModel, resolveLabels, type Evaluation } from '../../eval/evaluate.ts';
import { loadModelFile, loadOrt } from '../../eval/load-model.ts';
import { formatReport } from '../../eval/report.ts';
import { CliUsageError, parseArgs } from '../cli-error.ts';

/** The shipped default model's manifest. */
export const defaultModelPath = fileURLToPath(new URL('../../../models/emovox-default.json', import.meta.url));

const help = `usage: emovox eval --manifest <file.csv> [--model <manifest.json>] [--restrict]
       [--map from=to,...] [--drop a,b] [--snr dB] [--runtime node|web] [--out <dir>] [--json]

Scores a model on labelled audio through the code path applications run: the shared
TypeScript front-end and onnxruntime (onnxruntime-node, or onnxruntime-web's wasm build).
The CSV has columns path,label[,speaker]; paths are relative to the CSV. Labels must be
canonical (neutral calm happy sad angry fearful disgusted surprised) after --map and --drop.
Models that adapt to speakers keep one running state per speaker, fed in CSV order.
  --model     model manifest (default: the shipped models/emovox-default.json)
  --restrict  pick the most likely label among those the CSV contains
  --snr       mix seeded pink noise into every clip at this SNR in dB
  --out       also write report.md, result.json, confusion.png, confusion.svg and reliability.svg there
  --json      print one JSON object instead of a summary`;

function parseMap(raw: string | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const pair of raw?.split(',').filter(Boolean) ?? []) {
    const [from, to, extra] = pair.split('=');
    if (!from || !to || extra !== undefined) throw new CliUsageError(`--map expects from=to pairs separated by commas, got '${pair}'`);
    map.set(from.trim(), to.trim());
  }
  return map;
}

export async function run(args: string[]): Promise<number> {
  const { flags, booleans, positional } = parseArgs(args, { booleans: ['json', 'restrict', 'help'], values: ['manifest', 'model', 'map', 'drop', 'out', 'snr', 'runtime'] });
  if (booleans.has('help')) {
    process.stdout.write(help + '\n');
    return 0;
  }
  if (positional.length > 0) throw new CliUsageError(`unexpected argument '${positional[0]}'\n${help}`);
  const csv = flags.get('manifest')?.[0];
  if (!csv) throw new CliUsageError(`--manifest <file.csv> is required\n${help}`);
  const snrRaw = flags.get('snr')?.[0];
  const snrDb = snrRaw === undefined ? undefined : Number(snrRaw);
  if (snrDb !== undefined && !Number.isFinite(snrDb)) throw new CliUsageError(`--snr must be a number of dB, got '${snrRaw}'`);
  const runtime = flags.get('runtime')?.[0] ?? 'node';
  if (runtime !== 'node' && runtime !== 'web') throw new CliUsageError(`--runtime must be node or web, got '${runtime}'`);
  const modelPath = flags.get('model')?.[0] ?? defaultModelPath;
  const labelOptions = { map: parseMap(flags.get('map')?.[0]), drop: new Set(flags.get('drop')?.[0]?.split(',').filter(Boolean) ?? []) };
  let entries;
  try {
    entries = resolveLabels(await readManifestCsv(csv), labelOptions);
  } catch (error) {
    // readManifestCsv names the file itself; resolveLabels does not know it.
    if (error instanceof DatasetError) throw new CliUsageError(error.message.startsWith(csv) ? error.message : `${csv}: ${error.message}`);
    throw error;
  }
  let evaluation: Evaluation;
  const { ort, name } = await loadOrt(runtime);
  const model = await loadModelFile(modelPath, ort);
  try {
    const progress = !booleans.has('json') && process.stderr.isTTY;
    evaluation = await evaluateModel(model, entries, {
      restrict: booleans.has('restrict'),
      snrDb,
      onProgress: progress ? (done, total) => process.stderr.write(`\r${done}/${total}`) : undefined,
    });
    if (progress) process.stderr.write('\n');
  } catch (error) {
    if (error instanceof DatasetError) throw new CliUsageError(error.message);
    throw error;
  } finally {
    await model.release();
  }
  const out = flags.get('out')?.[0];
  if (out) {
    await mkdir(out, { recursive: true });
    const title = `${model.manifest.name} on ${csv.replace(/^.*\//, '')}${snrDb === undefined ? '' : ` (${snrDb} db snr)`}`;
    const command = `emovox eval ${args.join(' ')}`;
    await writeFile(join(out, 'result.json'), JSON.stringify(evaluation, null, 1) + '\n');
    await writeFile(join(out, 'confusion.png'), confusionPng(evaluation, title));
    await writeFile(join(out, 'confusion.svg'), confusionSvg(evaluation, title));
    const { temperature, calibrated, uncalibrated } = evaluation.calibration;
    await writeFile(join(out, 'reliability.svg'), reliabilitySvg([
      { name: temperature === 1 ? 'as shipped (no temperature)' : `as shipped (T = ${temperature.toFixed(2)})`, colour: '#1f77b4', metrics: calibrated },
      ...(temperature === 1 ? [] : [{ name: 'temperature 1', colour: '#d62728', metrics: uncalibrated }]),
    ], title));
    await writeFile(join(out, 'report.md'), formatReport(evaluation, { csv, model: relative(process.cwd(), modelPath), command, runtime: name }));
  }
  if (booleans.has('json')) process.stdout.write(JSON.stringify(evaluation) + '\n');
  else {
    const pct = (v: number): string => `${(v * 100).toFixed(1)}%`;
    process.stdout.write(`${evaluation.n} clips: accuracy ${pct(evaluation.accuracy)}, UAR ${pct(evaluation.uar)}, macro-F1 ${pct(evaluation.macroF1)}`);
    if (evaluation.adaptation) process.stdout.write(` (cold: accuracy ${pct(evaluation.adaptation.unadapted.accuracy)}, UAR ${pct(evaluation.adaptation.unadapted.uar)})`);
    process.stdout.write('\n');
  }
  return 0;
}
