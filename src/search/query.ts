import { transliterate } from 'transliteration';
import { isVague, VAGUE_WEIGHT } from './chat.js';
import { CompoundVocabulary, isCompounding, splitCompound } from './compound.js';
import { FuzzyVocabulary, type FuzzyMatch } from './fuzzy.js';
import type { SearchIndex } from './index.js';
import { CAPITALIZES_NOUNS, CYRILLIC, LANGUAGES, type Language } from './language.js';
import { SoundVocabulary } from './names.js';
import { fold, isStopword, termOf } from './normalize.js';
import type { QueryGroup } from './rank.js';
import type { WordVectors } from './vectors.js';
import { englishSuperlative, type Degree } from './superlative.js';

/**
 * The question's content words made into what ranking looks up: each word as the index terms it may
 * stand for (itself, its corrections if misspelled, the compounds holding it).
 */

/** A fuzzy guess counts for less than the word itself, and less with each edit. */
export const FUZZY_WEIGHT = [1, 0.7, 0.45];
/**
 * Stems are matched fuzzily only for words this long: inflected long words are where a misspelling
 * and another ending add up past the edit bound (Russian, German), and short stems have too many
 * neighbours ("wann" is not "warn"). Chosen with `npm run bench:quality -- --typos`; figures in docs/benchmarks.md.
 */
export const STEM_FUZZY_MIN_LENGTH = 7;
/**
 * What a compound holding a question's word counts for ("Spieler" in "Verteidigungsspieler"): a hit,
 * but a weaker one than the word itself, since the compound may be about something else; higher
 * weights cost questions with typos. Chosen with `npm run bench:quality`; figures in docs/search.md
 * ("Tuning notes").
 */
const COMPOUND_WEIGHT = 0.3;

const compoundCache = new WeakMap<SearchIndex, CompoundVocabulary>();

function compoundsFor(index: SearchIndex): CompoundVocabulary {
  let c = compoundCache.get(index);
  if (!c) compoundCache.set(index, (c = new CompoundVocabulary(index.postings.keys())));
  return c;
}

const fuzzyCache = new WeakMap<SearchIndex, { words: FuzzyVocabulary; terms: FuzzyVocabulary }>();

/** The fuzzy vocabularies of an index, built on first use: its surface words, and its stems. */
function fuzzyFor(index: SearchIndex): { words: FuzzyVocabulary; terms: FuzzyVocabulary } {
  let f = fuzzyCache.get(index);
  if (!f) fuzzyCache.set(index, (f = { words: new FuzzyVocabulary(index.words.keys()), terms: new FuzzyVocabulary(index.postings.keys()) }));
  return f;
}

/**
 * Whether a word the articles lack is one edit from a word they have: then it is more likely that
 * word misspelled ("Hafemauer" for "Hafenmauer") than a compound of two other words ("Hafe" +
 * "Mauer"). Figures in docs/benchmarks.md.
 */
function nearlyKnown(index: SearchIndex, word: string): boolean {
  return fuzzyFor(index)
    .words.search(word)
    .some((m) => m.edits <= 1);
}

/**
 * Each content word of the question as a group of terms: itself, or its likely corrections; or, for
 * a question in another language than the articles', its translations (see `translatedGroup`).
 */
