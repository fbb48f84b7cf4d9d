"""Checks emovox_train.calibration: the fitted temperature recovers a known one, and its ECE on a seeded
sample (written as JSON for the TypeScript test to recompute with src/eval/calibration.ts)."""
import json
import sys

import numpy as np

sys.path.insert(0, sys.argv[1])
from emovox_train.calibration import ece, fit_temperature, log_softmax  # noqa: E402

rng = np.random.default_rng(7)
logits = rng.normal(size=(4000, 6))
# Labels drawn from softmax(logits): those logits are calibrated, so 3x them are over-confident by T = 3.
p = np.exp(log_softmax(logits))
y = np.array([rng.choice(6, p=row) for row in p])
t, record = fit_temperature(3 * logits, y)
sample = 2 * logits[:500]
probs = np.exp(log_softmax(sample))
print(json.dumps(dict(temperature=t, record=record, ece=ece(sample, y[:500]),
                      confidences=probs.max(1).tolist(), correct=(probs.argmax(1) == y[:500]).tolist())))
