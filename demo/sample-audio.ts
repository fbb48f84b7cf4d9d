/**
 * A synthetic "voice" for trying the page without a file: three vowel-like
 * syllables (glottal pulse train through two formant resonances) separated by
 * silence, written as a 44.1 kHz stereo 16-bit WAV so decoding, downmixing and
 * resampling all run.
 */
export function syntheticVoiceWav(): Uint8Array {
  const rate = 44100;
  const seconds = 3.2;
  const n = Math.round(rate * seconds);
  const left = new Float32Array(n);
  const syllables = [
    { start: 0.3, end: 1.0, f0: [140, 190], formants: [730, 1090] },
    { start: 1.3, end: 1.9, f0: [210, 160], formants: [270, 2290] },
    { start: 2.2, end: 2.95, f0: [120, 150], formants: [570, 840] },
  ];
  for (const s of syllables) {
    const i0 = Math.round(s.start * rate);
    const i1 = Math.round(s.end * rate);
    let phase = 0;
    const state = s.formants.map(() => [0, 0]);
    for (let i = i0; i < i1; i++) {
      const t = (i - i0) / (i1 - i0);
      const f0 = s.f0[0] + (s.f0[1] - s.f0[0]) * t + 4 * Math.sin(2 * Math.PI * 5.5 * (i / rate));
      phase += f0 / rate;
      const pulse = phase >= 1 ? 1 : 0;
      if (phase >= 1) phase -= 1;
      let y = 0;
      s.formants.forEach((f, k) => {
        // Two-pole resonator at formant f with 80 Hz bandwidth.
        const r = Math.exp((-Math.PI * 80) / rate);
        const a1 = 2 * r * Math.cos((2 * Math.PI * f) / rate);
        const out = pulse + a1 * state[k][0] - r * r * state[k][1];
        state[k][1] = state[k][0];
        state[k][0] = out;
        y += out / (k + 1);
      });
      const envelope = Math.sin(Math.PI * t) ** 0.5;
      left[i] = 0.02 * y * envelope;
    }
  }
  let peak = 0;
  for (const v of left) peak = Math.max(peak, Math.abs(v));
  for (let i = 0; i < n; i++) left[i] = (left[i] / (peak || 1)) * 0.8 + (Math.random() - 0.5) * 0.002;
  return encodeWav16([left, left], rate);
}

/** Interleaved 16-bit PCM WAV. */
function encodeWav16(channels: Float32Array[], rate: number): Uint8Array {
  const frames = channels[0].length;
  const dataBytes = frames * channels.length * 2;
  const view = new DataView(new ArrayBuffer(44 + dataBytes));
  const ascii = (offset: number, text: string) => [...text].forEach((c, i) => view.setUint8(offset + i, c.charCodeAt(0)));
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, channels.length, true);
  view.setUint32(24, rate, true);
  view.setUint32(28, rate * channels.length * 2, true);
  view.setUint16(32, channels.length * 2, true);
  view.setUint16(34, 16, true);
  ascii(36, 'data');
  view.setUint32(40, dataBytes, true);
  let offset = 44;
  for (let i = 0; i < frames; i++) {
    for (const channel of channels) {
      view.setInt16(offset, Math.round(Math.max(-1, Math.min(1, channel[i])) * 32767), true);
      offset += 2;
    }
  }
  return new Uint8Array(view.buffer);
}
