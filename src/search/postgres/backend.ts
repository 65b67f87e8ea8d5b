import type { SqlDb } from '../../state/sql.js';
import { answer } from '../answer.js';
import { expandShorthand } from '../chat.js';
import { otherNamingTerms } from '../register.js';
import { allowedEdits, editDistance } from '../fuzzy.js';
import { SearchIndex, type CorpusStats } from '../index.js';
import { detectLanguage, type Language } from '../language.js';
import { installedLexicon } from '../lexicon.js';
import { isStopword, termOf, tokenize } from '../normalize.js';
import { HEADING_MAX_WORDS } from '../fit.js';
import { SHORT_PARAGRAPH_TERMS } from '../neighbour.js';
import { FUZZY_WEIGHT, STEM_FUZZY_MIN_LENGTH, TRANSLATED_TO } from '../query.js';
import type { Answer, AnswerOptions } from '../types.js';
import { CandidateIndex, type CandidateArticle } from './candidates.js';
import { B, K1 } from './schema.js';

/**
 * How many paragraphs PostgreSQL hands over per question, best BM25 first. The product's ranking then
 * runs over their articles' paragraphs that hold a question term; answer() keeps 20 of its own first
 * pass, and more room here keeps the same 20 when the rest of the pipeline (headlines, answer check)
 * reorders them. 40 keep the quality figures of 60 (benchmarks.md) and cost a fifth less.
 */
const CANDIDATES = 40;
/**
 * Postings each selecting term hands over, best BM25 weight first: enough that the paragraphs which
 * hold several of the question's terms are among them (a term in fewer paragraphs hands over all).
 */
const PER_TERM = 400;
/**
 * Paragraphs (per candidate wanted) scored over all the question's terms, best first by the postings
 * read: each is a probe of the postings per question term, the statement's largest cost.
 */
const RESCORED = 2;
/**
 * The best candidates whose articles also hand over the paragraph before each paragraph holding a
 * question term: answer() reads it only in its answer check, for the best article's paragraphs (a
 * paragraph may say "she" for whom the one before names), and the best article is among these.
 */
const CONTEXT_CANDIDATES = 10;
/**
 * A term in more than this share of paragraphs does not select candidates when the question has a
 * rarer one (it still scores them): matching "year" alone would hand over most of the archive, and
 * a paragraph holding only the common words of a question is seldom its best answer.
 */
const COMMON_SHARE = 0.1;
/** Corrections PostgreSQL's trigram index proposes per misspelled word, checked against the edit bound here. */
const TRIGRAM_CANDIDATES = 12;

const LINK = /\b(?:https?:\/\/|www\.)\S+/giu;

interface Totals {
  paragraphs: number;
  avgLength: number;
  articles: number;
  languages: Language[];
  oldest: number;
  newest: number;
}

/**
 * answer() over articles kept in PostgreSQL (see docs/search.md, "PostgreSQL backend"): the database
 * finds the candidate paragraphs (BM25 over the product's own terms, misspellings corrected by
 * trigram similarity against the vocabulary), and the product's ranking, passage trimming and
 * abstention run over the candidates' articles with the whole corpus's statistics, read from the
 * database, so scores are those the embedded index would give.
 */
export class PostgresSearch {
  private readonly candidateCount: number;
  private readonly perTerm: number;
  private lastTotals: Totals | undefined;

  /**
   * `candidates`: paragraphs taken from the database per question; `perTerm`: postings read per
   * question term (tests lower them to reach the edge cases).
   */
  constructor(
    private readonly db: SqlDb,
    options: { candidates?: number; perTerm?: number } = {},
  ) {
    this.candidateCount = options.candidates ?? CANDIDATES;
    this.perTerm = options.perTerm ?? PER_TERM;
  }

