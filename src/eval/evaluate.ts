import { readAudioFile } from '../cli/read-audio-file.ts';
import type { ManifestEntry } from '../datasets/manifest-csv.ts';
import { DatasetError } from '../datasets/dataset-error.ts';
import { isCanonicalLabel } from '../sdk/model/labels.ts';
import { computeFeatures, type FrameFeatures } from '../sdk/features/index.ts';
import { extractorInclude } from '../sdk/model/model-input.ts';
import type { ModelFeatureSpec } from '../sdk/model/manifest.ts';
import type { EmotionModel } from '../sdk/model/emotion-model.ts';
import { calibrationMetrics, topConfidence, type CalibrationMetrics } from './calibration.ts';
import { computeMetrics, type EvaluationMetrics } from './metrics.ts';
import { colouredNoise, mixAtSnr, mulberry32 } from './noise.ts';

/** Label rewriting before scoring: `map` renames (after synonyms), `drop` removes clips. */
export interface LabelOptions {
  readonly map?: ReadonlyMap<string, string>;
  readonly drop?: ReadonlySet<string>;
}

/** Applies --map/--drop and rejects labels that are still not canonical, listing all of them. */
export function resolveLabels(entries: readonly ManifestEntry[], options: LabelOptions): ManifestEntry[] {
  const kept = entries
    .map((e) => ({ ...e, label: options.map?.get(e.label) ?? e.label }))
    .filter((e) => !options.drop?.has(e.label));
  const unknown = [...new Set(kept.map((e) => e.label).filter((l) => !isCanonicalLabel(l)))];
  if (unknown.length > 0) {
    throw new DatasetError(`unknown label(s) ${unknown.map((l) => `'${l}'`).join(', ')}: map them with --map ${unknown[0]}=<canonical> or drop them with --drop ${unknown.join(',')}`);
  }
  if (kept.length === 0) throw new DatasetError('no clips left after --drop');
  return kept;
}

