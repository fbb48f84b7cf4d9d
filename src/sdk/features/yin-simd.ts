/**
 * The inner loop of YIN's difference function as a small WebAssembly SIMD kernel: sixteen lags at a time,
 * two per f64x2 vector (one lag per lane). Each lane still sums its own lag's squared differences one
 * sample after another, in window order, with IEEE double subtraction, multiplication and addition (wasm
 * never fuses them), so the sums are bit-identical to the scalar loop's. The module is assembled here from
 * its opcodes (about 300 bytes) instead of shipping a .wasm asset. In text form:
 *
 *   (func (export "k") (param $p i32) (param $t i32) (param $n i32) (param $out i32)
 *     (local $a0 … $a7 v128) (local $e v128)
 *     (block (loop
 *       (br_if 1 (i32.eqz (local.get $n)))
 *       ;; for k in 0…7: lanes = lags lag+2k, lag+2k+1
 *       (local.set $ak (f64x2.add (local.get $ak) (f64x2.mul
 *         (local.tee $e (f64x2.sub (v128.load64_splat offset=8·(7−k) (local.get $p))
 *                                  (v128.load offset=8·k (local.get $t))))
 *         (local.get $e))))
 *       (local.set $p (i32.add (local.get $p) (i32.const 8)))
 *       (local.set $t (i32.add (local.get $t) (i32.const 8)))
 *       (local.set $n (i32.sub (local.get $n) (i32.const 1)))
 *       (br 0)))
 *     ;; for k in 0…7: (v128.store offset=16k (local.get $out) (local.get $ak))
 *   (memory (export "m") 1)
 */

/** Vector accumulators per call: 8 × 2 lanes = 16 lags. */
const vectors = 8;
/** Lags summed per kernel call. */
export const simdLags = 2 * vectors;

const leb = (value: number): number[] => {
  const out: number[] = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    out.push(byte);
  } while (value !== 0);
  return out;
};
const vec = (items: number[][]): number[] => [...leb(items.length), ...items.flat()];
const section = (id: number, body: number[]): number[] => [id, ...leb(body.length), ...body];
const simd = (op: number): number[] => [0xfd, ...leb(op)];
const memarg = (offset: number): number[] => [3, ...leb(offset)];
const get = (i: number): number[] => [0x20, i];
const set = (i: number): number[] => [0x21, i];
const tee = (i: number): number[] => [0x22, i];
const [v128Load, load64Splat, v128Store, f64x2Add, f64x2Sub, f64x2Mul] = [0, 10, 11, 240, 241, 242];
const [p, t, n, out, firstAcc, e] = [0, 1, 2, 3, 4, 4 + vectors];

function kernelBytes(): Uint8Array<ArrayBuffer> {
  const accumulate = (k: number): number[] => [
    ...get(firstAcc + k),
    ...get(p), ...simd(load64Splat), ...memarg(8 * (vectors - 1 - k)),
    ...get(t), ...simd(v128Load), ...memarg(8 * k),
    ...simd(f64x2Sub), ...tee(e), ...get(e), ...simd(f64x2Mul), ...simd(f64x2Add), ...set(firstAcc + k),
  ];
  const step = (local: number, op: number, by: number): number[] => [...get(local), 0x41, by, op, ...set(local)];
  const body = [
    ...vec([[vectors + 1, 0x7b]]),
    0x02, 0x40, 0x03, 0x40,
    ...get(n), 0x45, 0x0d, 1,
    ...Array.from({ length: vectors }, (_, k) => accumulate(k)).flat(),
    ...step(p, 0x6a, 8), ...step(t, 0x6a, 8), ...step(n, 0x6b, 1),
    0x0c, 0, 0x0b, 0x0b,
    ...Array.from({ length: vectors }, (_, k) => [...get(out), ...get(firstAcc + k), ...simd(v128Store), ...memarg(16 * k)]).flat(),
    0x0b,
  ];
  const name = (s: string): number[] => [...leb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
    ...section(1, vec([[0x60, ...vec([[0x7f], [0x7f], [0x7f], [0x7f]]), 0]])),
    ...section(3, vec([[0]])),
    ...section(5, vec([[0, 1]])),
    ...section(7, vec([[...name('k'), 0, 0], [...name('m'), 2, 0]])),
    ...section(10, vec([[...leb(body.length), ...body]])),
  ]);
}

/** Compiled once, on first use; null where WebAssembly SIMD is unavailable or a CSP forbids compiling it. */
let compiled: WebAssembly.Module | null | undefined;

function compile(): WebAssembly.Module | null {
  if (compiled === undefined) {
    try {
      compiled = typeof WebAssembly === 'object' ? new WebAssembly.Module(kernelBytes()) : null;
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

/** Byte offset of the sums in the kernel's one 64 KiB page: after the frame, 16-byte aligned. */
const sumsOffset = (span: number): number => Math.ceil(span / 2) * 16;

/** A kernel instance with its own memory: the frame's samples live in it, followed by the sums. */
export class SimdDifference {
  /** The frame's span as doubles, in the kernel's memory (write the samples here). */
  readonly frame: Float64Array;
  /** The sixteen sums of the last `run`. */
  readonly sums: Float64Array;
  private readonly sumsAt: number;
  private readonly kernel: (p: number, t: number, n: number, out: number) => void;

  /** A kernel for spans of `span` samples, or undefined where WebAssembly SIMD cannot be used. */
  static create(span: number): SimdDifference | undefined {
    const module = compile();
    if (!module || sumsOffset(span) + simdLags * 8 > 65536) return undefined;
    return new SimdDifference(new WebAssembly.Instance(module, {}), span);
  }

  private constructor(instance: WebAssembly.Instance, span: number) {
    const memory = instance.exports.m as WebAssembly.Memory;
    this.kernel = instance.exports.k as SimdDifference['kernel'];
    this.frame = new Float64Array(memory.buffer, 0, span);
    this.sumsAt = sumsOffset(span);
    this.sums = new Float64Array(memory.buffer, this.sumsAt, simdLags);
  }

  /**
   * Sums lags `lag`…`lag + 15` over `windowLength` samples, for a window starting at `start` for `lag`
   * (windowLength + lag even, so the window moves back one sample every second lag).
   */
  run(start: number, lag: number, windowLength: number): void {
    this.kernel((start - vectors + 1) * 8, (start + lag) * 8, windowLength, this.sumsAt);
  }
}
