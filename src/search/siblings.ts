import type { SearchIndex } from './index.js';
import type { QueryGroup } from './rank.js';
import { articleRange } from './article-range.js';
import { neverSays } from './check.js';
import { writtenWords } from './normalize.js';
import { nameSurface } from './proper-names.js';
import { paragraphOf } from './lookup.js';
import type { WordVectors } from './vectors.js';

/**
 * A word of the question the folder never writes, whose place the answer's article gives to a name
 * of the same kind: a question about a new moon of Jupiter answered from a story on a moon of
 * Saturn. The folder cannot say whether "jupiter" is a name (it never writes it), nor is it rare
 * (the word vectors know it, so `unknownWord` lets it be), but the article names "Saturn" again and
 * again, and the word vectors hold the two as near as a planet to a planet: the story is about
 * another one of the kind. Only a word the folder lacks: one it writes as a name is judged by that
 * (see `missingName`), one it writes as a word may be the paraphrase of a sibling ("kids" of
 * "children"). As for names, an article of one paragraph leaves most of its story unsaid.
 */

/**
 * How near (cosine of the word vectors) a name of the article must be to the question's word to
 * stand in its place: planets, countries, cities and first names sit at 0.7-0.8 of their kin,
 * everyday neighbours ("new" and "mexico", "bought" and "seized") below 0.5.
 */
export const SIBLING = 0.7;

/** The question's word (as written) that the folder lacks and whose sibling article `article` names instead, with that name. */
export function siblingInPlace(
  index: SearchIndex,
  groups: readonly QueryGroup[],
  article: number,
  vectors: WordVectors | undefined,
): { asked: string; named: string } | undefined {
  if (!vectors) return undefined;
  const asked = groups.filter((g) => /^\p{L}+$/u.test(g.word) && g.terms.every((t) => t.weight < 1) && vectors.id(g.word) !== undefined);
  if (asked.length === 0) return undefined;
  const own = new Set(groups.map((g) => g.word));
  const range = articleRange(index.docArticle, article);
  for (const g of asked) {
    if (!neverSays(index, g, article)) continue;
    const id = vectors.id(g.word)!;
    // The article's words written with a capital, near the asked one: each then judged as a name.
    const near = new Map<string, { term: string; docs: number[] }>();
    for (let doc = range.from; doc < range.to; doc++) {
      const text = paragraphOf(index, doc).text;
      for (const { term, written } of writtenWords(text, index.articleLanguage(article))) {
        if (!/^\p{Lu}/u.test(written)) continue;
        const word = written.toLowerCase();
        if (own.has(word)) continue;
        let entry = near.get(word);
        if (!entry) {
          const other = vectors.id(word);
          if (other === undefined || vectors.similarity(id, other) < SIBLING) continue;
          near.set(word, (entry = { term, docs: [] }));
        }
        if (entry.docs.at(-1) !== doc) entry.docs.push(doc);
      }
    }
    for (const { term, docs } of near.values()) {
      const named = nameSurface(index, term, docs);
      if (named) return { asked: g.word.charAt(0).toUpperCase() + g.word.slice(1), named };
    }
  }
  return undefined;
}

/**
 * An outcome asked of a named event, answered from a story whose title names another event of its
 * kind: "what won best picture at the oscars in 2025" answered from the Golden Globes' night, whose
 * story mentions the Oscars in passing ("likely an Oscar best-picture contender"). The outcome a
 * story reports is its title's: the Globes', not the Oscars'. The question's word must be a name by
 * the other candidates' usage (see `missingName`), the title's word one of the word vectors' near
 * kin of it (see SIBLING) that the question does not say. Only for questions asking who or what won
 * (`outcome`, see `asksOutcome`; the caller also asks for a year named): a story about one thing may
 * well say what another came to. An article of one paragraph says nothing either way, as for names.
 */
export function otherTitled(
  index: SearchIndex,
  groups: readonly QueryGroup[],
  outcome: boolean,
  article: number,
  candidates: readonly number[],
  vectors: WordVectors | undefined,
): { asked: string; named: string; term: string } | undefined {
  if (!vectors || !outcome) return undefined;
  const range = articleRange(index.docArticle, article);
  if (range.to - range.from <= 1) return undefined;
  const own = new Set(groups.map((g) => g.word));
  const title = index.articles[article]!.title;
  const titled = writtenWords(title, index.articleLanguage(article)).filter(
    ({ written }) => /^\p{Lu}/u.test(written) && !own.has(written.toLowerCase()) && vectors.id(written.toLowerCase()) !== undefined,
  );
  if (titled.length === 0) return undefined;
  const titleTerms = index.titleTerms[article]!;
  const others = candidates.filter((doc) => index.docArticle[doc] !== article);
  for (const g of groups) {
    const id = vectors.id(g.word);
    const term = g.terms.find((t) => t.weight >= 1)?.term;
    if (id === undefined || !term || titleTerms.has(term)) continue;
    const kin = titled.find(({ written }) => vectors.similarity(id, vectors.id(written.toLowerCase())!) >= SIBLING);
    if (!kin) continue;
    const asked = nameSurface(
      index,
      term,
      others.filter((doc) => index.paragraphTerms(doc).includes(term)),
    );
    if (asked) return { asked, named: kin.written, term };
  }
  return undefined;
}
