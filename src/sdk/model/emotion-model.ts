import { EmovoxError } from '../errors.ts';
import type { FrameFeatures } from '../features/frame-features.ts';
import type { CanonicalLabel } from './labels.ts';
import type { ModelManifest } from './manifest.ts';
import { buildInput, sliceFrames, softmax, trimRange, windowStarts } from './model-input.ts';
import type { OrtRuntime, OrtSession, OrtSessionOptions } from './ort-types.ts';
import { SpeakerAdaptation } from './speaker-adaptation.ts';

/** Options of {@link EmotionModel.create}. */
export interface EmotionModelOptions {
  /** Intra-op threads for onnxruntime-node; the web build takes `env.wasm.numThreads` instead. @defaultValue 1 */
  readonly threads?: number;
  /**
   * ORT graph optimisation when the session opens. In the wasm runtime 'all' costs far more at start-up
   * (optimiser code compiled lazily by V8) than it saves on these small graphs. @defaultValue 'all'
   */
  readonly graphOptimizationLevel?: OrtSessionOptions['graphOptimizationLevel'];
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  // A copy: subtle.digest refuses views over SharedArrayBuffer.
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes.slice());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * One emotion model: an ONNX session plus the pre- and post-processing its manifest declares.
 * Pure: no fetching, no DOM, no worker; pass in the ORT module and the model bytes.
 */
export class EmotionModel {
  /** Serialises `session.run`: overlapping runs on one session fail. */
  private queue: Promise<unknown> = Promise.resolve();
  private released = false;

  private constructor(
    private readonly ort: OrtRuntime,
    private readonly session: OrtSession,
    readonly manifest: ModelManifest,
  ) {}

  /** Verifies the bytes against `manifest.model.sha256` and opens the session (MODEL_INVALID on either failure). */
  static async create(ort: OrtRuntime, manifest: ModelManifest, modelBytes: Uint8Array, options: EmotionModelOptions = {}): Promise<EmotionModel> {
    const threads = options.threads ?? 1;
    if (!Number.isInteger(threads) || threads < 1) throw new RangeError(`threads must be a positive integer, got ${threads}`);
    const actual = await sha256Hex(modelBytes);
    if (actual !== manifest.model.sha256) {
      throw new EmovoxError('MODEL_INVALID', `model file ${manifest.model.file}: sha256 ${actual} does not match the manifest's ${manifest.model.sha256}`);
    }
    let session: OrtSession;
    try {
      session = await ort.InferenceSession.create(modelBytes, { intraOpNumThreads: threads, interOpNumThreads: 1, graphOptimizationLevel: options.graphOptimizationLevel ?? 'all' });
    } catch (error) {
      throw new EmovoxError('MODEL_INVALID', `model file ${manifest.model.file}: onnxruntime could not load it (${(error as Error).message ?? error})`, { cause: error });
    }
    const { inputName, outputName } = manifest.onnx;
    if (!session.inputNames.includes(inputName) || !session.outputNames.includes(outputName)) {
      await session.release();
      throw new EmovoxError('MODEL_INVALID', `model file ${manifest.model.file}: expected input '${inputName}' and output '${outputName}', found [${session.inputNames.join(', ')}] -> [${session.outputNames.join(', ')}]`);
    }
    return new EmotionModel(ort, session, manifest);
  }

  get labels(): readonly CanonicalLabel[] {
    return this.manifest.labels;
  }

  /** A fresh running-statistics state for one speaker, or undefined when the model declares no adaptation. */
  createSpeakerAdaptation(): SpeakerAdaptation | undefined {
    const spec = this.manifest.features.adaptation;
    return spec ? new SpeakerAdaptation(spec) : undefined;
  }

  /** Trimmed frames as the model sees them (before adaptation). */
  trim(frames: FrameFeatures): FrameFeatures {
    return sliceFrames(frames, ...trimRange(frames, this.manifest.features.trimDb));
  }

  /** The standardised input (trimming, block selection, normalisation, padding) without speaker adaptation. */
  prepareInput(frames: FrameFeatures): Float32Array {
    return buildInput(this.trim(frames), this.manifest.features);
  }

  /**
   * Probabilities over `labels` (summing to 1) for one utterance. With `speaker`, the utterance
   * is adapted with the statistics of that speaker's earlier utterances and then added to them.
   */
  async predict(frames: FrameFeatures, speaker?: SpeakerAdaptation): Promise<Float32Array> {
    if (this.released) throw new EmovoxError('INVALID_STATE', 'the model was released');
    const trimmed = this.trim(frames);
    const adapted = speaker ? speaker.adapt(trimmed) : trimmed;
    const input = buildInput(adapted, this.manifest.features);
    speaker?.observe(trimmed);
    const run = this.queue.then(() => this.runInput(input));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async runInput(input: Float32Array): Promise<Float32Array> {
    const { features, onnx } = this.manifest;
    const width = features.normalization.mean.length;
    const nLabels = this.labels.length;
    const total = new Float32Array(nLabels);
    const nFrames = features.input === 'frames' ? input.length / width : 1;
    const starts = features.input === 'frames' ? windowStarts(nFrames, features.maxFrames) : [0];
    for (const start of starts) {
      const length = features.input === 'frames' ? Math.min(nFrames, features.maxFrames) : 1;
      const data = input.slice(start * width, (start + length) * width);
      const dims = features.input === 'frames' ? [1, length, width] : [1, width];
      const tensor = new this.ort.Tensor('float32', data, dims);
      const outputs = await this.session.run({ [onnx.inputName]: tensor });
      const output = outputs[onnx.outputName];
      const values = Float32Array.from(output.data as ArrayLike<number>);
      output.dispose?.();
      tensor.dispose?.();
      if (values.length !== nLabels) {
        throw new EmovoxError('MODEL_INVALID', `model output has ${values.length} values for ${nLabels} labels`);
      }
      if (onnx.output === 'logits' && onnx.temperature !== 1) for (let i = 0; i < nLabels; i++) values[i] /= onnx.temperature;
      const probabilities = onnx.output === 'logits' ? softmax(values) : values;
      for (let i = 0; i < nLabels; i++) total[i] += probabilities[i] / starts.length;
    }
    let sum = 0;
    for (const p of total) sum += p;
    for (let i = 0; i < nLabels; i++) total[i] /= sum;
    return total;
  }

  /** Releases the ORT session; later `predict` calls throw INVALID_STATE. Safe to call twice. */
  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    await this.queue;
    await this.session.release();
  }
}
