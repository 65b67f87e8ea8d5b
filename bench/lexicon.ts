/**
 * npm run bench:lexicon -- [--reference] [--compare] [--lookups N]
 *
 * What the word list (models/lexicon.tsv.gz, `npm run build-lexicon`) costs once loaded: heap and
 * RSS growth after garbage collection, the time to read it, the first lookup per language (which
 * groups that language's headwords by stem), and the time per lookup after that. `--reference`
 * measures the old Map-based table instead; `--compare` loads both and checks that every headword,
 * and a few made-up forms of each, translate the same, and that every headword's stem finds the
 * same headwords.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { UsageError } from '../src/errors.js';
import type { Language } from '../src/search/language.js';
import { LEXICON_FILE, Lexicon } from '../src/search/lexicon.js';
import { termOf } from '../src/search/normalize.js';
import { parseCommandLine } from '../src/cli/args.js';
import { runCli } from '../src/cli/run.js';
import { ReferenceLexicon } from './lexicon-reference.js';

const USAGE = `usage: npm run bench:lexicon -- [--reference] [--compare] [--lookups N]

Measures the loaded word list (models/lexicon.tsv.gz): memory, load time, first and later lookups.

  --reference    measure the old Map-based table instead
  --compare      check that the old and new tables translate every headword alike
  --lookups N    lookups timed per language (default 20000)
  -h, --help     this help`;

const LANGUAGES: Language[] = ['de', 'es', 'fr', 'it', 'pt', 'ru'];

interface Translator {
  translate(word: string, language: Language): string[][] | undefined;
}

function memory(): { heap: number; rss: number; external: number } {
  for (let i = 0; i < 3; i++) global.gc!();
  const m = process.memoryUsage();
  return { heap: m.heapUsed, rss: m.rss, external: m.external };
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

function describeGrowth(label: string, from: ReturnType<typeof memory>, ms: number): string {
  const to = memory();
  return `${label}: ${ms.toFixed(0)} ms; heap +${mb(to.heap - from.heap)}, external +${mb(to.external - from.external)}, RSS +${mb(to.rss - from.rss)}`;
}

/** Made-up forms of a headword, the kind a question holds: inflected, shortened, compounded. */
function formsOf(word: string): string[] {
  return [word, `${word}s`, `${word}en`, word.slice(0, -1), `${word.slice(0, -2)}e`];
}

/** Every 7th headword's forms, up to `lookups` words a language. */
function samplesOf(bytes: Buffer, lookups: number): Map<Language, string[]> {
  const headwords = ReferenceLexicon.parse(bytes.toString('utf8'));
  return new Map(
    LANGUAGES.map((l) => [
      l,
      [...headwords.headwords(l)]
        .filter((_, i) => i % 7 === 0)
        .flatMap(formsOf)
        .slice(0, lookups),
    ]),
  );
}

function measure(reference: boolean, lookups: number, bytes: Buffer): void {
  const samples = samplesOf(bytes, lookups);
  const before = memory();
  let started = performance.now();
  const lexicon: Translator = reference
    ? ReferenceLexicon.parse(gunzipSync(readFileSync(LEXICON_FILE)).toString('utf8'))
    : Lexicon.parse(gunzipSync(readFileSync(LEXICON_FILE)));
  const out = [describeGrowth(`${reference ? 'reference' : 'compact'} load`, before, performance.now() - started)];
  for (const language of LANGUAGES) {
    const words = samples.get(language)!;
    const was = memory();
    started = performance.now();
    lexicon.translate(words[1]!, language);
    out.push(describeGrowth(`  ${language} first lookup`, was, performance.now() - started));
    for (const w of words) termOf(w, language);
    started = performance.now();
    for (const w of words) lexicon.translate(w, language);
    out.push(`  ${language}: ${(((performance.now() - started) / words.length) * 1000).toFixed(1)} µs a lookup (${words.length} words)`);
  }
  out.push(describeGrowth('all told', before, 0));
  process.stdout.write(`${out.join('\n')}\n`);
}

function compare(bytes: Buffer): number {
  const text = bytes.toString('utf8');
  const old = ReferenceLexicon.parse(text);
  const compact = Lexicon.parse(bytes);
  let differences = 0;
  let checked = 0;
  for (const language of LANGUAGES) {
    for (const word of old.headwords(language)) {
      for (const form of formsOf(word)) {
        checked++;
        const [a, b] = [JSON.stringify(old.translate(form, language)), JSON.stringify(compact.translate(form, language))];
        if (a !== b && differences++ < 10) process.stdout.write(`${language} ${form}: ${a} vs ${b}\n`);
      }
    }
    for (const [stem, words] of old.stemsOf(language)) {
      checked++;
      const found = compact.headwordsOfStem(stem, language);
      if (JSON.stringify(found) !== JSON.stringify(words) && differences++ < 10)
        process.stdout.write(`${language} stem ${stem}: ${words} vs ${found}\n`);
    }
  }
  process.stdout.write(`${checked} lookups and stems compared, ${differences} differ\n`);
  return differences ? 1 : 0;
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseCommandLine(argv, {
    usage: USAGE,
    options: {
      reference: { type: 'boolean', default: false },
      compare: { type: 'boolean', default: false },
      lookups: { type: 'string', default: '20000' },
    },
  });
  const lookups = Number(values.lookups);
  if (!(Number.isInteger(lookups) && lookups > 0)) throw new UsageError('--lookups must be a positive whole number');
  if (!existsSync(LEXICON_FILE)) throw new UsageError(`no word list at ${LEXICON_FILE}: run npm run build-lexicon first`);
  if (!global.gc) throw new UsageError('run through npm run bench:lexicon (node needs --expose-gc)');
  const bytes = gunzipSync(readFileSync(LEXICON_FILE));
  if (values.compare) return compare(bytes);
  measure(values.reference, lookups, bytes);
  return 0;
}

runCli((argv) => main(argv), import.meta.url);
