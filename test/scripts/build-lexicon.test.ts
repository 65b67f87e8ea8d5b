import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  buildLexicon,
  kept,
  lexiconOf,
  muellerTranslationsOf,
  readDictd,
  readSources,
  translationsOf,
  type DictEntry,
} from '../../scripts/build-lexicon.js';

// Two entries as FreeDict's dictd files hold them: the index (headword without spaces, offset and
// length in base64 digits) and the text.
const TEXT = ['Angriff /ˈanɡɾˌɪf/ <masc, n, sg>', ' [mil.] attack <n>, assault <n>', '   Synonyms: {Überfall}', ''].join('\n');
const SECOND = ['llamar a la puerta /x/', 'knock', ''].join('\n');
const DICT = Buffer.from(TEXT + SECOND, 'utf8');
const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const b64 = (n: number): string => (n < 64 ? DIGITS[n]! : b64(Math.floor(n / 64)) + DIGITS[n % 64]!);
const first = Buffer.byteLength(TEXT);
const INDEX = `00databaseinfo\tA\tB\nAngriff\tA\t${b64(first)}\nllamaralapuerta\t${b64(first)}\t${b64(Buffer.byteLength(SECOND))}\n`;

const entry = (headword: string, ...lines: string[]): DictEntry => ({ headword, body: [headword, ...lines, ''].join('\n') });
const lexicon = (tables: Record<string, { direct?: DictEntry[]; reversed?: DictEntry[]; viaGerman?: DictEntry[]; germanReversed?: DictEntry[] }>) =>
  buildLexicon(
    new Map(
      Object.entries(tables).map(([language, t]) => {
        const direct = [lexiconOf(t.direct ?? [], false), lexiconOf(t.reversed ?? [], true)];
        const viaGerman = lexiconOf(t.germanReversed ?? [], true, lexiconOf(t.viaGerman ?? [], false));
        return [language, { direct, viaGerman }];
      }),
    ),
  );

