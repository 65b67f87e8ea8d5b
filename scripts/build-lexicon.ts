/**
 * npm run build-lexicon -- [--dictd DIR] [--out FILE]
 *
 * Builds `models/lexicon.tsv.gz`, the bilingual word list that lets a question in German, Spanish,
 * French or Russian find English articles, from Debian's FreeDict dictionaries (GPL, so the file is
 * built where the bot runs rather than shipped with it; see models/README.md):
 *
 *   sudo apt-get install dict-freedict-deu-eng dict-freedict-spa-eng dict-freedict-fra-eng dict-freedict-eng-rus
 *   npm run build-lexicon
 *
 * Only one-word headwords and one-word translations are kept ("Angriff" → attack, assault), a few
 * per headword, lowercased; English–Russian is read in reverse (Russian word → the English headwords
 * that give it). Each line is `language TAB word TAB translation translation…`.
 */
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { LEXICON_FILE } from '../src/search/lexicon.js';
import { parseCommandLine } from '../src/cli/args.js';
import { runCli } from '../src/cli/run.js';
import { UsageError } from '../src/errors.js';
import { writeFileAtomic } from '../src/write-atomic.js';

const USAGE = 'usage: npm run build-lexicon -- [--dictd /usr/share/dictd] [--out models/lexicon.tsv.gz]\n  -h, --help  this help';

/** The dictionaries read: FreeDict name, the question language, and whether English is its source side. */
const DICTIONARIES = [
  { name: 'freedict-deu-eng', language: 'de', reversed: false },
  { name: 'freedict-spa-eng', language: 'es', reversed: false },
  { name: 'freedict-fra-eng', language: 'fr', reversed: false },
  { name: 'freedict-eng-rus', language: 'ru', reversed: true },
  // Read in reverse as well: they add words the small Spanish and French ones lack ("abogado").
  { name: 'freedict-eng-spa', language: 'es', reversed: true },
  { name: 'freedict-eng-fra', language: 'fr', reversed: true },
] as const;

/** Translations kept per word: the first senses are the common ones, and more only dilute the weight. */
export const MAX_TRANSLATIONS = 4;

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

/** The one-word translations an entry's body gives, in its order (its first line is the headword's). */
export function translationsOf(body: string): string[] {
  const out: string[] = [];
  for (const raw of body.split('\n').slice(1)) {
    const line = raw.trim();
    // Cross references, synonyms, notes and examples are not translations.
    if (!line || /^(see:|synonyms?:|note:|antonyms?:|")/i.test(line)) continue;
    const cleaned = line.replace(/\[[^\]]*\]|<[^>]*>|\([^)]*\)|\{[^}]*\}/g, ' ').replace(/^\d+\.\s*/, '');
    for (const piece of cleaned.split(/[,;]/)) {
      const word = piece
        .trim()
        .replace(/^(to|a|an|the)\s+/i, '')
        .toLowerCase();
      if (/^\p{L}[\p{L}'-]*$/u.test(word)) out.push(word);
    }
  }
  return out;
}

/** Adds translations for a headword (one word only), keeping the first MAX_TRANSLATIONS. */
function add(lexicon: Map<string, string[]>, headword: string, translations: readonly string[]): void {
  const word = headword.normalize('NFC').toLowerCase();
  if (!/^\p{L}[\p{L}\p{M}]*$/u.test(word)) return;
  const known = lexicon.get(word) ?? [];
  for (const t of translations) if (known.length < MAX_TRANSLATIONS && !known.includes(t) && t !== word) known.push(t);
  if (known.length) lexicon.set(word, known);
  else if (translations.includes(word)) lexicon.set(word, [word]);
}

/** A language's lexicon from its dictionary's entries (reversed: English headwords, foreign translations). */
export function lexiconOf(entries: readonly DictEntry[], reversed: boolean, lexicon = new Map<string, string[]>()): Map<string, string[]> {
  for (const { headword, body } of entries) {
    const translations = translationsOf(body);
    if (!reversed) add(lexicon, headword, translations);
    else if (/^\p{L}+$/u.test(headword)) for (const foreign of translations) add(lexicon, foreign, [headword.toLowerCase()]);
  }
  return lexicon;
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseCommandLine(argv, {
    usage: USAGE,
    options: {
      dictd: { type: 'string', default: '/usr/share/dictd' },
      out: { type: 'string', default: LEXICON_FILE },
    },
  });
  const byLanguage = new Map<string, Map<string, string[]>>();
  const counts: string[] = [];
  for (const d of DICTIONARIES) {
    const base = path.join(values.dictd, d.name);
    if (!existsSync(`${base}.index`)) {
      counts.push(`${d.name} skipped (apt-get install dict-${d.name})`);
      continue;
    }
    const entries = readDictd(await fs.readFile(`${base}.index`, 'utf8'), gunzipSync(await fs.readFile(`${base}.dict.dz`)));
    byLanguage.set(d.language, lexiconOf(entries, d.reversed, byLanguage.get(d.language)));
  }
  const lines: string[] = [];
  for (const [language, lexicon] of byLanguage) {
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
