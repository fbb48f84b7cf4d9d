"""Checks the corpus label masking and corpus+speaker balancing of training (masking.py); run by
test/training/label-mask.node.test.ts, prints one JSON object.

An unmasked label must make no difference: the masked loss equals torch's cross-entropy when nothing is
masked, masked logits get no gradient and their value does not change the loss, and a clip's allowed
labels are exactly those its corpus has."""
import json
import sys

import numpy as np
import torch

sys.path.insert(0, sys.argv[1])
from emovox_train.masking import balance_weights, corpus_label_masks, masked_cross_entropy, member_shares  # noqa: E402

torch.manual_seed(0)
logits = torch.randn(6, 5, requires_grad=True)
y = torch.tensor([0, 1, 2, 3, 4, 1])
w = torch.tensor([1.0, 2.0, 0.5, 1.0, 1.5])
full = torch.ones(6, 5, dtype=torch.bool)
plain_gap = abs(float(masked_cross_entropy(logits, y, full, torch.ones(5))) - float(torch.nn.functional.cross_entropy(logits, y, label_smoothing=0.1)))

mask = full.clone()
mask[0, [3, 4]] = False  # clip 0's corpus lacks labels 3 and 4
loss = masked_cross_entropy(logits, y, mask, w)
loss.backward()
masked_grad = float(logits.grad[0, [3, 4]].abs().max())
shifted = logits.detach().clone()
shifted[0, [3, 4]] += 50.0
shift_gap = abs(float(masked_cross_entropy(shifted, y, mask, w)) - float(loss))

labels = np.array([0, 1, 7, 0, 2, 5])
corpora = np.array(['ravdess', 'ravdess', 'ravdess', 'nemo', 'nemo', 'nemo'])
masks = corpus_label_masks(labels, corpora, range(6), 8)
allowed = {c: sorted(np.flatnonzero(masks[list(corpora).index(c)]).tolist()) for c in ('ravdess', 'nemo')}

speakers = np.array(['r1', 'r1', 'r2', 'n1', 'n1', 'n1'])
balanced = balance_weights(corpora, speakers, list(range(6)), True)
per_corpus = {c: float(balanced[corpora == c].sum()) for c in ('ravdess', 'nemo')}
per_speaker = {s: float(balanced[speakers == s].sum()) for s in ('r1', 'r2', 'n1')}
corpus_only = balance_weights(corpora, speakers, list(range(6)), False).tolist()
shared = balance_weights(corpora, speakers, list(range(6)), True, {'nemo': 0.25})
per_corpus_shared = {c: float(shared[corpora == c].sum()) for c in ('ravdess', 'nemo')}

# --member-corpus-weights nemo=0/nemo=1 over --corpus-weights nemo=0.25: member 0 never draws nEMO, member 1 draws
# it equally, member 2 cycles back to member 0's entry; a corpus no entry names keeps the shared share.
members = [member_shares('nemo=0.25', 'nemo=0/nemo=1', k) for k in range(3)]
member_corpus = [{c: float(balance_weights(corpora, speakers, list(range(6)), False, m)[corpora == c].sum()) for c in ('ravdess', 'nemo')}
                 for m in members]
try:
    member_shares('', 'nemo=-1', 0)
    negative = 'accepted'
except ValueError as e:
    negative = str(e)

print(json.dumps(dict(members=members, memberCorpus=member_corpus, negative=negative, sharedOnly=member_shares('nemo=0.25', '', 1),
                      plainGap=plain_gap, maskedGrad=masked_grad, shiftGap=shift_gap, loss=float(loss), allowed=allowed,
                      perCorpus=per_corpus, perSpeaker=per_speaker, corpusOnly=corpus_only,
                      perCorpusShared=per_corpus_shared)))