  async answer(question: string, options: AnswerOptions = {}): Promise<Answer> {
    // The corpus's totals come in the statement that reads the question's vocabulary, which is read
    // with the last totals' languages (and read again in the rare case they changed): one round trip.
    const guess = this.lastTotals ?? (await this.totals());
    let read = await this.queryTerms(question, guess);
    if (read.totals.languages.join() !== guess.languages.join()) read = await this.queryTerms(question, read.totals);
    const { terms, corrections, vocabulary, totals } = read;
    this.lastTotals = totals;
    const df = new Map<string, number>();
    for (const [t, n] of terms) df.set(t, n);
    for (const c of corrections) df.set(c.term, c.df);
    const candidates = new CandidateIndex(await this.candidates(terms, corrections, totals), [
      ...vocabulary,
      ...corrections.map((c) => [c.word, c.term] as const),
    ]);
    let index = new SearchIndex(candidates.data());
    // The unknown word's idf (see `SearchIndex.idf('')`): no paragraph holds the empty term.
    df.set('', 0);
    const missing = new Set<string>();
    const corpus: CorpusStats = {
      documentCount: totals.paragraphs,
      avgDocLength: totals.avgLength,
      articleCount: totals.articles,
      languages: totals.languages,
      oldest: totals.oldest,
      newest: totals.newest,
      df(term) {
        const n = df.get(term);
        if (n !== undefined) return n;
        missing.add(term);
        return index.postings.get(term)?.docs.length ?? 0;
      },
    };
    // Terms the pipeline looked up beyond the question's own (compounds, corrections found in the
    // vocabulary): their frequencies and their postings in the candidates are fetched and the answer
    // computed again with them.
    let result = answer(new SearchIndex(index.data, corpus), question, options);
    for (let round = 0; round < 3 && missing.size > 0; round++) {
      const wanted = [...missing];
      missing.clear();
      const rows = await this.db.query<{ term: string; df: string | null; article_id: string | null; position: number | null; tf: number | null }>(
        `select term, df, null as article_id, null as position, null as tf from search_terms where term = any($1)
         union all
         select term, null, article_id, position, tf from search_postings where article_id = any($2::bigint[]) and term = any($1)`,
        [wanted, candidates.articleIds],
        { name: 'search_more_terms' },
      );
      for (const t of wanted) df.set(t, 0);
      for (const r of rows.rows) {
        if (r.df !== null) df.set(r.term, Number(r.df));
        else candidates.add(r.article_id!, r.position!, r.term, r.tf!);
      }
      index = new SearchIndex(candidates.data());
      result = answer(new SearchIndex(index.data, corpus), question, options);
    }
    return result;
  }

  /** Corpus-wide counts (read with each question's vocabulary, so newly stored articles count at once). */
  private async totals(): Promise<Totals> {
    const r = await this.db.query<{ totals: TotalsRow }>(`select ${TOTALS} as totals`);
    return totalsOf(r.rows[0]?.totals);
  }

  /**
   * The terms the question may be looking for, with their document frequencies (0: the articles lack
   * it), and the vocabulary's likely corrections of words the articles lack.
   */
  private async queryTerms(
    question: string,
    totals: Totals,
  ): Promise<{ terms: Map<string, number>; corrections: Correction[]; vocabulary: Array<[word: string, term: string]>; totals: Totals }> {
    const main = totals.languages[0] ?? 'en';
    const written = tokenize(question.replace(LINK, ' ')).map((t) => t.word);
    const language = detectLanguage(written, main);
    const words = [...new Set([...written, ...expandShorthand(written, language, () => 0)])].filter((w) => !isStopword(w, language));
    const wanted = new Set<string>();
    for (const w of words) wanted.add(termOf(w, language));
    // Other namings of the question's words ("doj" → the Justice Department): see `register.ts`.
    for (const t of otherNamingTerms(words, language)) wanted.add(t);
    // A question in a language no article is in may be translated (see `translator` in question.ts).
    // The word list (over 100 MB in memory) is read only once a question needs translating, as answer() reads it.
    const lexicon = !totals.languages.includes(language) && totals.languages.includes(TRANSLATED_TO) ? installedLexicon() : undefined;
    if (lexicon?.has(language)) {
      for (const w of words)
        for (const concept of lexicon.translate(w, language) ?? []) for (const t of concept) wanted.add(termOf(t, TRANSLATED_TO));
    }
    // Words the articles use as written stand for their own term ("NASA" across languages).
    // One round trip: the question's words the articles use (with their terms), and the terms' frequencies.
    const rows = await this.db.query<{ word: string | null; term: string | null; df: string | null; totals: TotalsRow | null }>(
      // One array of keys, not "= any($2) or in (…)", which the planner serves with a whole-table scan.
      `with w as (select word, term from search_words where word = any($1))
       select word, term, null as df, null::json as totals from w
       union all
       select null, t.term, t.df, null from search_terms t where t.term = any($2::text[] || array(select term from w))
       union all
       select null, null, null, ${TOTALS}`,
      [words, [...wanted]],
      { name: 'search_vocabulary' },
    );
    const terms = new Map<string, number>([...wanted].map((t) => [t, 0]));
    const knownWords = new Set<string>();
    const vocabulary: Array<[string, string]> = [];
    let totalsRow: TotalsRow | undefined;
    for (const r of rows.rows) {
      if (r.totals !== null) totalsRow = r.totals;
      else if (r.word !== null) {
        knownWords.add(r.word);
        vocabulary.push([r.word, r.term!]);
        if (!terms.has(r.term!)) terms.set(r.term!, 0);
      } else terms.set(r.term!, Number(r.df));
    }
    const unknown = words.filter((w) => !knownWords.has(w) && !terms.get(termOf(w, language)) && /\p{L}/u.test(w) && allowedEdits(w.length) > 0);
    const stems = unknown.filter((w) => w.length >= STEM_FUZZY_MIN_LENGTH).map((w) => termOf(w, language));
    const corrections = [...(await this.corrections(unknown)), ...(await this.stemCorrections(stems))];
    return { terms, corrections, vocabulary, totals: totalsOf(totalsRow) };
  }

