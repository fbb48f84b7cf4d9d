/** One bin of a reliability diagram: predictions whose confidence fell in [lower, upper). */
export interface ReliabilityBin {
  readonly lower: number;
  readonly upper: number;
  /** Predictions in the bin. */
  readonly n: number;
  /** Their mean confidence (0 when empty). */
  readonly confidence: number;
  /** The share of them that were right (0 when empty). */
  readonly accuracy: number;
}

/** How well `confidence` matches accuracy. */
export interface CalibrationMetrics {
  /** Expected calibration error: Σ (n_b / N) · |accuracy_b − confidence_b| over equal-width bins (Guo et al. 2017). */
  readonly ece: number;
  /** Largest |accuracy_b − confidence_b| over non-empty bins. */
  readonly maxGap: number;
  /** Mean confidence and accuracy over all predictions: over-confidence is the first minus the second. */
  readonly meanConfidence: number;
  readonly accuracy: number;
  readonly bins: readonly ReliabilityBin[];
}

/**
 * Reliability of top-1 confidences. `confidences[k]` is the probability the model gave its
 * prediction for example k, `correct[k]` whether that prediction was right. A confidence of
 * exactly 1 goes into the last bin.
 */
export function calibrationMetrics(confidences: readonly number[], correct: readonly boolean[], nBins = 10): CalibrationMetrics {
  if (confidences.length !== correct.length) throw new RangeError(`calibrationMetrics: ${confidences.length} confidences but ${correct.length} outcomes`);
  if (confidences.length === 0) throw new RangeError('calibrationMetrics: nothing to score');
  if (!Number.isInteger(nBins) || nBins < 1) throw new RangeError(`calibrationMetrics: nBins must be a positive integer, got ${nBins}`);
  const count = new Array<number>(nBins).fill(0);
  const confidenceSum = new Array<number>(nBins).fill(0);
  const correctSum = new Array<number>(nBins).fill(0);
  confidences.forEach((c, k) => {
    if (!(c >= 0 && c <= 1)) throw new RangeError(`calibrationMetrics: confidence ${c} is not in [0, 1]`);
    const b = Math.min(nBins - 1, Math.floor(c * nBins));
    count[b]++;
    confidenceSum[b] += c;
    if (correct[k]) correctSum[b]++;
  });
  const n = confidences.length;
  let ece = 0;
  let maxGap = 0;
  const bins = count.map((m, b) => {
    const confidence = m > 0 ? confidenceSum[b] / m : 0;
    const accuracy = m > 0 ? correctSum[b] / m : 0;
    if (m > 0) {
      ece += (m / n) * Math.abs(accuracy - confidence);
      maxGap = Math.max(maxGap, Math.abs(accuracy - confidence));
    }
    return { lower: b / nBins, upper: (b + 1) / nBins, n: m, confidence, accuracy };
  });
  const meanConfidence = confidenceSum.reduce((a, b) => a + b, 0) / n;
  const accuracy = correctSum.reduce((a, b) => a + b, 0) / n;
  return { ece, maxGap, meanConfidence, accuracy, bins };
}

/**
 * The top-1 confidence over the labels allowed (all when `allowed` is undefined), renormalised over
 * them: what a caller that ignores the other labels would show. With `temperature` ≠ 1 the
 * probabilities are first taken back to the model's uncalibrated ones (p^T renormalised, exact for a
 * single softmax of logits / T).
 */
export function topConfidence(labels: readonly string[], probabilities: ArrayLike<number>, allowed?: ReadonlySet<string>, temperature = 1): { label: string; confidence: number } {
  let best = -1;
  let total = 0;
  const weight = (p: number): number => (temperature === 1 ? p : p ** temperature);
  for (let i = 0; i < labels.length; i++) {
    if (allowed && !allowed.has(labels[i])) continue;
    total += weight(probabilities[i]);
    if (best < 0 || probabilities[i] > probabilities[best]) best = i;
  }
  if (best < 0) throw new RangeError('topConfidence: no allowed label');
  return { label: labels[best], confidence: total > 0 ? weight(probabilities[best]) / total : 0 };
}