export function queryGroups(
  index: SearchIndex,
  words: readonly string[],
  language: Language,
  translate?: Translate,
  names: ReadonlySet<string> = new Set(),
  degrees: ReadonlyMap<string, Degree> = new Map(),
): QueryGroup[] {
  const compoundsOf = compoundTerms(index, language);
  const groups: QueryGroup[] = [];
  const seen = new Set<string>();
  // The question's words the articles use as written: what a misspelling's corrections are read beside.
  const context = translate
    ? undefined
    : contextOf(
        index,
        words.map((w) => termOf(w, language)).filter((t) => index.postings.has(t)),
      );
  for (const word of words) {
    // A superlative's marker ("plus" in "la plus grande") is said by the adjective's superlative.
    if (translate && degrees.get(word) === 'marker') continue;
    // Across languages a word the articles use as written ("NASA", "Pedro") is their term for it,
    // not the stem the question's language would give it.
    const term = (translate && index.words.get(word)) || termOf(word, language);
    if (seen.has(term)) continue;
    seen.add(term);
    const translated = translate && fromOtherLanguage(index, word, term, language, superlativeOf(index, translate, degrees.get(word)), names);
    if (translated) groups.push(...translated);
    else if (index.postings.has(term)) groups.push({ word, terms: [{ term, weight: 1 }, ...compoundsOf(term, word)], idf: index.idf(term) });
    // A number means just itself: 2027 is not a misspelling of 2028.
    else if (!/\p{L}/u.test(word)) groups.push({ word, terms: [], idf: index.idf('') });
    else groups.push(...(compoundParts(index, word, language, seen, compoundsOf) ?? [correctedGroup(index, word, term, seen, context)]));
  }
  const common = LANGUAGES.get(language)!.common;
  for (const g of groups) if (common.has(g.word)) g.common = true;
  return groups;
}

/**
 * The groups with each vague word's (see `isVague`), its other namings too ("guy": "man"), searched
 * and counted for VAGUE_WEIGHT of a plain word's.
 */
export function withVagueWords(groups: QueryGroup[], language: Language): QueryGroup[] {
  return groups.map((g) =>
    isVague(g.word, language) ? { ...g, idf: g.idf * VAGUE_WEIGHT, terms: g.terms.map((t) => ({ ...t, weight: t.weight * VAGUE_WEIGHT })) } : g,
  );
}

/** The compounds of the articles a term is part of, at their weight: none in a language that does not compound. */
type CompoundTerms = (term: string, word?: string) => Array<{ term: string; weight: number }>;

/** In a compounding language a word also matches, for less, the compounds it is part of. */
function compoundTerms(index: SearchIndex, language: Language): CompoundTerms {
  const compounds = isCompounding(language) ? compoundsFor(index) : undefined;
  return (t, w) =>
    (compounds?.containing(t, w && fold(w)) ?? []).map((term) => ({
      term,
      // Scored at the part's idf, not the compound's: the compound's rarity is not the question's.
      weight: COMPOUND_WEIGHT * Math.min(1, index.idf(t) / index.idf(term)),
    }));
}

/**
 * The groups of a word of a question in another language than the articles': undefined when it is
 * to be read as the articles' own word (see `queryGroups`).
 */
function fromOtherLanguage(
  index: SearchIndex,
  word: string,
  term: string,
  language: Language,
  translate: Translate,
  names: ReadonlySet<string>,
): QueryGroup[] | undefined {
  // A word the articles use as it is written is kept as it is: mostly a name ("Pedro Castillo" is
  // not "Peter Castle"), or a word both languages share ("test", "NASA").
  if (!index.words.has(word)) return acrossLanguages(index, word, language, translate, names.has(word) && !CAPITALIZES_NOUNS.has(language));
  // A word the articles use that is no name may still be a word of the question's language that
  // English articles happen to hold ("media" in "a media asta" is half): its translations join it.
  // German capitalizes every noun, so there a capital is no sign of a name, and its nouns English
  // holds as names or rare words ("Kraft", "Spiel", "Art") are joined too; the word itself keeps
  // its full weight, so a name still finds itself.
  if (names.has(word) && !CAPITALIZES_NOUNS.has(language)) return undefined;
  const translated = translatedGroups(index, word, translate);
  if (!translated || translated.length !== 1) return undefined;
  return [{ ...translated[0]!, terms: [{ term, weight: 1 }, ...translated[0]!.terms.filter((t) => t.term !== term)] }];
}

/** A compound the articles do not use ("Hauptbesatzung"): its parts, each a word of the question. */
function compoundParts(
  index: SearchIndex,
  word: string,
  language: Language,
  seen: Set<string>,
  compoundsOf: CompoundTerms,
): QueryGroup[] | undefined {
  const parts = isCompounding(language) && !nearlyKnown(index, word) ? splitCompound(word, language, (t) => index.df(t)) : undefined;
  if (!parts) return undefined;
  const fresh = parts.filter((part) => !seen.has(part) && seen.add(part));
  return fresh.map((part) => ({ word, terms: [{ term: part, weight: 1 }, ...compoundsOf(part)], idf: index.idf(part) }));
}

