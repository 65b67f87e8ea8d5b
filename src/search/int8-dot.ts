/**
 * Dot products of signed-byte vectors, the meaning match's hot loop, in WebAssembly SIMD: 16 bytes
 * per step instead of one, several times faster than the JS loop, and the meaning match makes
 * many products per question (figures in docs/benchmarks.md, "Speed and scale"). Hand-written
 * because no package offers an int8 dot product; the module is the WAT below, compiled with wabt (`wat2wasm --enable-simd`):
 *
 *   (module
 *     (memory (export "memory") 1)
 *     (func (export "dot") (param $x i32) (param $y i32) (param $n i32) (result i32)
 *       (local $acc v128) (local $a v128) (local $b v128) (local $end i32) (local $sum i32)
 *       ;; 16 bytes at a time: widen to 16 bits, multiply pairwise and add into four 32-bit lanes
 *       (local.set $end (i32.add (local.get $x) (i32.and (local.get $n) (i32.const -16))))
 *       (block $done (loop $next
 *         (br_if $done (i32.ge_u (local.get $x) (local.get $end)))
 *         (local.set $a (v128.load (local.get $x)))
 *         (local.set $b (v128.load (local.get $y)))
 *         (local.set $acc (i32x4.add (local.get $acc)
 *           (i32x4.dot_i16x8_s (i16x8.extend_low_i8x16_s (local.get $a)) (i16x8.extend_low_i8x16_s (local.get $b)))))
 *         (local.set $acc (i32x4.add (local.get $acc)
 *           (i32x4.dot_i16x8_s (i16x8.extend_high_i8x16_s (local.get $a)) (i16x8.extend_high_i8x16_s (local.get $b)))))
 *         (local.set $x (i32.add (local.get $x) (i32.const 16)))
 *         (local.set $y (i32.add (local.get $y) (i32.const 16)))
 *         (br $next)))
 *       (local.set $sum (i32.add
 *         (i32.add (i32x4.extract_lane 0 (local.get $acc)) (i32x4.extract_lane 1 (local.get $acc)))
 *         (i32.add (i32x4.extract_lane 2 (local.get $acc)) (i32x4.extract_lane 3 (local.get $acc)))))
 *       ;; the last n mod 16 bytes one by one
 *       (local.set $end (i32.add (local.get $end) (i32.and (local.get $n) (i32.const 15))))
 *       (block $tail (loop $more
 *         (br_if $tail (i32.ge_u (local.get $x) (local.get $end)))
 *         (local.set $sum (i32.add (local.get $sum) (i32.mul (i32.load8_s (local.get $x)) (i32.load8_s (local.get $y)))))
 *         (local.set $x (i32.add (local.get $x) (i32.const 1)))
 *         (local.set $y (i32.add (local.get $y) (i32.const 1)))
 *         (br $more)))
 *       (local.get $sum)))
 */
const MODULE =
  'AGFzbQEAAAABCAFgA39/fwF/AwIBAAUDAQABBxACBm1lbW9yeQIAA2RvdAAACroBAbcBAgN7An8gACACQXBxaiEGAkADQCAAIAZPDQEgAP0ABAAhBCAB' +
  '/QAEACEFIAMgBP2HASAF/YcB/boB/a4BIQMgAyAE/YgBIAX9iAH9ugH9rgEhAyAAQRBqIQAgAUEQaiEBDAALCyAD/RsAIAP9GwFqIAP9GwIgA/0bA2pq' +
  'IQcgBiACQQ9xaiEGAkADQCAAIAZPDQEgByAALAAAIAEsAABsaiEHIABBAWohACABQQFqIQEMAAsLIAcL';

const PAGE = 65_536;

// The few WebAssembly types used here (the project's TypeScript libs leave out the DOM's).
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface Wasm {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: { memory: WasmMemory; dot: (x: number, y: number, n: number) => number } };
}
const wasm = (globalThis as { WebAssembly?: Wasm }).WebAssembly;

/** Bytes to multiply, and the product of `n` of them starting at offsets `x` and `y`. */
export interface Int8Dot {
  readonly data: Int8Array;
  dot(x: number, y: number, n: number): number;
}

/**
 * The product over `bytes`: a copy of them in WebAssembly memory, where the SIMD code reads them.
 * Without WebAssembly SIMD (an old or restricted engine) the same product runs as a plain loop over
 * `bytes` themselves.
 */
export function int8Dot(bytes: Int8Array, options: { simd?: boolean } = {}): Int8Dot {
  if (wasm && options.simd !== false) {
    try {
      const { exports } = new wasm.Instance(new wasm.Module(Buffer.from(MODULE, 'base64')));
      const memory = exports.memory;
      const pages = Math.ceil(bytes.length / PAGE) - memory.buffer.byteLength / PAGE;
      if (pages > 0) memory.grow(pages);
      // The view is made after growing: growing detaches the memory's earlier buffers.
      const data = new Int8Array(memory.buffer, 0, bytes.length);
      data.set(bytes);
      return { data, dot: exports.dot };
    } catch {
      // fall through to the plain loop
    }
  }
  const data = bytes;
  return {
    data,
    dot(x, y, n) {
      let sum = 0;
      for (let i = 0; i < n; i++) sum += data[x + i]! * data[y + i]!;
      return sum;
    },
  };
}
