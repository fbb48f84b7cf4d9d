import type { ManifestEntry } from '../src/datasets/manifest-csv.ts';

/** Actor groups of the canonical RAVDESS protocol (5 folds of 4 actors). */
export const ravdessFolds = [1, 5, 9, 13, 17].map((s) => [0, 1, 2, 3].map((k) => `ravdess-${String(s + k).padStart(2, '0')}`));

export interface Fold {
  readonly name: string;
  /** Speakers excluded from training and tested. */
  readonly heldout: readonly string[];
}

/**
 * Combined speaker-independent folds: fold k holds out nEMO speaker k and (k <= 5) RAVDESS actor
 * group k, so one training run serves both protocols (RAVDESS 5-fold, nEMO leave-one-speaker-out).
 * With only one corpus the folds are that corpus's own.
 */
export function protocolFolds(entries: readonly ManifestEntry[]): Fold[] {
  const speakers = new Set(entries.map((e) => e.speaker));
  const nemo = [...speakers].filter((s) => s.startsWith('nemo-')).sort();
  const ravdess = ravdessFolds.map((group) => group.filter((s) => speakers.has(s))).filter((g) => g.length > 0);
  const others = [...speakers].filter((s) => !s.startsWith('nemo-') && !s.startsWith('ravdess-')).sort();
  const count = Math.max(nemo.length, ravdess.length, Math.min(others.length, 5));
  return Array.from({ length: count }, (_, k) => ({
    name: `fold-${k + 1}`,
    heldout: [...(ravdess[k] ?? []), ...(nemo[k] ? [nemo[k]] : []), ...others.filter((_, i) => i % count === k)],
  }));
}

/** Deterministic shuffle (seeded), so a speaker's clips do not arrive grouped by emotion in running-statistics evaluation. */
export function seededShuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