/**
 * A misspelled word: the articles' words it may stand for, and (for an inflected form the articles
 * do not use) the stems its own stem may stand for.
 */
function correctedGroup(index: SearchIndex, word: string, term: string, seen: ReadonlySet<string>, context?: (term: string) => number): QueryGroup {
  const fuzzy = fuzzyFor(index);
  const slip = (a: string, b: string) => undoubled(a) === undoubled(b);
  const corrections: Correction[] = [
    ...nearestFirst(fuzzy.words.search(word, Infinity)).map((m) => ({ term: index.words.get(m.word)!, edits: m.edits, slip: slip(m.word, word) })),
    ...(word.length >= STEM_FUZZY_MIN_LENGTH ? fuzzy.terms.search(term) : []).map((m) => ({
      term: m.word,
      edits: m.edits,
      slip: slip(m.word, term),
    })),
  ];
  const terms = [...likeliest(index, corrections, context), ...(CYRILLIC.test(word) ? latinSpellings(index, word) : [])]
    // A word with digits ("Intrenet2") is corrected to words with the same digits ("internet2", not "internet3").
    .filter((t) => t.weight > 0 && !seen.has(t.term) && digitsOf(t.term) === digitsOf(word))
    .sort((a, b) => b.weight - a.weight);
  // One entry per term, at its best weight (the list is sorted best first).
  const unique = [...new Map([...terms].reverse().map((t) => [t.term, t])).values()].reverse();
  const idf = unique.length ? Math.max(...unique.map((t) => index.idf(t.term))) : index.idf('');
  return { word, terms: unique, idf };
}

/**
 * A question word's translations into the articles' language, as the concepts it holds (two for a
 * compound: "Leichensäcke" → corpse, bag), each with its alternatives; none: the word is left as it is.
 */
export type Translate = (word: string, superlative?: boolean) => ReadonlyArray<readonly string[]> | undefined;

/**
 * For an adjective said in a superlative ("más grande", "самый большой", "größte"; see
 * superlative.ts), a translation into English superlatives: each alternative as its superlative
 * where the articles use that word ("large" → largest, "big" → biggest), one without dropped
 * ("major"). The adjective's plain translations when none is used: a long adjective's superlative
 * is "most" and itself, and a word read as a superlative by its ending may be none ("nächste"). A
 * word read so by its suffix keeps its own translations beside them ("jüngste": youngest, and the
 * word list's latest, last).
 */
function superlativeOf(index: SearchIndex, translate: Translate, degree: Degree | undefined): Translate {
  if (degree !== 'marked' && degree !== 'suffixed') return translate;
  return (word) => {
    const own = translate(word);
    const adjective = translate(word, true);
    const superlatives = adjective?.map((alternatives) =>
      alternatives.map(englishSuperlative).filter((s) => !isStopword(s, TRANSLATED_TO) && index.postings.has(termOf(s, TRANSLATED_TO))),
    );
    if (!superlatives?.length || superlatives.some((s) => s.length === 0)) return own;
    // The word's own senses, where the word list has it apart from the adjective ("jüngste" → last).
    const senses =
      degree === 'suffixed' && own?.length === 1 && superlatives.length === 1 ? own[0]!.filter((t) => !adjective!.flat().includes(t)) : [];
    return senses.length ? [[...superlatives[0]!, ...senses]] : superlatives;
  };
}

/**
 * A word of a question in another language than the articles' as the articles' terms of its
 * translations, one group per concept. A concept's weight is split between the alternatives the
 * articles use (by the square root of their number): a paragraph usually holds one sense of a
 * word, and senses the folder never uses ("abogado" → intercessor) cannot be what it means there.
 * Figures in docs/benchmarks.md.
 */
