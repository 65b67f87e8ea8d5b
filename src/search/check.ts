import type { Language } from './language.js';
import { isStopword, termOf, wordsOf } from './normalize.js';
import type { SentenceReading } from './reading.js';
import type { QueryGroup } from './rank.js';
import type { AnswerKind } from './fit.js';
import type { SearchIndex } from './index.js';
import { articleRange, postingsIn } from './article-range.js';
import { otherNamings } from './register.js';
import { isNonAnswer } from './non-answer.js';

/**
 * The passage-level answer check: does one sentence of a paragraph hold the question's words and,
 * beside them, something of the kind the question asks for (a number for "how many", a date for
 * "when", a name that is not the question's own for "who", a quote for "what did Fain call Trump")?
 * A paragraph that only repeats the question's words, or says them in one sentence and something
 * else in the next, is the wrong one.
 */

/** The check's cue words (units, months, "how many") are English ones. */
export const CHECK_LANGUAGE: Language = 'en';
/**
 * How much the best sentence's fit (see `sentenceFit`, about 0.3-2) adds to a paragraph's score when
 * choosing among the best article's paragraphs: enough to pass a teaser line that repeats the
 * question's words, not so much that one number outweighs the question's words. Chosen with
 * `npm run bench:reader` (held-out folds); figures in docs/benchmarks.md.
 */
export const CHECK_WEIGHT = 0.4;
/**
 * When the check puts another paragraph first than word match did, by less than this (in score plus
 * CHECK_WEIGHT × fit), the answer is flagged "not sure": two of the article's paragraphs are about
 * equally likely. Chosen with `npm run bench:reader`; figures in docs/benchmarks.md.
 */
export const CHECK_MARGIN = 0.1;
/**
 * What a question word only the headline has counts for in a sentence: the sentence may say "she"
 * for the headline's subject, but one that names it is more surely about it. Figures in docs/search.md.
 */
const HEADLINE_CREDIT = 0.5;
/**
 * What a sentence saying that something is not known ("who was not immediately identified", see
 * `non-answer.ts`) keeps of its share of the question's words; it gains no slot credit either, so the
 * article's paragraph that answers comes first. Chosen with `npm run bench:reader` (held-out halves);
 * figures in docs/benchmarks.md.
 */
const NON_ANSWER_KEEP = 0.5;
/** What a sentence holding the kind of answer asked for gains: once for a weak instance (any number), twice for a strong one ("two hours" for "how long"). */
const SLOT_CREDIT = 0.5;
/** `slotStrength` of a strong instance, and of a strong name beside the question's role or deed (see `besideCue`). */
const STRONG = 2;
const BESIDE_CUE = 3;
/**
 * What a sentence gains on top of a strong name when that name stands beside the question's role or
 * deed ("the project's developer Greg Pettinaro" for "who is the developer"): more than a name
 * alone, since the article's first paragraph names other people too. Chosen with `npm run
 * bench:reader` (held-out halves); figures in docs/benchmarks.md.
 */
const CUE_CREDIT = 1;

/** What a sentence gains for an answer of the kind asked for of `strength` (see `slotStrength`). */
function slotCredit(strength: number): number {
  return SLOT_CREDIT * Math.min(strength, STRONG) + (strength === BESIDE_CUE ? CUE_CREDIT : 0);
}

export type CheckKind = AnswerKind | 'place' | 'quote' | 'name' | 'tally';

/** What the question asks for: a kind of answer, and what a strong instance of it looks like. */
export interface Slot {
  kind: CheckKind;
  /** Words one of which follows a strong answer's number ("hours" for "how long", the counted noun for "how many X"). */
  units?: ReadonlySet<string>;
  /** Whether a sum of money is the strong answer ("how much does it cost"). */
  money?: boolean;
  /** Whether a share ("52%", "52 percent") is the strong answer. */
  percent?: boolean;
  /** For a quote: the forms of the verb asked about ("call", "calling") and the question's words for who did it. */
  verb?: ReadonlySet<string>;
  doer?: ReadonlySet<string>;
  /** For a person: the question's words for the role or deed asked about ("developer", "joined"; see `roleWords`). */
  role?: readonly string[];
  /** The terms of the last words of their other namings ("officer" for "cfo", see `register.ts`). */
  roleNamings?: ReadonlySet<string>;
}

