import { isInterrogative, type Language } from './language.js';
import { clockSlot, measureSlot } from './measures.js';
import { isStopword, termOf } from './normalize.js';
import type { AnswerKind } from './fit.js';
import { otherNamings } from './register.js';
import type { ContactKind } from './contact.js';
import { contactOrNounSlot } from './keyword-noun.js';

/**
 * What a question asks the answer check to find beside its words (see `check.ts`): its slot, a kind
 * of answer and what a strong instance of it looks like ("how many jobs" → a number before "jobs";
 * "who is the developer" → a full name beside "developer"; "what did Fain call Trump" → a quote).
 */

/** The check's cue words (units, months, "how many") are English ones. */
export const CHECK_LANGUAGE: Language = 'en';
/** `slotStrength` of a strong instance, and of a strong name beside the question's role or deed (see `besideCue`). */
export const STRONG = 2;
export const BESIDE_CUE = 3;

export type CheckKind = AnswerKind | 'place' | 'quote' | 'name' | 'tally' | 'contact' | 'reason' | 'organisation' | 'honour' | 'deed';

/** What the question asks for: a kind of answer, and what a strong instance of it looks like. */
export interface Slot {
  kind: CheckKind;
  /** Words one of which follows a strong answer's number ("hours" for "how long", the counted noun for "how many X"). */
  units?: ReadonlySet<string>;
  /** For a date: whether the question asks when something is to happen ("when will", "when does X expect"), a target year ("by 2028") being a strong answer. */
  ahead?: boolean;
  /** For a date: whether the question asks when something happened ("when did they first meet"), a year being a strong answer. */
  past?: boolean;
  /** Whether a sum of money is the strong answer ("how much does it cost"). */
  money?: boolean;
  /** Whether a share ("52%", "52 percent") is the strong answer. */
  percent?: boolean;
  /** For a size ("how big is the pool"): the terms of the thing measured, a share or count beside which is the answer (see `measures.ts`). */
  subject?: ReadonlySet<string>;
  /** For a date: whether only a time of day is a strong answer ("what time is the show on"). */
  clock?: boolean;
  /** For a quote: the forms of the verb asked about ("call", "calling") and the question's words for who did it. */
  verb?: ReadonlySet<string>;
  doer?: ReadonlySet<string>;
  /** For a person: the question's words for the role or deed asked about ("developer", "joined"; see `roleWords`). */
  role?: readonly string[];
  /** The terms of the last words of their other namings ("officer" for "cfo", see `register.ts`). */
  roleNamings?: ReadonlySet<string>;
  /** For a deed: whether the question asks for the level it set ("what did the city raise the fee to"), a number after "to" being a strong answer. */
  level?: boolean;
  /** For a contact detail: which one ("phone number" → phone, see `contact.ts`). */
  contact?: ContactKind;
}

const PLACE_CUES = ['where', 'wo', 'wohin', 'woher', 'dónde', 'adónde', 'où', 'где', 'куда', 'dove', 'onde'];

/** The slot the question asks to fill, from its wording ("how many jobs" → a number before "jobs"). */
export function slotOf(words: readonly string[], kind: AnswerKind | undefined, language: Language): Slot | undefined {
  const text = ` ${words.join(' ')} `;
  // "which award was she winning when …": the noun after "which" says what is asked, not a later "when".
  const named = language === CHECK_LANGUAGE ? kindNounSlot(words) : undefined;
  if (named) return named;
  if (!kind)
    return words.some((w) => PLACE_CUES.includes(w))
      ? { kind: 'place' }
      : language === CHECK_LANGUAGE && words[0] === 'why'
        ? { kind: 'reason' }
        : (quoteSlot(words, language) ??
          deedSlot(words, language) ??
          nameSlot(words) ??
          identifySlot(words) ??
          personNounSlot(words) ??
          tallySlot(words) ??
          priceSlot(words) ??
          keywordSlot(words) ??
          contactOrNounSlot(words));
  if (kind === 'person' && language === CHECK_LANGUAGE) return roleSlot(roleWords(words));
  if (kind === 'date' && clockSlot(words)) return clockSlot(words);
  if (kind === 'date' && words.some((w) => AHEAD_CUES.has(w))) return { kind, ahead: true };
  if (kind === 'date' && words.some((w, i) => words[i - 1] === 'when' && PAST_AUXILIARIES.has(w))) return { kind, past: true };
  if (kind !== 'number') return { kind };
  const measure = measureSlot(words, kind, language);
  if (measure) return measure;
  if (/ what (?:percent|percentage) /.test(text)) return { kind, percent: true };
  const many = words.findIndex((w, i) => w === 'many' && words[i - 1] === 'how');
  if (many >= 0) {
    const counted = countedNoun(words.slice(many + 1), language);
    // Counted as the news counts it too: "how many moms" is answered by "800 mothers" (see `register.ts`).
    if (counted) {
      const named = (otherNamings([counted], language).get(counted) ?? []).filter((t) => t.length === 1).flat();
      return { kind, units: new Set([counted, termOf(counted, language), ...named]) };
    }
  }
  if (text.includes(' how much ')) return { kind, money: true };
  return { kind };
}

