// Format detection by magic bytes, kept apart from the decoders so that sniffing never loads their wasm.

const ascii = (bytes: Uint8Array, from: number, length: number): string =>
  String.fromCharCode(...bytes.subarray(from, from + length));

/** True when the bytes start with the FLAC stream marker. */
export function isFlac(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && ascii(bytes, 0, 4) === 'fLaC';
}

/** True when the bytes start with an Ogg page (any codec). */
export function isOgg(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && ascii(bytes, 0, 4) === 'OggS';
}

/** True for an Ogg stream whose first packet is an Opus header (the first page holds only that packet). */
export function isOggOpus(bytes: Uint8Array): boolean {
  if (!isOgg(bytes) || bytes.length < 28) return false;
  const start = 27 + bytes[26]!;
  return bytes.length >= start + 8 && ascii(bytes, start, 8) === 'OpusHead';
}

/**
 * True when the bytes start with an ID3v2 tag or an MPEG audio frame header (11 sync bits, a valid
 * version, a layer other than the reserved 00 — which also excludes ADTS AAC — and a valid bitrate index).
 */
export function isMp3(bytes: Uint8Array): boolean {
  if (bytes.length >= 3 && ascii(bytes, 0, 3) === 'ID3') return true;
  if (bytes.length < 4 || bytes[0] !== 0xff) return false;
  const b1 = bytes[1]!;
  const version = (b1 >> 3) & 0x03;
  const layer = (b1 >> 1) & 0x03;
  return (b1 & 0xe0) === 0xe0 && version !== 0x01 && layer !== 0x00 && (bytes[2]! & 0xf0) !== 0xf0;
}

/** True when the bytes start with an EBML header (WebM, Matroska). */
export function isWebm(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3;
}