function translatedGroups(index: SearchIndex, word: string, translate: Translate): QueryGroup[] | undefined {
  const concepts = translate(word);
  if (!concepts) return undefined;
  const groups: QueryGroup[] = [];
  for (const alternatives of concepts) {
    // A word that only translates to function words ("comme" → like, "contre" → on) asks for nothing.
    const content = alternatives.filter((t) => !isStopword(t, TRANSLATED_TO));
    const terms = new Set(content.map((t) => termOf(t, TRANSLATED_TO)));
    const found = [...terms].filter((t) => index.postings.has(t));
    if (found.length > 0)
      groups.push({
        word,
        terms: found.map((t) => ({ term: t, weight: 1 / Math.sqrt(found.length) })),
        idf: Math.max(...found.map((t) => index.idf(t))),
      });
    else if (content.length > 0) return undefined;
  }
  return groups;
}

/**
 * A word of a question in another language than the articles', which they do not use as written:
 * a Cyrillic name as the Latin spelling it sounds like ("Смита" → Smith) unless the lexicon
 * translates it and no word sounds just like it ("Кении" → Kenya), else its translations,
 * else a Cyrillic word's Latin spellings ("Ковид"), else its own stem where the articles have it
 * (the cognates French and Spanish share with English: "pandémie" → pandem), else a Latin word's
 * spellings a few letters off ("Kenia" → Kenya, see `cognateGroup`). A word none of these
 * finds is left out, unless it is a name: the lexicon's gap says nothing of the articles, while a
 * name they do not have says the question is about something else.
 */
function acrossLanguages(index: SearchIndex, word: string, language: Language, translate: Translate, isName: boolean): QueryGroup[] {
  const cyrillic = CYRILLIC.test(word);
  const latin = () => nameGroup(index, word, latinSpellings(index, word));
  const translated = translatedGroups(index, word, translate);
  // A name the lexicon translates that sounds only roughly like a word of the articles is one
  // English writes its own way ("Кения" is Kenya, not "Kenai"; "Испания" Spain, not "España").
  if (cyrillic && isName && (!translated?.length || soundsExactly(index, word))) {
    const group = latin();
    if (group) return [group];
  }
  if (translated) return translated;
  const spelled = cyrillic ? latin() : undefined;
  if (spelled) return [spelled];
  const term = termOf(word, language);
  if (!cyrillic && index.postings.has(term)) return [{ word, terms: [{ term, weight: 1 }], idf: index.idf(term) }];
  const cognate = cyrillic ? undefined : cognateGroup(index, word);
  if (cognate) return [cognate];
  return isName ? [{ word, terms: [], idf: index.idf('') }] : [];
}

/** How long a word must be for `cognateGroup` to look for it: shorter ones have too many neighbours. */
const COGNATE_MIN_LENGTH = 4;

/**
 * A Latin-script word neither the lexicon nor the articles know, as the articles' words a few
 * letters from it, weighed as a misspelling's corrections (see `likeliest`): a name written the
 * question's way ("Kenia", "Apolo" → Kenya, Apollo) or with its ending ("Luthers" → Luther), or a
 * cognate ("intercepción" → interception). Left out, such words cost more questions over a large
 * news folder than the odd chance likeness does (figures in docs/benchmarks.md).
 */
function cognateGroup(index: SearchIndex, word: string): QueryGroup | undefined {
  const folded = fold(word);
  if (folded.length < COGNATE_MIN_LENGTH) return undefined;
  const corrections = fuzzyFor(index)
    .words.search(folded)
    .map((m) => ({ term: index.words.get(m.word)!, edits: m.edits, slip: false }));
  const terms = likeliest(index, corrections).filter((t) => t.weight > 0);
  if (terms.length === 0) return undefined;
  return { word, terms, idf: Math.max(...terms.map((t) => index.idf(t.term))) };
}

/** Whether a Cyrillic word sounds just like one of the articles' Latin words (see `names.ts`). */
function soundsExactly(index: SearchIndex, word: string): boolean {
  return soundsOf(index).match(word)[0]?.edits === 0;
}

function nameGroup(index: SearchIndex, word: string, terms: Array<{ term: string; weight: number }>): QueryGroup | undefined {
  if (terms.length === 0) return undefined;
  const unique = [...new Map([...terms].sort((a, b) => a.weight - b.weight).map((t) => [t.term, t])).values()].sort((a, b) => b.weight - a.weight);
  return { word, terms: unique, idf: Math.max(...unique.map((t) => index.idf(t.term))) };
}

