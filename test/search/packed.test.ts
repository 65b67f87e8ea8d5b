import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/articles/types.js';
import { analyzeArticle, SearchIndex } from '../../src/search/index.js';
import { packAnalysis } from '../../src/search/packed.js';
import { runSteps } from '../../src/steps.js';
import { article } from './fixture.js';

const file = [
  article('pier', 'Harbour pier opens', [
    'The harbour authority opened the new pier on Tuesday after two years of work on the harbour.',
    'Sign up for our newsletter to get the harbour news.',
    'Ferries will dock at the pier from May.',
  ]),
  article('hafen', 'Neue Mole im Hafen', ['Der Hafen öffnete die neue Mole am Dienstag nach zwei Jahren Bauzeit für die Fähren.']),
  article('port', 'Порт открыл причал', ['Порт открыл новый причал во вторник после двух лет строительства и ремонта.']),
];

/** What each term's postings must be: every paragraph indexed that holds it, with how often, by brute force over the analyses. */
function expectedPostings(indexed: readonly Article[]): Map<string, Array<[doc: number, freq: number]>> {
  const out = new Map<string, Array<[number, number]>>();
  let doc = 0;
  for (const a of indexed) {
    const analyzed = analyzeArticle(a);
    for (const terms of analyzed.paragraphs) {
      for (const t of new Set(terms)) {
        if (!out.has(t)) out.set(t, []);
        out.get(t)!.push([doc, terms.filter((x) => x === t).length]);
      }
      doc++;
    }
  }
  return out;
}

function postingsOf(index: SearchIndex): Map<string, Array<[number, number]>> {
  return new Map([...index.postings].map(([t, p]) => [t, Array.from(p.docs, (d, i): [number, number] => [d, p.freqs[i]!])]));
}

describe('an index assembled from packed analyses (as a live reload keeps them)', () => {
  const packed = packAnalysis(file.map(analyzeArticle));

  it('lists every paragraph that holds a term, with how often, in every language', () => {
    const index = runSteps(SearchIndex.fromPackedSteps(file.map((a, at) => ({ article: a, source: a, packed, at }))));
    expect(new Set(index.data.languages).size).toBe(3);
    expect(postingsOf(index)).toEqual(expectedPostings(file));
    expect(index.titleTerms.map((t) => [...t])).toEqual(file.map((a) => [...new Set(analyzeArticle(a).title)]));
  });

  it('leaves out the paragraphs duplicate removal left out of an article, and their words', () => {
    const pier = file[0]!;
    const narrowed = { ...pier, paragraphs: pier.paragraphs.filter((p) => p.index !== 1) };
    const indexed = [narrowed, file[1]!, file[2]!];
    const index = runSteps(SearchIndex.fromPackedSteps(indexed.map((a, at) => ({ article: a, source: file[at]!, packed, at }))));
    expect(postingsOf(index)).toEqual(expectedPostings(indexed));
    expect(Array.from(index.docParagraph.subarray(0, 2))).toEqual([0, 1]);
    expect(index.words.has('newsletter')).toBe(false);
    expect(index.words.has('ferries')).toBe(true);
  });
});
