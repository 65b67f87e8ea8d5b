import type { Language } from './language.js';
import { someWord, wordsOf } from './normalize.js';
import { MONTH_WORDS } from './months.js';

/**
 * What a question asks for besides its topic words, and whether a paragraph can give it: the kind of
 * answer ("how many" wants a number, "when" a date, "who" a name) and the numbers it names ("the 2024
 * Kentucky Derby", "iPhone 18"). A paragraph on the right topic without either is the wrong paragraph,
 * or the right topic in another year.
 */

export type AnswerKind = 'number' | 'date' | 'person';

/** Question openings that ask for a kind of answer, per language, as lowercased word sequences. */
const KIND_CUES: Array<[AnswerKind, string[]]> = [
  [
    'number',
    [
      'how many',
      'how much',
      'how long',
      'how old',
      'how far',
      'how big',
      'how high',
      'how tall',
      'how fast',
      'how large',
      'how strong',
      'how cold',
      'how hot',
      'how deep',
      'how wide',
      'how heavy',
      'what percent',
      'what percentage',
      'wie viele',
      'wie viel',
      'wie lange',
      'wie alt',
      'wie hoch',
      'wie weit',
      'wie groß',
      'wie kalt',
      'wie schnell',
      'wie tief',
      'wie breit',
      'wie schwer',
      'wie heiß',
      'wie warm',
      'wie stark',
      'cuántos',
      'cuántas',
      'cuánto',
      'cuánta',
      'qué edad',
      'qué tan',
      'qué porcentaje',
      'combien',
      'quel âge',
      'quel pourcentage',
      'quelle distance',
      'сколько',
      'какой процент',
      'какого возраста',
      'quanti',
      'quante',
      'quanto',
      'quantos',
      'quantas',
    ],
  ],
  [
    'date',
    [
      'when',
      'what year',
      'which year',
      'what date',
      'what day',
      'what time',
      'wann',
      'welchem jahr',
      'cuándo',
      'qué año',
      'quand',
      'quelle année',
      'когда',
      'каком году',
      'quando',
    ],
  ],
  ['person', ['who', 'whom', 'whose', 'wer', 'wem', 'wen', 'quién', 'quiénes', 'qui', 'кто', 'кого', 'кому', 'chi', 'quem']],
];

/** The kind of answer the question's wording asks for, if it asks for one. */
export function answerKind(words: readonly string[]): AnswerKind | undefined {
  const text = ` ${words.join(' ')} `;
  for (const [kind, cues] of KIND_CUES) if (cues.some((c) => text.includes(` ${c} `))) return kind;
  return undefined;
}

// Spelled-out amounts a paragraph may give instead of digits.
const NUMBER_WORDS = new Set(
  (
    'one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty hundred hundreds ' +
    'thousand thousands million millions billion billions trillion dozen dozens half twice percent ' +
    'ein eine zwei drei vier fünf sechs sieben acht neun zehn hundert tausend millionen milliarden ' +
    'uno una dos tres cuatro cinco seis siete ocho nueve diez cien mil millones ' +
    'un deux trois quatre cinq sept huit neuf dix cent mille ' +
    'один одна два две три четыре пять шесть семь восемь девять десять сто тысяч тысячи миллион миллиона миллионов'
  ).split(' '),
);
const DATE_WORDS = new Set([
  ...MONTH_WORDS,
  ...(
    'monday tuesday wednesday thursday friday saturday sunday yesterday today tomorrow tonight ' +
    'week weekend month year years decade century ago morning evening night spring summer fall autumn winter ' +
    'januar februar märz mai juni juli oktober dezember montag dienstag mittwoch donnerstag freitag samstag sonntag jahr jahrhundert ' +
    'enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre año siglo ' +
    'janvier février mars avril mai juin juillet août septembre octobre novembre décembre année siècle ' +
    'gestern heute lunes martes miércoles jueves viernes sábado domingo ayer hoy lundi mardi mercredi jeudi vendredi ' +
    'samedi dimanche hier ' +
    'января февраля марта апреля мая июня июля августа сентября октября ноября декабря году года век века ' +
    'понедельник вторник среду среда четверг пятницу пятница субботу суббота воскресенье вчера сегодня'
  ).split(' '),
]);
const DIGIT = /\p{N}/u;