export interface EvaluateOptions {
  /** Restrict the argmax to model labels that occur in the CSV. @defaultValue false */
  readonly restrict?: boolean;
  /** Mix seeded pink noise into every clip at this SNR (dB, relative to the active speech power). */
  readonly snrDb?: number;
  /** Keep every clip's probabilities (adapted, as the model returned them) in `probabilities`. @defaultValue false */
  readonly keepProbabilities?: boolean;
  /** Cache of features per clip and condition, shared across models of one process. */
  readonly featureCache?: Map<string, FrameFeatures>;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface Evaluation extends EvaluationMetrics {
  /** Present when the model adapts to speakers: the first utterance of each speaker (cold start) and every clip scored cold. */
  readonly adaptation?: {
    readonly firstUtterance: { readonly n: number; readonly accuracy: number };
    readonly unadapted: { readonly accuracy: number; readonly uar: number; readonly macroF1: number };
  };
  readonly snrDb?: number;
  /**
   * Reliability of the (adapted) predictions' confidences, renormalised over the allowed labels with
   * --restrict: as shipped (`calibrated`, with the manifest's temperature) and with temperature 1.
   */
  readonly calibration: { readonly temperature: number; readonly calibrated: CalibrationMetrics; readonly uncalibrated: CalibrationMetrics };
  /** With --restrict: the same predictions scored with the argmax over every model label (what an application shows). */
  readonly unrestricted?: Pick<EvaluationMetrics, 'accuracy' | 'uar' | 'macroF1'>;
  /** With `keepProbabilities`: per clip, in CSV order, the model's probabilities (model label order). */
  readonly probabilities?: readonly (readonly number[])[];
}

function seedOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

async function features(entry: ManifestEntry, spec: ModelFeatureSpec, options: EvaluateOptions): Promise<FrameFeatures> {
  const { config } = spec;
  const include = extractorInclude(spec);
  const key = `${entry.path}|${options.snrDb ?? 'clean'}|${JSON.stringify(config)}|${include?.join(',') ?? 'spectral'}`;
  const cached = options.featureCache?.get(key);
  if (cached) return cached;
  let { samples } = await readAudioFile(entry.path, config.sampleRate);
  if (options.snrDb !== undefined) samples = mixAtSnr(samples, colouredNoise(samples.length, 'pink', mulberry32(seedOf(`test-noise:${entry.path}`))), options.snrDb);
  const frames = computeFeatures(samples, config, { include });
  options.featureCache?.set(key, frames);
  return frames;
}

const argmax = (labels: readonly string[], p: Float32Array, allowed: ReadonlySet<string> | undefined): string => topConfidence(labels, p, allowed).label;

/**
 * Runs the model over the clips exactly as an application would: the shared front-end, the
 * model's own trimming/normalisation, and, when the model adapts to speakers, one running
 * state per `speaker` fed in CSV order (clips without a speaker are scored cold).
 */
export async function evaluateModel(model: EmotionModel, entries: readonly ManifestEntry[], options: EvaluateOptions = {}): Promise<Evaluation> {
  const modelLabels = model.labels as readonly string[];
  const present = new Set(entries.map((e) => e.label));
  const allowed = options.restrict ? new Set(modelLabels.filter((l) => present.has(l))) : undefined;
  if (allowed && allowed.size === 0) throw new DatasetError('--restrict: the model shares no label with the CSV');
  const speakers = new Map<string, ReturnType<EmotionModel['createSpeakerAdaptation']>>();
  const adapts = model.manifest.features.adaptation !== undefined;
  const predicted: string[] = [];
  const cold: string[] = [];
  const temperature = model.manifest.onnx.temperature;
  const confidences: number[] = [];
  const rawConfidences: number[] = [];
  const unrestricted: string[] = [];
  const kept: number[][] = [];
  let firstN = 0;
  let firstCorrect = 0;
  for (let k = 0; k < entries.length; k++) {
    const entry = entries[k];
    const frames = await features(entry, model.manifest.features, options);
    let state = entry.speaker ? speakers.get(entry.speaker) : undefined;
    if (adapts && entry.speaker && !state) speakers.set(entry.speaker, (state = model.createSpeakerAdaptation()));
    const first = adapts && (!state || state.utterances === 0);
    const probabilities = await model.predict(frames, state);
    const { label, confidence } = topConfidence(modelLabels, probabilities, allowed);
    predicted.push(label);
    if (allowed) unrestricted.push(argmax(modelLabels, probabilities, undefined));
    if (options.keepProbabilities) kept.push(Array.from(probabilities));
    confidences.push(confidence);
    rawConfidences.push(topConfidence(modelLabels, probabilities, allowed, temperature).confidence);
    if (adapts) cold.push(first ? label : argmax(modelLabels, await model.predict(frames), allowed));
    if (first) {
      firstN++;
      if (label === entry.label) firstCorrect++;
    }
    options.onProgress?.(k + 1, entries.length);
  }
  const truth = entries.map((e) => e.label);
  const labels = [...new Set([...modelLabels, ...truth])].sort((a, b) => order(a) - order(b));
  const metrics = computeMetrics(labels, truth, predicted);
  const correct = predicted.map((label, k) => label === truth[k]);
  const calibration = { temperature, calibrated: calibrationMetrics(confidences, correct), uncalibrated: calibrationMetrics(rawConfidences, correct) };
  const all = allowed ? computeMetrics(labels, truth, unrestricted) : undefined;
  const result: Evaluation = {
    ...metrics, ...(options.snrDb === undefined ? {} : { snrDb: options.snrDb }), calibration,
    ...(all ? { unrestricted: { accuracy: all.accuracy, uar: all.uar, macroF1: all.macroF1 } } : {}),
    ...(options.keepProbabilities ? { probabilities: kept } : {}),
  };
  if (!adapts) return result;
  const unadapted = computeMetrics(labels, truth, cold);
  return { ...result, adaptation: { firstUtterance: { n: firstN, accuracy: firstN ? firstCorrect / firstN : 0 }, unadapted: { accuracy: unadapted.accuracy, uar: unadapted.uar, macroF1: unadapted.macroF1 } } };
}

const canonicalOrder = ['neutral', 'calm', 'happy', 'sad', 'angry', 'fearful', 'disgusted', 'surprised'];
const order = (label: string): number => canonicalOrder.indexOf(label);
