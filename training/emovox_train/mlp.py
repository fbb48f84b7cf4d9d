"""Multi-layer perceptron on utterance statistics (the classical feature set), trained with
simulated speaker adaptation re-drawn for every copy of the data; exported with torch.onnx."""
import numpy as np
import torch
from torch import nn

from .half_storage import store_weights_float16
from .masking import masked_cross_entropy

torch.set_num_threads(1)


def build(width, n_labels, hidden, dropout):
    return nn.Sequential(nn.Dropout(0.2), nn.Linear(width, hidden), nn.ReLU(), nn.Dropout(dropout),
                         nn.Linear(hidden, hidden // 2), nn.ReLU(), nn.Dropout(dropout), nn.Linear(hidden // 2, n_labels))


def train_mlp(x, y, n_labels, class_weights, hp, epochs, seed, masks=None):
    """masks: [examples x labels] bool (each example's corpus label set) or None for a loss over all labels."""
    torch.manual_seed(seed)
    model = build(x.shape[1], n_labels, hp['hidden'], hp['dropout'])
    opt = torch.optim.AdamW(model.parameters(), lr=hp['lr'], weight_decay=hp['weight_decay'])
    xt, yt = torch.tensor(x, dtype=torch.float32), torch.tensor(y)
    mt = None if masks is None else torch.tensor(masks)
    w = torch.tensor(class_weights, dtype=torch.float32)
    g = torch.Generator().manual_seed(seed)
    for _ in range(epochs):
        model.train()
        perm = torch.randperm(len(yt), generator=g)
        for s in range(0, len(perm), 64):
            b = perm[s:s + 64]
            opt.zero_grad()
            logits = model(xt[b])
            loss = (nn.functional.cross_entropy(logits, yt[b], weight=w, label_smoothing=0.1) if mt is None
                    else masked_cross_entropy(logits, yt[b], mt[b], w))
            loss.backward()
            opt.step()
    model.eval()
    return model


def decision(model, x):
    with torch.no_grad():
        return model(torch.tensor(x, dtype=torch.float32)).numpy()


def export_onnx(model, width, path, half=True):
    torch.onnx.export(model, torch.zeros(1, width), path, input_names=['statistics'], output_names=['logits'], opset_version=13)
    if half:
        store_weights_float16(path)