/** Plurals without an -s, which may head what "how many" counts. */
const IRREGULAR_PLURALS = new Set(['people', 'men', 'women', 'children', 'feet', 'teeth', 'mice', 'geese', 'police', 'staff', 'personnel', 'cattle']);
const isPlural = (w: string) => IRREGULAR_PLURALS.has(w) || (w.length > 3 && w.endsWith('s') && !w.endsWith('ss'));

/**
 * What "how many" counts: the last plural of the words after it up to the first stopword, the head of
 * the phrase ("how many riverton stores are open" counts stores, "how many border crossings in …" crossings, and
 * "how many people worked at …" people), else its first word.
 */
function countedNoun(after: readonly string[], language: Language): string | undefined {
  const start = after.findIndex((w) => !isStopword(w, language));
  if (start < 0) return undefined;
  const end = after.findIndex((w, i) => i > start && isStopword(w, language));
  const phrase = after.slice(start, end < 0 ? undefined : end);
  return phrase.findLast(isPlural) ?? phrase[0];
}

/** Words of a question asking when something is to happen: "when will …", "when does the lab think it'll …" ("it'll" is read as "it", "ll"). */
const AHEAD_CUES = new Set([
  'will',
  'll',
  'gonna',
  'expect',
  'expects',
  'expected',
  'supposed',
  'plan',
  'plans',
  'planned',
  'hope',
  'hopes',
  'think',
  'thinks',
  'want',
  'wants',
  'aim',
  'aims',
  'intend',
  'intends',
]);

/** Words after "when" that put the question in the past: "when did …", "when was …". */
const PAST_AUXILIARIES = new Set(['did', 'was', 'were']);

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

/** Verbs too light to say what was done: "what did she do", "what did he get". */
const LIGHT_VERBS = new Set('do get got have make go take happen'.split(' '));

/**
 * "what did the coach blame for the defeat" asks for what the verb was done to: the verb is the
 * last word of the first run of words after "did" ("the coach blame"), and a sentence saying it
 * ("she blamed a wet pitch") is a weak answer (see `deedStrength`).
 */
function deedSlot(words: readonly string[], language: Language): Slot | undefined {
  if (words[0] !== 'what' || !AUXILIARIES.has(words[1] ?? '')) return undefined;
  const start = words.findIndex((w, i) => i > 1 && !isStopword(w, language));
  if (start < 0) return undefined;
  const end = words.findIndex((w, i) => i > start && isStopword(w, language));
  const verb = words[(end < 0 ? words.length : end) - 1]!;
  if (end - start < 2 || LIGHT_VERBS.has(verb)) return undefined;
  // "what did the city raise the fee to" asks for the new level: "raised the fee to $40".
  return words.at(-1) === 'to' ? { kind: 'deed', role: [verb], level: true } : { kind: 'deed', role: [verb] };
}

/** Words for a count of votes or points: "what was the vote to expel Jones" is answered by "a 72-25 vote". */
const TALLY_WORDS = new Set(['vote', 'score', 'tally']);