/** The language the lexicon translates into. */
export const TRANSLATED_TO: Language = 'en';

/**
 * The groups with a word the question says more than once ("Michael Kovrig … Where is Kovrig
 * from?", or two forms of one: "elected … election") counting once per time it is said, as BM25
 * counts a query's repeated terms (Lucene does too): questions that set the scene and then ask
 * name their subject twice. For ranking only: confidence asks how much of the question a paragraph
 * covers, and counting repeats there made the bot decline fewer off-topic questions. Figures in
 * docs/benchmarks.md.
 */
export function repeated(groups: readonly QueryGroup[], words: readonly string[], language: Language): QueryGroup[] {
  const said = new Map<string, number>();
  for (const w of words) {
    const t = termOf(w, language);
    said.set(t, (said.get(t) ?? 0) + 1);
  }
  return groups.map((g) => {
    const n = said.get(termOf(g.word, language)) ?? 1;
    return n < 2 ? g : { ...g, idf: g.idf * n, terms: g.terms.map((t) => ({ ...t, weight: t.weight * n })) };
  });
}

/**
 * The question's words as the meaning match reads them: a misspelling has no vector, so its likeliest
 * correction among the articles' words stands in for it (it recovers most of what typos cost; figures in docs/benchmarks.md).
 */
export function meaningWords(index: SearchIndex, vectors: WordVectors, words: readonly string[]): string[] {
  return words.map((w) => {
    if (vectors.id(w) !== undefined || index.words.has(w) || /\p{N}/u.test(w)) return w;
    return (
      fuzzyFor(index)
        .words.search(w)
        .find((m) => vectors.id(m.word) !== undefined)?.word ?? w
    );
  });
}

/** How many corrections within the allowed edits are weighed by `likeliest` for a misspelled word, at least. */
const FUZZY_CANDIDATES = 12;
/** How many of them the question keeps. */
const FUZZY_KEPT = 3;

/**
 * The corrections `likeliest` weighs (`found` closest first): every one at the fewest edits, however
 * many, and further ones up to FUZZY_CANDIDATES. Which of a dozen one-edit words fuse.js happens to
 * list first says nothing of which the reader meant, and the rare one beside the question's other
 * words is the one context should find.
 */
function nearestFirst(found: readonly FuzzyMatch[]): readonly FuzzyMatch[] {
  const fewest = found[0]?.edits;
  return found.filter((m, i) => i < FUZZY_CANDIDATES || m.edits === fewest);
}

/** A word of the articles a misspelling may stand for, as its index term. */
interface Correction {
  term: string;
  edits: number;
  /** Whether it is the misspelling with a doubled letter typed once ("leter" for "letter"). */
  slip: boolean;
}

/**
 * The likeliest corrections of a misspelling, as a noisy channel reads it: fewer edits first, and
 * among equal edits the word the articles use most ("seson" is "season" sooner than "seton"); a
 * rarer word counts for less, by the square root of its share of the likeliest one's paragraphs.
 * A doubled letter typed once ("leter", "adress") is the commonest slip, so such a correction counts
 * as if the articles used its word DOUBLE_SLIP times as often ("letter" before the likelier "later").
 * And a word is likelier where the question's other words are (`context`): one whose paragraph
 * holds them all counts as if used CONTEXT_ODDS times as often ("orgin" beside "blue" and "reef" is
 * "origin", not the commoner "organ"). Corrections of the word and of its stem are weighed together.
 */
function likeliest(
  index: SearchIndex,
  corrections: readonly Correction[],
  context?: (term: string) => number,
): Array<{ term: string; weight: number }> {
  const best = new Map<string, Correction>();
  for (const c of corrections) {
    const known = best.get(c.term);
    if (!known || c.edits < known.edits || (c.edits === known.edits && c.slip && !known.slip)) best.set(c.term, c);
  }
  const unique = [...best.values()];
  const besides = (term: string) => (context && unique.length > 1 ? CONTEXT_ODDS ** context(term) : 1);
  const prior = (c: Correction) => index.df(c.term) * (c.slip ? DOUBLE_SLIP : 1) * besides(c.term);
  const most = new Map<number, number>();
  for (const c of unique) most.set(c.edits, Math.max(most.get(c.edits) ?? 0, prior(c)));
  return unique
    .map((c) => ({ term: c.term, weight: (FUZZY_WEIGHT[c.edits] ?? 0) * Math.sqrt(prior(c) / (most.get(c.edits) || 1)) }))
    .sort((a, b) => b.weight - a.weight)
    .slice(0, FUZZY_KEPT);
}

