"""Regenerates the noise-suppression parity fixture from an independent numpy implementation.

Run: /usr/bin/python3 training/reference/make_denoise_reference.py
Reads test/fixtures/features/speech.wav (espeak-ng), adds seeded white noise at 10 dB SNR, writes
speech-noisy.wav (16-bit) and denoise-reference.json: the log-mel and spectral contrast of that file with
the front-end's noise suppression (denoiseDb 12), computed here from the specification in
src/sdk/features/noise-suppressor.ts with numpy's FFT and torchaudio's Slaney mel bank.
"""
import json
import pathlib

import numpy as np
import soundfile
import torch
import torchaudio

from make_feature_reference import spectral_contrast_db

FIXTURES = pathlib.Path(__file__).resolve().parents[2] / "test" / "fixtures" / "features"
SAMPLE_RATE, N_FFT, WIN, HOP, N_MELS = 16000, 512, 400, 160, 64
DENOISE_DB, SMOOTHING, RISE_DB_PER_SECOND, OVER_SUBTRACTION, EPSILON = 12.0, 0.8, 5.0, 4.0, 1e-10


def noisy_speech() -> np.ndarray:
    speech, rate = soundfile.read(str(FIXTURES / "speech.wav"), dtype="float64")
    assert rate == SAMPLE_RATE
    noise = np.random.default_rng(7).standard_normal(len(speech))
    noise *= np.sqrt(np.mean(speech ** 2) / np.mean(noise ** 2) / 10 ** (10 / 10))
    soundfile.write(str(FIXTURES / "speech-noisy.wav"), np.clip(speech + noise, -1, 1), SAMPLE_RATE, subtype="PCM_16")
    samples, _ = soundfile.read(str(FIXTURES / "speech-noisy.wav"), dtype="float64")
    return samples


def power_spectrogram(samples: np.ndarray) -> np.ndarray:
    padded = np.pad(samples, N_FFT // 2)
    n_frames = 1 + len(samples) // HOP
    hann = 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(WIN) / WIN)  # periodic, like torch.hann_window
    window = np.zeros(N_FFT)
    window[(N_FFT - WIN) // 2:(N_FFT - WIN) // 2 + WIN] = hann
    frames = np.stack([padded[t * HOP:t * HOP + N_FFT] * window for t in range(n_frames)])
    return np.abs(np.fft.rfft(frames, axis=1)) ** 2  # (time, bins)


def suppress(power: np.ndarray) -> np.ndarray:
    rise = 10 ** (RISE_DB_PER_SECOND / 10 / (SAMPLE_RATE / HOP))
    floor = 10 ** (-DENOISE_DB / 10)
    out = np.empty_like(power)
    smoothed = power[0].copy()
    noise = smoothed.copy()
    for t, frame in enumerate(power):
        if t > 0:
            smoothed = SMOOTHING * smoothed + (1 - SMOOTHING) * frame
            noise = np.minimum(smoothed, np.maximum(noise, EPSILON) * rise)
        out[t] = np.maximum(frame - OVER_SUBTRACTION * noise, floor * frame)
    return out


def main() -> None:
    samples = noisy_speech()
    raw = power_spectrogram(samples)
    banks = torchaudio.functional.melscale_fbanks(
        N_FFT // 2 + 1, 0.0, SAMPLE_RATE / 2, N_MELS, SAMPLE_RATE, norm="slaney", mel_scale="slaney",
    ).to(torch.float64).numpy()
    rounded = lambda a: [[float(f"{v:.7g}") for v in row] for row in a.tolist()]
    log_mel = lambda p: 10.0 * np.log10(np.maximum(p @ banks, 1e-10))
    denoised = suppress(raw)
    reference = {
        "config": {"denoiseDb": DENOISE_DB},
        "file": "speech-noisy.wav",
        "nFrames": int(raw.shape[0]),
        "logMel": rounded(log_mel(denoised)),
        "contrast": rounded(spectral_contrast_db(np.sqrt(denoised.T)).T),
    }
    (FIXTURES / "denoise-reference.json").write_text(json.dumps(reference))
    print(f"{raw.shape[0]} frames; mean log-mel change {float(np.mean(log_mel(denoised) - log_mel(raw))):.2f} dB")


if __name__ == "__main__":
    main()
