import { describe, expect, it } from 'vitest';
import { parseVectorsJson, pruneVectors } from '../../scripts/build-vectors.js';
import { WordVectors } from '../../src/search/vectors.js';

/** A vectors file shaped like the package's: a word list, then each word's numbers plus two extra. */
function winkFile(vectors: Record<string, number[]>): string {
  const words = Object.keys(vectors);
  const entries = words.map((w, i) => `${JSON.stringify(w)}:[${[...vectors[w]!, 1, i].join(',')}]`);
  return `{"precision":8,"l2NormIndex":3,"wordIndex":4,"size":${words.length},"dimensions":3,"words":${JSON.stringify(words)},"vectors":{${entries.join(',')}},"unkVector":[0,0,0,0,0]}`;
}

const SAMPLE = { vectors: [1, 0, 0], ousted: [0.9, 0.1, -0.05], 'say "hi"': [0, 1, 0], café: [0, 0, 1.5e-1], '-1e-3': [-1e-3, 2, 0] };

describe('reading the vectors package file', () => {
  it('reads every word with its own numbers, skipping the bookkeeping ones and the word list', () => {
    const { words, floats, dimensions } = parseVectorsJson(Buffer.from(winkFile(SAMPLE)));
    expect(words).toEqual(Object.keys(SAMPLE));
    expect(dimensions).toBe(3);
    expect([...floats.subarray(3, 6)].map((x) => +x.toFixed(4))).toEqual([0.9, 0.1, -0.05]);
    expect([...floats.subarray(12, 15)].map((x) => +x.toFixed(4))).toEqual([-0.001, 2, 0]);
  });

  it('names what is wrong with a file that is not one', () => {
    expect(() => parseVectorsJson(Buffer.from('{"hello": 1}'))).toThrow(/not a word-vectors file/);
    expect(() => parseVectorsJson(Buffer.from('{"dimensions":3,"vectors":{"a":[1,2]}}'))).toThrow(/has 2 numbers, not 3/);
    expect(() => parseVectorsJson(Buffer.from('{"dimensions":3,"vectors":{"a":[1,x,2]}}'))).toThrow(/expected a number/);
  });
});

describe('choosing the words to ship', () => {
  const words = ['the', ',', 'minister', "'s", 'u.s.', 'premier', 'e-mail', 'x', 'banana', 'café'];
  const floats = Float32Array.from(words.flatMap((_, i) => [Math.cos(i), Math.sin(i), i % 3]));
  const source = { words, floats, dimensions: 3 };

  it('keeps the first words, in order, that the search can ask about', () => {
    const kept = pruneVectors(source, 4);
    expect(Array.from({ length: kept.size }, (_, i) => kept.word(i))).toEqual(['the', 'minister', 'premier', 'banana']);
    expect(pruneVectors(source, 100).size).toBe(5);
  });

  it('gives each kept word the same similarities as the whole set', () => {
    const all = WordVectors.fromFloats(words, floats, 3);
    const kept = pruneVectors(source, 100);
    const sim = (v: WordVectors, a: string, b: string) => v.similarity(v.id(a)!, v.id(b)!);
    for (const [a, b] of [
      ['minister', 'premier'],
      ['the', 'café'],
      ['banana', 'minister'],
    ] as const)
      expect(sim(kept, a, b)).toBe(sim(all, a, b));
  });
});