describe('build-lexicon', () => {
  it('reads one-word headwords with their one-word translations, lowercased, and skips phrase headwords', () => {
    const table = lexiconOf(readDictd(INDEX, DICT), false);
    expect([...table]).toEqual([['angriff', ['attack', 'assault']]]);
  });

  it('drops notes, examples, domains and a verb’s "to"', () => {
    expect(translationsOf('x\n1. to give up, yield\n         Note: rare\n      "ein Beispiel"  - an example')).toEqual(['give_up', 'yield']);
  });

  it('drops an abbreviation glued to a part of speech, and keeps a spelling’s optional letters', () => {
    expect(translationsOf('Norden /x/ <masc, n, sg>\nnorth <n>N,  /ˈɛn/')).toEqual(['north']);
    expect(translationsOf('Allee /x/ <fem, n, sg>\navenue <n>Ave,  /ˈɑːvɛ/ , alley <n>')).toEqual(['avenue', 'alley']);
    expect(translationsOf('x\nforeign labo(u)r <n>')).toEqual(['foreign_labour']);
  });

  it('reads the translation lines only, not the explanations under them in the Wiktionary-made dictionaries', () => {
    const body = ['Erdbeben <n, neut>', 'землетрясение', 'Erschütterungen des Erdbodens', '2. толчок 1.', 'Stoß', ''].join('\n');
    expect(translationsOf(body)).toEqual(['землетрясение', 'толчок']);
  });

  it('keeps a phrase only for a word no one word translates', () => {
    expect(kept('heiligabend', [['christmas_eve']])).toEqual(['christmas_eve']);
    expect(kept('anwalt', [['legal_counsel', 'lawyer', 'attorney']])).toEqual(['lawyer', 'attorney']);
    expect(kept('test', [['test']])).toEqual(['test']);
  });

  it('keeps the translations more dictionaries agree on, then the commoner English words', () => {
    const given = [
      ['advocate', 'barrister', 'counsel', 'intercessor', 'lawyer', 'solicitor'],
      ['lawyer', 'attorney'],
    ];
    const common = ['lawyer', 'counsel', 'attorney', 'advocate', 'solicitor', 'barrister'];
    const rank = (w: string) => (common.includes(w) ? common.indexOf(w) : common.length);
    expect(kept('abogado', given, rank)).toEqual(['lawyer', 'counsel', 'attorney', 'advocate']);
    // Without frequencies, the dictionaries' order.
    expect(kept('abogado', given)).toEqual(['lawyer', 'advocate', 'barrister', 'counsel']);
  });

  it('reads a reversed dictionary with a word’s first-sense headwords first', () => {
    const table = lexiconOf([entry('cause', '1. причина', '2. дело'), entry('case', '1. дело', '2. случай')], true);
    expect(table.get('дело')).toEqual(['case', 'cause']);
  });

  it('reaches English through German for words the English dictionaries lack', () => {
    const built = lexicon({
      de: { direct: [entry('Erdbeben', 'earthquake <n>, quake <n>, seism <n>'), entry('Schule', 'school, pod')] },
      ru: {
        reversed: [entry('school', 'школа')],
        germanReversed: [entry('Erdbeben', 'землетрясение', 'Erschütterungen des Erdbodens'), entry('Schule', 'школа')],
      },
    });
    expect(built.get('ru')!.get('землетрясение')).toEqual(['earthquake', 'quake']);
    // The word's own English dictionary first, then what German adds.
    expect(built.get('ru')!.get('школа')).toEqual(['school', 'pod']);
  });

  it('reads the Italian and Portuguese dictionaries, each in its direction, and through German', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dictd-'));
    try {
      // The Ergane-made ones: headword and pronunciation, then the translations, numbered when several.
      writeDictd(dir, 'freedict-ita-eng', ['chiamare /kjamˈare/\n1. call\n2. summon\n']);
      writeDictd(dir, 'freedict-eng-ita', ['house /hˈaʊs/\ncasa\n', 'church /tʃˈɜːtʃ/\nchiesa\n']);
      writeDictd(dir, 'freedict-por-eng', ['aliança /ˌɐliˈɐ̃ŋsɐ/\n1. alliance\n2. connection, league\n']);
      writeDictd(dir, 'freedict-deu-eng', ['Erdbeben /ˈeːɐ̯tˌbeːbn̩/\nearthquake, quake\n']);
      writeDictd(dir, 'freedict-deu-por', ['Erdbeben /ˈeːɐ̯tˌbeːbn̩/\nterremoto\n']);
      const built = buildLexicon((await readSources(dir)).tables);
      expect(built.get('it')!.get('chiamare')).toEqual(['call', 'summon']);
      expect(built.get('it')!.get('casa')).toEqual(['house']);
      expect(built.get('pt')!.get('aliança')).toEqual(['alliance', 'connection', 'league']);
      expect(built.get('pt')!.get('terremoto')).toEqual(['earthquake', 'quake']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reaches English through French for Russian words no other dictionary has, leaving the others as they were', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dictd-'));
    try {
      writeDictd(dir, 'freedict-fra-eng', ['épicentre /e.pi.sɑ̃tʁ/\nepicentre, epicenter\n', 'collège /kɔ.lɛʒ/\ncollege\n']);
      writeDictd(dir, 'freedict-eng-rus', ['school /skuːl/\nшкола\n']);
      // The Wiktionary-made French–Russian one: headword, part of speech, the translations.
      writeDictd(dir, 'freedict-fra-rus', ['épicentre /e.pi.sɑ̃tʁ/ <n, masc>\nэпицентр\n', 'collège /kɔ.lɛʒ/ <n, masc>\nшкола\n']);
      const built = buildLexicon((await readSources(dir)).tables);
      expect(built.get('ru')!.get('эпицентр')).toEqual(['epicentre', 'epicenter']);
      // A word English–Russian translates keeps its translations; the French pivot's are not added to them.
      expect(built.get('ru')!.get('школа')).toEqual(['school']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads a Mueller entry’s sense lines up to their first English example, without labels, transcriptions or parentheses', () => {
    const body = [
      'steam',
      '   [sti:m]',
      '   1. _n.',
      '      1) пар; in full steam на всех парах; вовсю; to get up steam',
      '      развести пары',
      '      2) _разг. энтузиазм, энергия',
      '   2. _a. паровой',
      '   3. _v. выпускать пар (из котла)',
      '',
    ].join('\n');
    expect(muellerTranslationsOf(body)).toEqual(['пар', 'энтузиазм', 'энергия', 'паровой', 'выпускать_пар']);
    expect(muellerTranslationsOf('quarterback\n   [kwɔ:tɜbæk] _n. защитник (в американском футболе)\n')).toEqual(['защитник']);
  });

  it('reads Mueller’s English–Russian dictionary in reverse, as one more vote beside FreeDict’s', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dictd-'));
    try {
      writeDictd(dir, 'freedict-eng-rus', ['school /skuːl/\nшкола\n']);
      writeDictd(dir, 'mueller7', ['steam\n   [sti:m]\n   1. _n. пар\n   2. _a. паровой\n', 'school\n   [sku:l] _n. школа\n', 'pod\n   _n. школа\n']);
      const { tables, counts } = await readSources(dir);
      const built = buildLexicon(tables);
      expect(built.get('ru')!.get('паровой')).toEqual(['steam']);
      // Both dictionaries give "school": it comes first.
      expect(built.get('ru')!.get('школа')).toEqual(['school', 'pod']);
      expect(counts).toContain('freedict-deu-rus skipped (apt-get install dict-freedict-deu-rus)');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** A dictd dictionary of `entries` (each its text) as FreeDict's `.index` and `.dict.dz` files. */
function writeDictd(dir: string, name: string, entries: readonly string[]): void {
  let offset = 0;
  const index = entries.map((text) => {
    const line = `${text.split(/\s/, 1)[0]}\t${b64(offset)}\t${b64(Buffer.byteLength(text))}`;
    offset += Buffer.byteLength(text);
    return line;
  });
  writeFileSync(path.join(dir, `${name}.index`), `${index.join('\n')}\n`);
  writeFileSync(path.join(dir, `${name}.dict.dz`), gzipSync(entries.join('')));
}
