import { isStopword, termOf } from './normalize.js';
import { BESIDE_CUE, CHECK_LANGUAGE, STRONG, type Slot } from './slots.js';

/** The names a sentence gives that the question does not: the answer to "who" and "where". */

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
  // A title names a person wherever the name stands: "the ruling, from County Judge Helen Marsh".
  if (name.some((n) => n.title)) return false;
  return /\b(?:in|at|near|from|outside)\s+(?:the\s+)?$/u.test(text.slice(Math.max(0, name[0]!.at - 12), name[0]!.at));
}

/**
 * Names the question does not say: two capitalized words of one are a strong one ("Greg Pettinaro";
 * for a place, "in Charlotte" too). A name holding a word of the question is the question's own, however
 * long: "Delta Air Lines" for "the delta plane", "Elon Musk" for "musk". For "who", a strong name
 * beside the question's own role or verb is stronger still (see `besideCue`).
 */
export function newNameStrength(text: string, said: ReadonlySet<string>, slot: Slot): number {
  const { kind } = slot;
  const says = (word: string) => saidWord(said, word);
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
export function sameWord(a: string, b: string): boolean {
  const root = rootOf(a);
  return root.length >= 3 && root === rootOf(b);
}
const rootOf = (word: string) =>
  word
    .replace(/ie[sd]$/u, 'y')
    .replace(/(?:es|ed|ing|s|d)$/u, '')
    .replace(/[ey]$/u, '');

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*/gu;

/** Whether the question says `word`, as written or as its index term. */
const saidWord = (said: ReadonlySet<string>, word: string) => said.has(word) || said.has(termOf(word, CHECK_LANGUAGE));

/** The last words of organisations' names ("Ridgeline Corp.", "Harbor Airlines", "Acme Holdings"). */
const ORGANISATION_WORDS = new Set(
  'corp corporation inc co company llc ltd plc group holdings airlines airways bank partners foundation industries technologies motors studios systems'.split(
    ' ',
  ),
);
/** Verbs an honour follows: "was awarded the Silver Star", "won her first Emmy". */
const HONOUR_VERB = /\b(?:awarded|won|wins|win|winning|received|receives|earned|earns)\s+$/u;
/** How many words after its verb an honour's name may come: "won his first Oscar". */
const HONOUR_REACH = 3;

/**
 * How strongly a sentence names an organisation or an honour the question does not: 2 for a name
 * ending in an organisation's word ("Volunteers from Ridgeline Corp." for "which company sent
 * volunteers"), or a name within HONOUR_REACH words after "awarded", "won", "received" ("was awarded
 * the Silver Star" for "what medal did he get"), else 0: another name ("West Riverton") is not the
 * kind asked for.
 */
export function kindNameStrength(text: string, said: ReadonlySet<string>, kind: 'organisation' | 'honour'): number {
  const says = (word: string) => saidWord(said, word);
  for (const name of namesOf(text, () => false)) {
    if (name.some((n) => !n.title && says(n.word))) continue;
    if (!name.some((n) => !n.opens && n.word.length >= 2)) continue;
    if (kind === 'organisation' ? ORGANISATION_WORDS.has(name.at(-1)!.word) : honoured(text, name[0]!.at)) return STRONG;
  }
  return 0;
}

/** Whether a verb of honouring stands within HONOUR_REACH words before `at`. */
function honoured(text: string, at: number): boolean {
  const before = [...text.slice(0, at).matchAll(WORD)].slice(-HONOUR_REACH);
  return before.some((m) => HONOUR_VERB.test(text.slice(0, m.index! + m[0].length + 1)));
}