const PLACE_CUES = ['where', 'wo', 'wohin', 'woher', 'dónde', 'adónde', 'où', 'где', 'куда', 'dove', 'onde'];
const UNITS: Array<[string, string]> = [
  ['how long', 'second seconds minute minutes hour hours day days night nights week weeks month months year years decade decades'],
  ['how old', 'year years old age ages aged'],
  ['how far', 'mile miles km kilometers kilometres feet foot meters metres yards'],
  ['how high', 'feet foot meters metres miles km inches'],
  ['how tall', 'feet foot meters metres inches'],
  ['how deep', 'feet foot meters metres miles km inches'],
  ['how big', 'acre acres square feet miles meters metres inches'],
  ['how large', 'acre acres square feet miles meters metres'],
];

/** The slot the question asks to fill, from its wording ("how many jobs" → a number before "jobs"). */
export function slotOf(words: readonly string[], kind: AnswerKind | undefined, language: Language): Slot | undefined {
  const text = ` ${words.join(' ')} `;
  if (!kind)
    return words.some((w) => PLACE_CUES.includes(w))
      ? { kind: 'place' }
      : (quoteSlot(words, language) ?? nameSlot(words) ?? identifySlot(words) ?? tallySlot(words) ?? keywordSlot(words));
  if (kind === 'person' && language === CHECK_LANGUAGE) return roleSlot(roleWords(words));
  if (kind !== 'number') return { kind };
  for (const [cue, units] of UNITS) if (text.includes(` ${cue} `)) return { kind, units: new Set(units.split(' ')) };
  if (/ what (?:percent|percentage) /.test(text)) return { kind, percent: true };
  const many = words.findIndex((w, i) => w === 'many' && words[i - 1] === 'how');
  if (many >= 0) {
    const counted = words.slice(many + 1).find((w) => !isStopword(w, language));
    // Counted as the news counts it too: "how many moms" is answered by "800 mothers" (see `register.ts`).
    if (counted) {
      const named = (otherNamings([counted], language).get(counted) ?? []).filter((t) => t.length === 1).flat();
      return { kind, units: new Set([counted, termOf(counted, language), ...named]) };
    }
  }
  if (text.includes(' how much ')) return { kind, money: true };
  return { kind };
}

/** The words that open a "how many" question in the other languages ("wie viele GM-Angestellte"). */
const HOW_MANY = new Set(['viele', 'cuántos', 'cuántas', 'combien', 'сколько', 'quanti', 'quante', 'quantos', 'quantas']);

/**
 * The slot of a question the lexicon translated: its kind and place cues are read in its own
 * language (fit.ts and PLACE_CUES have them), and the noun "how many" counts as its English terms
 * (`termsOf`: "combien de missiles" → a number before "missiles"). That noun is the first word after
 * the cue with English terms, stopword or not ("cuántas horas": "horas" is a Spanish stopword).
 */
export function translatedSlot(
  words: readonly string[],
  kind: AnswerKind | undefined,
  language: Language,
  termsOf: (word: string) => readonly string[],
): Slot | undefined {
  if (kind !== 'number') return slotOf(words, kind, language);
  const many = words.findIndex((w) => HOW_MANY.has(w));
  for (const w of many < 0 ? [] : words.slice(many + 1)) {
    const units = termsOf(w);
    if (units.length) return { kind, units: new Set(units) };
  }
  return { kind };
}

/** Verbs whose object the news quotes ("calling Trump a "scab""), with their forms. */
const QUOTE_VERBS = new Map(
  [
    'call calls called calling',
    'say says said saying',
    'tweet tweets tweeted tweeting',
    'retweet retweets retweeted retweeting',
    'write writes wrote written writing',
  ].map((forms) => [forms.split(' ')[0]!, new Set(forms.split(' '))]),
);
const AUXILIARIES = new Set(['did', 'does', 'do', 'has', 'have', 'had']);

/** "what did Fain call Trump" asks for a quote, said by the words between "did" and the verb ("Fain"). */
function quoteSlot(words: readonly string[], language: Language): Slot | undefined {
  const at = words.findIndex((w) => QUOTE_VERBS.has(w));
  if (words[0] !== 'what' || at < 0) return undefined;
  const aux = words.findIndex((w) => AUXILIARIES.has(w));
  const doer = aux >= 0 && aux < at ? words.slice(aux + 1, at).filter((w) => !isStopword(w, language)) : [];
  return { kind: 'quote', verb: QUOTE_VERBS.get(words[at]!)!, doer: new Set(doer) };
}

