import { resolveAssets } from '../assets.ts';
import { EmovoxError } from '../errors.ts';
import { createLogger } from '../logger.ts';
import { routeVadLogging } from '../vad/logging.ts';
import type { EmotionModel } from '../model/emotion-model.ts';
import { resolveOptions, type RecognizerOptions, type ResolvedOptions } from '../options.ts';
import { analyzeSamples, analyzeStream, type AnalyzeSamplesOptions, type MonoAudio, type MonoStream } from '../pipeline/analyze-samples.ts';
import { EmotionScorer } from '../pipeline/emotion-scorer.ts';
import { loadEmotionModel, loadVad } from '../pipeline/loader.ts';
import { Recognition } from '../pipeline/recognition.ts';
import type { AnalysisResult } from '../types.ts';
import { SerialQueue } from '../serial-queue.ts';
import { Segmenter } from '../vad/segmenter.ts';
import type { Model } from '../vendor/vad-web.js';
import { checkAnalyzeOptions, checkMonoAudio, checkStreamRate, guardedChunks } from './check-input.ts';
import { loadNodeOrt, nodeSessionDefaults, readBytes, withSessionDefaults, type NodeOrtName } from './runtime.ts';

/**
 * The offline analysis of `EmotionRecognizer.analyze()` for Node: the same segmenter, features,
 * model and post-processing, on onnxruntime-node (or onnxruntime-web's wasm build).
 */
export class NodeAnalyzer {
  private released = false;
  /** Analyses run one after another: the VAD's recurrent state is shared, so overlapping calls would mix it. */
  private readonly analyses = new SerialQueue();

  private constructor(
    private readonly vad: Model,
    private readonly model: EmotionModel,
    private readonly options: ResolvedOptions,
    readonly runtime: string,
  ) {}

  /** Loads VAD and model; `runtime` forces onnxruntime-node or onnxruntime-web (default: node when installed). */
  static async create(options: RecognizerOptions = {}, runtime?: NodeOrtName): Promise<NodeAnalyzer> {
    if (runtime !== undefined && runtime !== 'onnxruntime-node' && runtime !== 'onnxruntime-web') {
      throw new RangeError(`runtime must be 'onnxruntime-node' or 'onnxruntime-web', got ${JSON.stringify(runtime)}`);
    }
    const resolved = resolveOptions(options);
    const assets = resolveAssets(options, resolved.vad.model);
    routeVadLogging(createLogger(resolved.logLevel));
    const { ort, name } = await loadNodeOrt(runtime);
    const vad = await loadVad(withSessionDefaults(ort, nodeSessionDefaults), resolved.vad.model, assets.vadModel, readBytes);
    try {
      const model = await loadEmotionModel(ort, assets.model, readBytes, resolved.ortThreads, assets.modelFile);
      return new NodeAnalyzer(vad, model, resolved, name);
    } catch (error) {
      await vad.release();
      throw error;
    }
  }

  get labels(): readonly string[] {
    return this.model.labels;
  }

  get modelName(): string {
    return this.model.manifest.name;
  }

  /**
   * Segments a whole recording and returns every utterance's final result. Bad input is refused before
   * the VAD sees it: a non-`Float32Array` is a TypeError, a rate outside 8-192 kHz a RangeError (the
   * same rules as the browser's `analyze()`), empty audio or NaN/infinite samples `INVALID_AUDIO`, and a
   * malformed option a TypeError/RangeError naming it. Overlapping calls run one after another; calls
   * still waiting when `release()` is called reject with `INVALID_STATE`.
   */
  async analyze(audio: MonoAudio, options: AnalyzeSamplesOptions = {}): Promise<AnalysisResult> {
    if (this.released) throw new EmovoxError('INVALID_STATE', 'the analyzer was released');
    checkMonoAudio(audio);
    checkAnalyzeOptions(options);
    return this.enqueue((recognition) => analyzeSamples(recognition, this.labels, audio, { yieldBetweenChunks: async () => {}, ...options }));
  }

  /**
   * Like `analyze()` over audio that arrives in chunks (a file read piece by piece, see `openWavStream`):
   * memory is one chunk plus the current utterance, however long the recording. A source may pause for as
   * long as it likes; `signal` aborts the call even while it waits for the next chunk.
   */
  async analyzeStream(audio: MonoStream, options: AnalyzeSamplesOptions = {}): Promise<AnalysisResult> {
    if (this.released) throw new EmovoxError('INVALID_STATE', 'the analyzer was released');
    checkStreamRate(audio);
    checkAnalyzeOptions(options);
    const guarded = { ...audio, chunks: guardedChunks(audio.chunks, options.signal) };
    return this.enqueue((recognition) => analyzeStream(recognition, this.labels, guarded, { yieldBetweenChunks: async () => {}, ...options }));
  }

  private enqueue(analyse: (recognition: Recognition) => Promise<AnalysisResult>): Promise<AnalysisResult> {
    return this.analyses.run(async () => {
      if (this.released) throw new EmovoxError('INVALID_STATE', 'the analyzer was released');
      this.vad.reset_state();
      const segmenter = new Segmenter(this.vad, this.options.vad, 0);
      return analyse(new Recognition(segmenter, new EmotionScorer(this.model), this.options.smoothing, this.options.includeAudio));
    });
  }

  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    await this.analyses.settled();
    await Promise.all([this.vad.release(), this.model.release()]);
  }
}
