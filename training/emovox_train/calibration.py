"""Temperature scaling (Guo et al., ICML 2017): one scalar T dividing the logits, fitted on speakers
held out inside the training data so that the softmax's top probability matches how often it is right.
The SDK applies it from the manifest (onnx.temperature); `emovox eval` reports the resulting ECE."""
import numpy as np

# Log-spaced candidates: NLL in T is smooth and unimodal in practice, so a dense grid is exact enough
# (neighbouring candidates differ by 1 %) and has no optimiser to configure.
CANDIDATES = np.exp(np.linspace(np.log(0.2), np.log(10.0), 400))


def log_softmax(z):
    z = z - z.max(1, keepdims=True)
    return z - np.log(np.exp(z).sum(1, keepdims=True))


def nll(logits, y, t=1.0):
    return float(-log_softmax(logits / t)[np.arange(len(y)), y].mean())


def ece(logits, y, t=1.0, bins=10):
    """Expected calibration error of the top-1 confidence, equal-width bins (same definition as src/eval/calibration.ts)."""
    p = np.exp(log_softmax(logits / t))
    conf, pred = p.max(1), p.argmax(1)
    idx = np.minimum((conf * bins).astype(int), bins - 1)
    total = 0.0
    for b in range(bins):
        sel = idx == b
        if sel.any():
            total += sel.mean() * abs((pred[sel] == y[sel]).mean() - conf[sel].mean())
    return float(total)


def fit_temperature(logits, y):
    """T minimising the validation negative log-likelihood, with the before/after figures for the record."""
    logits = np.asarray(logits, dtype=np.float64)
    y = np.asarray(y)
    scores = [nll(logits, y, t) for t in CANDIDATES]
    t = float(CANDIDATES[int(np.argmin(scores))])
    return t, dict(temperature=round(t, 4), clips=int(len(y)), nllBefore=round(nll(logits, y), 4), nllAfter=round(nll(logits, y, t), 4),
                   eceBefore=round(ece(logits, y), 4), eceAfter=round(ece(logits, y, t), 4))