/** Words for a count of votes or points: "what was the vote to expel Jones" is answered by "a 72-25 vote". */
const TALLY_WORDS = new Set(['vote', 'score', 'tally']);

/** "what was the vote/score": two counts set against each other are the strong answer, any count a weak one. */
function tallySlot(words: readonly string[]): Slot | undefined {
  return words.includes('what') && words.some((w) => TALLY_WORDS.has(w)) ? { kind: 'tally' } : undefined;
}

/** The question words of English: a question without any is typed as keywords ("washoe assessor budget cut million"). */
const QUESTION_WORDS = new Set(['what', 'which', 'who', 'whom', 'whose', 'where', 'when', 'why', 'how']);
/** Units of amounts a reader types beside keywords to ask for the amount ("… budget cut million", "… max stay nights"). */
const KEYWORD_UNITS = new Set(
  'million billion trillion percent seconds minutes hours days nights weeks months years miles km kilometers kilometres feet meters metres yards inches acres pounds lb kg tons'.split(
    ' ',
  ),
);

/** Keywords naming a unit ("million") ask for the number before it ("$5.5 million"). */
function keywordSlot(words: readonly string[]): Slot | undefined {
  if (words.some((w) => QUESTION_WORDS.has(w))) return undefined;
  const units = words.filter((w) => KEYWORD_UNITS.has(w));
  return units.length ? { kind: 'number', units: new Set(units) } : undefined;
}

/** Words of a question asking what something is called ("what's the name of the school", "what's the video called"). */
const NAME_CUES = new Set(['name', 'called', 'titled', 'named']);

function nameSlot(words: readonly string[]): Slot | undefined {
  return words.some((w) => w === 'what' || w === 'which') && words.some((w) => NAME_CUES.has(w)) ? { kind: 'name' } : undefined;
}

/** Words asking who someone is without "who": "did they identify the shooter", "gm new cfo name". */
const IDENTIFY_CUES = new Set(['identify', 'identified', 'identifies', 'name', 'named', 'names']);
/** Question words that ask for something else than a person. */
const OTHER_ASKS = new Set(['what', 'which', 'where', 'when', 'why', 'how']);

/** A question asking for someone's name without "who" ("did police identify the driver") asks for a person. */
function identifySlot(words: readonly string[]): Slot | undefined {
  return words.some((w) => IDENTIFY_CUES.has(w)) && !words.some((w) => OTHER_ASKS.has(w)) ? roleSlot(roleWords(words)) : undefined;
}

/** A person's slot, with the question's words for the role or deed asked about and their other namings. */
function roleSlot(role: string[]): Slot {
  // A naming's last word is its head: "chief financial officer" is an officer.
  const namings = [...otherNamings(role, CHECK_LANGUAGE).values()].flat().flatMap((terms) => terms.slice(-1));
  return { kind: 'person', role, roleNamings: new Set(namings) };
}

/**
 * The question's words for the role or deed asked about: its words after "who" (or "identify",
 * "name") up to the first stopword after them ("who is the developer for …" → developer; "who
 * joined kamala at …" → joined, kamala; "did they identify the church shooter" → church, shooter),
 * else those before it ("gm new cfo name" → gm, cfo). Not the question's other words: "who was the
 * first quarterback to take two teams …" asks about a quarterback, and "Kawann Short led the team"
 * names none.
 */
function roleWords(words: readonly string[]): string[] {
  const at = words.findIndex((w) => w === 'who' || w === 'whom' || IDENTIFY_CUES.has(w));
  if (at < 0) return [];
  const phrase = (list: readonly string[]) => {
    const out: string[] = [];
    for (const w of list) {
      if (isStopword(w, CHECK_LANGUAGE)) {
        if (out.length) break;
      } else if (!NO_CUES.has(w)) out.push(w);
    }
    return out;
  };
  const after = phrase(words.slice(at + 1));
  return after.length ? after : phrase(words.slice(0, at).reverse());
}