/** Whether `text` has something of the kind asked for: a number, a date, a name. */
export function hasAnswerKind(text: string, kind: AnswerKind, language: Language): boolean {
  if (kind === 'person') {
    // German capitalizes every noun: a capital says nothing there.
    if (language === 'de') return true;
    return hasName(text);
  }
  if (kind === 'number') return someWord(text, (w) => DIGIT.test(w) || NUMBER_WORDS.has(w));
  return someWord(text, (w) => DIGIT.test(w) || DATE_WORDS.has(w));
}

/** A capitalized word that does not open a sentence: the mark of a name in most languages. */
function hasName(text: string): boolean {
  for (const m of text.normalize('NFC').matchAll(/\p{Lu}[\p{L}\p{M}'’-]+/gu)) {
    const before = text.slice(Math.max(0, m.index - 3), m.index);
    if (m.index > 0 && !/[.!?:"“”«»]\s*$|^\s*$/u.test(before)) return true;
  }
  return false;
}

/** The years a question names ("2024", "the 2020s" → "2020"). */
export function yearsIn(words: readonly string[]): string[] {
  return [...new Set(words.map(digits).filter(isYear))];
}
const YEAR = /^(?:1[89]|20)\d\d$/;

/** Whether a number reads as a year (1800-2099). */
export function isYear(number: string): boolean {
  return YEAR.test(number);
}

function digits(word: string): string {
  return word.replace(/\P{N}/gu, '');
}

/**
 * The question's years that the paragraph does not say, nor its article's headline, nor its date:
 * "the 2024 Kentucky Derby" is not answered by the story of the 2025 race. Of an undated article
 * nothing is said: an encyclopedia entry on Super Bowl 50 answers "in 2015" without the year.
 */
export function missingYears(years: readonly string[], paragraph: string, title: string, published: string | null): string[] {
  if (years.length === 0 || !published) return [];
  const said = numbersOf(`${title} ${paragraph}`);
  return years.filter((y) => !said.has(y) && y !== published.slice(0, 4));
}

/**
 * The question's years after its article's date when the question asks how something came out
 * ("who won the 2026 world cup final" of a 2018 story on the 2026 bid): the article may name the
 * year, but written before it, it cannot report the result. Undated articles say nothing. A year
 * after `today` (ISO) no article can report, so a question about it asks for a forecast ("who will
 * win the 2030 world cup"), which an article written before can give; unless it asks in the past
 * ("who won the 2030 world cup"), a result that cannot be had.
 */
export function unreportedYears(words: readonly string[], years: readonly string[], published: string | null, today: string): string[] {
  if (years.length === 0 || !published || !words.some((w) => RESULT_WORDS.has(w))) return [];
  const forecast = (y: string) => y > today.slice(0, 4) && !asksInPast(words);
  return years.filter((y) => y > published.slice(0, 4) && !forecast(y));
}
/** Words that put an English question in the past: "who won", "who did", "what was". */
const PAST_WORDS = new Set('won did was were had'.split(' '));

/** Whether an English question asks in the past (see PAST_WORDS). */
export function asksInPast(words: readonly string[]): boolean {
  return words.some((w) => PAST_WORDS.has(w));
}
/** English words asking who won (see `asksOutcome`), and with them those asking for an outcome. */
const WON_WORDS = new Set('won win wins winner winners'.split(' '));
const RESULT_WORDS = new Set([...WON_WORDS, ...'result results champion champions outcome'.split(' ')]);

/**
 * Whether an English question asks who or what won ("who won album of the year"). Only the verb and
 * "winner": "result" in a question is as often "as a result of" (RealTime QA lost such a question).
 */
export function asksOutcome(words: readonly string[]): boolean {
  return words.some((w) => WON_WORDS.has(w));
}

/**
 * Whether an English paragraph says how something came out: someone won, took or was awarded it, or
 * beat the rest. A story written before the result (the nominations, a preview, the year's chart
 * "nominated for album of the year at the upcoming Grammys") says "nominated", "could" or "chance of
 * beating" instead. Not "beating", which previews use ("a good chance of beating out …").
 */
export function reportsOutcome(text: string): boolean {
  return someWord(text, (w) => OUTCOME_WORDS.has(w));
}
const OUTCOME_WORDS = new Set(
  (
    'won win wins winning winner winners victory victories victorious beat beats defeated defeat defeats champion champions ' +
    'championship title titles clinched crowned awarded took takes swept prevailed triumphed earned earns went goes'
  ).split(' '),
);

function numbersOf(text: string): Set<string> {
  return new Set(wordsOf(text).map(digits));
}

/**
 * A line that does not end as a sentence does: a section heading, a link teaser ("Cut thousands of
 * jobs despite profits"), a photo credit. It names a topic; the answer is in the sentences under it.
 */
export function isHeading(text: string): boolean {
  let words = 0;
  return !/[.!?…:;"”'’»)\]]\s*$/u.test(text) && !someWord(text, () => ++words > HEADING_MAX_WORDS);
}
/** Longer lines without a full stop are sentences all the same: news quizzes' explanations often lack one. */
export const HEADING_MAX_WORDS = 14;

/**
 * `isHeading`, or a headline whose only full stop is an abbreviation's ("… from N.C."). For showing a
 * heading with its paragraph only: marking such lines down as answers too moved no right answer and
 * sent one question to another article's paragraph (figures in docs/benchmarks.md).
 */
export function readsAsHeading(text: string): boolean {
  if (isHeading(text)) return true;
  return ABBREVIATION_END.test(text) && !/[.!?…]\s/u.test(text) && isHeading(text.replace(ABBREVIATION_END, ''));
}
const ABBREVIATION_END = /\s\S*(?:\p{Lu}\.){2,}$/u;

/**
 * A day next to today that an English question asks about ("was anyone hurt in the storm last
 * night"), when its article was written more than DAY_SPAN days before `today` (ISO): a story
 * that old cannot be the news of last night, however well it matches the words, and the folder lacks
 * the news asked for. Not "today", which readers also say of the present in general ("how many people
 * use it today"), nor "this week", which news quizzes ask of the week they were written in (RealTime
 * QA's questions). Undated articles say nothing.
 */
export function staleDay(words: readonly string[], published: string | null, today: string): string | undefined {
  if (!published) return undefined;
  const text = ` ${words.join(' ')} `;
  const cue = DAY_CUES.find((c) => text.includes(` ${c} `));
  if (cue === undefined) return undefined;
  const age = (Date.parse(today) - Date.parse(published)) / DAY_MS;
  return age > DAY_SPAN ? cue : undefined;
}
const DAY_CUES = ['yesterday', 'last night', 'tonight', 'this morning', 'this afternoon', 'this evening'];
/** How many days after the day asked about a story of it may still be the newest: the next day's follow-up, a preview days ahead of "tonight's" game. */
export const DAY_SPAN = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * How a question asks for the newest news: 'this-year' ("who won the derby this year"), 'latest'
 * ("the latest grammys") or 'now' ("how big is the jackpot now"). Either is read against today's date and the
 * articles' dates (see `answer()`).
 */
export type Recency = 'latest' | 'this-year' | 'now';

/** Cue word sequences per kind, lowercased as `tokenize` splits them, in the bot's eight languages. */
const RECENCY_CUES: Array<[Recency, string[]]> = [
  [
    'this-year',
    [
      'this year',
      'dieses jahr',
      'diesem jahr',
      'dieses jahres',
      'este año',
      'cette année',
      'этом году',
      'этого года',
      'цього року',
      'цей рік',
      'quest anno',
      'este ano',
      'neste ano',
    ],
  ],
  [
    'latest',
    [
      'latest',
      'newest',
      'most recent',
      'neueste',
      'neuesten',
      'neuester',
      'más reciente',
      'dernier',
      'dernière',
      'последний',
      'последние',
      'последнем',
      'останній',
      'останні',
      'ultimo',
      'ultima',
    ],
  ],
  ['now', ['now', 'right now', 'currently', 'aktuell', 'jetzt', 'ahora', 'maintenant', 'сейчас', 'зараз', 'adesso', 'agora']],
];

/** Whether, and how, the question asks for the newest news. */
export function recencyOf(words: readonly string[]): Recency | undefined {
  const text = ` ${words.join(' ')} `;
  for (const [kind, cues] of RECENCY_CUES) if (cues.some((c) => text.includes(` ${c} `))) return kind;
  return undefined;
}
