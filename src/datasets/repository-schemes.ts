import type { FileNameScheme } from './file-name-schemes.ts';

/**
 * File-name schemes of the corpora in public repositories listed in shared/datasets/SOURCES.md.
 * Each returns null for names outside the corpus, so stray files are skipped rather than guessed.
 */

const asedEmotions: Record<string, string> = { n1: 'neutral', f2: 'fearful', h3: 'happy', s4: 'sad', a5: 'angry' };

/**
 * ASED (Amharic) `a5-03-01-02-50.wav`: emotion letter + folder number, sentence, repetition,
 * gender (01 F, 02 M), speaker (01–65, unique across genders). The letter and number must agree.
 */
export const ased: FileNameScheme = (name) => {
  const m = /^([nfhsa]\d)-(\d\d)-(\d\d)-(0[12])-(\d\d)\.(wav|flac)$/i.exec(name);
  const label = m ? asedEmotions[m[1].toLowerCase()] : undefined;
  return m && label ? { label, speaker: `ased-${m[5]}`, text: `sentence-${m[2]}` } : null;
};

/** The user hash EmoSpeech gives every clip of unidentified speakers (5,709 clips of many people). */
export const emoSpeechUnknownUser = 'd14a028c2a3a2bc9476102bb288234c415a2b01f828ea62ac5b3e42f';

/**
 * EmoSpeech commands `bacho-safe-calm-20190709085906-<user hash>.wav`: keyword, situation,
 * emotion (calm, fearful, angry, happy, None), timestamp (`yyyymmddhhmmss`, or milliseconds since 1970 in the
 * clips of identified users, e.g. `go-safe-calm-1563255334515-<hash>.wav`), user. `None` clips and the `background`
 * recordings (ambient noise, not a spoken keyword) are skipped. All clips of the unknown user share
 * one speaker id, `emospeech-unknown`, so speaker-balanced sampling can weigh it down.
 */
export const emoSpeech: FileNameScheme = (name) => {
  const m = /^(.+)-([a-z]+)-([a-z]+)-(\d{13,14})-([0-9a-f]+)\.(wav|flac)$/i.exec(name);
  if (!m || m[1].toLowerCase() === 'background') return null;
  const label = m[3].toLowerCase();
  if (!['calm', 'fearful', 'angry', 'happy'].includes(label)) return null;
  const user = m[5].toLowerCase();
  return { label, speaker: user === emoSpeechUnknownUser ? 'emospeech-unknown' : `emospeech-${user.slice(0, 12)}`, text: m[1].toLowerCase() };
};

// The corpus README says 201–300 angry, 301–400 sad, but the recordings are the other way round: the emotion
// scripts it ships say so (nea00202 "…so upset", nea00203 "…so depressed"; nea00302 "…and you only play?",
// nea00303 "is it that hard to turn the radio down?"), and models trained on other corpora heard 201–300 as sad
// and 301–400 as angry in both the emotion-script and the plain-script speakers (training/README.md).
const koreanEmotions = ['neutral', 'happy', 'sad', 'angry'];

/** Korean emotional TTS sample `nea00101.wav`: speaker code, then number 1–100 neutral, 101–200 happy, 201–300 sad, 301–400 angry. */
export const koreanTts: FileNameScheme = (name) => {
  const m = /^([a-z]{3})(\d{5})\.(wav|flac)$/i.exec(name);
  const index = m ? Number(m[2]) : 0;
  const label = index >= 1 ? koreanEmotions[Math.floor((index - 1) / 100)] : undefined;
  return m && label ? { label, speaker: `koreantts-${m[1].toLowerCase()}`, text: `sentence-${((index - 1) % 100) + 1}` } : null;
};

const bavedLevels = ['arousal-low', 'arousal-neutral', 'arousal-high'];

/**
 * BAVED (Arabic) `0-m-21-0-1-105.wav`: speaker, gender, age, word (0–6), level, id. The level is
 * intensity, not a category (0 low/tired, 1 neutral, 2 high, positive or negative), so labels are
 * `arousal-low|neutral|high`: train an arousal target on them, never a categorical one.
 */
export const baved: FileNameScheme = (name) => {
  const m = /^(\d+)-([mf])-(\d+)-([0-6])-([0-2])-(\d+)\.(wav|flac)$/i.exec(name);
  return m ? { label: bavedLevels[Number(m[5])], speaker: `baved-${m[1]}`, text: `word-${m[4]}` } : null;
};

/**
 * BanglaSER extended `Actor - 35/03-01-06-01-04-01-35.wav`: RAVDESS-style names with only 06
 * fearful and 07 disgusted. A few files sit in another actor's folder than their name says; the
 * folder wins, as it is how the corpus was collected per speaker.
 */
export const banglaSer: FileNameScheme = (name, parent) => {
  const m = /^03-01-(0[67])-(\d\d)-(\d\d)-(\d\d)-(\d\d)\.(wav|flac)$/i.exec(name);
  if (!m) return null;
  const folder = /^Actor\s*-\s*(\d+)$/i.exec(parent);
  const actor = folder ? folder[1].padStart(2, '0') : m[5];
  return { label: m[1] === '06' ? 'fearful' : 'disgusted', speaker: `banglaser-${actor}`, text: `statement-${m[3]}` };
};