  /** Vocabulary words within the allowed edits of each misspelled word, found through the trigram index. */
  private async corrections(words: readonly string[]): Promise<Correction[]> {
    if (words.length === 0) return [];
    const r = await this.db.query<{ query: string; word: string; term: string; df: string }>(
      `select q.w as query, s.word, s.term, coalesce(t.df, 0) as df from unnest($1::text[]) q(w)
       cross join lateral (select word, term from search_words where lower(word) % q.w order by similarity(lower(word), q.w) desc, word limit $2) s
       left join search_terms t on t.term = s.term`,
      [words, TRIGRAM_CANDIDATES],
      { name: 'search_corrections' },
    );
    return withinEdits(r.rows);
  }

  /** Stems within the allowed edits of a long misspelled word's stem (an inflected form the articles lack), as query.ts matches them. */
  private async stemCorrections(stems: readonly string[]): Promise<Correction[]> {
    if (stems.length === 0) return [];
    const r = await this.db.query<{ query: string; word: string; term: string; df: string }>(
      `select q.s as query, s.term as word, s.term, s.df from unnest($1::text[]) q(s)
       cross join lateral (select term, df from search_terms where lower(term) % q.s order by similarity(lower(term), q.s) desc, term limit $2) s`,
      [stems, TRIGRAM_CANDIDATES],
      { name: 'search_stem_corrections' },
    );
    return withinEdits(r.rows);
  }

  /**
   * The articles of the best paragraphs by BM25 over the terms, each term held by at least one of
   * them, in stored order, each with only the paragraphs answer() can use: those holding a question
   * term, the one before each (it names whom a paragraph calls "she"), the first (it tells a
   * headline from an opening), the second (it tells an article of one paragraph from a longer
   * one) and those beside a short one (a passage shows it with one of them). Paragraphs holding none of the terms never score, and analysing whole articles cost more
   * than all the rest of a question.
   */
  private async candidates(terms: ReadonlyMap<string, number>, corrections: readonly Correction[], totals: Totals): Promise<CandidateArticle[]> {
    const { all, weights, selecting } = searchedTerms(terms, corrections, totals);
    if (all.length === 0) return [];
    const rows = await this.db.query<CandidateArticle>(
      CANDIDATES_SQL,
      [
        all,
        all.map((t) => weights.get(t)!),
        all.map((t) => selecting.has(t)),
        totals.avgLength || 1,
        this.candidateCount,
        this.perTerm,
        RESCORED * this.candidateCount,
        CONTEXT_CANDIDATES,
        // A heading's terms are at most its words, and a headline ending in an abbreviation has one word more.
        Math.max(HEADING_MAX_WORDS + 1, SHORT_PARAGRAPH_TERMS),
      ],
      // Parsed and planned once per connection: planning this statement cost a tenth of running it.
      { name: 'search_candidates' },
    );
    return rows.rows;
  }
}

/**
 * The question's terms and the corrections' with their BM25 weights (a correction at its own weight
 * times its idf), and those that select candidates: the rare ones, when any is rare.
 */
function searchedTerms(
  terms: ReadonlyMap<string, number>,
  corrections: readonly Correction[],
  totals: Totals,
): { all: string[]; weights: Map<string, number>; selecting: Set<string> } {
  const weights = new Map<string, number>();
  const idf = (df: number) => Math.log(1 + (totals.paragraphs - df + 0.5) / (df + 0.5));
  for (const [t, df] of terms) if (df > 0) weights.set(t, idf(df));
  for (const c of corrections) if (c.df > 0) weights.set(c.term, Math.max(weights.get(c.term) ?? 0, c.weight * idf(c.df)));
  const dfOf = (t: string) => terms.get(t) ?? corrections.find((c) => c.term === t)?.df ?? 0;
  const all = [...weights.keys()];
  const rare = all.filter((t) => dfOf(t) <= COMMON_SHARE * totals.paragraphs);
  return { all, weights, selecting: new Set(rare.length > 0 ? rare : all) };
}

/** A posting's BM25 in the candidates statement (`q.w`: the term's weight; $4: the mean paragraph length). */
const BM25 = `q.w * s.tf * ${K1 + 1} / (s.tf + ${K1} * (${1 - B} + ${B}::float8 * s.length / $4::float8))`;

