// fast-check arbitraries that damage valid files the ways real files get damaged.
import fc from 'fast-check';

export type Mutation =
  | { readonly kind: 'flip'; readonly at: number; readonly bit: number }
  | { readonly kind: 'cut'; readonly at: number }
  | { readonly kind: 'insert'; readonly at: number; readonly bytes: Uint8Array }
  | { readonly kind: 'delete'; readonly at: number; readonly length: number }
  | { readonly kind: 'splice'; readonly at: number; readonly from: number; readonly length: number }
  | { readonly kind: 'field'; readonly at: number; readonly width: 1 | 2 | 4; readonly value: number };

/** Values that break size and count fields: zero, one, all ones, sign bits, odd sizes. */
const fieldValues = fc.oneof(
  fc.constantFrom(0, 1, 2, 3, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff, 0x7fffffff, 0x80000000, 0xffffffff, 0xfffffffe),
  fc.nat({ max: 0xffffffff }),
);

/** `at` is taken modulo the input's length, so every mutation applies to every input. */
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.nat({ max: 7 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 256 }) }),
  fc.record({ kind: fc.constant('splice' as const), at: fc.nat(), from: fc.nat(), length: fc.integer({ min: 1, max: 512 }) }),
  // Header fields live in the first 64 bytes of WAV and FLAC files: aim there most of the time.
  fc.record({ kind: fc.constant('field' as const), at: fc.oneof(fc.nat({ max: 63 }), fc.nat()), width: fc.constantFrom(1 as const, 2 as const, 4 as const), value: fieldValues }),
);

function apply(bytes: Uint8Array, m: Mutation): Uint8Array {
  const n = Math.max(1, bytes.length);
  const at = m.at % n;
  switch (m.kind) {
    case 'flip': {
      const out = bytes.slice();
      if (out.length > 0) out[at] ^= 1 << m.bit;
      return out;
    }
    case 'cut': return bytes.slice(0, at);
    case 'insert': return Uint8Array.from([...bytes.subarray(0, at), ...m.bytes, ...bytes.subarray(at)]);
    case 'delete': return Uint8Array.from([...bytes.subarray(0, at), ...bytes.subarray(at + m.length)]);
    case 'splice': {
      const from = m.from % n;
      return Uint8Array.from([...bytes.subarray(0, at), ...bytes.subarray(from, from + m.length), ...bytes.subarray(at)]);
    }
    case 'field': {
      const out = bytes.slice();
      const view = new DataView(out.buffer);
      if (at + m.width > out.length) return out;
      if (m.width === 1) view.setUint8(at, m.value & 0xff);
      else if (m.width === 2) view.setUint16(at, m.value & 0xffff, true);
      else view.setUint32(at, m.value >>> 0, true);
      return out;
    }
  }
}

/** One of `seeds`, damaged by 1-6 mutations. */
export function mutatedFrom(seeds: readonly Uint8Array[]): fc.Arbitrary<Uint8Array> {
  return fc
    .tuple(fc.nat({ max: seeds.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 6 }))
    .map(([index, mutations]) => mutations.reduce(apply, seeds[index]!));
}

/** Random bytes, half of them behind a valid magic so the decoder gets past its first check. */
export function randomWithMagic(magics: readonly Uint8Array[]): fc.Arbitrary<Uint8Array> {
  return fc.tuple(fc.option(fc.constantFrom(...magics)), fc.uint8Array({ maxLength: 4096 })).map(([magic, tail]) => (magic ? Uint8Array.from([...magic, ...tail]) : tail));
}

/** Text mutations for CSV: the same byte mutations on the UTF-8 bytes, decoded back (lossily) to text. */
export function mutatedText(seeds: readonly string[]): fc.Arbitrary<string> {
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  return mutatedFrom(seeds.map((s) => encoder.encode(s))).map((bytes) => decoder.decode(bytes));
}