/** "what was the vote/score": two counts set against each other are the strong answer, any count a weak one. */
function tallySlot(words: readonly string[]): Slot | undefined {
  return words.includes('what') && words.some((w) => TALLY_WORDS.has(w)) ? { kind: 'tally' } : undefined;
}

/** Words asking what something costs without "how much": "riverton bridge repairs cost", "what did the pass cost". */
const PRICE_WORDS = new Set(['price', 'prices', 'cost', 'costs']);

/** A question asking for a price without "how much" (keywords, "what did it cost") asks for a sum of money. */
function priceSlot(words: readonly string[]): Slot | undefined {
  return words.some((w) => PRICE_WORDS.has(w)) && !words.some(asksOtherThanAmount) ? { kind: 'number', money: true } : undefined;
}
/** A question word that asks for something else than an amount ("why did the cost rise", "when will prices fall"). */
const asksOtherThanAmount = (w: string) => isInterrogative(w, CHECK_LANGUAGE) && w !== 'what' && w !== 'which';

/** Nouns for a person by their office or trade: "which judge", "what senator" ask "who". */
const PERSON_NOUNS = new Set(
  'judge senator governor mayor president ceo founder coach player actor actress singer rapper lawyer attorney official officer candidate chancellor minister justice lawmaker legislator politician congressman congresswoman prosecutor plaintiff athlete author writer artist director sheriff'.split(
    ' ',
  ),
);

/** "which judge approved the mall sale" asks for a person, the judge being the role asked about. */
function personNounSlot(words: readonly string[]): Slot | undefined {
  const at = words.findIndex((w, i) => PERSON_NOUNS.has(w) && (words[i - 1] === 'which' || words[i - 1] === 'what'));
  return at < 0 ? undefined : roleSlot([words[at]!]);
}

/** Nouns for a company or another organisation: "which company", "what airline" ask for its name. */
const ORGANISATION_NOUNS = new Set(
  'company firm business corporation airline carrier bank retailer chain brand manufacturer automaker startup agency organization organisation nonprofit charity'.split(
    ' ',
  ),
);
/** Nouns for an honour: "what medal did she get", "which award did he win". */
const HONOUR_NOUNS = new Set('medal award prize honor honour trophy'.split(' '));

/**
 * "which company …" asks for an organisation's name, "what medal …" for an honour's (see
 * `kindNameStrength`): the noun right after "which" or "what" says which.
 */
function kindNounSlot(words: readonly string[]): Slot | undefined {
  const at = words.findIndex((w) => w === 'which' || w === 'what');
  const noun = at < 0 ? undefined : words[at + 1];
  if (noun === undefined) return undefined;
  if (ORGANISATION_NOUNS.has(noun)) return { kind: 'organisation' };
  return HONOUR_NOUNS.has(noun) ? { kind: 'honour' } : undefined;
}

/** Units of amounts a reader types beside keywords to ask for the amount ("… budget cut million", "… max stay nights"). */
const KEYWORD_UNITS = new Set(
  'million billion trillion percent seconds minutes hours days nights weeks months years miles km kilometers kilometres feet meters metres yards inches acres pounds lb kg tons'.split(
    ' ',
  ),
);

/** Keywords asking for a share ("transit share of city emissions"): a percentage answers them. */
const SHARE_WORDS = new Set(['share', 'percentage', 'proportion', 'fraction']);

/**
 * Keywords naming a unit ("million") ask for the number before it ("$5.5 million"): a question
 * without a question word is typed as keywords ("washoe assessor budget cut million").
 */
function keywordSlot(words: readonly string[]): Slot | undefined {
  if (words.some((w) => isInterrogative(w, CHECK_LANGUAGE))) return undefined;
  if (words.some((w) => SHARE_WORDS.has(w))) return { kind: 'number', percent: true };
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
/** A question word that asks for something else than a person (not who, whom, whose). */
const asksOther = (w: string) => isInterrogative(w, CHECK_LANGUAGE) && !w.startsWith('who');

/** A question asking for someone's name without "who" ("did police identify the driver") asks for a person. */
function identifySlot(words: readonly string[]): Slot | undefined {
  return words.some((w) => IDENTIFY_CUES.has(w)) && !words.some(asksOther) ? roleSlot(roleWords(words)) : undefined;
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
