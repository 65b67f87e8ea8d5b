import type { Language } from './language.js';
import { isStopword, termOf, tokenize } from './normalize.js';

export interface Trimmed {
  text: string;
  highlights: Array<[number, number]>;
}

/** Paragraphs up to this long are shown whole; longer ones are cut to the sentences that answer. */
export const MAX_PASSAGE_CHARS = 420;
const ELLIPSIS = '…';

interface Span {
  start: number;
  end: number;
  weight: number;
}

/**
 * The part of a paragraph worth showing for a question: the window of consecutive sentences that
 * carries the most matched-term weight within `MAX_PASSAGE_CHARS`, with "…" where text was left
 * out, and the matched words' spans for bold.
 */
export function trimPassage(paragraph: string, language: Language, termWeights: ReadonlyMap<string, number>, maxChars = MAX_PASSAGE_CHARS): Trimmed {
  const matches: Span[] = [];
  for (const t of tokenize(paragraph)) {
    if (isStopword(t.word, language)) continue;
    const w = termWeights.get(termOf(t.word, language));
    if (w !== undefined) matches.push({ start: t.start, end: t.end, weight: w });
  }
  const text = paragraph.normalize('NFC');
  if (text.length <= maxChars) return { text, highlights: matches.map((m) => [m.start, m.end]) };

  const sentences = splitSentences(text);
  // Each sentence's weight counts a term once: a sentence repeating one name is not the answer.
  const weights = sentences.map((s) => {
    const seen = new Map<string, number>();
    for (const m of matches) {
      if (m.start >= s.start && m.end <= s.end) seen.set(text.slice(m.start, m.end).toLowerCase(), m.weight);
    }
    let sum = 0;
    for (const w of seen.values()) sum += w;
    return sum;
  });

  let best = { from: 0, to: 0, weight: -1 };
  for (let from = 0; from < sentences.length; from++) {
    let weight = 0;
    for (let to = from; to < sentences.length; to++) {
      if (sentences[to]!.end - sentences[from]!.start > maxChars && to > from) break;
      weight += weights[to]!;
      // Prefer more weight; on a tie, the earlier window (news puts the gist first).
      if (weight > best.weight) best = { from, to, weight };
    }
  }
  let start = sentences[best.from]!.start;
  let end = sentences[best.to]!.end;
  if (end - start > maxChars) {
    // One sentence longer than the limit: cut at word boundaries around its first strong match.
    const first = matches.find((m) => m.start >= start && m.end <= end);
    const centre = first ? first.start : start;
    start = Math.max(start, spaceBefore(text, centre - Math.floor(maxChars / 3)));
    end = Math.min(end, spaceBefore(text, start + maxChars));
  }
  const prefix = start > 0 ? ELLIPSIS + ' ' : '';
  const suffix = end < text.length ? ' ' + ELLIPSIS : '';
  const body = text.slice(start, end).trim();
  const lead = text.slice(start, end).length - text.slice(start, end).trimStart().length;
  const offset = prefix.length - start - lead;
  const highlights: Array<[number, number]> = matches
    .filter((m) => m.start >= start + lead && m.end <= start + lead + body.length)
    .map((m) => [m.start + offset, m.end + offset]);
  return { text: prefix + body + suffix, highlights };
}

// One segmenter for every passage: it is stateless, and building one per call sits on the answer path.
const SENTENCES = new Intl.Segmenter('und', { granularity: 'sentence' });

/**
 * A title or a month written short, which the segmenter reads as a sentence's end: "Hawaii Gov. | Josh
 * Green", "begins on Monday, Oct. | 20". Cut there, the name loses its title and the date its day.
 */
const ABBREVIATION_END =
  /(?:^|[\s(“"])(?:Mr|Mrs|Ms|Dr|Gov|Sen|Rep|Gen|Lt|Col|Sgt|Capt|Cmdr|Adm|Atty|Supt|Prof|Rev|St|Ft|Mt|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|No)\.\s*$/u;

/** Sentences with their offsets; fragments under 25 characters ("Mr. ") and those ending in a title or a month's abbreviation join the next one. */
export function splitSentences(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let pendingStart = -1;
  for (const s of SENTENCES.segment(text)) {
    const start = pendingStart >= 0 ? pendingStart : s.index;
    const end = s.index + s.segment.length;
    if ((end - start < 25 || ABBREVIATION_END.test(s.segment)) && end < text.length) {
      pendingStart = start;
      continue;
    }
    pendingStart = -1;
    out.push({ start, end });
  }
  if (pendingStart >= 0) out.push({ start: pendingStart, end: text.length });
  return out;
}

/** The nearest whitespace at or before `at` (or the text's start or end), so a cut never splits a word. */
function spaceBefore(text: string, at: number): number {
  let i = Math.max(0, Math.min(text.length, at));
  while (i > 0 && i < text.length && !/\s/.test(text[i]!)) i--;
  return i;
}
