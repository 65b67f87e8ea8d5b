/**
 * npm run build-lexicon -- [--dictd DIR] [--out FILE]
 *
 * Builds `models/lexicon.tsv.gz`, the bilingual word list that lets a question in German, Spanish,
 * French, Italian, Portuguese or Russian find English articles, from Debian's FreeDict dictionaries and
 * Mueller's English–Russian one (GPL, so the file is built where the bot runs rather than shipped
 * with it; see models/README.md for the install line).
 *
 * One-word headwords are kept with a few translations each, lowercased: one-word ones, or a phrase
 * of up to three words when there is no one-word one ("Heiligabend" → christmas_eve). English–X
 * dictionaries are read in reverse (X word → the English headwords that give it); German–X and X–German
 * ones reach English through German–English, French–Russian through the French lexicon. Each line
 * is `language TAB word TAB translation…`.
 */
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { LEXICON_FILE } from '../src/search/lexicon.js';
import { decodeVectors, VECTORS_FILE } from '../src/app/vectors.js';
import { parseCommandLine } from '../src/cli/args.js';
import { runCli } from '../src/cli/run.js';
import { UsageError } from '../src/errors.js';
import { writeFileAtomic } from '../src/write-atomic.js';

const USAGE = 'usage: npm run build-lexicon -- [--dictd /usr/share/dictd] [--out models/lexicon.tsv.gz]\n  -h, --help  this help';

/**
 * The dictionaries read: FreeDict name, the question language, whether English (or the pivot) is its
 * source side, and `via` for one that translates to German (or French) rather than English: its
 * words reach English through the German–English one, by far the largest (Russian has only 1.7k
 * English entries of its own, Spanish, French and Italian a few thousand), or through the French
 * lexicon.
 */
const DICTIONARIES: ReadonlyArray<{
  name: string;
  language: string;
  reversed: boolean;
  via?: 'de' | 'fr';
  /** How its entries are written, when not as FreeDict's, and the Debian package that installs it. */
  mueller?: { package: string };
}> = [
  { name: 'freedict-deu-eng', language: 'de', reversed: false },
  { name: 'freedict-spa-eng', language: 'es', reversed: false },
  { name: 'freedict-fra-eng', language: 'fr', reversed: false },
  { name: 'freedict-eng-rus', language: 'ru', reversed: true },
  { name: 'freedict-ita-eng', language: 'it', reversed: false },
  { name: 'freedict-por-eng', language: 'pt', reversed: false },
  // Read in reverse as well: they add words the small Spanish, French, Italian and Portuguese ones lack ("abogado").
  { name: 'freedict-eng-spa', language: 'es', reversed: true },
  { name: 'freedict-eng-fra', language: 'fr', reversed: true },
  { name: 'freedict-eng-ita', language: 'it', reversed: true },
  { name: 'freedict-eng-por', language: 'pt', reversed: true },
  { name: 'freedict-deu-rus', language: 'ru', reversed: true, via: 'de' },
  { name: 'freedict-deu-spa', language: 'es', reversed: true, via: 'de' },
  { name: 'freedict-spa-deu', language: 'es', reversed: false, via: 'de' },
  { name: 'freedict-deu-fra', language: 'fr', reversed: true, via: 'de' },
  { name: 'freedict-fra-deu', language: 'fr', reversed: false, via: 'de' },
  { name: 'freedict-deu-ita', language: 'it', reversed: true, via: 'de' },
  { name: 'freedict-ita-deu', language: 'it', reversed: false, via: 'de' },
  { name: 'freedict-deu-por', language: 'pt', reversed: true, via: 'de' },
  { name: 'freedict-por-deu', language: 'pt', reversed: false, via: 'de' },
  // Wiktionary-made, 17.9k entries: Russian words none of the others has ("эпицентр").
  { name: 'freedict-fra-rus', language: 'ru', reversed: true, via: 'fr' },
  // Mueller's English–Russian dictionary (Debian's mueller7-dict, GPL-2+, 46k entries), read in
  // reverse as one more vote: the common Russian words FreeDict's 1.7k English entries lack
  // ("использовать" → use, "паровой" → steam).
  { name: 'mueller7', language: 'ru', reversed: true, mueller: { package: 'mueller7-dict' } },
];