// One statement: each selecting term's best postings by their BM25 weight (an index range read,
// however frequent the term), the paragraphs best by the postings read, those scored again over
// all the question's terms, the best ones' articles, one more article for every term none of them
// holds (the product tells a known word from a misspelling by whether its index has the word),
// and those articles' paragraphs that answer() can use (see `candidates`).
const CANDIDATES_SQL = `with q as (select * from unnest($1::text[], $2::float8[], $3::bool[]) q(term, w, selecting)),
       cand as (
         select s.article_id, s.position from q
         cross join lateral search_best_postings(q.term, $6) s
         where q.selecting
         group by s.article_id, s.position
         order by sum(${BM25}) desc, s.article_id, s.position
         limit $7),
       best as (
         select c.article_id, c.position, sum(${BM25}) as score
         from cand c
         cross join q
         cross join lateral (select tf, length from search_postings s
           where s.article_id = c.article_id and s.term = q.term and s.position = c.position offset 0) s
         group by c.article_id, c.position
         order by score desc, c.article_id, c.position
         limit $5),
       ids as (select distinct article_id from best),
       covering as (
         select (select s.article_id from search_postings s where s.term = q.term limit 1) as article_id from q
         where not exists (select 1 from ids cross join lateral (select 1 from search_postings s
           where s.article_id = ids.article_id and s.term = q.term limit 1) s)),
       chosen as (select article_id from ids union select article_id from covering where article_id is not null),
       -- Each (article, term) a probe of the primary key ("offset 0" keeps the planner from merging the
       -- lateral reads into a join that, knowing no sizes, reads every posting of each term).
       held as (
         select s.article_id, s.position, q.term, s.tf from chosen c
         cross join q
         cross join lateral (select s.article_id, s.position, s.tf from search_postings s
           where s.article_id = c.article_id and s.term = q.term offset 0) s),
       heldp as (select article_id, position, json_object_agg(term, tf) as terms from held group by article_id, position),
       lead as (select article_id from best order by score desc, article_id, position limit $8),
       wanted as (
         select article_id, position from heldp
         union select article_id, position - 1 from heldp where position > 0 and article_id = any(array(select article_id from lead))
         union select article_id, 0 from chosen
         -- the second paragraph tells answer() an article of one paragraph from one whose first alone matches (see articleSupport in rank.ts)
         union select article_id, 1 from chosen
         -- the paragraphs beside a short one (or a line short enough to be a heading): answer() shows
         -- one of them with it (see withBody and withNeighbour)
         union select h.article_id, h.position + d.step from heldp h
           join search_paragraphs p on p.article_id = h.article_id and p.position = h.position
           cross join (values (-1), (1)) d(step) where p.length <= $9 and h.position + d.step >= 0),
       paras as (
         select w.article_id, json_agg(json_build_object('position', p.position, 'index', p.index, 'text', p.text, 'length', p.length, 'terms', h.terms)
           order by p.position) as paragraphs
         from wanted w
         join search_paragraphs p on p.article_id = w.article_id and p.position = w.position
         left join heldp h on h.article_id = w.article_id and h.position = w.position
         group by w.article_id)
       select a.article_id, a.language, a.meta, paras.paragraphs
       from search_articles a join paras using (article_id)
       order by a.article_id`;

/** The corpus's totals as one JSON value (counts as text: bigint sums may pass 2^53 in principle). */
const TOTALS = `(select json_build_object('paragraphs', s.paragraphs::text, 'total_length', s.total_length::text, 'articles', s.articles::text,
    'languages', (select coalesce(json_agg(language order by paragraphs desc, language), '[]') from search_languages where paragraphs > 0),
    'oldest', (select min(published_ms) from search_articles), 'newest', (select max(published_ms) from search_articles))
  from search_stats s)`;

interface TotalsRow {
  paragraphs: string;
  total_length: string;
  articles: string;
  languages: Language[];
  oldest: number | null;
  newest: number | null;
}

function totalsOf(row: TotalsRow | undefined): Totals {
  const paragraphs = Number(row?.paragraphs ?? 0);
  return {
    paragraphs,
    avgLength: paragraphs ? Number(row!.total_length) / paragraphs : 0,
    articles: Number(row?.articles ?? 0),
    languages: row?.languages ?? [],
    oldest: row?.oldest ?? NaN,
    newest: row?.newest ?? NaN,
  };
}

interface Correction {
  /** The vocabulary's word (a stem correction: the term itself). */
  word: string;
  term: string;
  df: number;
  weight: number;
}

/** The trigram index's proposals that are within the edit bound of the word they correct. */
function withinEdits(rows: ReadonlyArray<{ query: string; word: string; term: string; df: string }>): Correction[] {
  const out: Correction[] = [];
  for (const row of rows) {
    const max = allowedEdits(row.query.length);
    const edits = editDistance(row.query, row.word, max);
    if (edits <= max) out.push({ word: row.word, term: row.term, df: Number(row.df), weight: FUZZY_WEIGHT[edits] ?? 0 });
  }
  return out;
}
