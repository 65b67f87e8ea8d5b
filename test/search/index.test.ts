import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answer } from '../../src/search/answer.js';
import { SearchIndex } from '../../src/search/index.js';
import { detectLanguage, replyLanguage, type Language } from '../../src/search/language.js';
import { capitalizedWordsOf, termOf, tokenize, wordsOf } from '../../src/search/normalize.js';
import type { Article } from '../../src/articles/types.js';
import { article, GERMAN, NEWS, RUSSIAN } from './fixture.js';
import { where } from './helpers.js';

const index = SearchIndex.build(NEWS);
const words = (s: string) => tokenize(s).map((t) => t.word);

describe('language detection', () => {
  it('reads each article in its own language, without being told', () => {
    const languages = Object.fromEntries(NEWS.map((a, i) => [a.id, index.articleLanguage(i)]));
    expect(languages).toEqual({
      council: 'en',
      transfer: 'en',
      storm: 'en',
      earnings: 'en',
      science: 'en',
      bridge: 'ru',
      radwege: 'de',
      sequia: 'es',
    });
  });

  it('the main language is the one most paragraphs are written in', () => {
    expect(index.language).toBe('en');
    // Three paragraphs in one language against one in the other, in either order of the articles.
    const oneParagraph = (a: Article) => ({ ...a, paragraphs: a.paragraphs.slice(0, 1) });
    expect(SearchIndex.build([oneParagraph(RUSSIAN), GERMAN]).language).toBe('de');
    expect(SearchIndex.build([GERMAN, oneParagraph(RUSSIAN)]).language).toBe('de');
    expect(SearchIndex.build([oneParagraph(GERMAN), RUSSIAN]).language).toBe('ru');
    expect(SearchIndex.build([RUSSIAN, oneParagraph(GERMAN)]).language).toBe('ru');
    expect(SearchIndex.build(NEWS.filter((a) => a.id === 'sequia')).language).toBe('es');
  });

  it.each([
    ['Who won the election in the city of Riverton last spring?', 'en'],
    ['Wie viele Kilometer Radwege will die Stadt bis zum Jahr 2028 bauen?', 'de'],
    ['¿Cuántos pueblos tendrán que recibir agua en camiones?', 'es'],
    ['Сколько стоило строительство нового моста через Волгу?', 'ru'],
  ])('questions too: %s → %s', (q, lang) => {
    expect(detectLanguage(words(q))).toBe(lang);
  });

  it('a question with no telling words is read in the fallback language of its script', () => {
    expect(detectLanguage(words('Hamburg Radwege'), 'de')).toBe('de');
    expect(detectLanguage(words('Казань мост'), 'en')).toBe('ru');
    expect(detectLanguage(words('Lumatech cloud'), 'ru')).toBe('en');
  });

  it('a question is read in the language of its stopwords, whatever script its names are in', () => {
    expect(detectLanguage(words('Что делала компания Tesla Electric Light & Manufacturing?'), 'ru')).toBe('ru');
    expect(detectLanguage(words('Where is the Большой театр?'), 'en')).toBe('en');
  });

  it.each([
    ['¿Qué dijo el alcalde sobre el tranvía?', 'es'],
    ['Wer ist der Bürgermeister?', 'de'],
    ['Кто мэр?', 'ru'], // another script than the articles'
    ['Où est née Lara Trump ?', 'fr'], // one stopword, and a question word the stopword list lacks
    ['Quand est né Victor Hugo ?', 'fr'],
    ['de gaulle airport strike', 'en'], // one Spanish stopword, and it is part of a name
    ['la liga results', 'en'],
    ['hola', 'en'], // no telling word at all
  ])('replies to "%s" in %s over English articles', (q, lang) => {
    const w = words(q);
    expect(replyLanguage(w, detectLanguage(w, 'en'), 'en')).toBe(lang);
  });

  it.each([
    ['de gaulle airport strike', 'fr', 'fr'], // unclear: the reader's app language
    ['hola', 'es', 'es'],
    ['Trump Brief?', 'de', 'de'],
    ['¿Qué dijo el alcalde sobre el tranvía?', 'de', 'es'], // clear: the question's own
    ['What did the mayor say about the tram?', 'ru', 'en'],
    ['Кто мэр?', 'en', 'ru'],
  ])('replies to "%s" from a reader whose app is in %s in %s', (q, reader, lang) => {
    const w = words(q);
    expect(replyLanguage(w, detectLanguage(w, 'en'), 'en', reader as Language)).toBe(lang);
  });

  it('a question quoting another language is read in the index language when the stopwords tie', () => {
    // "in", "welchem", "der" against "in", "on", "the": German articles, German question.
    const question = words('In welchem Jahr erschien der Song „Fog on the Tyne“?');
    expect(detectLanguage(question, 'de')).toBe('de');
    expect(detectLanguage(question, 'en')).toBe('en');
  });
});