const MONTHS = new Set(
  'january february march april may june july august september october november december jan feb mar apr jun jul aug sept sep oct nov dec'.split(' '),
);
const WEEKDAYS = new Set('monday tuesday wednesday thursday friday saturday sunday'.split(' '));
const NUMBER_WORDS = new Set(
  'two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands million millions billion billions trillion dozen dozens half'.split(
    ' ',
  ),
);
const YEAR = /^(?:1[89]|20)\d\d$/;
const NUMBER = /^\p{N}/u;
/** "100th", "21st": a rank, not a count ("celebrating its 100th anniversary" says nothing of how many). */
const ORDINAL = /^\p{N}+(?:st|nd|rd|th)$/u;
/** An earlier year, said as one only after a preposition of time ("after 1279", "in 1519"): alone it may be a count. */
const EARLY_YEAR = /^1\d\d\d$/;
const TIME_PREPOSITIONS = new Set('in since by after before until till from of between around circa to and through during'.split(' '));
/** A decade: "the 1990s", "the '80s". */
const DECADE = /^(?:1\d|20)?\d0s$/;

/** Whether `words[i]` is a year: one of the news's ("2022"), or an earlier one after a preposition of time ("after 1279"). */
function isYear(words: readonly string[], i: number): boolean {
  return YEAR.test(words[i]!) || (EARLY_YEAR.test(words[i]!) && TIME_PREPOSITIONS.has(words[i - 1] ?? ''));
}

/** Whether `words[i]` names a decade or a century: "in the 1990s", "the mid-18th century". */
function isEra(words: readonly string[], i: number): boolean {
  return DECADE.test(words[i]!) || (ORDINAL.test(words[i]!) && words[i + 1] === 'century');
}
/** How many words after a number its unit may come: "about 14,000 hourly and salaried jobs". */
const UNIT_REACH = 4;
/** The small numbers the news spells out, both ways: the question's "2 bed" is the article's "two-bed". */
const SMALL_NUMBERS = 'one two three four five six seven eight nine ten eleven twelve'.split(' ');
const SAME_NUMBER = new Map(SMALL_NUMBERS.flatMap((w, i) => [[w, String(i + 1)] as const, [String(i + 1), w] as const]));

/**
 * Whether the words after a number name the unit asked for before any other thing it may count: "about
 * 14,000 hourly and salaried jobs" counts jobs, "300 drones and cruise missiles" counts drones, not
 * missiles (a plural is the first thing counted).
 */
function countsUnit(after: readonly string[], isUnit: (w: string) => boolean): boolean {
  for (const w of after) {
    if (isUnit(w)) return true;
    if (w.length >= 4 && w.endsWith('s') && !w.endsWith('ss') && !isStopword(w, CHECK_LANGUAGE)) return false;
  }
  return false;
}

/** A number that may count what is asked: digits or a number word, not a year, not a rank. */
function isCount(w: string): boolean {
  return (NUMBER.test(w) && !YEAR.test(w) && !ORDINAL.test(w)) || NUMBER_WORDS.has(w);
}

/** Whether the question says the number `w` itself, in digits or in words: no answer to it. */
function saysNumber(said: ReadonlySet<string>, w: string): boolean {
  const other = SAME_NUMBER.get(w);
  return said.has(w) || (other !== undefined && said.has(other));
}
const MONEY = /[$£€¥]\s?\p{N}|\p{N}\s?(?:(?:thousand|million|billion|trillion)\s)?(?:dollars|euros|pounds)\b/u;
const PERCENT = /\p{N}\s?%|\bpercent\b/u;
/** Two counts set against each other: "a 72-25 vote", "won 3–1". */
const TALLY = /(?<![\p{N}.,/–-])\p{N}{1,3}\s?[-–]\s?\p{N}{1,3}(?![\p{N}]|[.,/–-]\p{N})/u;
const CLOCK = /\p{N}\s?(?:a\.m\.|p\.m\.|am\b|pm\b)|\bnoon\b|\bmidnight\b/u;

/**
 * 0 when the sentence holds no answer of the slot's kind outside the question's words, 1 for a weak
 * one, 2 for a strong one, 3 for a strong name beside the question's role or deed.
 */
