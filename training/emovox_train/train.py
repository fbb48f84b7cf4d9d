"""Trains one model of one family on the speakers not held out, with a small hyper-parameter search
on speaker-grouped validation inside the training speakers, and exports ONNX + manifest.

/usr/bin/python3 -m emovox_train.train --features DIR --family cnn|rnn|svm --out DIR
    [--heldout spk,spk] [--corpora ravdess,nemo] [--search] [--epochs N] [--seed 0] [--seeds K]
    [--corpus-balance] [--speaker-balance] [--label-mask]
"""
import argparse
import hashlib
import json
import os
import time

import numpy as np

from . import data as D
from .calibration import fit_temperature
from .masking import balance_weights, corpus_label_masks, member_shares

FRAME_BLOCKS = ['mfcc', 'mfccDelta', 'mfccDelta2', 'contrast', 'chroma', 'zcr', 'rms']
# F0 in semitones (0 unvoiced), periodicity and level per frame (src/sdk/features/prosody-frames.ts); per-speaker
# normalised by the same running speaker statistics as every other block.
PROSODY_BLOCKS = ['pitch', 'voicing', 'loudness']
GRIDS = {
    # specaug: widest masked feature band (plus two masked time spans); mixup: Beta(a, a) of the clip pairs.
    # seeds=2: two members from consecutive seeds averaged in one graph (float16, 770 KB). Measured on all five
    # RAVDESS folds through emovox eval: 65.5 % UAR vs 63.4 % for one member; two 64-channel members did not help.
    'cnn': [dict(channels=96, dropout=0.3, hidden=128, lr=3e-3, batch=32, dilations=[2, 4, 8], specaug=8, mixup=0.2, seeds=2),
            dict(channels=96, dropout=0.3, hidden=128, lr=3e-3, batch=32, dilations=[2, 4, 8], specaug=12, mixup=0.4, seeds=2)],
    'rnn': [dict(channels=64, dropout=0.3, hidden=48, lr=3e-3, batch=32),
            dict(channels=64, dropout=0.4, hidden=64, lr=2e-3, batch=32)],
    'svm': [dict(C=1.0, gamma_scale=0.5), dict(C=10.0, gamma_scale=1.0)],
    'mlp': [dict(hidden=256, dropout=0.5, lr=1e-3, weight_decay=1e-2), dict(hidden=256, dropout=0.3, lr=1e-3, weight_decay=1e-3)],
}
PRIOR_FRAMES = 300
MAX_HISTORY = 30
COLD_P = 0.25
CROP = 200
MLP_EPOCHS = 15


def uar(y, p, n):
    recalls = [np.mean(p[y == c] == c) for c in range(n) if np.any(y == c)]
    return float(np.mean(recalls))