describe('what gets indexed', () => {
  it('indexes the same words the question side reads, for any text', () => {
    const text = fc.string({ unit: fc.constantFrom(...'aZé İ1 -’s.Ъx\u0301ß9', 'Jong-un', 'Zürich', 'ЁЛКА') });
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ unit: 'binary' })), (s) => {
        expect(wordsOf(s)).toEqual(words(s));
      }),
    );
  });

  it('reads plain English text (ASCII with curly quotes, dashes, ellipses) as the question side does', () => {
    const text = fc.string({ unit: fc.constantFrom(..."aBz Z09 I7-.,'’“”—–…\u2010\u2027\u2028\t", 'COVID-19', 'Russia’s', 'x\u0301', '‘A’') });
    fc.assert(
      fc.property(text, (s) => {
        expect(wordsOf(s)).toEqual(words(s));
      }),
      { numRuns: 500 },
    );
    expect(wordsOf('Kim Jong-un’s 2 letters — “I” said… a 9')).toEqual(['kim', 'jong', 'un', '2', 'letters', 'said', '9']);
  });

  it('finds the capitalized words after the first as tokenizing finds them, in ASCII and other text', () => {
    const capitalized = (s: string) => {
      const text = s.normalize('NFC');
      return tokenize(text)
        .filter((t) => t.start > 0 && /\p{Lu}/u.test(text[t.start]!))
        .map((t) => t.word);
    };
    const text = fc.string({ unit: fc.constantFrom(..."aBz Z09 I7-.,'’“”—\u2010", 'COVID-19', 'Zürich', 'x\u0301', 'Ёлка', 'İ') });
    fc.assert(
      fc.property(text, (s) => {
        expect(capitalizedWordsOf(s)).toEqual(capitalized(s));
      }),
      { numRuns: 500 },
    );
    expect(capitalizedWordsOf('Mayor Helena Marsh’s plan: I saw COVID-19 in Zürich')).toEqual(['helena', 'marsh', 'covid', 'zürich']);
  });

  it("stopwords of each article's language are not indexed", () => {
    for (const stop of ['the', 'of', 'and', 'will', 'die', 'und', 'das', 'los', 'el', 'que', 'через', 'почти']) {
      expect(index.postings.has(termOf(stop, 'en')) || index.postings.has(stop), stop).toBe(false);
    }
    // A stopword of one language can be a content word of another: only the article's own list applies.
    expect(index.words.has('die')).toBe(false);
  });

  it('a question made only of stopwords finds nothing to search for', () => {
    expect(answer(index, 'what is the').passages).toEqual([]);
  });

  it('content words are indexed by stem, so other forms of a word meet', () => {
    expect(termOf('flooded', 'en')).toBe(termOf('flooding', 'en'));
    expect(termOf('approved', 'en')).toBe(termOf('approval', 'en'));
    expect(termOf('homes', 'en')).toBe(termOf('home', 'en'));
    expect(termOf('моста', 'ru')).toBe(termOf('мост', 'ru'));
    expect(termOf('Radwege'.toLowerCase(), 'de')).toBe(termOf('radweg', 'de'));
    expect(termOf('embalses', 'es')).toBe(termOf('embalse', 'es'));
  });

  it('accents are folded: "Zürich" and "zurich" are one term', () => {
    expect(termOf('zürich', 'en')).toBe(termOf('zurich', 'en'));
    expect(termOf('camión', 'es')).toBe(termOf('camion', 'es'));
    expect(termOf('ещё', 'ru')).toBe(termOf('еще', 'ru'));
  });

  it('numbers are kept whole, not stemmed or split', () => {
    for (const n of ['2026', '240', '45', '140', '2028', '22']) expect(index.postings.has(n), n).toBe(true);
    for (const w of ['2026', '70th', 'covid19', '1990s']) expect(termOf(w, 'en')).toBe(w);
    expect(words('Flight MH370 landed at 10:45 in 2024.')).toEqual(['flight', 'mh370', 'landed', 'at', '10', '45', 'in', '2024']);
  });

  it('a number in the question finds the paragraph holding it', () => {
    const years = SearchIndex.build([
      ...NEWS,
      article('museum', 'City museum reopens', ['The city museum reopened after a renovation that began in 1998 and cost 40 million dollars.']),
    ]);
    expect(where(answer(years, 'What began in 1998?').passages[0])).toBe('museum#0');
  });

  it('counts every paragraph as a document and every article once', () => {
    expect(index.articles).toHaveLength(NEWS.length);
    expect(index.documentCount).toBe(NEWS.reduce((n, a) => n + a.paragraphs.length, 0));
    expect(SearchIndex.build([]).documentCount).toBe(0);
    expect(answer(SearchIndex.build([]), 'Who did Northbridge sign?')).toMatchObject({ passages: [], reason: 'not-found', articleCount: 0 });
  });
});