const DOUBLE_SLIP = 4;
/**
 * Set by hand, not tuned: a correction among all the question's other words outweighs one used up to
 * this many times as often that is not. Figures in docs/benchmarks.md ("Misspellings as a noisy channel").
 */
const CONTEXT_ODDS = 100;

/**
 * How much of the question's other words (`known`, index terms) a term keeps company with: the
 * largest share of their weight (idf) that one paragraph holding the term also holds, its headline
 * included, in [0, 1]. A paragraph, not an article: a long article holds most common words
 * ("organization" beside "Blue Origin").
 */
function contextOf(index: SearchIndex, known: readonly string[]): (term: string) => number {
  const total = known.reduce((s, t) => s + index.idf(t), 0);
  const memo = new Map<string, number>();
  return (term) => {
    let best = memo.get(term);
    if (best !== undefined) return best;
    best = 0;
    for (const doc of total > 0 ? (index.postings.get(term)?.docs ?? []) : []) {
      const headline = index.headlineTerms[index.docArticle[doc]!]!;
      let held = 0;
      for (const t of known) if (t !== term && (headline.has(t) || holds(index.postings.get(t)!.docs, doc))) held += index.idf(t);
      best = Math.max(best, held / total);
    }
    memo.set(term, best);
    return best;
  };
}

/** Whether sorted `docs` hold `doc`. */
function holds(docs: Int32Array, doc: number): boolean {
  let lo = 0;
  let hi = docs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (docs[mid] === doc) return true;
    if (docs[mid]! < doc) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

function undoubled(word: string): string {
  return word.replace(/(\p{L})\1+/gu, '$1');
}

function digitsOf(word: string): string {
  return word.replace(/\P{N}/gu, '');
}

/** The sound keys of an index's Latin words (see `names.ts`), built on first use. */
const soundCache = new WeakMap<SearchIndex, SoundVocabulary>();

function soundsOf(index: SearchIndex): SoundVocabulary {
  let sounds = soundCache.get(index);
  if (!sounds) soundCache.set(index, (sounds = new SoundVocabulary(index.words.keys())));
  return sounds;
}

/** How many Latin spellings a Cyrillic word keeps: the closest, and those one edit further. */
const NAME_CANDIDATES = 3;

/**
 * A Cyrillic word the articles lack may be a name they write in Latin letters ("Грайнер" for
 * "Griner", "Интернет2" for "Internet2"): the articles' words that sound like it (see `names.ts`),
 * the closest spelling at a fuzzy guess's one-edit weight, and, failing that, the words near its
 * plain transliteration, at one edit more than they are from it. Figures in docs/benchmarks.md.
 */
function latinSpellings(index: SearchIndex, word: string): Array<{ term: string; weight: number }> {
  const matches = soundsOf(index).match(word);
  const closest = matches[0]?.edits ?? 0;
  const alike = matches
    .filter((m) => m.edits <= closest + 1)
    .slice(0, NAME_CANDIDATES)
    .map((m) => ({ term: index.words.get(m.word)!, weight: FUZZY_WEIGHT[m.edits === closest ? 1 : 2]! }));
  const latin = transliterate(word).toLowerCase().replace(/'/g, '');
  const exact = index.words.get(latin);
  return [
    ...alike,
    ...(exact ? [{ term: exact, weight: FUZZY_WEIGHT[1]! }] : []),
    ...fuzzyFor(index)
      .words.search(latin)
      .map((m) => ({ term: index.words.get(m.word)!, weight: FUZZY_WEIGHT[m.edits + 1] ?? 0 })),
  ].filter((t) => t.weight > 0);
}
