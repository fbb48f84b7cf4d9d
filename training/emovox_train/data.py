"""Loads the feature caches written by training/extract.ts (the TypeScript front-end) and builds
training arrays, speaker-grouped folds and simulated speaker adaptation."""
import json
import os

import numpy as np

CANONICAL = ['neutral', 'calm', 'happy', 'sad', 'angry', 'fearful', 'disgusted', 'surprised']
STAT_BLOCKS = ['mfcc', 'mfccDelta', 'mfccDelta2', 'contrast', 'chroma', 'zcr', 'rms']
STAT_KINDS = 5  # mean, std, p10, p50, p90


class Variant:
    """One cached variant (clean, aug1, ...): frames [total x width] memory-mapped, stats [n x 405]."""

    def __init__(self, folder):
        with open(os.path.join(folder, 'index.json')) as f:
            self.index = json.load(f)
        self.clips = self.index['clips']
        self.width = self.index['width']
        self.frames = np.memmap(os.path.join(folder, 'frames.f32'), dtype=np.float32, mode='r').reshape(-1, self.width)
        self.stats = np.fromfile(os.path.join(folder, 'stats.f32'), dtype=np.float32).reshape(len(self.clips), -1)
        self.columns = {}
        offset = 0
        for c in self.index['columns']:
            self.columns[c['name']] = (offset, offset + c['width'])
            offset += c['width']
        self.offsets = np.array([c['offset'] for c in self.clips])
        self.lengths = np.array([c['nFrames'] for c in self.clips])
        # Per-clip sums for speaker statistics, cached next to the features.
        cache = os.path.join(folder, 'sums.npz')
        if os.path.exists(cache) and os.path.getmtime(cache) >= os.path.getmtime(os.path.join(folder, 'frames.f32')):
            z = np.load(cache)
            self.sum, self.sumsq = z['sum'], z['sumsq']
        else:
            self.sum = np.zeros((len(self.clips), self.width))
            self.sumsq = np.zeros((len(self.clips), self.width))
            for i, (o, n) in enumerate(zip(self.offsets, self.lengths)):
                x = np.asarray(self.frames[o:o + n], dtype=np.float64)
                self.sum[i], self.sumsq[i] = x.sum(0), (x ** 2).sum(0)
            tmp = cache + f'.{os.getpid()}.npz'
            np.savez(tmp, sum=self.sum, sumsq=self.sumsq)
            os.replace(tmp, cache)
        self._attach_prosody(folder)

    def _attach_prosody(self, folder):
        """The prosody blocks (pitch, voicing, loudness) written beside the frames by training/extract-prosody.ts,
        as extra columns after the spectral ones; absent when that cache was not built."""
        self.frame_width = self.width
        self.prosody = None
        path = os.path.join(folder, 'prosody.json')
        if not os.path.exists(path):
            return
        with open(path) as f:
            index = json.load(f)
        if [c['path'] for c in index['clips']] != [c['path'] for c in self.clips]:
            return
        names = [c['name'] for c in index['columns']]
        self.prosody = np.fromfile(os.path.join(folder, 'prosody.f32'), dtype=np.float32).reshape(-1, len(names))
        if len(self.prosody) != len(self.frames):
            raise ValueError(f'{folder}: prosody.f32 has {len(self.prosody)} frames, frames.f32 {len(self.frames)}')
        for k, name in enumerate(names):
            self.columns[name] = (self.width + k, self.width + k + 1)
        p = self.prosody.astype(np.float64)
        ends = self.offsets + self.lengths
        sums = np.array([p[o:e].sum(0) for o, e in zip(self.offsets, ends)])
        sumsqs = np.array([(p[o:e] ** 2).sum(0) for o, e in zip(self.offsets, ends)])
        self.sum, self.sumsq = np.hstack([self.sum, sums]), np.hstack([self.sumsq, sumsqs])
        self.width += len(names)

    def rows(self, sel, columns):
        """Frames `sel` (global frame indices) of the given columns, spectral and prosody alike."""
        columns = np.asarray(columns)
        if self.prosody is None or columns.max() < self.frame_width:
            return self.frames[sel][:, columns]
        return np.hstack([self.frames[sel], self.prosody[sel]])[:, columns]

    def clip(self, i, columns):
        o = self.offsets[i]
        return self.rows(np.arange(o, o + self.lengths[i]), columns)

    def block_columns(self, blocks):
        cols = []
        for b in blocks:
            lo, hi = self.columns[b]
            cols.extend(range(lo, hi))
        return np.array(cols)

    def stat_frame_columns(self):
        """Frame column that each utteranceStatistics value summarises (stats are affine-equivariant per column)."""
        cols = self.block_columns(STAT_BLOCKS)
        return np.repeat(cols, STAT_KINDS), np.tile(np.arange(STAT_KINDS), len(cols))


def load(feature_dir, variants):
    return {v: Variant(os.path.join(feature_dir, v)) for v in variants}


def meta(variant):
    labels = np.array([CANONICAL.index(c['label']) for c in variant.clips])
    speakers = np.array([c['speaker'] for c in variant.clips])
    corpora = np.array([c['corpus'] for c in variant.clips])
    return labels, speakers, corpora


RAVDESS_FOLDS = [[f'ravdess-{a:02d}' for a in range(s, s + 4)] for s in (1, 5, 9, 13, 17)]


def protocol_folds(speakers):
    """Combined speaker-independent folds: fold k holds out nEMO speaker k and (k <= 5) RAVDESS actors 4k-3..4k.
    RAVDESS 5-fold numbers come from folds 1-5, nEMO leave-one-speaker-out from all 7."""
    nemo = sorted({s for s in speakers if s.startswith('nemo-')})
    folds = []
    for k in range(max(len(nemo), 5)):
        held = set(RAVDESS_FOLDS[k]) if k < 5 else set()
        if k < len(nemo):
            held.add(nemo[k])
        folds.append(sorted(held))
    return folds


class Adapter:
    """Simulated speaker running statistics: x' = m + (x - mu_s) * s / sd_s, with mu_s/sd_s blended
    from `prior` pseudo-frames of the population (m, s) and the frames of k earlier utterances."""

    def __init__(self, mean, std, prior):
        self.mean, self.std, self.prior = mean, std, prior

    def params(self, sum_, sumsq, n):
        total = self.prior + n
        mu = (self.prior * self.mean + sum_) / total
        m2 = (self.prior * (self.std ** 2 + self.mean ** 2) + sumsq) / total
        sd = np.sqrt(np.maximum(m2 - mu ** 2, 1e-12))
        return mu, self.std / sd

    def sample(self, rng, idx, speaker_index, variant, cols, max_history):
        """Adaptation (mu, scale) for clip idx from a random number (0..max_history) of other clips of its speaker."""
        pool = speaker_index[idx]
        k = rng.integers(0, max_history + 1)
        if k == 0 or len(pool) == 0:
            return self.mean, np.ones_like(self.mean)
        chosen = rng.choice(pool, size=min(k, len(pool)), replace=False)
        s = variant.sum[chosen][:, cols].sum(0)
        ss = variant.sumsq[chosen][:, cols].sum(0)
        n = variant.lengths[chosen].sum()
        return self.params(s, ss, n)


def speaker_pools(speakers, train_idx):
    """For every clip of the training set, the other training clips of its speaker."""
    by = {}
    for i in train_idx:
        by.setdefault(speakers[i], []).append(i)
    return {i: np.array([j for j in by[speakers[i]] if j != i]) for i in train_idx}
