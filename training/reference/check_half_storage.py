"""Exports small networks of each exported family (CNN, BiGRU, MLP) twice, with float32 and with float16
weight storage (half_storage.store_weights_float16), into OUT_DIR/<family>-{32,16}.onnx, and prints one JSON
object per family: input shape and values, file sizes, and how many initializers each file stores as
float16 and float32; run by test/training/half-storage.node.test.ts, which compares the two files' outputs.

python3 check_half_storage.py TRAINING_DIR OUT_DIR"""
import json
import os
import sys

import numpy as np
import onnx
import torch
from onnx import TensorProto

sys.path.insert(0, sys.argv[1])
from emovox_train import mlp, nets  # noqa: E402

out = sys.argv[2]
rng = np.random.default_rng(0)


def initializer_types(path):
    types = [t.data_type for t in onnx.load(path).graph.initializer]
    return dict(float16=types.count(TensorProto.FLOAT16), float32=types.count(TensorProto.FLOAT))


def trained_like(model):
    """Random BatchNorm statistics, so that the exported eval-mode graph depends on them."""
    for bn in (m for m in model.modules() if isinstance(m, torch.nn.BatchNorm1d)):
        bn.running_mean.uniform_(-0.5, 0.5)
        bn.running_var.uniform_(0.5, 2.0)
    return model.eval()


torch.manual_seed(0)
cases = {
    'cnn': (trained_like(nets.Cnn1d(81, 8, channels=32, hidden=32, dilations=(2, 4, 8))), nets.export_onnx, 'features', (1, 150, 81)),
    'rnn': (trained_like(nets.GruAttention(81, 8, channels=32, hidden=24)), nets.export_onnx, 'features', (1, 150, 81)),
    'mlp': (mlp.build(405, 8, 64, 0.3).eval(), mlp.export_onnx, 'statistics', (1, 405)),
}
report = {}
for family, (model, export, input_name, shape) in cases.items():
    paths = {bits: os.path.join(out, f'{family}-{bits}.onnx') for bits in (32, 16)}
    export(model, shape[-1], paths[32], half=False)
    export(model, shape[-1], paths[16])
    report[family] = dict(inputName=input_name, shape=list(shape), input=rng.standard_normal(shape).astype(np.float32).ravel().tolist(),
                          bytes={b: os.path.getsize(p) for b, p in paths.items()}, initializers={b: initializer_types(p) for b, p in paths.items()})
print(json.dumps(report))
