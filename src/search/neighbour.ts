import type { Paragraph } from '../articles/types.js';
import type { SearchIndex } from './index.js';
import { STRONG, type Slot } from './slots.js';
import { slotStrength } from './slot-strength.js';
import { readsAsHeading } from './fit.js';
import { wordsOf } from './normalize.js';
import { splitSentences } from './passage.js';

/**
 * A paragraph of at most this many index terms (about 50 words) is shown with a neighbour: news is
 * written in paragraphs of a sentence or two, and the fact asked about is often in the one beside
 * the paragraph that repeats the question's words. Chosen with `npm run bench:reader` (held-out
 * halves); figures in docs/benchmarks.md.
 */
export const SHORT_PARAGRAPH_TERMS = 30;
/** Two paragraphs longer than this together are not joined: a joined passage is shown whole and must stay a short read. */
export const MAX_JOINED_CHARS = 600;

/** What a passage shows: the paragraph answer() chose, alone or with a neighbour. */
export interface Shown {
  /** Under the chosen paragraph's number; its text is the neighbour's and its own, in the article's order. */
  paragraph: Paragraph;
  /** The neighbour's paragraph number, when one is shown with it. */
  neighbour?: number;
}

/** What the question asks for, as the answer check reads it (see `askedOf`). */
export interface Wanted {
  slot: Slot | undefined;
  said: ReadonlySet<string>;
}

/**
 * The short paragraph `doc` with the paragraph after it, or with the one before when that one holds
 * a stronger answer of the kind asked for (a distance for "how far"): one passage under `doc`'s
 * number. Never across articles, never with a heading-like line (it opens another section), and not
 * when the two run longer than MAX_JOINED_CHARS.
 */
export function withNeighbour(index: SearchIndex, doc: number, wanted: Wanted | undefined): Shown {
  const paragraphs = index.articles[index.docArticle[doc]!]!.paragraphs;
  const at = index.docParagraph[doc]!;
  const paragraph = paragraphs[at]!;
  if (index.docLength[doc]! > SHORT_PARAGRAPH_TERMS) return { paragraph };
  const before = paragraphs[at - 1];
  const after = paragraphs[at + 1];
  const [own, sb, sa] = [strength(paragraph, wanted), strength(before, wanted), strength(after, wanted)];
  // One that holds a strong answer ("12 million euros" for "how much") is shown alone unless a
  // neighbour holds one as strong: more text would only bury it (and gained no right answer).
  if (own === STRONG && Math.max(sb, sa) < STRONG) return { paragraph };
  const useBefore = before !== undefined && sb > sa;
  const other = useBefore ? before : after;
  if (!other || readsAsHeading(other.text)) return { paragraph };
  const text = useBefore ? `${other.text} ${paragraph.text}` : `${paragraph.text} ${other.text}`;
  if (text.length > MAX_JOINED_CHARS) return { paragraph };
  return { paragraph: { index: paragraph.index, text }, neighbour: other.index };
}

/**
 * How strong an answer of the kind asked for a paragraph's best sentence holds (see `slotStrength`,
 * read no higher than STRONG: a name beside the question's role is still one name); 0 when no kind is asked.
 */
function strength(p: Paragraph | undefined, wanted: Wanted | undefined): number {
  if (!p || !wanted?.slot) return 0;
  let best = 0;
  for (const s of splitSentences(p.text)) {
    const sentence = p.text.slice(s.start, s.end);
    best = Math.max(best, Math.min(STRONG, slotStrength(sentence, wordsOf(sentence), wanted.slot, wanted.said)));
  }
  return best;
}
