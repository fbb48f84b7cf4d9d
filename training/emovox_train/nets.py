"""RNN and CNN families over frame features, trained with simulated speaker adaptation and
augmentation variants; exported to ONNX (opset 13, dynamic frame axis) for onnxruntime-web."""
import numpy as np
import torch
from torch import nn

from .half_storage import store_weights_float16
from .masking import masked_cross_entropy

# One thread per process: on the shared 2-core machine two threads were 5x slower per step than one
# (oversubscription); the driver runs two trainings in parallel instead.
torch.set_num_threads(1)


class StatsPool(nn.Module):
    def forward(self, x):  # [B, C, T] -> [B, 2C]
        mean = x.mean(dim=2)
        std = torch.sqrt(((x - mean.unsqueeze(2)) ** 2).mean(dim=2) + 1e-5)
        return torch.cat([mean, std], dim=1)


class Cnn1d(nn.Module):
    """1-D convolutions over time (features as channels): two stride-2 stages, dilated stages (each doubling the
    receptive field), statistics pooling."""

    def __init__(self, width, n_labels, channels=96, dropout=0.3, hidden=128, dilations=(2, 4)):
        super().__init__()
        c = channels

        def block(cin, cout, k, stride=1, dilation=1):
            return [nn.Conv1d(cin, cout, k, stride=stride, padding=dilation * (k // 2), dilation=dilation, bias=False),
                    nn.BatchNorm1d(cout), nn.ReLU()]

        dilated = [layer for d in dilations for layer in block(c, c, 3, dilation=d)]
        self.body = nn.Sequential(*block(width, c, 5, stride=2), *block(c, c, 5, stride=2), nn.Dropout(dropout * 0.5), *dilated)
        self.pool = StatsPool()
        self.head = nn.Sequential(nn.Dropout(dropout), nn.Linear(2 * c, hidden), nn.ReLU(), nn.Dropout(dropout),
                                  nn.Linear(hidden, n_labels))

    def forward(self, x):  # [B, T, D]
        return self.head(self.pool(self.body(x.transpose(1, 2))))


class GruAttention(nn.Module):
    """Two stride-2 convolutions (25 steps/s), bidirectional GRU, attention pooling plus mean pooling."""

    def __init__(self, width, n_labels, channels=64, dropout=0.3, hidden=64):
        super().__init__()
        self.front = nn.Sequential(nn.Conv1d(width, channels, 5, stride=2, padding=2, bias=False), nn.BatchNorm1d(channels), nn.ReLU(),
                                   nn.Conv1d(channels, channels, 3, stride=2, padding=1, bias=False), nn.BatchNorm1d(channels), nn.ReLU())
        self.gru = nn.GRU(channels, hidden, batch_first=True, bidirectional=True)
        self.attention = nn.Linear(2 * hidden, 1)
        self.head = nn.Sequential(nn.Dropout(dropout), nn.Linear(4 * hidden, hidden), nn.ReLU(), nn.Dropout(dropout),
                                  nn.Linear(hidden, n_labels))

    def forward(self, x):  # [B, T, D]
        h = self.front(x.transpose(1, 2)).transpose(1, 2)
        h, _ = self.gru(h)
        w = torch.softmax(self.attention(h), dim=1)
        pooled = torch.cat([(w * h).sum(dim=1), h.mean(dim=1)], dim=1)
        return self.head(pooled)


class SeedEnsemble(nn.Module):
    """Members of one architecture trained from different seeds, in one graph. The output is the log of the
    members' mean probabilities, so the runtime's softmax over it gives exactly that mean."""

    def __init__(self, members):
        super().__init__()
        self.members = nn.ModuleList(members)

    def forward(self, x):  # [B, T, D] -> [B, labels]
        p = torch.stack([torch.softmax(m(x), dim=1) for m in self.members]).mean(dim=0)
        # Float32 probabilities can underflow to 0; the floor keeps log finite and changes no argmax.
        return torch.log(p.clamp_min(1e-30))


FAMILIES = {'cnn': Cnn1d, 'rnn': GruAttention}


def crop_or_tile(x, length, rng):
    """Random crop of `length` frames; shorter clips are tiled (keeps statistics pooling unbiased)."""
    n = len(x)
    if n >= length:
        s = rng.integers(0, n - length + 1)
        return x[s:s + length]
    reps = int(np.ceil(length / n))
    return np.tile(x, (reps, 1))[:length]


class FrameBatches:
    """Draws training batches: random variant per clip, simulated speaker adaptation, standardisation, crop."""

    def __init__(self, variants, cols, labels, train_idx, pools, adapter, norm_mean, norm_std, crop, max_history, cold_p, rng,
                 weights=None, mask=0, label_masks=None):
        self.v = variants
        # Per-clip draw probabilities (corpus balance); None draws every clip once per epoch.
        self.p = None if weights is None else np.asarray(weights, dtype=np.float64) / np.sum(weights)
        self.cols, self.labels, self.idx = cols, labels, np.array(train_idx)
        self.pools, self.adapter = pools, adapter
        self.norm_mean, self.norm_std = norm_mean.astype(np.float32), norm_std.astype(np.float32)
        self.crop, self.max_history, self.cold_p, self.rng = crop, max_history, cold_p, rng
        self.mask = mask
        # [clips x labels] bool of each clip's corpus label set, or None (loss over all labels).
        self.label_masks = label_masks

    def one(self, i):
        v = self.v[self.rng.integers(0, len(self.v))]
        x = v.clip(i, self.cols).astype(np.float32)
        if self.adapter is not None and self.rng.random() >= self.cold_p:
            mu, scale = self.adapter.sample(self.rng, i, self.pools, v, self.cols, self.max_history)
            x = self.adapter.mean + (x - mu) * scale
        x = (x - self.norm_mean) / self.norm_std
        # x is this draw's own array (standardisation made it), so masking its crop in place is safe.
        x = crop_or_tile(x, self.crop, self.rng)
        return self.masked(x) if self.mask > 0 else x

    def masked(self, x):
        """SpecAugment-style masking on standardised features (0 = population mean): two time spans of up
        to 20 frames and two bands of up to `mask` adjacent feature columns."""
        for _ in range(2):
            w = self.rng.integers(0, 21)
            s = self.rng.integers(0, max(1, len(x) - w))
            x[s:s + w] = 0
        for _ in range(2):
            w = self.rng.integers(0, self.mask + 1)
            s = self.rng.integers(0, max(1, x.shape[1] - w))
            x[:, s:s + w] = 0
        return x

    def epoch(self, batch_size, size=None):
        """One epoch of clip draws: len(idx) by default, or `size` (a fixed number of steps whatever the corpus sizes)."""
        size = size or len(self.idx)
        if self.p is None:
            reps = int(np.ceil(size / len(self.idx)))
            order = np.concatenate([self.rng.permutation(self.idx) for _ in range(reps)])[:size]
        else:
            order = self.rng.choice(self.idx, size=size, p=self.p)
        for s in range(0, len(order), batch_size):
            b = order[s:s + batch_size]
            if len(b) < 2:
                continue
            m = None if self.label_masks is None else torch.from_numpy(self.label_masks[b])
            yield torch.from_numpy(np.stack([self.one(i) for i in b]).astype(np.float32)), torch.from_numpy(self.labels[b]), m


def train_net(family, hp, batches, n_labels, class_weights, epochs, seed, log=None, steps=0):
    """steps > 0: that many optimiser steps in all (spread over the epochs), so conditions with different training
    sets get the same training length; otherwise every epoch draws as many clips as the training set has."""
    torch.manual_seed(seed)
    width = len(batches.cols)
    shape = dict(dilations=tuple(hp['dilations'])) if 'dilations' in hp else {}
    model = FAMILIES[family](width, n_labels, channels=hp['channels'], dropout=hp['dropout'], hidden=hp['hidden'], **shape)
    opt = torch.optim.AdamW(model.parameters(), lr=hp['lr'], weight_decay=hp.get('weight_decay', 1e-3))
    per_epoch = int(np.ceil(steps / epochs)) if steps > 0 else int(np.ceil(len(batches.idx) / hp['batch']))
    epoch_size = per_epoch * hp['batch'] if steps > 0 else None
    steps = epochs * per_epoch
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=hp['lr'], total_steps=steps, pct_start=0.2)
    cw = torch.tensor(class_weights, dtype=torch.float32)
    plain = nn.CrossEntropyLoss(weight=cw, label_smoothing=0.1)

    def loss_fn(logits, y, m):
        return plain(logits, y) if m is None else masked_cross_entropy(logits, y, m, cw)

    for epoch in range(epochs):
        model.train()
        total, count = 0.0, 0
        for x, y, m in batches.epoch(hp['batch'], epoch_size):
            opt.zero_grad()
            if hp.get('mixup', 0) > 0:
                # Mixup: convex combinations of clip pairs and of their losses.
                lam = float(batches.rng.beta(hp['mixup'], hp['mixup']))
                perm = torch.randperm(len(y))
                logits = model(lam * x + (1 - lam) * x[perm])
                # Each half of the pair is scored over its own clip's corpus label set.
                loss = lam * loss_fn(logits, y, m) + (1 - lam) * loss_fn(logits, y[perm], None if m is None else m[perm])
            else:
                loss = loss_fn(model(x), y, m)
            loss.backward()
            opt.step()
            sched.step()
            total += float(loss) * len(y)
            count += len(y)
        if log:
            log(f'  epoch {epoch + 1}/{epochs} loss {total / max(count, 1):.3f}')
    model.eval()
    return model


def predict_frames(model, x):
    with torch.no_grad():
        return torch.softmax(model(torch.from_numpy(x[None].astype(np.float32))), dim=1)[0].numpy()


def export_onnx(model, width, path, half=True):
    model.eval()
    dummy = torch.zeros(1, 300, width)
    torch.onnx.export(model, dummy, path, input_names=['features'], output_names=['logits'],
                      dynamic_axes={'features': {1: 'frames'}}, opset_version=13, do_constant_folding=True)
    if half:
        store_weights_float16(path)


def count_parameters(model):
    return sum(p.numel() for p in model.parameters())
