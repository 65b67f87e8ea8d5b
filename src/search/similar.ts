import { detectLanguage, LANGUAGES, type Language } from './language.js';
import { isStopword, termOf, wordsOf } from './normalize.js';

export interface AskedQuestion {
  text: string;
  language: string | null | undefined;
}

export interface QuestionGroup<Q extends AskedQuestion> {
  /** The wording asked most often in the group (the newest of equals, when the input is newest first). */
  text: string;
  questions: Q[];
}

/** Questions whose terms overlap this much (shared / all, Jaccard) are taken as one question reworded. */
const SAME_QUESTION = 0.5;

/** The question's terms as the index makes them: its words without stopwords, stemmed and folded. */
export function questionTerms(text: string, language: string | null | undefined): Set<string> {
  const words = wordsOf(text);
  const lang: Language = language && LANGUAGES.has(language as Language) ? (language as Language) : detectLanguage(words);
  const content = words.filter((w) => !isStopword(w, lang));
  return new Set((content.length > 0 ? content : words).map((w) => termOf(w, lang)));
}

function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  const all = a.size + b.size - shared;
  return all === 0 ? 1 : shared / all;
}

/**
 * Near-duplicate questions together ("when does the bridge reopen?", "When will the bridge
 * reopen"): each joins the first group whose first question shares at least half of their terms,
 * else starts one. Largest groups first. Linear in groups per question: meant for the few thousand
 * a retention period keeps.
 */
export function groupQuestions<Q extends AskedQuestion>(questions: readonly Q[]): Array<QuestionGroup<Q>> {
  const groups: Array<{ terms: Set<string>; questions: Q[] }> = [];
  for (const q of questions) {
    const terms = questionTerms(q.text, q.language);
    const group = groups.find((g) => overlap(g.terms, terms) >= SAME_QUESTION);
    if (group) group.questions.push(q);
    else groups.push({ terms, questions: [q] });
  }
  return groups.map((g) => ({ text: mostAsked(g.questions), questions: g.questions })).sort((a, b) => b.questions.length - a.questions.length);
}

/** The wording asked most often, compared without case and surrounding space. */
function mostAsked(questions: readonly AskedQuestion[]): string {
  const counts = new Map<string, { text: string; n: number }>();
  for (const q of questions) {
    const key = q.text.trim().toLowerCase();
    const c = counts.get(key) ?? { text: q.text.trim(), n: 0 };
    c.n++;
    counts.set(key, c);
  }
  return [...counts.values()].reduce((best, c) => (c.n > best.n ? c : best)).text;
}