export function slotStrength(text: string, words: readonly string[], slot: Slot, said: ReadonlySet<string>): number {
  if (slot.kind === 'person' || slot.kind === 'place') return newNameStrength(text, said, slot);
  if (slot.kind === 'quote') return quoteStrength(text, words, slot, said);
  // Only ever weak: the phrase may name another thing of the article ("known as the "Dogg Pound"").
  if (slot.kind === 'name') return NAMING.test(text) ? 1 : 0;
  if (slot.kind === 'tally') return TALLY.test(text) ? 2 : words.some((w) => isCount(w) && !saysNumber(said, w)) ? 1 : 0;
  let weak = false;
  if (slot.kind === 'number') {
    if (slot.money && MONEY.test(text)) return 2;
    if (slot.percent && PERCENT.test(text)) return 2;
    const isUnit = (u: string) => slot.units!.has(u) || slot.units!.has(termOf(u, CHECK_LANGUAGE));
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      if (!isCount(w) || saysNumber(said, w)) continue;
      weak = true;
      if (slot.units && countsUnit(words.slice(i + 1, i + 1 + UNIT_REACH), isUnit)) return 2;
    }
    return weak ? 1 : 0;
  }
  // A date: a month with a day or year, or a clock time, is strong; a year, a decade, a century or a weekday alone weak.
  if (CLOCK.test(text)) return 2;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (said.has(w)) continue;
    if (MONTHS.has(w) && (NUMBER.test(words[i + 1] ?? '') || NUMBER.test(words[i - 1] ?? ''))) return 2;
    if (MONTHS.has(w) || WEEKDAYS.has(w) || isYear(words, i) || isEra(words, i)) weak = true;
  }
  return weak ? 1 : 0;
}

/** A name given as one: "called the Pathfinder School of Innovation", "a video titled "It's Been A Minute"". */
const NAMING =
  /\b(?:called|titled|dubbed|known as|nicknamed)\s+(?:the\s+|a\s+|an\s+)?(?:["“‘][^"”’]{2,}|\p{Lu}[\p{L}\p{M}'’.-]+\s+(?:of\s+|the\s+|and\s+)?\p{Lu}[\p{L}\p{M}'’.-]+)/u;

/**
 * A quote of a few words the question does not say: strong when the question's doer is named before
 * the verb asked about ("Fain … calling Trump a "scab"" for "what did Fain call Trump", not "Trump
 * called Fain "a weapon""), weak otherwise.
 */
function quoteStrength(text: string, words: readonly string[], slot: Slot, said: ReadonlySet<string>): number {
  const quoted = [...text.matchAll(/["“]([^"”]{1,60})["”]/gu)].some((m) => {
    const inner = wordsOf(m[1]!);
    return inner.length > 0 && inner.length <= 8 && !inner.every((w) => said.has(w));
  });
  if (!quoted) return 0;
  const byDoer = words.some((w, i) => slot.verb!.has(w) && words.slice(0, i).some((d) => slot.doer!.has(d)));
  return byDoer ? 2 : 1;
}

/**
 * Words written with a capital before a name that are no part of it: "House Speaker Mike Johnson"
 * answers "who is the house speaker" with a new name, though "House" and "Speaker" are the question's
 * (see `namesOf`). A short list of the titles the news writes before names.
 */
const TITLES = new Set(
  'president vice former sen senator rep gov governor mayor speaker ceo chief secretary minister prime judge justice dr mr mrs ms gen coach director chairman chairwoman chair commissioner king queen prince princess pope rev officer sheriff chancellor ambassador deputy superintendent professor prof sir dame lord lady first'.split(
    ' ',
  ),
);
/** What may stand between two words of one name: spaces, and the particles of "Cristina Fernández de Kirchner". */
const WITHIN_NAME = /^\s+(?:(?:de|del|della|da|di|do|dos|du|van|von|der|den|la|le|bin|ibn)\s+)*$/u;

interface NameWord {
  word: string;
  at: number;
  /** Where the word ends in the sentence. */
  end: number;
  /** Whether it starts the sentence (or a quote), where any word has a capital. */
  opens: boolean;
  title: boolean;
}

/**
 * The sentence's names: runs of capitalized words ("Delta Air Lines"). A possessive ends one
 * ("Musk's SpaceX" is two), and a title starts one after a name that `owns` ("Tesla CEO Elon Musk"
 * is "Tesla" and "CEO Elon Musk" when the question says "tesla"; "Time Lord" stays one).
 */
