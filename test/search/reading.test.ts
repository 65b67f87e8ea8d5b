import { describe, expect, it } from 'vitest';
import { analyzeText, SearchIndex } from '../../src/search/index.js';
import { wordsOf } from '../../src/search/normalize.js';
import { splitSentences } from '../../src/search/passage.js';
import { sentencesOf } from '../../src/search/reading.js';
import { article } from './fixture.js';

// Invented lines: curly quotes, abbreviations that do not end a sentence, accents written both
// composed and decomposed, numbers, one-letter leftovers ("Russia’s") and a short fragment.
const TEXTS = [
  'Mayor Helena Marsh’s plan passed 7-2 on Monday. Mr. Okafor, 54, voted against it! “We will appeal,” he said.',
  'The café in Zu\u0308rich reopened on Jan. 3. Its owner said sales rose 12% in 2024; prices did not.',
  'Short. Then a longer sentence about the tram line that links the harbour with the campus?',
  'No full stop at the end of this line about the derby winner',
];
const GERMAN = 'Der Stadtrat stimmte am Montag für die neue Straßenbahn. Die Bauarbeiten beginnen 2026. Die Spieler gewannen die Spiele.';

describe("a paragraph's sentences as the answer check reads them", () => {
  const index = SearchIndex.build([article('en', 'Council news', TEXTS), article('de', 'Stadtrat', [GERMAN])]);

  it('gives each sentence its words and the terms it has read alone, in its article language or another', () => {
    for (let doc = 0; doc < index.documentCount; doc++) {
      const text = index.articles[index.docArticle[doc]!]!.paragraphs[index.docParagraph[doc]!]!.text.normalize('NFC');
      const alone = splitSentences(text).map((s) => text.slice(s.start, s.end));
      for (const language of ['en', 'de'] as const) {
        const read = sentencesOf(index, doc, language);
        expect(read.map((s) => s.sentence)).toEqual(alone);
        expect(read.map((s) => s.words)).toEqual(alone.map((s) => wordsOf(s)));
        expect(read.map((s) => s.terms)).toEqual(alone.map((s) => analyzeText(s, language)));
      }
    }
  });

  it('reads a German article in German: the same text stems differently in English', () => {
    const doc = index.documentCount - 1;
    expect(index.articleLanguage(index.docArticle[doc]!)).toBe('de');
    expect(sentencesOf(index, doc, 'de').at(-1)!.terms).not.toEqual(sentencesOf(index, doc, 'en').at(-1)!.terms);
  });
});