/** Translations kept per word: the first senses are the common ones, and more only dilute the weight. */
export const MAX_TRANSLATIONS = 4;
/** German words a word reaches through the pivot, and English words each of them gives: their first senses. */
const PIVOT_WORDS = 3;
const PIVOT_TRANSLATIONS = 2;

/** One dictd entry: its headword and the lines of its translations. */
export interface DictEntry {
  headword: string;
  body: string;
}

/** The entries of a dictd dictionary (`.index`: word, offset, length in base64 digits; `.dict.dz`: gzip). */
export function readDictd(index: string, dict: Buffer): DictEntry[] {
  const entries: DictEntry[] = [];
  for (const line of index.split('\n')) {
    const [key, offset, length] = line.split('\t');
    if (!key || !offset || !length || key.startsWith('00database')) continue;
    const at = base64Number(offset);
    const body = dict.subarray(at, at + base64Number(length)).toString('utf8');
    // The headword as the entry writes it: the index's key drops spaces ("llamar a la puerta" → "llamaralapuerta").
    const headword = body
      .split('\n', 1)[0]!
      .replace(/\/[^/]*\/|<[^>]*>/g, ' ')
      .trim();
    entries.push({ headword, body });
  }
  return entries;
}

const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function base64Number(text: string): number {
  let n = 0;
  for (const c of text) n = n * 64 + DIGITS.indexOf(c);
  return n;
}

const WORD = /^\p{L}[\p{L}'-]*$/u;
/** Longest phrase kept as a translation ("body bag", "Christmas Eve"): longer ones are explanations. */
const MAX_PHRASE = 3;

/**
 * The translations an entry's body gives, in its order: one word as it is, a phrase of up to three
 * words joined by "_" ("christmas_eve": what the lexicon offers when no one word will do). The
 * translations are the entry's first line and its numbered senses; the lines under a sense in the
 * Wiktionary-made dictionaries (deu-rus, fra-deu…) explain it in the source language.
 */
export function translationsOf(body: string): string[] {
  const out: string[] = [];
  const lines = body
    .split('\n')
    .slice(1)
    .map((l) => l.trim())
    // Cross references, synonyms, notes and examples are not translations.
    .filter((l) => l && !/^(see:|synonyms?:|note:|antonyms?:|")/i.test(l));
  for (const [i, line] of lines.entries()) {
    if (i > 0 && !/^\d+\./.test(line)) continue;
    const cleaned = line
      // A spelling's optional letters ("labo(u)r") are kept: the parentheses below hold notes.
      .replace(/(?<=\p{L})\((\p{L}+)\)(?=\p{L})/gu, '$1')
      // A part of speech with its abbreviation glued on ("north <n>N") is a note, abbreviation and all.
      .replace(/<[^>]*>[\p{L}.]*/gu, ' ')
      .replace(/\[[^\]]*\]|\([^)]*\)|\{[^}]*\}/g, ' ')
      .replace(/^\d+\.\s*/, '')
      // A sense's reference to another one ("schießen 2.").
      .replace(/\s\d+\.(?=\s*(?:[,;]|$))/g, ' ');
    for (const piece of cleaned.split(/[,;]/)) {
      const words = piece
        .trim()
        .replace(/^(to|a|an|the)\s+/i, '')
        .toLowerCase()
        .split(/\s+/);
      if (words.length <= MAX_PHRASE && words.every((w) => WORD.test(w))) out.push(words.join('_'));
    }
  }
  return out;
}

/**
 * The translations a Mueller entry gives: on each sense line ("1. _n. пар", "2) перехватить;
 * прерывать, выключать"), the words and phrases before its first English example, without the
 * labels ("_n.", "_воен."), transcriptions and parentheses.
 */
export function muellerTranslationsOf(body: string): string[] {
  const out: string[] = [];
  for (const raw of body.split('\n').slice(1)) {
    // A line that starts a sense (a number, a label, the transcription); the others carry on an example.
    const line = raw.trim().replace(/^\[[^\]]*\]\s*/, '_. ');
    const sense = /^(?:\d+\.\s*)?(?:\d+\)|[а-я]\))?\s*/u.exec(line)![0];
    if (!sense.trim() && !line.startsWith('_')) continue;
    const text = line
      .slice(sense.length)
      .replace(/\[[^\]]*\]|\([^)]*\)|_\S+/gu, ' ')
      .trim();
    for (const piece of text.split(';')) {
      if (/[a-z]/i.test(piece)) break;
      for (const part of piece.split(',')) {
        const words = part.trim().toLowerCase().split(/\s+/);
        if (words.length <= MAX_PHRASE && words.every((w) => WORD.test(w))) out.push(words.join('_'));
      }
    }
  }
  return out;
}

