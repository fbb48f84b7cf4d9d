import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { resolveOptions, type VadOptions } from '../../sdk/index.ts';
import { CliUsageError } from '../cli-error.ts';
import type { AnalysisSettings, ChannelMode } from './record.ts';

export const vadFlags: Record<string, keyof VadOptions> = {
  'positive-threshold': 'positiveSpeechThreshold',
  'negative-threshold': 'negativeSpeechThreshold',
  'redemption-ms': 'redemptionMs',
  'min-speech-ms': 'minSpeechMs',
  'max-speech-ms': 'maxSpeechMs',
};

function parseVad(flags: Map<string, string[]>): Record<string, number | string> {
  const vad: Record<string, number | string> = {};
  for (const [flag, key] of Object.entries(vadFlags)) {
    const raw = flags.get(flag)?.[0];
    if (raw === undefined) continue;
    const value = Number(raw);
    if (!Number.isFinite(value)) throw new CliUsageError(`--${flag} must be a number, got '${raw}'`);
    vad[key] = value;
  }
  const model = flags.get('vad-model')?.[0];
  if (model !== undefined) vad.model = model;
  return vad;
}

export function positiveInteger(flag: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 256) throw new CliUsageError(`--${flag} must be an integer from 1 to 256, got '${raw}'`);
  return value;
}

/** Analysis settings from the flags, validated here so that no thread starts with options that cannot work. */
export function parseSettings(flags: Map<string, string[]>): AnalysisSettings {
  const channels = (flags.get('channels')?.[0] ?? 'mix') as ChannelMode;
  if (channels !== 'mix' && channels !== 'split') throw new CliUsageError(`--channels must be 'mix' or 'split', got '${channels}'`);
  const speakers = flags.get('speakers')?.[0]?.split(',').map((s) => s.trim()) ?? [];
  if (speakers.some((s) => s === '') || new Set(speakers).size !== speakers.length) {
    throw new CliUsageError('--speakers must be distinct, non-empty names separated by commas');
  }
  const vad = parseVad(flags);
  try {
    resolveOptions({ vad: vad as VadOptions });
  } catch (error) {
    if (error instanceof TypeError || error instanceof RangeError) throw new CliUsageError(error.message);
    throw error;
  }
  const model = flags.get('model')?.[0];
  return { channels, speakers, vad, ...(model ? { model: pathToFileURL(resolve(model)).href } : {}) };
}
