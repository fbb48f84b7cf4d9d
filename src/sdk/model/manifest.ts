import { resolveFeatureConfig, type FeatureConfig } from '../features/config.ts';
import { frameFeatureNames, frameFeatureWidth, type FrameFeatureName } from '../features/frame-features.ts';
import { statisticBlocks, statisticNames } from '../features/statistics.ts';
import { isCanonicalLabel, type CanonicalLabel } from './labels.ts';
import { checkFeatureCost, checkFrameCounts, checkModelFile, checkMoments, checkRawFeatureConfig, manifestLimits } from './manifest-limits.ts';
import { ManifestReader } from './manifest-reader.ts';

/** The only manifest format this runtime reads. */
export const manifestFormat = 'emovox-model@1';

/**
 * Speaker adaptation declared by a model: frame features are moved from the current speaker's
 * running distribution onto the training population's before the model sees them,
 * `x' = mean + (x - speakerMean) * std / speakerStd`, per dimension of `blocks`.
 * The speaker statistics blend `priorFrames` pseudo-frames of the population statistics with the
 * frames of that speaker's *earlier* utterances only, so the first utterance is unadapted ("cold").
 */
export interface SpeakerAdaptationSpec {
  readonly kind: 'speaker-running-stats';
  /** Frame blocks adapted, concatenated in this order (the layout of `mean`/`std`). */
  readonly blocks: readonly FrameFeatureName[];
  /** Population mean per adapted dimension. */
  readonly mean: readonly number[];
  /** Population standard deviation per adapted dimension (> 0). */
  readonly std: readonly number[];
  /** Weight of the population statistics, in frames (100 frames = 1 s of speech). */
  readonly priorFrames: number;
}

/** How frames become the model's input tensor. */
export interface ModelFeatureSpec {
  /** Front-end settings the model was trained with; audio is analysed with exactly these. */
  readonly config: FeatureConfig;
  /** `frames`: a `[1, frames, width]` tensor of frame blocks; `statistics`: a `[1, width]` `utteranceStatistics` vector. */
  readonly input: 'frames' | 'statistics';
  /** Frame blocks concatenated per frame in this order; for `statistics` exactly `statisticBlocks`. */
  readonly blocks: readonly FrameFeatureName[];
  /** Standardisation `(x - mean) / std` applied per input dimension after adaptation. */
  readonly normalization: { readonly mean: readonly number[]; readonly std: readonly number[] };
  /** Shorter inputs are padded with the training mean (zeros after standardisation) up to this many frames. */
  readonly minFrames: number;
  /** Longer inputs are cut into windows of this many frames (half overlapping) whose probabilities are averaged. */
  readonly maxFrames: number;
  /** Leading/trailing frames whose RMS is more than this many dB below the loudest frame are dropped (e.g. -40); absent: no trimming. */
  readonly trimDb?: number;
  /** Optional speaker adaptation; see {@link SpeakerAdaptationSpec}. */
  readonly adaptation?: SpeakerAdaptationSpec;
}

/** Where the ONNX file lies and what it contains. */
export interface ModelFileSpec {
  /** ONNX file name, resolved relative to the manifest's URL. */
  readonly file: string;
  /** Lower-case hex SHA-256 of the ONNX bytes; checked before the session is created. */
  readonly sha256: string;
  /** Size of the ONNX file in bytes. */
  readonly bytes: number;
}

/** Names and shapes of the ONNX graph's input and output. */
export interface OnnxSpec {
  readonly inputName: string;
  readonly outputName: string;
  /** `logits` get a softmax in the runtime; `probabilities` are used as they are. */
  readonly output: 'logits' | 'probabilities';
  /**
   * Logits are divided by this before the softmax (temperature scaling, fitted on validation
   * speakers so that `confidence` matches accuracy); only with `output: 'logits'`. @defaultValue 1
   */
  readonly temperature: number;
  /** Input shape; a string marks a dynamic axis, e.g. `[1, "frames", 60]` or `[1, 485]`. */
  readonly inputShape: readonly (number | string)[];
}

/** Provenance: what the weights were trained on and what that allows. */
export interface TrainingSpec {
  /** Corpora and speakers used, in words. */
  readonly data: string;
  /** Licence of the weights as it follows from the data, e.g. `CC BY-NC-SA 4.0`. */
  readonly licence: string;
  /** False when any training corpus forbids commercial use. */
  readonly commercialUse: boolean;
  /** Command that reproduces the model. */
  readonly command: string;
}

/** A model manifest (`models/<name>.json`): everything needed to run and judge one ONNX model. */
export interface ModelManifest {
  readonly format: typeof manifestFormat;
  readonly name: string;
  readonly version: string;
  /** Class labels in the order of the model's output, all canonical. */
  readonly labels: readonly CanonicalLabel[];
  readonly model: ModelFileSpec;
  readonly features: ModelFeatureSpec;
  readonly onnx: OnnxSpec;
  readonly training: TrainingSpec;
  /** Evaluation results as written by training (free-form JSON, shown in the model card). */
  readonly metrics: Readonly<Record<string, unknown>>;
}

function inputWidth(blocks: readonly FrameFeatureName[], config: FeatureConfig): number {
  return blocks.reduce((sum, block) => sum + frameFeatureWidth(block, config), 0);
}

function readBlocks(r: ManifestReader, path: string): FrameFeatureName[] {
  const blocks = r.array(path, (value, at) => r.oneOf(value, at, frameFeatureNames));
  if (blocks.length === 0) r.fail(path, 'must name at least one block');
  return blocks;
}