function namesOf(text: string, owns: (w: NameWord) => boolean): NameWord[][] {
  const names: NameWord[][] = [];
  let lastEnd = -1;
  let possessive = false;
  for (const m of text.matchAll(/\p{Lu}[\p{L}\p{M}'’.-]*/gu)) {
    const before = text.slice(Math.max(0, m.index - 3), m.index);
    const word = m[0].toLowerCase().replace(/['’].*$|\.$/u, '');
    const w = { word, at: m.index, end: m.index + m[0].length, opens: m.index === 0 || /[.!?:"“”«»]\s*$/u.test(before), title: TITLES.has(word) };
    const name = names.at(-1);
    const joins = name && !possessive && WITHIN_NAME.test(text.slice(lastEnd, m.index)) && (!w.title || !name.some(owns));
    if (joins) name.push(w);
    else names.push([w]);
    lastEnd = m.index + m[0].length;
    possessive = /['’]s?$/u.test(m[0]);
  }
  return names;
}

/** The last words of places' names ("Pearson International Airport", "Fulton County"). */
const PLACE_WORDS = new Set(
  'airport street st avenue ave road boulevard county city park river lake center centre stadium arena church cathedral square bridge island hospital hotel station mall beach valley mountain'.split(
    ' ',
  ),
);

/** A name that ends in a place's word or follows a locative preposition ("in Ohio", "outside Kyiv"). */
function isPlaceName(text: string, name: readonly NameWord[]): boolean {
  if (PLACE_WORDS.has(name.at(-1)!.word)) return true;
  return /\b(?:in|at|near|from|outside)\s+(?:the\s+)?$/u.test(text.slice(Math.max(0, name[0]!.at - 12), name[0]!.at));
}

/**
 * Names the question does not say: two capitalized words of one are a strong one ("Greg Pettinaro";
 * for a place, "in Charlotte" too). A name holding a word of the question is the question's own, however
 * long: "Delta Air Lines" for "the delta plane", "Elon Musk" for "musk". For "who", a strong name
 * beside the question's own role or verb is stronger still (see `besideCue`).
 */
function newNameStrength(text: string, said: ReadonlySet<string>, slot: Slot): number {
  const { kind } = slot;
  const says = (word: string) => said.has(word) || said.has(termOf(word, CHECK_LANGUAGE));
  // A title is not whom it names: "speaker" in the question does not make "Speaker Mike Johnson" its own.
  const owns = (n: NameWord) => !n.title && !isStopword(n.word, CHECK_LANGUAGE) && says(n.word);
  let best = 0;
  for (const name of namesOf(text, owns)) {
    if (name.some(owns)) continue;
    const fresh = name.filter((n) => !n.opens && n.word.length >= 2 && !says(n.word));
    if (!fresh.length) continue;
    best = Math.max(best, 1);
    // A place is not whom a "who" question asks for: "at Toronto's Pearson International Airport".
    if (kind === 'person' && isPlaceName(text, name)) continue;
    if (fresh.length >= 2) {
      if (slot.role?.length && besideCue(text, name, slot)) return BESIDE_CUE;
      best = STRONG;
    }
    if (kind === 'place' && /\b(?:in|at|near|from)\s+$/u.test(text.slice(Math.max(0, fresh[0]!.at - 6), fresh[0]!.at))) best = STRONG;
  }
  return best;
}

/**
 * General words that name no role or deed, left out of the question's role words (see `roleWords`):
 * "who was the first quarterback" asks about a quarterback, and "first" stands beside many names.
 * Figures in docs/benchmarks.md.
 */
const NO_CUES = new Set(
  'able unable likely new old first last next former current latest big small many much more most other another same own also still again ever never back well just even only'.split(
    ' ',
  ),
);

/** How many words on either side of a name its role or deed may stand: "the project's developer Greg Pettinaro". */
const CUE_REACH = 3;

/**
 * Whether the role or deed the question asks about (see `roleWords`) stands within CUE_REACH words
 * of the name, written in lower case or as a title, or is the name's title: said of this name
 * ("developer Greg Pettinaro", "Tim Walz, joined the crowd", "identified the shooter as Robin
 * Westman", "Speaker Mike Johnson"), not a name beside it ("Minneapolis Police Chief Brian O'Hara"
 * for "the minneapolis church shooter").
 */
function besideCue(text: string, name: readonly NameWord[], { role, roleNamings }: Slot): boolean {
  const before = [...text.slice(0, name[0]!.at).matchAll(WORD)].slice(-CUE_REACH);
  const after = [...text.slice(name.at(-1)!.end).matchAll(WORD)].slice(0, CUE_REACH);
  // A title the name opens with is its role too: "CEO Elon Musk", "Speaker Mike Johnson".
  const titles = name.filter((n) => n.title).map((n) => n.word);
  return [...before, ...after]
    .map((m) => m[0])
    .concat(titles)
    .some((raw) => {
      const word = raw.toLowerCase().replace(/['’]s?$/u, '');
      return (
        (raw[0] !== raw[0]!.toUpperCase() || TITLES.has(word)) &&
        (role!.some((r) => sameWord(word, r)) || roleNamings!.has(termOf(word, CHECK_LANGUAGE)))
      );
    });
}

/**
 * Whether two words are one word inflected ("shooter", "shooters"; "identify", "identified"; "sue",
 * "sued"), and not merely of one stem ("translator", "translations"; "developer", "developments").
 */
function sameWord(a: string, b: string): boolean {
  const root = rootOf(a);
  return root.length >= 3 && root === rootOf(b);
}
const rootOf = (word: string) =>
  word
    .replace(/ie[sd]$/u, 'y')
    .replace(/(?:es|ed|ing|s|d)$/u, '')
    .replace(/[ey]$/u, '');

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*/gu;

/**
 * How well a paragraph's best sentence fits the question: its share of the question's words (by their
 * idf; a spelling alternative at its weight, a word only the headline has at HEADLINE_CREDIT), plus
 * SLOT_CREDIT per degree of the slot's strength in it (see `slotStrength`). One sentence, because a
 * paragraph that names the question's subject in one sentence and gives a number in another has
 * not said the subject's number.
 */
export function sentenceFit(
  sentences: readonly SentenceReading[],
  groups: readonly QueryGroup[],
  headline: ReadonlySet<string>,
  slot: Slot | undefined,
  said: ReadonlySet<string>,
): number {
  const total = groups.reduce((s, g) => s + g.idf, 0) || 1;
  let best = 0;
  for (const { sentence, words, terms } of sentences) {
    let cover = 0;
    for (const g of groups) {
      let m = 0;
      for (const t of g.terms) m = Math.max(m, terms.includes(t.term) ? t.weight : headline.has(t.term) ? HEADLINE_CREDIT * t.weight : 0);
      cover += g.idf * m;
    }
    // A sentence saying the thing is not known answers nothing, however many of the question's words it repeats.
    const fit = isNonAnswer(sentence)
      ? (NON_ANSWER_KEEP * cover) / total
      : cover / total + (slot ? slotCredit(slotStrength(sentence, words, slot, said)) : 0);
    best = Math.max(best, fit);
  }
  return best;
}

/** The paragraphs of `article` that hold one of the question's terms, found in the postings (which list docs in order). */
export function articleDocs(index: SearchIndex, groups: readonly QueryGroup[], article: number): number[] {
  const range = articleRange(index.docArticle, article);
  const found = new Set<number>();
  for (const g of groups)
    for (const { term } of g.terms) {
      const docs = index.postings.get(term)?.docs;
      if (!docs) continue;
      const { start, end } = postingsIn(docs, range);
      for (let i = start; i < end; i++) found.add(docs[i]!);
    }
  return [...found].sort((a, b) => a - b);
}

/**
 * Whether article `article` never says any term of `group`: in none of its paragraphs, nor its
 * headline or title. An article of one paragraph says nothing either way (it leaves most of its
 * story's words unsaid): false. What the doubts about a name or a rare word go by.
 */
export function neverSays(index: SearchIndex, group: QueryGroup, article: number): boolean {
  const range = articleRange(index.docArticle, article);
  if (range.to - range.from <= 1) return false;
  const headline = index.headlineTerms[article]!;
  const title = index.titleTerms[article]!;
  if (group.terms.some((t) => headline.has(t.term) || title.has(t.term))) return false;
  return articleDocs(index, [group], article).length === 0;
}
