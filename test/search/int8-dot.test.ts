import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { int8Dot } from '../../src/search/int8-dot.js';

/** The product as written down: the sum of the pairwise products. */
function reference(bytes: Int8Array, x: number, y: number, n: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += bytes[x + i]! * bytes[y + i]!;
  return sum;
}

// Two vectors of n bytes each, anywhere in a buffer (unaligned starts, lengths not a multiple of 16).
const vectorsPair = fc.integer({ min: 0, max: 140 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    bytes: fc.array(fc.integer({ min: -128, max: 127 }), { minLength: 2 * n + 40, maxLength: 2 * n + 40 }),
    x: fc.integer({ min: 0, max: n + 20 }),
    y: fc.integer({ min: 0, max: n + 20 }),
  }),
);

describe('int8Dot', () => {
  it('multiplies like the plain sum of products, whatever the length and offsets', () => {
    fc.assert(
      fc.property(vectorsPair, ({ n, bytes, x, y }) => {
        const data = Int8Array.from(bytes);
        expect(int8Dot(data).dot(x, y, n)).toBe(reference(data, x, y, n));
        expect(int8Dot(data, { simd: false }).dot(x, y, n)).toBe(reference(data, x, y, n));
      }),
      { numRuns: 300 },
    );
  });

  it('does not overflow at the extremes of 100 dimensions', () => {
    const data = new Int8Array(200).fill(-128);
    expect(int8Dot(data).dot(0, 100, 100)).toBe(100 * 128 * 128);
    data.fill(127, 100);
    expect(int8Dot(data).dot(0, 100, 100)).toBe(-100 * 128 * 127);
  });
});
