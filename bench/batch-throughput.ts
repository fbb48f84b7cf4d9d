// Batch analytics throughput: × real time per core, speed-up from 1 to 2 analysis threads (`analyze --jobs`)
// and from 1 to 2 queue worker processes (`queue work` over a real redis-server), on generated stereo calls.
// Run alone with `npx tsx bench/batch-throughput.ts`; `benchBatch()` returns the figures for bench/run.ts.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expandInputs } from '../src/cli/batch/inputs.ts';
import type { AnalysisSettings } from '../src/cli/batch/record.ts';
import { analyzeOnThreads } from '../src/cli/batch/thread-pool.ts';

const bin = fileURLToPath(new URL('../bin/emovox.js', import.meta.url));
const env = { ...process.env, EMOVOX_CLI_SOURCE: '1' };
const settings: AnalysisSettings = { channels: 'split', speakers: ['agent', 'customer'], vad: {} };
const lines = [
  'Thank you for calling, how can I help you today?', 'I have been charged twice for the same order and nobody answers my emails.',
  'I am sorry to hear that, let me look into your account right away.', 'This is the third time this month, I am really fed up with this.',
  'I can see the duplicate charge, and I have refunded it now.', 'Oh, thank you, that is a relief. Have a nice day.',
];

/** One ~30 s stereo call: agent lines on channel 0, customer lines on channel 1, taking turns. */
function makeCall(dir: string, index: number): void {
  const parts: string[][] = [[], []];
  lines.forEach((text, i) => {
    const said = join(dir, `say-${index}-${i}.wav`);
    execFileSync('espeak-ng', ['-s', String(150 + index * 5), '-w', said, text]);
    const speech = join(dir, `speech-${index}-${i}.wav`);
    execFileSync('sox', [said, '-r', '16000', speech, 'pad', '0.5', '0.5']);
    const silence = join(dir, `silence-${index}-${i}.wav`);
    execFileSync('sox', [speech, silence, 'vol', '0']);
    parts[i % 2]!.push(speech);
    parts[(i + 1) % 2]!.push(silence);
  });
  const mono = parts.map((files, c) => {
    const path = join(dir, `channel-${index}-${c}.wav`);
    execFileSync('sox', [...files, path]);
    return path;
  });
  execFileSync('sox', ['-M', ...mono, join(dir, 'calls', `call-${index}.wav`)]);
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function runCli(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`emovox ${args.join(' ')} exited ${code}: ${stderr}`))));
  });
}

export interface BatchBenchFigures {
  readonly recordings: number;
  /** Length of all recordings together (each is a stereo call analysed per channel), s. */
  readonly audioSeconds: number;
  readonly cores: number;
  /** Recording time per wall time with one analysis thread: the throughput of one core. */
  readonly realTimePerCore: number;
  readonly jobs: { readonly one: number; readonly two: number; readonly speedUp: number };
  /** Process CPU milliseconds per audio second with 1 and 2 analysis threads. */
  readonly cpuMsPerAudioSecond: { readonly one: number; readonly two: number };
  /** One-minute load average when the measurement started. */
  readonly loadAverage: number;
  readonly queueWorkers: { readonly one: number; readonly two: number; readonly speedUp: number };
}

/**
 * Wall and CPU seconds of `analyzeOnThreads` over the inputs, model loading included. The threads share this
 * process, so its CPU time counts all of them (and onnxruntime's own threads): CPU per audio second that
 * does not grow from 1 to 2 threads means the jobs add no work, whatever else runs on the machine.
 */
async function timeThreads(dir: string, size: number): Promise<{ wall: number; cpu: number }> {
  const inputs = await expandInputs([join(dir, 'calls')]);
  const started = performance.now();
  const cpu = process.cpuUsage();
  await analyzeOnThreads(inputs, settings, size, async (input, outcome) => {
    if (!outcome.ok) throw new Error(`${input.path}: ${outcome.error.message}`);
  });
  const used = process.cpuUsage(cpu);
  return { wall: (performance.now() - started) / 1000, cpu: (used.user + used.system) / 1e6 };
}

/** Wall seconds for `workers` `queue work` processes (one thread each) to empty a fresh queue, start-up included. */
async function timeQueue(dir: string, redis: string, workers: number): Promise<number> {
  const queue = `bench-${workers}-${Date.now()}`;
  await runCli(['queue', 'add', join(dir, 'calls'), '--redis', redis, '--queue', queue, '--channels', 'split']);
  const out = join(dir, `out-${queue}`);
  const started = performance.now();
  const args = ['queue', 'work', '--redis', redis, '--queue', queue, '--out', out, '--concurrency', '1', '--exit-when-idle', '--stalled-interval', '1000'];
  await Promise.all(Array.from({ length: workers }, () => runCli(args)));
  return (performance.now() - started) / 1000;
}

export async function benchBatch(recordings = 8): Promise<BatchBenchFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'emovox-bench-batch-'));
  execFileSync('mkdir', ['-p', join(dir, 'calls')]);
  const port = await freePort();
  const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  try {
    for (let i = 0; i < recordings; i++) makeCall(dir, i);
    const inputs = await expandInputs([join(dir, 'calls')]);
    const audioSeconds = inputs.length === 0 ? 0 : recordings * Number(execFileSync('soxi', ['-D', join(dir, 'calls', 'call-0.wav')]).toString());
    await timeThreads(dir, 1); // warm-up: file cache, ORT's first session
    const loadAverage = Number(loadavg()[0].toFixed(2));
    const threadsOne = await timeThreads(dir, 1);
    const threadsTwo = await timeThreads(dir, 2);
    const [one, two] = [threadsOne.wall, threadsTwo.wall];
    const queueOne = await timeQueue(dir, `redis://127.0.0.1:${port}`, 1);
    const queueTwo = await timeQueue(dir, `redis://127.0.0.1:${port}`, 2);
    const rt = (s: number) => Number((audioSeconds / s).toFixed(1));
    return {
      recordings,
      audioSeconds: Number(audioSeconds.toFixed(1)),
      cores: availableParallelism(),
      realTimePerCore: rt(one),
      jobs: { one: rt(one), two: rt(two), speedUp: Number((one / two).toFixed(2)) },
      cpuMsPerAudioSecond: { one: Number(((1000 * threadsOne.cpu) / audioSeconds).toFixed(1)), two: Number(((1000 * threadsTwo.cpu) / audioSeconds).toFixed(1)) },
      loadAverage,
      queueWorkers: { one: rt(queueOne), two: rt(queueTwo), speedUp: Number((queueOne / queueTwo).toFixed(2)) },
    };
  } finally {
    redis.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const figures = await benchBatch();
  console.log(`emovox batch throughput: ${figures.recordings} generated stereo calls, ${figures.audioSeconds} s in all, split per channel, shipped model, ${figures.cores} cores, Node ${process.version}`);
  console.log(`per core (analyze --jobs 1):       ${figures.realTimePerCore}x real time`);
  console.log(`analyze --jobs 1 -> 2:             ${figures.jobs.one}x -> ${figures.jobs.two}x real time, speed-up ${figures.jobs.speedUp} (load average ${figures.loadAverage})`);
  console.log(`process CPU per audio second:      ${figures.cpuMsPerAudioSecond.one} ms -> ${figures.cpuMsPerAudioSecond.two} ms (1 -> 2 threads)`);
  console.log(`queue work, 1 -> 2 worker processes: ${figures.queueWorkers.one}x -> ${figures.queueWorkers.two}x real time, speed-up ${figures.queueWorkers.speedUp} (process start-up included)`);
}
