import type { SpeakerSummary } from '../../sdk/index.ts';
import type { ErrorRecord, RecordingRecord } from '../batch/record.ts';
import { distributionSvg, timelineSvg } from './charts.ts';
import { escapeHtml, formatTime, legend, page, percent, signed } from './html.ts';

const trend = (t: { delta: number; direction: string } | undefined): string => (t ? `${signed(t.delta)} (${t.direction})` : '–');

function topLabel(s: SpeakerSummary): string {
  const [label, share] = Object.entries(s.labelShare).sort((a, b) => b[1] - a[1])[0] ?? ['–', 0];
  return `${escapeHtml(label)} ${percent(share)}`;
}

/** The summary table: one row per speaker and one for all of them. */
export function summaryTable(summaries: readonly SpeakerSummary[]): string {
  const head = ['Speaker', 'Speech', 'Utterances', 'Most frequent', 'Mean valence', 'Mean arousal', 'Valence trend', 'Arousal trend', 'Ending', 'Longest negative high-arousal stretch', 'Most intense moment'];
  const rows = summaries.map((s) => {
    const stretch = s.longestNegativeArousedStretch;
    const peak = s.peaks?.mostIntense;
    const cells = [
      escapeHtml(s.speaker), formatTime(s.speechMs), String(s.utteranceCount), topLabel(s), signed(s.meanValence), signed(s.meanArousal),
      trend(s.trend?.valence), trend(s.trend?.arousal), s.ending ?? '–',
      stretch ? `${formatTime(stretch.durationMs)} at ${formatTime(stretch.startMs)}` : '–',
      peak ? `${escapeHtml(peak.label)} at ${formatTime(peak.startMs)}` : '–',
    ];
    return `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
  });
  return `<table><caption>Summary</caption><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr>${rows.join('')}</table>`;
}

function metadataTable(metadata: RecordingRecord['metadata']): string {
  const entries = Object.entries(metadata);
  if (entries.length === 0) return '';
  const rows = entries.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(String(v))}</td></tr>`);
  return `<table><caption>Metadata</caption>${rows.join('')}</table>`;
}

/** A self-contained HTML report of one recording: summary table, timeline per speaker, label distribution. */
export function recordingReport(record: RecordingRecord): string {
  const summaries = [...record.summary.speakers, ...(record.summary.speakers.length > 1 ? [record.summary.overall] : [])];
  const body = `<h1>${escapeHtml(record.name)}</h1>
<p>${escapeHtml(record.file)} · ${formatTime(record.durationMs)} · ${record.channelCount} channel(s), ${record.channelMode} · model ${escapeHtml(record.model)}</p>
${metadataTable(record.metadata)}
${summaryTable(summaries)}
<h2>Timeline</h2>${legend(record.labels)}${timelineSvg(record.utterances, record.speakers, record.labels, record.durationMs)}
<h2>Distribution</h2>${distributionSvg(summaries, record.labels)}`;
  return page(`emovox: ${record.name}`, body);
}

/** The batch report: every recording with its speakers' endings and a link to its own report, failures included. */
export function batchReport(records: readonly RecordingRecord[], failures: readonly ErrorRecord[]): string {
  const labels = records[0]?.labels ?? [];
  const rows = records.map((r) => {
    const endings = r.summary.speakers.map((s) => `${escapeHtml(s.speaker)}: ${s.ending ?? '–'}`).join(', ');
    const link = `<a href="${encodeURIComponent(r.name)}.html">${escapeHtml(r.name)}</a>`;
    return `<tr><td>${link}</td><td>${formatTime(r.durationMs)}</td><td>${r.utterances.length}</td><td>${signed(r.summary.overall.meanValence)}</td><td>${signed(r.summary.overall.meanArousal)}</td><td>${endings}</td></tr>`;
  });
  const failed = failures.map((f) => `<tr class="failed"><td>${escapeHtml(f.name)}</td><td colspan="5">failed: ${escapeHtml(`${f.error.code}: ${f.error.message}`)}</td></tr>`);
  const bySpeaker = new Map<string, SpeakerSummary[]>();
  for (const r of records) for (const s of r.summary.speakers) bySpeaker.set(s.speaker, [...(bySpeaker.get(s.speaker) ?? []), s]);
  const pooled = [...bySpeaker].map(([speaker, list]): SpeakerSummary => {
    const total = list.reduce((sum, s) => sum + s.speechMs, 0) || 1;
    const share: Record<string, number> = {};
    for (const s of list) for (const [l, v] of Object.entries(s.labelShare)) share[l] = (share[l] ?? 0) + (v * s.speechMs) / total;
    return { ...list[0]!, speaker, labelShare: share };
  });
  const body = `<h1>emovox batch report</h1><p>${records.length} recording(s) analysed, ${failures.length} failed.</p>
<table><caption>Recordings</caption><tr><th>Recording</th><th>Length</th><th>Utterances</th><th>Mean valence</th><th>Mean arousal</th><th>Ending per speaker</th></tr>${rows.join('')}${failed.join('')}</table>
<h2>Distribution per speaker, all recordings</h2>${legend(labels)}${distributionSvg(pooled, labels)}`;
  return page('emovox batch report', body);
}
