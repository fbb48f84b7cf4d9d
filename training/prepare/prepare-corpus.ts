// Prepares one corpus extracted from its repository (shared/datasets/SOURCES.md) for training:
//   npx tsx training/prepare/prepare-corpus.ts <kind> <extracted folder> [--out training/work/corpora/<kind>]
// Converts every recognised clip with sox to 16 kHz mono 16-bit FLAC under --out (git-ignored),
// drops duplicate takes (identical files, or identical audio in different files), and writes manifest.csv plus report.json (clip lengths,
// levels and padding per class, source formats, duplicates, lexical confounds). Re-running reuses
// FLAC files already converted, so an interrupted run resumes.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { formatCsv } from '../../src/datasets/csv.ts';
import { DatasetError } from '../../src/datasets/dataset-error.ts';
import { fileNameSchemes, type CorpusKind } from '../../src/datasets/file-name-schemes.ts';
import { importCorpus } from '../../src/datasets/importers.ts';
import { decodeAudioBytes } from '../../src/sdk/audio/decode.ts';
import { decodeFlac } from '../../src/sdk/audio/flac.ts';
import { auditClip } from './clip-audit.ts';
import { corpusReport, type CorpusReport, type PreparedClip } from './corpus-report.ts';

const run = promisify(execFile);

/** Sample rate and channel count of a source file: our decoder first, sox for formats it lacks. */
async function sourceFormat(file: string, bytes: Uint8Array): Promise<{ rate: number; channels: number }> {
  try {
    const decoded = await decodeAudioBytes(bytes);
    return { rate: decoded.sampleRate, channels: decoded.channels.length };
  } catch {
    const [{ stdout: rate }, { stdout: channels }] = await Promise.all([run('sox', ['--i', '-r', file]), run('sox', ['--i', '-c', file])]);
    return { rate: Number(rate.trim()), channels: Number(channels.trim()) };
  }
}

async function prepareClip(folder: string, target: string, row: { path: string; label: string; speaker: string; text?: string }, outDir: string, bytes: Uint8Array, sha256: string): Promise<PreparedClip> {
  const source = join(folder, row.path);
  if (!existsSync(target)) {
    await mkdir(dirname(target), { recursive: true });
    await run('sox', [source, '-r', '16000', '-c', '1', '-b', '16', target]);
  }
  const format = await sourceFormat(source, bytes);
  const audio = await decodeFlac(new Uint8Array(await readFile(target)));
  const samples = audio.channels[0];
  const audioSha256 = createHash('sha256').update(new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength)).digest('hex');
  return {
    source: row.path, path: relative(outDir, target).split('\\').join('/'), label: row.label, speaker: row.speaker, text: row.text ?? '', sha256, audioSha256,
    sourceRate: format.rate, sourceChannels: format.channels, audit: auditClip(audio.channels[0], audio.sampleRate),
  };
}

/** Runs `task` over `items` with at most `width` in flight (the machine is shared). */
async function pool<T, R>(items: readonly T[], width: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return results;
}

/** Prepares `folder` (a corpus of `kind`) into `outDir`; returns the report it also writes. */
export async function prepareCorpus(kind: CorpusKind, folder: string, outDir: string, log: (line: string) => void = () => {}): Promise<CorpusReport> {
  const rows = await importCorpus(kind, folder, folder);
  const seen = new Map<string, string>();
  const duplicates: CorpusReport['duplicates'] = [];
  const unique: { row: (typeof rows)[number]; bytes: Uint8Array; sha256: string }[] = [];
  for (const row of rows) {
    const bytes = new Uint8Array(await readFile(join(folder, row.path)));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const kept = seen.get(sha256);
    if (kept) duplicates.push({ dropped: row.path, keptAs: kept, identical: 'file' });
    else {
      seen.set(sha256, row.path);
      unique.push({ row, bytes, sha256 });
    }
  }
  log(`${kind}: ${rows.length} clips recognised, ${duplicates.length} identical files dropped; converting ${unique.length}`);
  const converted = await pool(unique, 2, ({ row, bytes, sha256 }) =>
    prepareClip(folder, join(outDir, 'audio', row.path.replace(/\.(wav|flac)$/i, '.flac')), row, outDir, bytes, sha256));
  // The same take can hide in files that differ only in format or header: compare the audio too.
  const keptAudio = new Map<string, string>();
  const clips = converted.filter((clip) => {
    const kept = keptAudio.get(clip.audioSha256);
    if (kept) duplicates.push({ dropped: clip.source, keptAs: kept, identical: 'audio' });
    else keptAudio.set(clip.audioSha256, clip.source);
    return !kept;
  });
  const header = ['path', 'label', 'speaker', 'corpus', 'text', 'duration_s', 'source_rate', 'sha256'];
  const toCsv = (rows: typeof clips): string => formatCsv(header, rows.map((c) => [c.path, c.label, c.speaker, kind, c.text, c.audit.durationS.toFixed(4), String(c.sourceRate), c.sha256]));
  const csv = toCsv(clips);
  const report = corpusReport(clips, duplicates);
  await mkdir(outDir, { recursive: true });
  await writeFile(join(outDir, 'manifest.csv'), csv);
  await writeFile(join(outDir, 'report.json'), JSON.stringify({ kind, source: resolve(folder), ...report }, null, 2) + '\n');
  // Speaker adaptation and per-speaker tests need real speakers: where an importer pools unidentified people under
  // one `<corpus>-unknown` id (EmoSpeech), identified.csv holds only the identified speakers' clips.
  const identified = clips.filter((c) => !c.speaker.endsWith('-unknown'));
  if (identified.length < clips.length) {
    await writeFile(join(outDir, 'identified.csv'), toCsv(identified));
    log(`  ${identified.length} clips of ${new Set(identified.map((c) => c.speaker)).size} identified speakers in identified.csv`);
  }
  for (const [label, s] of Object.entries(report.classes)) {
    log(`  ${label.padEnd(16)} ${String(s.count).padStart(5)} clips, ${s.durationS.min}–${s.durationS.max} s (median ${s.durationS.median}), ${s.medianRmsDb} dB RMS`);
  }
  for (const warning of report.warnings) log(`  warning: ${warning}`);
  return report;
}

async function main(args: string[]): Promise<number> {
  const outAt = args.indexOf('--out');
  const out = outAt >= 0 ? args[outAt + 1] : undefined;
  const positional = outAt >= 0 ? args.filter((_, i) => i !== outAt && i !== outAt + 1) : args;
  const kinds = Object.keys(fileNameSchemes);
  if (positional.length !== 2 || (outAt >= 0 && !out)) {
    process.stderr.write(`usage: prepare-corpus <kind> <extracted folder> [--out dir]\nkinds: ${kinds.join(', ')}\n`);
    return 2;
  }
  const [kind, folder] = positional;
  if (!kinds.includes(kind)) {
    process.stderr.write(`unknown kind '${kind}'; known: ${kinds.join(', ')}\n`);
    return 2;
  }
  const outDir = out ?? fileURLToPath(new URL(`../work/corpora/${kind}`, import.meta.url));
  try {
    await prepareCorpus(kind as CorpusKind, folder, outDir, (line) => process.stdout.write(line + '\n'));
  } catch (error) {
    if (!(error instanceof DatasetError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  }
  process.stdout.write(`wrote ${join(outDir, 'manifest.csv')} and report.json\n`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
