"""Regenerates the front-end parity fixtures from torchaudio 0.13 (an independent implementation).

Run: /usr/bin/python3 training/reference/make_feature_reference.py
Writes test/fixtures/features/{speech,tones}.wav (generated with espeak-ng and sox) and a
JSON file of reference features per clip, configured exactly as emovox's defaults:
16 kHz, n_fft 512, Hann window 400, hop 160, center=True with zero padding, power spectrum,
Slaney mel scale with Slaney area normalisation (64 bands, 0-8000 Hz), 10*log10(max(S, 1e-10))
without top_db, orthonormal DCT-II (20 coefficients), deltas with compute_deltas(win_length=5).
"""
import json
import pathlib
import subprocess
import tempfile

import soundfile
import torch
import torchaudio

OUT = pathlib.Path(__file__).resolve().parents[2] / "test" / "fixtures" / "features"
SAMPLE_RATE, N_FFT, WIN, HOP, N_MELS, N_MFCC = 16000, 512, 400, 160, 64, 20


def make_audio() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        raw = pathlib.Path(tmp) / "speech.wav"
        subprocess.run(["espeak-ng", "-v", "en-us", "-s", "150", "-w", str(raw), "Kids are talking by the door"], check=True)
        subprocess.run(["sox", str(raw), "-r", str(SAMPLE_RATE), "-b", "16", "-c", "1", str(OUT / "speech.wav")], check=True)
    subprocess.run(
        ["sox", "-n", "-r", str(SAMPLE_RATE), "-b", "16", "-c", "1", str(OUT / "tones.wav"),
         "synth", "0.8", "sine", "440", "sine", "3000", "remix", "1-2", "gain", "-6"],
        check=True,
    )


def reference(path: pathlib.Path) -> dict:
    samples, rate = soundfile.read(str(path), dtype="float64")
    assert rate == SAMPLE_RATE
    x = torch.from_numpy(samples)
    spectrogram = torchaudio.transforms.Spectrogram(
        n_fft=N_FFT, win_length=WIN, hop_length=HOP, window_fn=torch.hann_window,
        power=2.0, center=True, pad_mode="constant", wkwargs={"dtype": torch.float64},
    )
    power = spectrogram(x)  # (freq, time)
    banks = torchaudio.functional.melscale_fbanks(
        N_FFT // 2 + 1, 0.0, SAMPLE_RATE / 2, N_MELS, SAMPLE_RATE, norm="slaney", mel_scale="slaney",
    ).to(torch.float64)
    mel = power.T @ banks  # (time, mels)
    log_mel = 10.0 * torch.log10(torch.clamp(mel, min=1e-10))
    dct = torchaudio.functional.create_dct(N_MFCC, N_MELS, "ortho").to(torch.float64)
    mfcc = log_mel @ dct  # (time, mfcc)
    delta = torchaudio.functional.compute_deltas(mfcc.T, win_length=5, mode="replicate")
    delta2 = torchaudio.functional.compute_deltas(delta, win_length=5, mode="replicate")
    extra = librosa_port(samples, power.numpy())
    rounded = lambda t: [[float(f"{v:.7g}") for v in row] for row in t.tolist()]
    return {
        "file": path.name,
        "nFrames": mfcc.shape[0],
        "logMel": rounded(log_mel),
        "mfcc": rounded(mfcc),
        "mfccDelta": rounded(delta.T),
        "mfccDelta2": rounded(delta2.T),
        **{name: rounded(torch.from_numpy(value)) for name, value in extra.items()},
    }


