"""Checks the CNN's training-time masking and its dilated stages; run by
test/training/cnn-regularisation.node.test.ts, prints one JSON object.

Masking is checked on an all-ones input so that every zero is a masked cell: the zeros must form at most
two time spans covering at most 40 frames plus at most two bands covering at most 2 * `mask` columns
(spans may touch or overlap), and every other cell must be untouched."""
import json
import sys
import types

import numpy as np
import torch

sys.path.insert(0, sys.argv[1])
from emovox_train import nets  # noqa: E402


def spans(flags):
    """Lengths of the runs of True in a boolean vector."""
    out, run = [], 0
    for f in list(flags) + [False]:
        if f:
            run += 1
        elif run:
            out.append(run)
            run = 0
    return out


def check_masking(mask, trials=200):
    batches = types.SimpleNamespace(rng=np.random.default_rng(0), mask=mask)
    worst = dict(timeSpans=0, timeRows=0, bands=0, bandColumns=0, touched=0, masked=0)
    for _ in range(trials):
        x = nets.FrameBatches.masked(batches, np.ones((200, 81), np.float32))
        zero = x == 0
        rows = zero.all(axis=1)
        cols = zero[~rows].all(axis=0) if (~rows).any() else np.zeros(81, bool)
        # A cell may be zero only if its whole row or its whole column is masked.
        stray = zero & ~rows[:, None] & ~cols[None, :]
        worst['touched'] += int(stray.sum() + (x[~zero] != 1).sum())
        t, b = spans(rows), spans(cols)
        worst['timeSpans'] = max(worst['timeSpans'], len(t))
        worst['timeRows'] = max(worst['timeRows'], sum(t))
        worst['bands'] = max(worst['bands'], len(b))
        worst['bandColumns'] = max(worst['bandColumns'], sum(b))
        worst['masked'] += int(zero.any())
    return worst


def check_dilations():
    torch.manual_seed(0)
    two = nets.Cnn1d(81, 8, channels=96, hidden=128)
    three = nets.Cnn1d(81, 8, channels=96, hidden=128, dilations=(2, 4, 8))
    shapes = [list(three(torch.zeros(1, t, 81)).shape) for t in (16, 300, 600)]
    return dict(parametersTwo=nets.count_parameters(two), parametersThree=nets.count_parameters(three), shapes=shapes)


print(json.dumps(dict(mask8=check_masking(8), mask12=check_masking(12), dilations=check_dilations())))