/** Per headword, its translations in the order found (before `finish` keeps the best). */
type Table = Map<string, string[]>;

/** Adds translations for a headword (one word only). */
function add(table: Table, headword: string, translations: readonly string[]): void {
  const word = headword.normalize('NFC').toLowerCase();
  if (!/^\p{L}[\p{L}\p{M}]*$/u.test(word) || translations.length === 0) return;
  const known = table.get(word) ?? [];
  for (const t of translations) if (!known.includes(t)) known.push(t);
  table.set(word, known);
}

/** How common an English word is: its rank among the word vectors' words (by frequency), unknown last. */
export type Commonness = (english: string) => number;

/**
 * A word's translations as the lexicon keeps them, from what each dictionary gives it: the one-word
 * ones more dictionaries agree on first, then the commoner English words (the dictionaries list
 * rare senses alongside common ones: "abogado" → intercessor, lawyer), at most MAX_TRANSLATIONS; or,
 * when there are none, its first phrase; the word itself only when it is all there is ("test").
 */
export function kept(word: string, given: ReadonlyArray<readonly string[]>, commonness: Commonness = () => 0): string[] {
  const votes = new Map<string, number>();
  for (const translations of given) for (const t of new Set(translations)) votes.set(t, (votes.get(t) ?? 0) + 1);
  const others = [...votes.keys()].filter((t) => t !== word);
  const words = others.filter((t) => !t.includes('_'));
  if (words.length) {
    const order = new Map(words.map((t, i) => [t, i]));
    const rank = (t: string) => commonness(t);
    return words.sort((x, y) => votes.get(y)! - votes.get(x)! || rank(x) - rank(y) || order.get(x)! - order.get(y)!).slice(0, MAX_TRANSLATIONS);
  }
  if (others.length) return others.slice(0, 1);
  return votes.size ? [word] : [];
}

/** A language's translations from its dictionary's entries (reversed: English or German headwords, foreign translations). */
export function lexiconOf(entries: readonly DictEntry[], reversed: boolean, table: Table = new Map(), read = translationsOf): Table {
  if (!reversed) {
    for (const { headword, body } of entries) add(table, headword, read(body));
    return table;
  }
  // Read in reverse, a word's headwords come in the order of where it stands in their entries: the
  // headwords it is the first translation of before those it is a later sense of.
  const reversals = entries
    .map(({ headword, body }) => ({ source: headword.toLowerCase().split(/\s+/), translations: read(body) }))
    .filter(({ source }) => source.length <= MAX_PHRASE && source.every((w) => WORD.test(w)));
  const longest = Math.max(0, ...reversals.map((r) => r.translations.length));
  for (let at = 0; at < longest; at++)
    for (const { source, translations } of reversals) if (at < translations.length) add(table, translations[at]!, [source.join('_')]);
  return table;
}

/**
 * A table of German (or French) words made English through that language's lexicon: each word's
 * first PIVOT_WORDS pivot words, and their first PIVOT_TRANSLATIONS English ones, those that more of
 * its pivot words give first ("землетрясение" → Erdbeben → earthquake, quake).
 */
export function throughPivot(viaPivot: Table, pivot: ReadonlyMap<string, readonly string[]>): Table {
  const out: Table = new Map();
  for (const [word, pivotWords] of viaPivot) {
    const votes = new Map<string, number>();
    for (const g of pivotWords.filter((g) => pivot.has(g)).slice(0, PIVOT_WORDS))
      for (const e of pivot.get(g)!.slice(0, PIVOT_TRANSLATIONS)) votes.set(e, (votes.get(e) ?? 0) + 1);
    const english = [...votes].sort((a, b) => b[1] - a[1]).map(([e]) => e);
    if (english.length) out.set(word, english);
  }
  return out;
}