def inner_split(speakers, train_idx, seed):
    """Speaker-grouped validation inside the training speakers: 4 RAVDESS actors, 1 nEMO speaker, and a fifth of
    the speakers of any other corpus with at least 5 (so temperature and search see every corpus's voices)."""
    rng = np.random.default_rng(seed)
    spk = sorted({speakers[i] for i in train_idx})
    rav = [s for s in spk if s.startswith('ravdess-')]
    nem = [s for s in spk if s.startswith('nemo-')]
    val = set(rng.choice(rav, size=min(4, len(rav) // 4), replace=False).tolist()) if len(rav) >= 8 else set()
    if len(nem) >= 3:
        val.add(str(rng.choice(nem)))
    for corpus in sorted({s.split('-')[0] for s in spk} - {'ravdess', 'nemo'}):
        own = [s for s in spk if s.split('-')[0] == corpus]
        if len(own) >= 5:
            val.update(rng.choice(own, size=len(own) // 5, replace=False).tolist())
    if not val:
        val = set(rng.choice(spk, size=max(1, len(spk) // 5), replace=False).tolist())
    tr = [i for i in train_idx if speakers[i] not in val]
    va = [i for i in train_idx if speakers[i] in val]
    return tr, va


def class_weights(y, n):
    counts = np.bincount(y, minlength=n).astype(float)
    w = np.where(counts > 0, counts.sum() / np.maximum(counts, 1) / n, 0.0)
    return w / w[counts > 0].mean()


def adapt_eval(variant, idx, speakers, adapter, cols, rng, history=10):
    """Validation adaptation: each clip adapted with `history` random other clips of its speaker."""
    pools = {}
    for i in idx:
        pools.setdefault(speakers[i], []).append(i)
    out = {}
    for i in idx:
        pool = np.array([j for j in pools[speakers[i]] if j != i])
        if adapter is None or len(pool) == 0:
            out[i] = (None, None)
            continue
        chosen = rng.choice(pool, size=min(history, len(pool)), replace=False)
        out[i] = adapter.params(variant.sum[chosen][:, cols].sum(0), variant.sumsq[chosen][:, cols].sum(0), variant.lengths[chosen].sum())
    return out


class Context:
    def __init__(self, args):
        self.args = args
        wanted = getattr(args, 'variants', '') or 'clean,aug1,aug2'
        self.variants = D.load(args.features, [v for v in wanted.split(',') if os.path.exists(os.path.join(args.features, v, 'index.json'))])
        self.clean = self.variants['clean']
        self.y_all, self.speakers, self.corpora = D.meta(self.clean)
        held = set(filter(None, args.heldout.split(',')))
        corpora = set(args.corpora.split(','))
        excluded = set(filter(None, getattr(args, 'exclude', '').split(',')))
        self.train_idx = [i for i in range(len(self.y_all)) if self.speakers[i] not in held and self.corpora[i] in corpora
                          and self.clean.clips[i]['path'] not in excluded]
        present = sorted(set(self.y_all[self.train_idx].tolist()))
        self.labels = [D.CANONICAL[c] for c in present]
        remap = {c: k for k, c in enumerate(present)}
        self.y = np.array([remap.get(c, -1) for c in self.y_all])
        self.n = len(self.labels)
        self.weights = class_weights(self.y[self.train_idx], self.n)
        # Loss masked to each clip's corpus label set (None: plain softmax over all labels).
        self.masks = corpus_label_masks(self.y, self.corpora, self.train_idx, self.n) if getattr(args, 'label_mask', False) else None


def frame_normalisation(ctx, idx, cols):
    sel = np.concatenate([np.arange(ctx.clean.offsets[i], ctx.clean.offsets[i] + ctx.clean.lengths[i]) for i in idx])
    x = ctx.clean.rows(sel, cols).astype(np.float64)
    return x.mean(0), x.std(0) + 1e-6


def corpus_weights(ctx, idx, member=0):
    """Per-clip weights giving every corpus the same total weight (times its share for this ensemble member), and
    with --speaker-balance every speaker the same share of its corpus (None when balancing is off or pointless)."""
    speaker_balance = getattr(ctx.args, 'speaker_balance', False)
    if not getattr(ctx.args, 'corpus_balance', False) and not speaker_balance:
        return None
    shares = member_shares(getattr(ctx.args, 'corpus_weights', ''), getattr(ctx.args, 'member_corpus_weights', ''), member)
    return balance_weights(ctx.corpora, ctx.speakers, idx, speaker_balance, shares)


def fit_net(ctx, family, hp, idx, epochs, seed, log):
    """One network, or with `seeds` > 1 that many trained from seeds seed, seed + 1, ... (each with its own
    draws of clips, crops and masks) and averaged by nets.SeedEnsemble."""
    from . import nets
    blocks = frame_blocks(ctx.args)
    cols = ctx.clean.block_columns(blocks)
    mean, std = frame_normalisation(ctx, idx, cols)
    adapter = D.Adapter(mean, std, PRIOR_FRAMES)
    members = []
    seeds = getattr(ctx.args, 'seeds', 0) or hp.get('seeds', 1)
    for member_seed in range(seed, seed + seeds):
        rng = np.random.default_rng(member_seed)
        batches = nets.FrameBatches(list(ctx.variants.values()), cols, ctx.y, idx, D.speaker_pools(ctx.speakers, idx), adapter,
                                    mean, std, CROP, MAX_HISTORY, COLD_P, rng, corpus_weights(ctx, idx, member_seed - seed), hp.get('specaug', 0), ctx.masks)
        members.append(nets.train_net(family, hp, batches, ctx.n, ctx.weights, epochs, member_seed, log, getattr(ctx.args, 'steps', 0)))
    model = members[0] if len(members) == 1 else nets.SeedEnsemble(members).eval()
    return model, dict(cols=cols, blocks=blocks, mean=mean, std=std, adapter=adapter)


def frame_blocks(args):
    """The frame models' input blocks: FRAME_BLOCKS, plus the prosody blocks with --prosody."""
    return FRAME_BLOCKS + (PROSODY_BLOCKS if getattr(args, 'prosody', False) else [])


def net_logits(ctx, model, prep, idx, seed):
    """Validation logits of a frame model (log-probabilities: softmax of them is the model's output)."""
    from . import nets
    rng = np.random.default_rng(seed + 1)
    ad = adapt_eval(ctx.clean, idx, ctx.speakers, prep['adapter'], prep['cols'], rng)
    out = []
    for i in idx:
        x = ctx.clean.clip(i, prep['cols']).astype(np.float64)
        mu, scale = ad[i]
        if mu is not None:
            x = prep['mean'] + (x - mu) * scale
        out.append(np.log(np.maximum(nets.predict_frames(model, (x - prep['mean']) / prep['std']), 1e-12)))
    return np.array(out)


def svm_arrays(ctx, idx, variants, adapter, fcols, kinds, seed, simulate=True):
    rng = np.random.default_rng(seed)
    pools = D.speaker_pools(ctx.speakers, idx)
    xs, ys = [], []
    for name in variants:
        v = ctx.variants[name]
        for i in idx:
            s = v.stats[i].astype(np.float64)
            if simulate and rng.random() >= COLD_P:
                mu, scale = adapter.sample(rng, i, pools, v, fcols_unique(fcols), MAX_HISTORY)
                s = stats_affine(s, mu, scale, adapter.mean, fcols, kinds)
            xs.append(s)
            ys.append(ctx.y[i])
    return np.array(xs), np.array(ys)


def fcols_unique(fcols):
    return fcols[::D.STAT_KINDS]


def stats_affine(s, mu, scale, mean, fcols, kinds):
    """utteranceStatistics of adapted frames = affine map of the statistics (std only scales)."""
    k = np.arange(len(fcols)) // D.STAT_KINDS
    m, sc, pm = mu[k], scale[k], mean[k]
    return np.where(kinds == 1, s * sc, pm + (s - m) * sc)


def fit_svm(ctx, hp, idx, seed):
    from .svm import OvrRbfSvm
    fcols, kinds = ctx.clean.stat_frame_columns()
    ucols = fcols_unique(fcols)
    mean, std = frame_normalisation(ctx, idx, ucols)
    adapter = D.Adapter(mean, std, PRIOR_FRAMES)
    x, y = svm_arrays(ctx, idx, [v for v in ('clean', 'aug1') if v in ctx.variants], adapter, fcols, kinds, seed)
    smean, sstd = x.mean(0), x.std(0) + 1e-6
    xn = (x - smean) / sstd
    gamma = hp['gamma_scale'] / xn.shape[1]
    model = OvrRbfSvm(hp['C'], gamma, ctx.weights, ctx.n).fit(xn.astype(np.float32), y)
    return model, dict(fcols=fcols, kinds=kinds, mean=mean, std=std, adapter=adapter, smean=smean, sstd=sstd)


def svm_eval_arrays(ctx, prep, idx, seed):
    rng = np.random.default_rng(seed + 1)
    ucols = fcols_unique(prep['fcols'])
    ad = adapt_eval(ctx.clean, idx, ctx.speakers, prep['adapter'], ucols, rng)
    x = []
    for i in idx:
        s = ctx.clean.stats[i].astype(np.float64)
        mu, scale = ad[i]
        if mu is not None:
            s = stats_affine(s, mu, scale, prep['adapter'].mean, prep['fcols'], prep['kinds'])
        x.append((s - prep['smean']) / prep['sstd'])
    return np.array(x, np.float32)


def fit_mlp(ctx, hp, idx, epochs, seed):
    from . import mlp
    fcols, kinds = ctx.clean.stat_frame_columns()
    mean, std = frame_normalisation(ctx, idx, fcols_unique(fcols))
    adapter = D.Adapter(mean, std, PRIOR_FRAMES)
    weights = corpus_weights(ctx, idx)
    if weights is not None:
        # Repeat clips in proportion to their balance weight (smaller corpora, speakers with fewer clips).
        reps = np.maximum(1, np.round(weights / weights.min() if weights.max() / weights.min() < 8 else weights / weights.max() * 8)).astype(int)
        idx = [i for i, r in zip(idx, reps) for _ in range(r)]
    draws = [svm_arrays(ctx, idx, list(ctx.variants), adapter, fcols, kinds, seed + k) for k in range(2)]
    x, y = np.concatenate([d[0] for d in draws]), np.concatenate([d[1] for d in draws])
    masks = None if ctx.masks is None else np.tile(ctx.masks[idx], (len(ctx.variants) * 2, 1))
    smean, sstd = x.mean(0), x.std(0) + 1e-6
    model = mlp.train_mlp((x - smean) / sstd, y, ctx.n, ctx.weights, hp, epochs, seed, masks)
    return model, dict(fcols=fcols, kinds=kinds, mean=mean, std=std, adapter=adapter, smean=smean, sstd=sstd)


def validation_logits(ctx, family, hp, tr, va, epochs, seed):
    """Trains on `tr` and returns the logits on the validation clips `va` (frame models: one member)."""
    if family == 'svm':
        model, prep = fit_svm(ctx, hp, tr, seed)
        return model.decision(svm_eval_arrays(ctx, prep, va, seed))
    if family == 'mlp':
        from . import mlp
        model, prep = fit_mlp(ctx, hp, tr, MLP_EPOCHS, seed)
        return mlp.decision(model, svm_eval_arrays(ctx, prep, va, seed))
    # Settings are compared on one member each (half the time); the chosen one then trains all its seeds.
    model, prep = fit_net(ctx, family, dict(hp, seeds=1), tr, epochs, seed, None)
    return net_logits(ctx, model, prep, va, seed)


def search(ctx, family, epochs, seed, log):
    """Returns the chosen entry, the record, and the chosen entry's validation logits (for the temperature)."""
    tr, va = inner_split(ctx.speakers, ctx.train_idx, seed)
    results, logits = [], []
    for hp in GRIDS[family]:
        t0 = time.time()
        z = validation_logits(ctx, family, hp, tr, va, epochs, seed)
        score = uar(ctx.y[va], z.argmax(1), ctx.n)
        logits.append(z)
        results.append(dict(hp=hp, validationUar=score, seconds=round(time.time() - t0, 1)))
        log(f'  search {hp}: val UAR {score:.3f} ({time.time() - t0:.0f} s)')
    best = int(np.argmax([r['validationUar'] for r in results]))
    return results[best]['hp'], dict(validationSpeakers=sorted({ctx.speakers[i] for i in va}), results=results), logits[best]


def calibrate(ctx, family, hp, epochs, seed, logits, log):
    """Temperature from validation speakers' logits (the search's, or for the MLP a fit on the other training
    speakers); None for an unsearched frame model, whose extra training would double the run."""
    tr, va = inner_split(ctx.speakers, ctx.train_idx, seed)
    if logits is None and family == 'mlp' and va and tr:
        logits = validation_logits(ctx, family, hp, tr, va, epochs, seed)
    if logits is None:
        return 1.0, dict(temperature=1.0, note='not fitted: no validation model (frame model trained without --search)')
    t, record = fit_temperature(logits, ctx.y[va])
    record['validationSpeakers'] = sorted({ctx.speakers[i] for i in va})
    log(f"  temperature {t:.3f}: validation NLL {record['nllBefore']} -> {record['nllAfter']}, ECE {record['eceBefore']} -> {record['eceAfter']}")
    return t, record


def main():
    p = argparse.ArgumentParser()
    p.add_argument('--features', required=True)
    p.add_argument('--family', required=True, choices=['cnn', 'rnn', 'svm', 'mlp'])
    p.add_argument('--out', required=True)
    p.add_argument('--heldout', default='')
    p.add_argument('--exclude', default='', help='comma-separated clip paths left out of training (speaker-dependent test clips)')
    p.add_argument('--corpora', default='ravdess,nemo')
    p.add_argument('--search', action='store_true')
    p.add_argument('--hp', type=int, default=0, help='the grid entry trained without --search')
    p.add_argument('--epochs', type=int, default=20)
    p.add_argument('--seed', type=int, default=0)
    p.add_argument('--corpus-balance', action='store_true', help='give every corpus equal weight (mlp: repeat smaller corpora; cnn/rnn: weighted sampling)')
    p.add_argument('--corpus-weights', default='', help='with --corpus-balance: corpus=share,... relative to 1 for the others (e.g. koreantts=0.25)')
    p.add_argument('--member-corpus-weights', default='', help="frame models with --corpus-balance: each member's own shares, '/' between members (e.g. koreantts=0/koreantts=1)")
    p.add_argument('--speaker-balance', action='store_true', help='within each corpus every speaker the same weight (with --corpus-balance)')
    p.add_argument('--label-mask', action='store_true', help="mask the loss to each clip's corpus label set")
    p.add_argument('--variants', default='', help='feature variants drawn from (default: clean,aug1,aug2 where extracted)')
    p.add_argument('--steps', type=int, default=0, help='frame models: this many optimiser steps in all, whatever the training set size (0: epochs x clips)')
    p.add_argument('--seeds', type=int, default=0, help='members of a frame model (0: as the grid entry says)')
    p.add_argument('--prosody', action='store_true', help='frame models: add the pitch, voicing and loudness blocks (training/extract-prosody.ts)')
    p.add_argument('--name', default='emovox')
    p.add_argument('--data-description', default='')
    args = p.parse_args()
    os.makedirs(args.out, exist_ok=True)
    log = lambda s: print(s, flush=True)
    np.random.seed(args.seed)
    ctx = Context(args)
    t0 = time.time()
    hp, record, logits = (search(ctx, args.family, args.epochs, args.seed, log) if args.search else (GRIDS[args.family][args.hp], {}, None))
    record['chosen'] = hp
    if args.family != 'svm':
        record['temperature'], record['calibration'] = calibrate(ctx, args.family, hp, args.epochs, args.seed, logits, log)
    from .export import write_model
    if args.family == 'svm':
        model, prep = fit_svm(ctx, hp, ctx.train_idx, args.seed)
        tr, va = inner_split(ctx.speakers, ctx.train_idx, args.seed)
        model.calibrate(svm_eval_arrays(ctx, prep, va, args.seed), ctx.y[va])
        write_model(ctx, args, 'svm', model, prep, record)
    elif args.family == 'mlp':
        model, prep = fit_mlp(ctx, hp, ctx.train_idx, MLP_EPOCHS, args.seed)
        write_model(ctx, args, 'mlp', model, prep, record)
    else:
        model, prep = fit_net(ctx, args.family, hp, ctx.train_idx, args.epochs, args.seed, log)
        write_model(ctx, args, args.family, model, prep, record)
    log(f'trained {args.family} on {len(ctx.train_idx)} clips in {time.time() - t0:.0f} s -> {args.out}')


if __name__ == '__main__':
    main()
