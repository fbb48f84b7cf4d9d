"""Exports a two-member nets.SeedEnsemble of small CNNs to ONNX and prints, as one JSON object, an input and
the members' probabilities computed member by member in torch (the reference the ONNX graph must match);
run by test/training/seed-ensemble.node.test.ts.

python3 check_seed_ensemble.py TRAINING_DIR OUT.onnx"""
import json
import sys

import numpy as np
import torch

sys.path.insert(0, sys.argv[1])
from emovox_train import nets  # noqa: E402

WIDTH, LABELS, FRAMES = 81, 8, 120


def member(seed):
    torch.manual_seed(seed)
    m = nets.Cnn1d(WIDTH, LABELS, channels=16, hidden=32, dilations=(2, 4, 8))
    # Non-trivial BatchNorm statistics, so that eval mode (running statistics) is what gets exported.
    for bn in (x for x in m.modules() if isinstance(x, torch.nn.BatchNorm1d)):
        bn.running_mean.uniform_(-0.5, 0.5)
        bn.running_var.uniform_(0.5, 2.0)
    return m.eval()


members = [member(0), member(1)]
# Float32 storage: this check is about the averaging; float16 storage has its own (check_half_storage.py).
nets.export_onnx(nets.SeedEnsemble(members), WIDTH, sys.argv[2], half=False)
x = np.random.default_rng(0).standard_normal((1, FRAMES, WIDTH)).astype(np.float32) * 2
with torch.no_grad():
    probabilities = [torch.softmax(m(torch.from_numpy(x)), dim=1)[0].numpy().astype(np.float64) for m in members]
print(json.dumps(dict(shape=list(x.shape), input=x.ravel().tolist(), members=[p.tolist() for p in probabilities],
                      parameters=nets.count_parameters(nets.SeedEnsemble(members)), memberParameters=nets.count_parameters(members[0]))))
