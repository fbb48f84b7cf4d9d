// `npm run bench`: every benchmark, each with its peer measured in the same run where one exists.
// `npm run bench -- --json` prints one JSON object instead of tables; `--only=features,coldStart,...` picks sections;
// `--markdown` also prints the README table. Progress goes to stderr; the JSON is also written to .cache/bench/results.json.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { benchAnalyze } from './analyze.ts';
import { benchColdStart } from './cold-start.ts';
import { benchEndToEnd } from './end-to-end.ts';
import { benchFeatures } from './features.ts';
import { formatMarkdown, formatSection, type Section } from './lib/report.ts';
import { describeMachine } from './lib/machine.ts';
import { benchMemory } from './memory.ts';
import { benchModels } from './models.ts';
import { benchSizes } from './sizes.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const json = args.includes('--json');
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
const wanted = (name: string) => !only || only.includes(name);
const progress = (text: string) => process.stderr.write(`bench: ${text}\n`);

/** The issue-14 batch benchmark, when its module exists (it exports `benchBatch()`). */
async function batchSection(): Promise<Section | undefined> {
  const file = fileURLToPath(new URL('./batch-throughput.ts', import.meta.url));
  if (!existsSync(file)) return undefined;
  const { benchBatch } = (await import(pathToFileURL(file).href)) as { benchBatch: () => Promise<BatchFigures> };
  const figures = await benchBatch();
  return {
    title: `Batch throughput: ${figures.recordings} generated stereo calls (${figures.audioSeconds} s), ${figures.cores} cores`,
    figures: { ...figures },
    rows: [
      { label: 'per core (analyze --jobs 1)', value: figures.realTimePerCore, unit: 'x real time' },
      { label: 'analyze --jobs 1 -> 2', value: `${figures.jobs.one} -> ${figures.jobs.two}`, unit: 'x real time', note: `speed-up ${figures.jobs.speedUp}` },
      { label: 'queue, 1 -> 2 worker processes', value: `${figures.queueWorkers.one} -> ${figures.queueWorkers.two}`, unit: 'x real time', note: `speed-up ${figures.queueWorkers.speedUp}` },
    ],
  };
}

/** The shape of bench/batch-throughput.ts's `BatchBenchFigures` (that file may be absent in a checkout). */
interface BatchFigures {
  readonly recordings: number;
  readonly audioSeconds: number;
  readonly cores: number;
  readonly realTimePerCore: number;
  readonly jobs: { readonly one: number; readonly two: number; readonly speedUp: number };
  readonly queueWorkers: { readonly one: number; readonly two: number; readonly speedUp: number };
}

async function main(): Promise<void> {
  const runStarted = performance.now();
  const build = spawnSync(process.execPath, [`${root}scripts/build.mjs`, '--if-stale'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (build.status !== 0) throw new Error('the build failed; the browser benchmarks need dist/');
  const sections: Record<string, Section> = {};
  const run = async (name: string, body: () => Promise<Section | undefined> | Section) => {
    if (!wanted(name)) return;
    const started = performance.now();
    progress(`${name}...`);
    const section = await body();
    if (!section) return;
    sections[name] = section;
    progress(`${name} done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    if (!json) console.log(formatSection(section));
  };
  const machine = await describeMachine();
  if (!json) console.log(`emovox benchmarks on ${machine.summary}`);
  await run('features', () => benchFeatures());
  await run('coldStart', () => benchColdStart());
  await run('size', () => benchSizes(sections.coldStart?.figures.firstLoadBytes as number | undefined));
  await run('endToEnd', () => benchEndToEnd());
  await run('analyze', () => benchAnalyze());
  await run('models', () => benchModels());
  await run('memory', () => benchMemory());
  await run('batch', batchSection);
  const figures = Object.fromEntries(Object.entries(sections).map(([name, section]) => [name, section.figures]));
  const endToEnd = sections.endToEnd?.figures;
  const models = sections.models?.figures;
  const result = {
    // Other jobs on a shared machine show here: the 1-min load average when the run ended, next to the one at its start.
    machine: { ...machine, loadAverage1mAtEnd: Math.round(loadavg()[0] * 100) / 100, totalSeconds: Math.round((performance.now() - runStarted) / 1000) },
    ...figures,
    ...(endToEnd ? { mainThread: { busyMsPerSecond: endToEnd.busyMsPerSecond, busyMs: endToEnd.mainThreadBusyMs, audioSeconds: endToEnd.audioSeconds } } : {}),
    ...(models ? { peer: { latencyRatio: models.latencyRatio, nodeLatencyRatio: models.nodeLatencyRatio, model: models.peer } } : {}),
  };
  await mkdir(join(root, '.cache/bench'), { recursive: true });
  await writeFile(join(root, '.cache/bench/results.json'), JSON.stringify(result, null, 2));
  if (json) console.log(JSON.stringify(result, null, 2));
  if (args.includes('--markdown')) console.log(`\n${formatMarkdown(Object.values(sections))}`);
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.stack ?? error.message : error}`);
  process.exitCode = 1;
});
