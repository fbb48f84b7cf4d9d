"""Independent numpy transcription of the front-end's YIN tracker (src/sdk/features/yin.ts), for the
parity test: same framing (centre=True, zero padding, frame t centred on sample t*hop), written
with running sums over the whole clip per lag rather than as the TypeScript per-frame loops. Prints JSON {f0, voiced, aperiodicity}.

Usage: python3 yin_reference.py <training dir> <file.wav> <config JSON>
"""
import json
import sys

import numpy as np
import soundfile


def yin(x, sr, hop, f_min, f_max, window, threshold, voicing_threshold, silence_db):
    min_lag = max(2, int(np.floor(sr / f_max)))
    max_lag = int(np.ceil(sr / f_min))
    span = window + max_lag + 1
    half = span // 2
    padded = np.concatenate([np.zeros(half), x, np.zeros(span - half)])
    n_frames = 1 + len(x) // hop
    centres = np.arange(n_frames) * hop + half
    # diff[lag, t]: windowed squared difference, from a running sum of the lagged squared error.
    diff = np.zeros((max_lag + 2, n_frames))
    for lag in range(1, max_lag + 2):
        error = np.concatenate([[0.0], np.cumsum((padded[:-lag] - padded[lag:]) ** 2)])
        starts = centres - (window + lag) // 2
        diff[lag] = error[starts + window] - error[starts]
    f0, voiced, aperiodicity = [], [], []
    for t in range(n_frames):
        centre = centres[t]
        d = diff[1:, t]
        lags = np.arange(1, max_lag + 2)
        cumulative = np.cumsum(d)
        cmnd = np.concatenate([[1.0], np.where(cumulative > 0, d * lags / np.where(cumulative > 0, cumulative, 1), 1.0)])
        search = cmnd[min_lag:max_lag + 1]
        below = np.nonzero(search < threshold)[0]
        if len(below):
            best = min_lag + below[0]
            while best + 1 <= max_lag and cmnd[best + 1] < cmnd[best]:
                best += 1
        else:
            best = min_lag + int(np.argmin(search))
        a, b, c = cmnd[best - 1], cmnd[best], cmnd[best + 1]
        curvature = a - 2 * b + c
        shift = float(np.clip((a - c) / (2 * curvature), -1, 1)) if curvature > 0 else 0.0
        level_window = padded[centre - window // 2:centre - window // 2 + window]
        level_db = 10 * np.log10(max(np.mean(level_window ** 2), 1e-20))
        is_voiced = b <= voicing_threshold and level_db >= silence_db
        voiced.append(int(is_voiced))
        f0.append(sr / (best + shift) if is_voiced else 0.0)
        aperiodicity.append(float(b))
    return {'f0': f0, 'voiced': voiced, 'aperiodicity': aperiodicity}


def main():
    x, sr = soundfile.read(sys.argv[2], dtype='float64')
    c = json.loads(sys.argv[3])
    if sr != c['sampleRate']:
        raise SystemExit(f'{sys.argv[2]}: {sr} Hz, expected {c["sampleRate"]}')
    print(json.dumps(yin(x, sr, c['hopLength'], c['fMin'], c['fMax'], c['windowLength'], c['threshold'], c['voicingThreshold'], c['silenceDb'])))


if __name__ == '__main__':
    main()
