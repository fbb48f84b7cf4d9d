/** Per-class scores of a classification run. */
export interface ClassScores {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly support: number;
}

/** The JSON shape `emovox eval --json` prints. */
export interface EvaluationMetrics {
  readonly n: number;
  readonly accuracy: number;
  /** Unweighted average recall: mean recall over the classes that occur in the truth. */
  readonly uar: number;
  /** Mean F1 over the classes that occur in the truth. */
  readonly macroF1: number;
  readonly perClass: Readonly<Record<string, ClassScores>>;
  /** `matrix[i][j]`: clips of true label `labels[i]` predicted as `labels[j]`. */
  readonly confusion: { readonly labels: readonly string[]; readonly matrix: readonly (readonly number[])[] };
}

/**
 * Accuracy, UAR, macro-F1, per-class scores and the confusion matrix. `labels` orders the matrix
 * and must contain every true and predicted label.
 */
export function computeMetrics(labels: readonly string[], truth: readonly string[], predicted: readonly string[]): EvaluationMetrics {
  if (truth.length !== predicted.length) throw new RangeError(`computeMetrics: ${truth.length} true labels but ${predicted.length} predictions`);
  if (truth.length === 0) throw new RangeError('computeMetrics: nothing to score');
  const index = new Map(labels.map((l, i) => [l, i]));
  const matrix = labels.map(() => labels.map(() => 0));
  let correct = 0;
  for (let k = 0; k < truth.length; k++) {
    const i = index.get(truth[k]);
    const j = index.get(predicted[k]);
    if (i === undefined || j === undefined) throw new RangeError(`computeMetrics: label '${i === undefined ? truth[k] : predicted[k]}' is not in the label list`);
    matrix[i][j]++;
    if (i === j) correct++;
  }
  const perClass: Record<string, ClassScores> = {};
  let recallSum = 0;
  let f1Sum = 0;
  let present = 0;
  labels.forEach((label, i) => {
    const support = matrix[i].reduce((a, b) => a + b, 0);
    const predictedCount = matrix.reduce((a, row) => a + row[i], 0);
    const tp = matrix[i][i];
    const precision = predictedCount > 0 ? tp / predictedCount : 0;
    const recall = support > 0 ? tp / support : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    if (support > 0 || predictedCount > 0) perClass[label] = { precision, recall, f1, support };
    if (support > 0) {
      recallSum += recall;
      f1Sum += f1;
      present++;
    }
  });
  return { n: truth.length, accuracy: correct / truth.length, uar: recallSum / present, macroF1: f1Sum / present, perClass, confusion: { labels: [...labels], matrix } };
}
