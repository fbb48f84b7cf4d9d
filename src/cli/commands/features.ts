import { computeFeatures, frameFeatureNames, spectralFeatureNames, frameFeatureWidth, resolveFeatureConfig, utteranceStatistics, statisticNames, type FeatureConfig, type FrameFeatureName } from '../../sdk/features/index.ts';
import { CliUsageError, parseArgs } from '../cli-error.ts';
import { readAudioFile } from '../read-audio-file.ts';

const help = `usage: emovox features <file> [--json] [--include mfcc,logMel,...] [--stats]
       [--n-mfcc N] [--n-mels N] [--n-fft N] [--win-length N] [--hop-length N] [--f-min HZ] [--f-max HZ]
       [--denoise-db DB]

Decodes the file (WAV any PCM/float, FLAC), downmixes and resamples it to 16 kHz, and prints
its features. --json prints one JSON object with the analysis settings and "mfcc" (one array
per frame) plus any blocks named by --include (${frameFeatureNames.join(', ')}); --stats adds
utterance statistics. --denoise-db suppresses stationary noise before the spectral blocks, attenuating
a frequency bin by at most DB (as a model whose manifest sets denoiseDb hears it). Without --json a short
summary is printed.`;

const numericOptions: Record<string, keyof FeatureConfig> = {
  'n-mfcc': 'nMfcc', 'n-mels': 'nMels', 'n-fft': 'nFft', 'win-length': 'winLength', 'hop-length': 'hopLength', 'f-min': 'fMin', 'f-max': 'fMax', 'denoise-db': 'denoiseDb',
};

function parseConfig(flags: Map<string, string[]>): FeatureConfig {
  const config: Record<string, number> = {};
  for (const [flag, key] of Object.entries(numericOptions)) {
    const raw = flags.get(flag)?.[0];
    if (raw === undefined) continue;
    const value = Number(raw);
    if (!Number.isFinite(value)) throw new CliUsageError(`--${flag} must be a number, got '${raw}'`);
    config[key] = value;
  }
  try {
    return resolveFeatureConfig(config);
  } catch (error) {
    throw new CliUsageError((error as Error).message);
  }
}

function rows(block: Float32Array, width: number, nFrames: number): number[][] {
  return Array.from({ length: nFrames }, (_, t) => Array.from(block.subarray(t * width, (t + 1) * width), (v) => Number(v.toPrecision(7))));
}

export async function run(args: string[]): Promise<number> {
  const { flags, booleans, positional } = parseArgs(args, { booleans: ['json', 'stats', 'help'], values: ['include', ...Object.keys(numericOptions)] });
  if (booleans.has('help')) {
    process.stdout.write(help + '\n');
    return 0;
  }
  if (positional.length !== 1) throw new CliUsageError(`expected one audio file, got ${positional.length}\n${help}`);
  const include = (flags.get('include')?.[0]?.split(',').filter(Boolean) ?? []) as FrameFeatureName[];
  const unknown = include.filter((name) => !frameFeatureNames.includes(name));
  if (unknown.length > 0) throw new CliUsageError(`--include: unknown block(s) ${unknown.join(', ')}; known: ${frameFeatureNames.join(', ')}`);
  const config = parseConfig(flags);
  const [path] = positional;
  const audio = await readAudioFile(path, config.sampleRate);
  // The prosody blocks are computed only when asked for (they run the F0 tracker).
  const frames = computeFeatures(audio.samples, config, { include: [...new Set([...spectralFeatureNames, ...include])] });
  if (!booleans.has('json')) {
    const seconds = audio.samples.length / config.sampleRate;
    process.stdout.write(`${path}: ${audio.sourceRate} Hz x ${audio.channels} ch, ${seconds.toFixed(2)} s -> ${frames.nFrames} frames of ${config.nMfcc} MFCC (hop ${config.hopLength}, ${config.nMels} mels)\n`);
    return 0;
  }
  const output: Record<string, unknown> = { file: path, sourceSampleRate: audio.sourceRate, ...config, nFrames: frames.nFrames };
  output.mfcc = rows(frames.mfcc, config.nMfcc, frames.nFrames);
  for (const name of include) output[name] = rows(frames[name], frameFeatureWidth(name, config), frames.nFrames);
  if (booleans.has('stats')) {
    const values = utteranceStatistics(frames);
    output.statistics = Object.fromEntries(statisticNames(config).map((name, i) => [name, Number(values[i].toPrecision(7))]));
  }
  process.stdout.write(JSON.stringify(output) + '\n');
  return 0;
}