/** What the dictionaries of one language give: each one's table, and the German (French) words its pivot ones give. */
export interface Sources {
  direct: Table[];
  viaGerman: Table;
  viaFrench?: Table;
}

/**
 * The final lexicon of each language: what its own dictionaries and the pivot through German agree
 * on first; then, through the French lexicon as built, words none of those has. Only those: as one
 * more vote it reordered a quarter of the Russian words' translations, gaining and losing questions.
 */
export function buildLexicon(sources: ReadonlyMap<string, Sources>, commonness?: Commonness): Map<string, Map<string, string[]>> {
  const finished = (tables: readonly Table[]) => {
    const out = new Map<string, string[]>();
    for (const word of new Set(tables.flatMap((t) => [...t.keys()]))) {
      const translations = kept(
        word,
        tables.flatMap((t) => (t.has(word) ? [t.get(word)!] : [])),
        commonness,
      );
      if (translations.length) out.set(word, translations);
    }
    return out;
  };
  const german = finished(sources.get('de')?.direct ?? []);
  const out = new Map<string, Map<string, string[]>>();
  for (const [language, { direct, viaGerman }] of sources) out.set(language, finished([...direct, throughPivot(viaGerman, german)]));
  const french = out.get('fr') ?? new Map<string, string[]>();
  for (const [language, { viaFrench }] of sources) {
    const lexicon = out.get(language)!;
    for (const [word, translations] of viaFrench ? finished([throughPivot(viaFrench, french)]) : [])
      if (!lexicon.has(word)) lexicon.set(word, translations);
  }
  return out;
}

/** English words by frequency, from the word vectors the repository ships (GloVe lists them commonest first). */
async function commonness(): Promise<Commonness | undefined> {
  if (!existsSync(VECTORS_FILE)) return undefined;
  const vectors = decodeVectors(await fs.readFile(VECTORS_FILE));
  return (english) => vectors.id(english) ?? vectors.size;
}

/**
 * What the DICTIONARIES installed in `dir` give, per question language, and a note for each one
 * missing (the others are built without it).
 */
export async function readSources(dir: string): Promise<{ tables: Map<string, Sources>; counts: string[] }> {
  const tables = new Map<string, Sources>();
  const counts: string[] = [];
  for (const d of DICTIONARIES) {
    const base = path.join(dir, d.name);
    if (!existsSync(`${base}.index`)) {
      counts.push(`${d.name} skipped (apt-get install ${d.mueller?.package ?? `dict-${d.name}`})`);
      continue;
    }
    const entries = readDictd(await fs.readFile(`${base}.index`, 'utf8'), gunzipSync(await fs.readFile(`${base}.dict.dz`)));
    let t = tables.get(d.language);
    if (!t) tables.set(d.language, (t = { direct: [], viaGerman: new Map() }));
    if (d.via === 'fr') lexiconOf(entries, d.reversed, (t.viaFrench ??= new Map()));
    else if (d.via) lexiconOf(entries, d.reversed, t.viaGerman);
    else t.direct.push(lexiconOf(entries, d.reversed, new Map(), d.mueller ? muellerTranslationsOf : translationsOf));
  }
  return { tables, counts };
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseCommandLine(argv, {
    usage: USAGE,
    options: {
      dictd: { type: 'string', default: '/usr/share/dictd' },
      out: { type: 'string', default: LEXICON_FILE },
    },
  });
  const { tables, counts } = await readSources(values.dictd);
  const lines: string[] = [];
  for (const [language, lexicon] of buildLexicon(tables, await commonness())) {
    for (const [word, translations] of [...lexicon].sort((a, b) => (a[0] < b[0] ? -1 : 1)))
      lines.push(`${language}\t${word}\t${translations.join(' ')}`);
    counts.push(`${language}: ${lexicon.size} words`);
  }
  if (lines.length === 0) throw new UsageError(`no FreeDict dictionaries in ${values.dictd}: ${counts.join('; ')}`);
  const bytes = gzipSync(`${lines.join('\n')}\n`, { level: 9 });
  await writeFileAtomic(values.out, bytes);
  process.stdout.write(`${values.out}: ${(bytes.length / 1e6).toFixed(1)} MB; ${counts.join(', ')}\n`);
  return 0;
}

runCli((argv) => main(argv), import.meta.url);
