/** Seeded uniform generator in [0, 1) (mulberry32): reproducible noise for tests, training and noisy evaluation. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal samples (Box-Muller). */
export function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

export type NoiseColour = 'white' | 'pink' | 'brown';

/** Coloured noise: white, pink (1/f, Paul Kellet's filter) or brown (1/f², leaky integrator). */
export function colouredNoise(length: number, colour: NoiseColour, random: () => number): Float32Array {
  const out = new Float32Array(length);
  let b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0, b6 = 0, brown = 0;
  for (let i = 0; i < length; i++) {
    const w = gaussian(random);
    if (colour === 'white') out[i] = w;
    else if (colour === 'brown') out[i] = brown = 0.995 * brown + 0.1 * w;
    else {
      b0 = 0.99886 * b0 + w * 0.0555179; b1 = 0.99332 * b1 + w * 0.0750759; b2 = 0.969 * b2 + w * 0.153852;
      b3 = 0.8665 * b3 + w * 0.3104856; b4 = 0.55 * b4 + w * 0.5329522; b5 = -0.7616 * b5 - w * 0.016898;
      out[i] = b0 + b1 + b2 + b3 + b4 + b5 + b6 + w * 0.5362;
      b6 = w * 0.115926;
    }
  }
  return out;
}

/**
 * Power of the active part of a signal: the mean power of the 20 ms blocks within 30 dB of the
 * loudest block, so leading and trailing silence do not lower the SNR reference.
 */
export function activePower(x: Float32Array, blockLength = 320): number {
  const powers: number[] = [];
  for (let s = 0; s + blockLength <= x.length || (s === 0 && x.length > 0); s += blockLength) {
    const end = Math.min(x.length, s + blockLength);
    let e = 0;
    for (let i = s; i < end; i++) e += x[i] * x[i];
    powers.push(e / (end - s));
    if (end === x.length) break;
  }
  const peak = Math.max(...powers);
  const active = powers.filter((p) => p >= peak * 1e-3);
  return active.reduce((a, b) => a + b, 0) / active.length;
}

/** `speech + g·noise` with g chosen so that activePower(speech) / power(g·noise) is `snrDb`; noise is looped to length. */
export function mixAtSnr(speech: Float32Array, noise: Float32Array, snrDb: number): Float32Array {
  let noisePower = 0;
  for (const v of noise) noisePower += v * v;
  noisePower /= noise.length;
  const out = new Float32Array(speech);
  if (noisePower === 0) return out;
  const gain = Math.sqrt(activePower(speech) / (noisePower * 10 ** (snrDb / 10)));
  for (let i = 0; i < out.length; i++) out[i] += gain * noise[i % noise.length];
  return out;
}
