import { writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { DatasetError } from '../../datasets/dataset-error.ts';
import { fileNameSchemes, type CorpusKind } from '../../datasets/file-name-schemes.ts';
import { formatCsv } from '../../datasets/csv.ts';
import { importCorpus, importGenericCsv, type ManifestRow } from '../../datasets/importers.ts';
import { CliUsageError, parseArgs } from '../cli-error.ts';

const kinds = [...Object.keys(fileNameSchemes), 'csv'];

const help = `usage: emovox import <kind> <folder | file.csv> [--out manifest.csv]
       emovox import csv <file.csv> [--path-column path] [--label-column label] [--speaker-column speaker] [--out manifest.csv]

kinds: ${kinds.join(', ')}
Scans a corpus folder (recursively, WAV or FLAC, original file names) and writes one
'path,label,speaker' CSV with paths relative to the output file and labels mapped onto
neutral calm happy sad angry fearful disgusted surprised. Without --out the CSV goes to stdout.`;

export async function run(args: string[]): Promise<number> {
  const { flags, booleans, positional } = parseArgs(args, { booleans: ['help'], values: ['out', 'path-column', 'label-column', 'speaker-column'] });
  if (booleans.has('help')) {
    process.stdout.write(help + '\n');
    return 0;
  }
  if (positional.length !== 2) throw new CliUsageError(`expected <kind> and <folder>, got ${positional.length} argument(s)\n${help}`);
  const [kind, source] = positional;
  if (!kinds.includes(kind)) throw new CliUsageError(`unknown kind '${kind}'; known: ${kinds.join(', ')}`);
  const out = flags.get('out')?.[0];
  const outDir = out ? dirname(resolve(out)) : process.cwd();
  let rows: ManifestRow[];
  try {
    rows = kind === 'csv'
      ? await importGenericCsv(source, outDir, {
        path: flags.get('path-column')?.[0] ?? 'path',
        label: flags.get('label-column')?.[0] ?? 'label',
        speaker: flags.get('speaker-column')?.[0] ?? 'speaker',
      })
      : await importCorpus(kind as CorpusKind, source, outDir);
  } catch (error) {
    if (error instanceof DatasetError) throw new CliUsageError(error.message);
    throw error;
  }
  const csv = formatCsv(['path', 'label', 'speaker'], rows.map((r) => [r.path, r.label, r.speaker]));
  if (out) {
    await writeFile(out, csv);
    const labels = new Map<string, number>();
    for (const r of rows) labels.set(r.label, (labels.get(r.label) ?? 0) + 1);
    const speakers = new Set(rows.map((r) => r.speaker)).size;
    process.stderr.write(`${out}: ${rows.length} clips, ${speakers} speakers; ${[...labels].map(([l, n]) => `${l} ${n}`).join(', ')}\n`);
  } else process.stdout.write(csv);
  return 0;
}