def spectral_contrast_db(magnitude):
    """numpy transcription of librosa 0.10's spectral_contrast (no top-dB clipping) on (bins, time) magnitudes."""
    import numpy as np
    freqs = np.linspace(0, SAMPLE_RATE / 2, N_FFT // 2 + 1)
    n_bands, fmin, quantile = 6, 200.0, 0.02
    octa = np.zeros(n_bands + 2)
    octa[1:] = fmin * (2.0 ** np.arange(0, n_bands + 1))
    valley = np.zeros((n_bands + 1, magnitude.shape[1]))
    peak = np.zeros_like(valley)
    for k, (f_low, f_high) in enumerate(zip(octa[:-1], octa[1:])):
        band = np.logical_and(freqs >= f_low, freqs <= f_high)
        idx = np.flatnonzero(band)
        if k > 0:
            band[idx[0] - 1] = True
        if k == n_bands:
            band[idx[-1] + 1:] = True
        sub = magnitude[band]
        if k < n_bands:
            sub = sub[:-1]
        take = int(np.maximum(np.rint(quantile * np.sum(band)), 1))
        ordered = np.sort(sub, axis=0)
        valley[k] = np.mean(ordered[:take], axis=0)
        peak[k] = np.mean(ordered[-take:], axis=0)
    to_db = lambda v: 10.0 * np.log10(np.maximum(v, 1e-10))
    return to_db(peak) - to_db(valley)


def librosa_port(samples, power):
    """numpy transcriptions of librosa 0.10's chroma_stft (tuning=0), spectral_contrast,
    rms and zero_crossing_rate (framed like emovox: n_fft frames, zero padding)."""
    import numpy as np
    contrast = spectral_contrast_db(np.sqrt(power))
    # chroma filter bank
    n_chroma = 12
    frequencies = np.linspace(0, SAMPLE_RATE, N_FFT, endpoint=False)[1:]
    frqbins = n_chroma * np.log2(frequencies / (440.0 / 16))
    frqbins = np.concatenate(([frqbins[0] - 1.5 * n_chroma], frqbins))
    binwidthbins = np.concatenate((np.maximum(frqbins[1:] - frqbins[:-1], 1.0), [1]))
    d = np.subtract.outer(frqbins, np.arange(0, n_chroma, dtype="d")).T
    half = np.round(float(n_chroma) / 2)
    d = np.remainder(d + half + 10 * n_chroma, n_chroma) - half
    wts = np.exp(-0.5 * (2 * d / np.tile(binwidthbins, (n_chroma, 1))) ** 2)
    wts = wts / np.sqrt(np.sum(wts ** 2, axis=0, keepdims=True))
    wts *= np.tile(np.exp(-0.5 * (((frqbins / n_chroma - 5.0) / 2.0) ** 2)), (n_chroma, 1))
    wts = np.roll(wts, -3, axis=0)[:, : N_FFT // 2 + 1]
    raw = wts @ power
    chroma = raw / np.maximum(np.max(raw, axis=0, keepdims=True), np.finfo(np.float32).tiny)
    # framed time-domain features
    padded = np.pad(samples, N_FFT // 2)
    n_frames = 1 + len(samples) // HOP
    frames = np.stack([padded[t * HOP: t * HOP + N_FFT] for t in range(n_frames)], axis=1)
    rms = np.sqrt(np.mean(frames ** 2, axis=0))
    signs = np.signbit(frames)
    zcr = np.mean(np.vstack([np.zeros((1, n_frames), bool), signs[1:] != signs[:-1]]), axis=0)
    return {"contrast": contrast.T, "chroma": chroma.T, "rms": rms[:, None], "zcr": zcr[:, None]}


def main() -> None:
    make_audio()
    config = {"sampleRate": SAMPLE_RATE, "nFft": N_FFT, "winLength": WIN, "hopLength": HOP,
              "nMels": N_MELS, "nMfcc": N_MFCC, "fMin": 0, "fMax": SAMPLE_RATE / 2, "deltaN": 2}
    result = {"generator": f"torchaudio {torchaudio.__version__}", "config": config,
              "clips": [reference(OUT / "speech.wav"), reference(OUT / "tones.wav")]}
    (OUT / "torchaudio-reference.json").write_text(json.dumps(result, separators=(",", ":")))


if __name__ == "__main__":
    main()
