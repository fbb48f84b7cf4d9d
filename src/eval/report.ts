import type { Evaluation } from './evaluate.ts';

const pct = (v: number): string => `${(v * 100).toFixed(1)} %`;

/** A readable Markdown report of one evaluation. */
export function formatReport(evaluation: Evaluation, context: { readonly csv: string; readonly model: string; readonly command: string; readonly runtime: string }): string {
  const lines = [
    `# emovox evaluation`,
    '',
    `- CSV: \`${context.csv}\``,
    `- Model: \`${context.model}\` (run with ${context.runtime})`,
    `- Command: \`${context.command}\``,
    ...(evaluation.snrDb === undefined ? [] : [`- Test audio mixed with pink noise at ${evaluation.snrDb} dB SNR`]),
    '',
    `| clips | accuracy | UAR | macro-F1 |`,
    `|---:|---:|---:|---:|`,
    `| ${evaluation.n} | ${pct(evaluation.accuracy)} | ${pct(evaluation.uar)} | ${pct(evaluation.macroF1)} |`,
    '',
  ];
  if (evaluation.adaptation) {
    const { firstUtterance, unadapted } = evaluation.adaptation;
    lines.push(
      'The model adapts to each speaker with running statistics of that speaker\'s earlier clips (CSV order).',
      `Cold start: first utterance of each speaker ${pct(firstUtterance.accuracy)} accuracy (n = ${firstUtterance.n}); every clip scored cold: accuracy ${pct(unadapted.accuracy)}, UAR ${pct(unadapted.uar)}, macro-F1 ${pct(unadapted.macroF1)}.`,
      '',
    );
  }
  const { temperature, calibrated, uncalibrated } = evaluation.calibration;
  lines.push(
    `Confidence: mean ${pct(calibrated.meanConfidence)} against ${pct(calibrated.accuracy)} accuracy; expected calibration error (10 bins) ${pct(calibrated.ece)}` +
      (temperature === 1 ? ' (the model has no fitted temperature).' : ` with the model's temperature ${temperature.toFixed(3)}, ${pct(uncalibrated.ece)} without it.`),
    '',
  );
  lines.push('| label | precision | recall | F1 | support |', '|---|---:|---:|---:|---:|');
  for (const [label, s] of Object.entries(evaluation.perClass)) lines.push(`| ${label} | ${pct(s.precision)} | ${pct(s.recall)} | ${pct(s.f1)} | ${s.support} |`);
  const { labels, matrix } = evaluation.confusion;
  lines.push('', '## Confusion matrix (rows: true, columns: predicted)', '', `| | ${labels.join(' | ')} |`, `|---|${labels.map(() => '---:').join('|')}|`);
  labels.forEach((label, i) => lines.push(`| **${label}** | ${matrix[i].join(' | ')} |`));
  lines.push('', '![confusion matrix](confusion.png)', '');
  return lines.join('\n');
}
