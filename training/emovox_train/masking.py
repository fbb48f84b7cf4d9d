"""Loss masked to each clip's corpus label set, and corpus+speaker balanced sampling weights.

With corpora whose label sets differ (RAVDESS has calm and disgusted, nEMO and ASED do not), an
unmasked softmax learns "sounds like corpus X -> never calm": every nEMO clip pushes calm down.
Masking the logits of labels a clip's corpus cannot have means each corpus teaches only its labels.
"""
import numpy as np
import torch


def corpus_label_masks(labels, corpora, idx, n_labels):
    """[clips x labels] bool: True where the label occurs in the clip's corpus (among the training clips idx).
    Derived from the data, it equals src/datasets/corpus-label-sets.ts for every complete corpus."""
    present = {}
    for i in idx:
        present.setdefault(corpora[i], set()).add(int(labels[i]))
    masks = np.ones((len(labels), n_labels), dtype=bool)
    for i in range(len(labels)):
        if corpora[i] in present:
            masks[i] = False
            masks[i, sorted(present[corpora[i]])] = True
    return masks


def masked_cross_entropy(logits, y, mask, class_weights, smoothing=0.1):
    """Class-weighted cross-entropy with label smoothing over the allowed labels only; masked logits are
    pushed to -1e4 (not -inf, so 0 * logp stays finite)."""
    logp = torch.log_softmax(logits.masked_fill(~mask, -1e4), dim=1)
    nll = -logp.gather(1, y[:, None]).squeeze(1)
    smooth = -(logp * mask).sum(1) / mask.sum(1)
    w = class_weights[y]
    return (w * ((1 - smoothing) * nll + smoothing * smooth)).sum() / w.sum()


def member_shares(corpus_weights, member_corpus_weights, member):
    """The corpus shares member `member` of an ensemble draws with: `corpus_weights` ("koreantts=0.25,..."),
    overridden by the member's own entry of `member_corpus_weights` ("koreantts=0/koreantts=1": one entry per member,
    cycled). A share of 0 keeps that corpus out of the member's draws, so members of one graph can learn from
    different pools while sharing one normalisation."""
    parse = lambda text: dict((c, float(w)) for c, w in (item.split('=') for item in filter(None, text.split(','))))
    shares = parse(corpus_weights)
    entries = [e for e in member_corpus_weights.split('/') if e] if member_corpus_weights else []
    if entries:
        shares.update(parse(entries[member % len(entries)]))
    if any(w < 0 for w in shares.values()):
        raise ValueError(f'corpus shares must be >= 0: {shares}')
    return shares


def balance_weights(corpora, speakers, idx, speaker_balance, shares=None):
    """Per-clip draw weights: every corpus the same total weight (or `shares[corpus]` times it) and, with
    speaker_balance, every speaker of a corpus the same share of it (so a corpus with one prolific speaker is
    not mostly that speaker)."""
    share = lambda c: (shares or {}).get(c, 1.0)
    by_corpus, by_speaker, corpus_of = {}, {}, {}
    for i in idx:
        by_corpus[corpora[i]] = by_corpus.get(corpora[i], 0) + 1
        by_speaker[speakers[i]] = by_speaker.get(speakers[i], 0) + 1
        corpus_of[speakers[i]] = corpora[i]
    if len(by_corpus) < 2 and not speaker_balance:
        return None
    if not speaker_balance:
        return np.array([share(corpora[i]) / by_corpus[corpora[i]] for i in idx])
    spk_per_corpus = {}
    for c in corpus_of.values():
        spk_per_corpus[c] = spk_per_corpus.get(c, 0) + 1
    return np.array([share(corpora[i]) / (spk_per_corpus[corpora[i]] * by_speaker[speakers[i]]) for i in idx])
