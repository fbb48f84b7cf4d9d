import { canonicalLabel } from './labels.ts';
import { ased, banglaSer, baved, emoSpeech, koreanTts } from './repository-schemes.ts';

/** Label and speaker parsed from one corpus file name, or null when the name is not part of the corpus. */
export interface ParsedClip {
  readonly label: string;
  readonly speaker: string;
  /** What was said (sentence, word or keyword id) where the name tells, for lexical-confound checks. */
  readonly text?: string;
}

/** Parses a base name (no folder); `parent` is the name of the containing folder. */
export type FileNameScheme = (baseName: string, parent: string) => ParsedClip | null;

const ravdessEmotions = ['neutral', 'calm', 'happy', 'sad', 'angry', 'fearful', 'disgusted', 'surprised'];

/**
 * RAVDESS `03-01-05-02-01-01-12.wav`: modality-channel-emotion-intensity-statement-repetition-actor.
 * Audio-only (03) speech (channel 01) clips only; song and video files are skipped.
 */
export const ravdess: FileNameScheme = (name) => {
  const m = /^(\d\d)-(\d\d)-(\d\d)-(\d\d)-(\d\d)-(\d\d)-(\d\d)\.(wav|flac)$/i.exec(name);
  if (!m || m[1] !== '03' || m[2] !== '01') return null;
  const label = ravdessEmotions[Number(m[3]) - 1];
  return label ? { label, speaker: `ravdess-${m[7]}` } : null;
};

/** nEMO `EB0_anger_1.wav`: speaker, emotion (anger, fear, happiness, neutral, sadness, surprised), sentence. */
export const nemo: FileNameScheme = (name) => {
  const m = /^([A-Z]{2}\d)_([a-z]+)_\d+\.(wav|flac)$/i.exec(name);
  return m ? { label: canonicalLabel(m[2]), speaker: `nemo-${m[1]}` } : null;
};

const cremaEmotions: Record<string, string> = { ANG: 'angry', DIS: 'disgusted', FEA: 'fearful', HAP: 'happy', NEU: 'neutral', SAD: 'sad' };

/** CREMA-D `1001_DFA_ANG_XX.wav`: actor, sentence, emotion, intensity. */
export const cremad: FileNameScheme = (name) => {
  const m = /^(\d{4})_([A-Z]{3})_([A-Z]{3})_([A-Z]{1,2}|X)\.(wav|flac)$/i.exec(name);
  const label = m ? cremaEmotions[m[3].toUpperCase()] : undefined;
  return m && label ? { label, speaker: `cremad-${m[1]}` } : null;
};

/**
 * EmoDB `03a01Fa.wav`: speaker (2 digits), text (3), emotion letter (German initial), version.
 * Boredom (L, Langeweile) has no canonical label and is written as `boredom`.
 */
const emodbEmotions: Record<string, string> = { W: 'angry', L: 'boredom', E: 'disgusted', A: 'fearful', F: 'happy', T: 'sad', N: 'neutral' };
export const emodb: FileNameScheme = (name) => {
  const m = /^(\d\d)([a-b]\d\d)([WLEAFTN])([a-z])\.(wav|flac)$/.exec(name);
  return m ? { label: emodbEmotions[m[3]], speaker: `emodb-${m[1]}` } : null;
};

/**
 * TESS `OAF_back_angry.wav`: speaker (OAF, YAF), word, emotion (angry, disgust, fear, happy,
 * neutral, ps = pleasant surprise, sad), in any letter case; a few originals read `OA_` for `OAF_`.
 * The `testnew` copies are renamed `<n>testOAF_back_angry<k>.wav`.
 */
export const tess: FileNameScheme = (name) => {
  const m = /^(?:\d+test)?(OAF|YAF|OA)_([A-Za-z]+)_([A-Za-z_]+?)\d*\.(wav|flac)$/i.exec(name);
  if (!m) return null;
  const speaker = m[1].toUpperCase() === 'OA' ? 'OAF' : m[1].toUpperCase();
  return { label: canonicalLabel(m[3]), speaker: `tess-${speaker}`, text: m[2].toLowerCase() };
};

const saveeEmotions: Record<string, string> = { a: 'angry', d: 'disgusted', f: 'fearful', h: 'happy', n: 'neutral', sa: 'sad', su: 'surprised' };

/** SAVEE `DC_a01.wav`, or `a01.wav` inside a speaker folder `DC/` (the original layout). */
export const savee: FileNameScheme = (name, parent) => {
  const m = /^(?:([A-Z]{2})_)?(sa|su|a|d|f|h|n)(\d\d)\.(wav|flac)$/.exec(name);
  if (!m) return null;
  const speaker = m[1] ?? (/^[A-Z]{2}$/.test(parent) ? parent : '');
  return speaker ? { label: saveeEmotions[m[2]], speaker: `savee-${speaker}` } : null;
};

export const fileNameSchemes = { ravdess, nemo, cremad, emodb, tess, savee, ased, emospeech: emoSpeech, koreantts: koreanTts, baved, banglaser: banglaSer } as const;
export type CorpusKind = keyof typeof fileNameSchemes;
