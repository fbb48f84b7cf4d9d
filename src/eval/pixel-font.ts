/** A 3x5 pixel font (digits, lower-case letters, a few signs) so PNG reports need no font files. */
const glyphs: Record<string, string> = {
  0: '111101101101111', 1: '010110010010111', 2: '111001111100111', 3: '111001111001111', 4: '101101111001001',
  5: '111100111001111', 6: '111100111101111', 7: '111001001001001', 8: '111101111101111', 9: '111101111001111',
  a: '010101111101101', b: '110101110101110', c: '011100100100011', d: '110101101101110', e: '111100110100111',
  f: '111100110100100', g: '011100101101011', h: '101101111101101', i: '111010010010111', j: '001001001101010',
  k: '101110100110101', l: '100100100100111', m: '101111111101101', n: '110101101101101', o: '010101101101010',
  p: '110101110100100', q: '010101101110011', r: '110101110101101', s: '011100010001110', t: '111010010010010',
  u: '101101101101111', v: '101101101101010', w: '101101111111101', x: '101101010101101', y: '101101010010010',
  z: '111001010100111', '%': '101001010100101', '.': '000000000000010', '-': '000000111000000', ':': '000010000010000',
  '=': '000111000111000', '(': '010100100100010', ')': '010001001001010', '/': '001001010100100', ' ': '000000000000000',
};

/** An RGB canvas with rectangle filling and pixel text. */
export class PixelCanvas {
  readonly rgb: Uint8Array;

  constructor(readonly width: number, readonly height: number, background: [number, number, number] = [255, 255, 255]) {
    this.rgb = new Uint8Array(width * height * 3);
    this.fill(0, 0, width, height, background);
  }

  fill(x: number, y: number, w: number, h: number, color: readonly [number, number, number]): void {
    for (let j = Math.max(0, y); j < Math.min(this.height, y + h); j++) {
      for (let i = Math.max(0, x); i < Math.min(this.width, x + w); i++) this.rgb.set(color, (j * this.width + i) * 3);
    }
  }

  /** Width in pixels of `text` at `scale`. */
  static textWidth(text: string, scale: number): number {
    return text.length * 4 * scale - scale;
  }

  text(x: number, y: number, text: string, scale: number, color: readonly [number, number, number]): void {
    let cx = x;
    for (const ch of text.toLowerCase()) {
      const glyph = glyphs[ch] ?? glyphs[' '];
      for (let r = 0; r < 5; r++) for (let c = 0; c < 3; c++) if (glyph[r * 3 + c] === '1') this.fill(cx + c * scale, y + r * scale, scale, scale, color);
      cx += 4 * scale;
    }
  }
}
