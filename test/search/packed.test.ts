import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/articles/types.js';
import { analyzeArticle, analyzeArticles, analyzeText, SearchIndex } from '../../src/search/index.js';
import { isStopword, wordsOf } from '../../src/search/normalize.js';
import { packAnalysis, type PackedAnalysis } from '../../src/search/packed.js';
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

/**
 * Each indexed paragraph's terms in order and its distinct words as the index keeps them (what
 * answering reads instead of the text), beside what its text gives.
 */
function expectParagraphsAsTheirText(index: SearchIndex): void {
  for (let doc = 0; doc < index.documentCount; doc++) {
    const article = index.docArticle[doc]!;
    const text = index.articles[article]!.paragraphs[index.docParagraph[doc]!]!.text;
    const language = index.articleLanguage(article);
    const words = wordsOf(text).filter((w) => !isStopword(w, language));
    expect(index.data.docTerms && index.data.docWords).toBeDefined();
    expect(index.paragraphTerms(doc)).toEqual(analyzeText(text, language));
    expect(index.paragraphWords(doc)).toEqual([...new Set(words)]);
    // An index without them (a database's candidates) reads the same from the text.
    const { docTermAt: _t, docTerms: _d, docWordAt: _w, docWords: _v, allWords: _a, ...bare } = index.data;
    const fromText = new SearchIndex(bare);
    expect(fromText.paragraphTerms(doc)).toEqual(index.paragraphTerms(doc));
    expect(fromText.paragraphWords(doc)).toEqual(index.paragraphWords(doc));
  }
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
    expectParagraphsAsTheirText(index);
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
    expectParagraphsAsTheirText(index);
  });
});

describe('analysing a file in one pass (as a reload reads each file)', () => {
  // Two articles in one language, so words and stopwords met before are met again; a title word
  // that no paragraph has; a word repeated inside a paragraph and across paragraphs.
  const more = [
    ...file,
    article('pier2', 'Pier ferries return', ['Ferries returned to the pier on Friday, and the ferries were full.', 'The pier stays open.']),
    article('hafen2', 'Hafen Fähren', ['Die Fähren kehrten am Freitag in den Hafen zurück, und die Fähren waren voll.']),
  ];

  it('gives the same index as analysing each article apart and packing them', () => {
    const apart = packAnalysis(more.map(analyzeArticle));
    const oneGo = analyzeArticles(more);
    const build = (packed: PackedAnalysis) =>
      runSteps(SearchIndex.fromPackedSteps(more.map((a, at) => ({ article: a, source: a, packed, at })))).data;
    expect({ ...build(oneGo), builtAt: 0 }).toEqual({ ...build(apart), builtAt: 0 });
    expect(oneGo.languages).toEqual(['en', 'de', 'ru', 'en', 'de']);
    expectParagraphsAsTheirText(runSteps(SearchIndex.fromPackedSteps(more.map((a, at) => ({ article: a, source: a, packed: oneGo, at })))));
    expect([...new Set(oneGo.strings)].sort()).toEqual([...new Set(apart.strings)].sort());
  });

  it('lists each article its own words once, with their terms', () => {
    const packed = analyzeArticles(more);
    const pairsOf = (at: number) =>
      Array.from(packed.words.subarray(packed.wordAt[at], packed.wordAt[at + 1]), (w, i) => [
        packed.strings[w],
        packed.strings[packed.wordTerms[packed.wordAt[at]! + i]!],
      ]);
    expect(pairsOf(3)).toEqual(analyzeArticle(more[3]!).words);
    expect(pairsOf(0)).toEqual(analyzeArticle(more[0]!).words);
  });

  it('shares one string among the files of a reload', () => {
    const shared = new Map<string, string>();
    const first = analyzeArticles([more[0]!], shared);
    const second = analyzeArticles([more[3]!], shared);
    const pier = (p: PackedAnalysis) => p.strings.find((s) => s === 'pier');
    expect(pier(second)).toBe(pier(first));
    expect(shared.has('ferri')).toBe(true);
  });
});
