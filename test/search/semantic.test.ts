import { describe, expect, it } from 'vitest';
import { answer } from '../../src/search/answer.js';
import { meaningWords } from '../../src/search/query.js';
import { SearchIndex } from '../../src/search/index.js';
import { MeaningMatch } from '../../src/search/semantic.js';
import { WordVectors } from '../../src/search/vectors.js';
import { article } from './fixture.js';
import { where } from './helpers.js';
import { realVectors } from './vectors.js';

/** Hand-made vectors: "ousted" and "dismissed" point almost the same way, "banana" elsewhere. */
function tinyVectors(): WordVectors {
  const table: Record<string, number[]> = {
    ousted: [1, 0.1, 0],
    dismissed: [0.95, 0.2, 0],
    minister: [0, 1, 0],
    premier: [0.1, 0.9, 0.1],
    banana: [0, 0, 1],
    against: [-1, 0, 0],
  };
  const words = Object.keys(table);
  return WordVectors.fromFloats(words, Float32Array.from(words.flatMap((w) => table[w]!)), 3);
}

const cosine = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0) / Math.hypot(...a) / Math.hypot(...b);

describe('word vectors', () => {
  it('similarity is 1 for a word with itself, high for near words, low for unrelated ones', () => {
    const v = tinyVectors();
    const id = (w: string) => v.id(w)!;
    expect(v.similarity(id('ousted'), id('ousted'))).toBe(1);
    expect(v.similarity(id('ousted'), id('dismissed'))).toBeGreaterThan(0.95);
    expect(Math.abs(v.similarity(id('ousted'), id('banana')))).toBeLessThan(0.05);
    expect(v.similarity(id('ousted'), id('against'))).toBeLessThan(-0.9);
    expect(v.id('unknownword')).toBeUndefined();
  });

  it('rejects data that does not fit its words and dimensions', () => {
    expect(() => new WordVectors('ab', Uint32Array.of(0, 1, 2), new Int8Array(5), new Float32Array(2), 3)).toThrow(RangeError);
  });

  it('finds every word, and only those, whatever order they came in', () => {
    const words = ['zebra', 'ábaco', 'apple', 'app', 'apples', 'Zebra', 'мост', 'a', 'apple'];
    const v = WordVectors.fromFloats(words, Float32Array.from(words.flatMap((_, i) => [i + 1, 1, 0])), 3);
    expect(v.size).toBe(8); // "apple" twice is one word, with its first vector
    for (const w of words) expect(v.word(v.id(w)!)).toBe(w);
    for (const w of ['', 'ap', 'applesauce', 'zebras', 'b', 'мосты']) expect(v.id(w)).toBeUndefined();
    // The first "apple" (vector [3, 1, 0]) is kept, not the second ([9, 1, 0]).
    expect(v.similarity(v.id('apple')!, v.id('app')!)).toBeCloseTo(cosine([3, 1, 0], [4, 1, 0]), 2);
    expect(v.similarity(v.id('apple')!, v.id('app')!)).not.toBeCloseTo(cosine([9, 1, 0], [4, 1, 0]), 2);
  });
});

describe('meaning match', () => {
  const docs = [
    article('pm', 'Politics', ['The president dismissed the minister on Tuesday.']),
    article('fruit', 'Markets', ['The banana harvest was poor on Tuesday.']),
    article('vote', 'Votes', ['Ten members voted against the minister.']),
  ];
  const index = SearchIndex.build(docs);
  const doc = (id: string) => index.docArticle.indexOf(index.articles.findIndex((a) => a.id === id));
  const score = (match: MeaningMatch, id: string) => match.score(doc(id));

  it('scores a paragraph saying the same in other words above one that does not', () => {
    const match = new MeaningMatch(tinyVectors(), index, ['ousted', 'premier'], 'en');
    expect(score(match, 'pm')).toBeGreaterThan(0.8);
    expect(score(match, 'fruit')).toBeLessThan(0.2);
  });

  it('counts an opposite-pointing word as no match, never below zero', () => {
    const match = new MeaningMatch(tinyVectors(), index, ['ousted'], 'en');
    expect(score(match, 'vote')).toBeGreaterThanOrEqual(0);
    expect(score(match, 'vote')).toBeLessThan(0.2);
  });

  it('is 0 when no question word has a vector (names, other scripts)', () => {
    expect(score(new MeaningMatch(tinyVectors(), index, ['zelensky', 'мост'], 'en'), 'pm')).toBe(0);
  });

  it('counts a name the vectors lack by whether the paragraph says it, so a story naming it beats one with only the common words', () => {
    const named = SearchIndex.build([
      article('pier', 'Harbour news', ['The council ousted the harbour board over Saveourpier.', 'Saveourpier began last spring.']),
      article('other', 'Politics', ['The president ousted the minister on Tuesday.']),
    ]);
    const at = (id: string) => named.docArticle.indexOf(named.articles.findIndex((a) => a.id === id));
    const match = new MeaningMatch(tinyVectors(), named, ['ousted', 'saveourpier'], 'en');
    // Both say "ousted"; only the pier story says the name, which has no vector.
    expect(match.score(at('pier'))).toBeCloseTo(1, 5);
    expect(match.score(at('other'))).toBeLessThan(0.6);
  });
});

const vectors = await realVectors();

describe('answering with the shipped English word vectors', () => {
  const index = SearchIndex.build([
    article('strike', 'Car plant strike enters second week', [
      'Workers at the car plant in Ohio walked out on Wednesday over pay, the union said.',
      'The union wants a raise of twelve percent over the next three years.',
    ]),
    // Two paragraphs, one matching: an article of one paragraph would gain its paragraph's own score
    // as its support in ranking (see articleSupport), and word match alone would then pick it too.
    article('oscars', 'Academy picks no host', [
      'The Academy Awards ceremony will take place without a presenter for the second year in a row.',
      'Tickets for the gala dinner went on sale on Monday.',
    ]),
    article('ship', 'Cargo ship blocks the canal', [
      'A container vessel ran aground and blocked the Suez Canal for six days, holding up hundreds of ships.',
    ]),
  ]);

  it('ranks the paragraph that answers in other words first, where word match alone picks another', () => {
    const q = 'Is there a host for the Oscars this year?';
    expect(where(answer(index, q, { vectors, minConfidence: 0 }).passages[0])).toBe('oscars#0');
    expect(where(answer(index, q, { minConfidence: 0 }).passages[0])).not.toBe('oscars#0');
  });

  it("a misspelled word counts for meaning through its correction among the articles' words", () => {
    expect(meaningWords(index, vectors, ['presentor', 'ceremoy', 'oscars', '2026', 'zzzzqx'])).toEqual([
      'presenter',
      'ceremony',
      'oscars',
      '2026',
      'zzzzqx',
    ]);
  });

  it('does not touch questions in other languages', () => {
    const withSpanish = SearchIndex.build([
      ...index.articles,
      article('canal', 'Un buque bloquea el canal', [
        'Un portacontenedores encalló y bloqueó el canal de Suez durante seis días, retrasando a cientos de barcos.',
      ]),
    ]);
    const q = '¿Cuántos días bloqueó el barco el canal?';
    const plain = answer(withSpanish, q);
    const withVectors = answer(withSpanish, q, { vectors });
    // Both answer (an abstention on both sides would prove nothing), and answer the same, to the score.
    expect(plain.passages.map(where)[0]).toBe('canal#0');
    expect(withVectors).toEqual(plain);
  });
});