function readAdaptation(r: ManifestReader, config: FeatureConfig): SpeakerAdaptationSpec | undefined {
  if (r.optional('features.adaptation') === undefined) return undefined;
  r.oneOf(r.at('features.adaptation.kind'), 'features.adaptation.kind', ['speaker-running-stats'] as const);
  const blocks = readBlocks(r, 'features.adaptation.blocks');
  const width = inputWidth(blocks, config);
  const [mean, std] = [r.numbers('features.adaptation.mean', width), r.numbers('features.adaptation.std', width, true)];
  checkMoments(r, 'features.adaptation', mean, std);
  return { kind: 'speaker-running-stats', blocks, mean, std, priorFrames: r.number('features.adaptation.priorFrames', 0, manifestLimits.priorFrames) };
}

function readFeatures(r: ManifestReader): ModelFeatureSpec {
  let config: FeatureConfig;
  const rawConfig = r.object('features.config');
  checkRawFeatureConfig(r, rawConfig);
  try {
    config = resolveFeatureConfig(rawConfig as Partial<FeatureConfig>);
  } catch (error) {
    return r.fail('features.config', (error as Error).message);
  }
  checkFeatureCost(r, config);
  const input = r.oneOf(r.at('features.input'), 'features.input', ['frames', 'statistics'] as const);
  const blocks = readBlocks(r, 'features.blocks');
  if (input === 'statistics' && blocks.join() !== statisticBlocks.join()) {
    r.fail('features.blocks', `must be [${statisticBlocks.join(', ')}] for statistics input`);
  }
  const width = input === 'statistics' ? statisticNames(config).length : inputWidth(blocks, config);
  const minFrames = r.integer('features.minFrames', 1);
  const maxFrames = r.integer('features.maxFrames', minFrames);
  checkFrameCounts(r, minFrames, maxFrames, width);
  const normalization = { mean: r.numbers('features.normalization.mean', width), std: r.numbers('features.normalization.std', width, true) };
  checkMoments(r, 'features.normalization', normalization.mean, normalization.std);
  const trimDb = r.optional('features.trimDb') === undefined ? undefined : r.number('features.trimDb', -200, 0);
  return {
    config,
    input,
    blocks,
    normalization,
    minFrames,
    maxFrames,
    ...(trimDb === undefined ? {} : { trimDb }),
    ...((a) => (a ? { adaptation: a } : {}))(readAdaptation(r, config)),
  };
}

function readOnnx(r: ManifestReader, features: ModelFeatureSpec): OnnxSpec {
  const inputShape = r.array('onnx.inputShape', (value, at) =>
    typeof value === 'string' || (Number.isInteger(value) && (value as number) > 0) ? (value as number | string) : r.fail(at, 'must be a positive integer or an axis name'),
  );
  const width = features.normalization.mean.length;
  const expectedRank = features.input === 'frames' ? 3 : 2;
  // emovox always runs a batch of one, so a fixed batch axis must be 1.
  if (inputShape.length !== expectedRank || inputShape[inputShape.length - 1] !== width || (typeof inputShape[0] === 'number' && inputShape[0] !== 1)) {
    r.fail('onnx.inputShape', `must have rank ${expectedRank}, batch 1 and end in the input width ${width}, got [${inputShape.join(', ')}]`);
  }
  if (features.input === 'frames' && typeof inputShape[1] === 'number' && (features.minFrames !== inputShape[1] || features.maxFrames !== inputShape[1])) {
    r.fail('onnx.inputShape', `fixes ${inputShape[1]} frames, so features.minFrames and features.maxFrames must both be ${inputShape[1]}`);
  }
  const output = r.oneOf(r.at('onnx.output'), 'onnx.output', ['logits', 'probabilities'] as const);
  const temperature = r.optional('onnx.temperature') === undefined ? 1 : r.number('onnx.temperature', 0.05, 20);
  if (temperature !== 1 && output !== 'logits') r.fail('onnx.temperature', "applies to logits only: onnx.output is 'probabilities'");
  return {
    inputName: r.string('onnx.inputName'),
    outputName: r.string('onnx.outputName'),
    output,
    temperature,
    inputShape,
  };
}

/**
 * Validates a parsed manifest JSON and returns it typed. Every problem throws
 * `EmovoxError('MODEL_INVALID')` whose message names the offending field.
 */
export function parseManifest(json: unknown): ModelManifest {
  const r = new ManifestReader(json);
  const format = r.string('format');
  if (format !== manifestFormat) r.fail('format', `must be '${manifestFormat}', got '${format}'`);
  const labels = r.array('labels', (value, at) => (isCanonicalLabel(value) ? value : r.fail(at, `'${String(value)}' is not a canonical label`)));
  if (labels.length < 2) r.fail('labels', 'needs at least two labels');
  if (new Set(labels).size !== labels.length) r.fail('labels', 'contains duplicates');
  const sha256 = r.string('model.sha256');
  if (!/^[0-9a-f]{64}$/.test(sha256)) r.fail('model.sha256', 'must be 64 lower-case hex digits');
  const file = r.string('model.file');
  checkModelFile(r, file);
  const features = readFeatures(r);
  return {
    format: manifestFormat,
    name: r.string('name'),
    version: r.string('version'),
    labels,
    model: { file, sha256, bytes: r.integer('model.bytes', 1, manifestLimits.modelBytes) },
    features,
    onnx: readOnnx(r, features),
    training: {
      data: r.string('training.data'),
      licence: r.string('training.licence'),
      commercialUse: r.boolean('training.commercialUse'),
      command: r.string('training.command'),
    },
    metrics: r.object('metrics'),
  };
}
