// The fuzzed entry points and what each may throw. Byte decoders may only reject with EmovoxError (a
// RangeError from a DataView there would be an out-of-bounds read, i.e. a bug); API calls given values of
// the wrong type or range may also throw TypeError/RangeError, as the options contract says.
import fc from 'fast-check';
import { DatasetError } from '../../../src/datasets/dataset-error.ts';
import { parseCsv } from '../../../src/datasets/csv.ts';
import { parseManifestCsv } from '../../../src/datasets/manifest-csv.ts';
import { decodeAudioBytes, decodeFlac, decodeWav, toMono, type DecodedAudio } from '../../../src/sdk/audio/index.ts';
import { EmovoxError } from '../../../src/sdk/errors.ts';
import type { NodeAnalyzer } from '../../../src/sdk/node/analyzer.ts';
import type { AnalysisResult } from '../../../src/sdk/types.ts';
import { mutatedFrom, mutatedText, randomWithMagic } from './mutations.ts';

export type TargetName = 'wav' | 'flac' | 'csv' | 'analyze';
type Allowed = (error: unknown) => boolean;

export interface Target<T> {
  readonly input: fc.Arbitrary<T>;
  readonly allowed: Allowed;
  /** Runs one input; returns normally on a correct result, throws on anything else. */
  readonly run: (input: T) => Promise<void>;
}

export interface Seeds {
  readonly wav: readonly Uint8Array[];
  readonly flac: readonly Uint8Array[];
  readonly csv: readonly string[];
}

const emovoxOnly: Allowed = (e) => e instanceof EmovoxError;
const apiErrors: Allowed = (e) => e instanceof EmovoxError || e instanceof TypeError || e instanceof RangeError;
const ascii = (s: string) => new TextEncoder().encode(s);

function checkDecoded(audio: DecodedAudio): void {
  if (!(audio.sampleRate >= 8000 && audio.sampleRate <= 96000)) throw new Error(`decoded rate ${audio.sampleRate}`);
  const length = audio.channels[0]?.length ?? 0;
  if (length === 0 || audio.channels.some((c) => c.length !== length)) throw new Error('decoded channels empty or of different lengths');
}

function checkResult(result: AnalysisResult): void {
  if (!Number.isFinite(result.durationMs) || result.durationMs < 0) throw new Error(`durationMs ${result.durationMs}`);
  for (const u of result.utterances) {
    const values = Object.values(u.probabilities);
    const sum = values.reduce((a, b) => a + b, 0);
    if (!values.every(Number.isFinite) || Math.abs(sum - 1) > 1e-3) throw new Error(`probabilities ${values.join(', ')}`);
  }
}

const anyRate = fc.oneof(fc.constantFrom(8000, 16000, 22050, 44100, 48000, 96000, 192000), fc.integer(), fc.double(), fc.anything());
const anySamples = fc.oneof(
  { weight: 4, arbitrary: fc.float32Array({ maxLength: 24000 }) },
  { weight: 2, arbitrary: fc.float32Array({ maxLength: 24000, min: -1, max: 1, noNaN: true }) },
  { weight: 1, arbitrary: fc.anything() },
);
const anyOptions = fc.oneof(
  fc.constant(undefined),
  fc.record({ chunkSeconds: fc.oneof(fc.double(), fc.constantFrom(0.01, 0.5, 3)) }, { requiredKeys: [] }),
  fc.anything(),
);

export function targets(seeds: Seeds, analyzer: () => NodeAnalyzer): { [K in TargetName]: Target<never> } {
  const wav: Target<Uint8Array> = {
    input: fc.oneof({ weight: 4, arbitrary: mutatedFrom(seeds.wav) }, { weight: 1, arbitrary: randomWithMagic([ascii('RIFF\0\0\0\0WAVE'), ascii('RIFF\xff\xff\xff\xffWAVEfmt ')]) }),
    allowed: emovoxOnly,
    run: async (bytes) => checkDecoded(decodeWav(bytes)),
  };
  const flac: Target<Uint8Array> = {
    input: fc.oneof({ weight: 4, arbitrary: mutatedFrom(seeds.flac) }, { weight: 1, arbitrary: randomWithMagic([ascii('fLaC'), ascii('fLaC\0\0\0\x22')]) }),
    allowed: emovoxOnly,
    run: async (bytes) => checkDecoded(await decodeFlac(bytes)),
  };
  const csv: Target<string> = {
    input: fc.oneof(mutatedText(seeds.csv), fc.string({ unit: 'binary', maxLength: 400 }), fc.string({ unit: fc.constantFrom(',', '"', '\n', '\r', 'a', 'path', 'label', ' '), maxLength: 200 })),
    // The dataset module's own typed error (a bad CSV is a usage problem the CLI prints as one line).
    allowed: (e) => e instanceof DatasetError,
    run: async (text) => {
      parseCsv(text);
      for (const entry of parseManifestCsv(text, '/data/corpus/manifest.csv')) {
        if (!entry.path.startsWith('/') || entry.label === '') throw new Error(`bad entry ${JSON.stringify(entry)}`);
      }
    },
  };
  type AnalyzeInput = { readonly bytes: Uint8Array } | { readonly audio: unknown; readonly options: unknown };
  const analyze: Target<AnalyzeInput> = {
    input: fc.oneof(
      fc.record({ bytes: mutatedFrom([...seeds.wav, ...seeds.flac]) }),
      fc.record({ audio: fc.record({ samples: anySamples, sampleRate: anyRate }), options: anyOptions }),
    ),
    allowed: apiErrors,
    run: async (input) => {
      if ('bytes' in input) {
        try {
          const decoded = await decodeAudioBytes(input.bytes);
          checkResult(await analyzer().analyze({ samples: toMono(decoded), sampleRate: decoded.sampleRate }));
        } catch (error) {
          if (error instanceof EmovoxError) return;
          throw new Error(`bytes gave ${String(error)}`, { cause: error });
        }
        return;
      }
      checkResult(await analyzer().analyze(input.audio as never, input.options as never));
    },
  };
  return { wav, flac, csv, analyze } as unknown as { [K in TargetName]: Target<never> };
}
