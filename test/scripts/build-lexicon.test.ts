import { describe, expect, it } from 'vitest';
import { lexiconOf, readDictd, translationsOf } from '../../scripts/build-lexicon.js';

// Two entries as FreeDict's dictd files hold them: the index (headword without spaces, offset and
// length in base64 digits) and the text.
const TEXT = ['Angriff /ˈanɡɾˌɪf/ <masc, n, sg>', ' [mil.] attack <n>, assault <n>', '   Synonyms: {Überfall}', ''].join('\n');
const SECOND = ['llamar a la puerta /x/', 'knock', ''].join('\n');
const DICT = Buffer.from(TEXT + SECOND, 'utf8');
const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const b64 = (n: number): string => (n < 64 ? DIGITS[n]! : b64(Math.floor(n / 64)) + DIGITS[n % 64]!);
const first = Buffer.byteLength(TEXT);
const INDEX = `00databaseinfo\tA\tB\nAngriff\tA\t${b64(first)}\nllamaralapuerta\t${b64(first)}\t${b64(Buffer.byteLength(SECOND))}\n`;

describe('build-lexicon', () => {
  it('reads one-word headwords with their one-word translations, lowercased, and skips phrases', () => {
    const lexicon = lexiconOf(readDictd(INDEX, DICT), false);
    expect([...lexicon]).toEqual([['angriff', ['attack', 'assault']]]);
  });

  it('drops notes, examples, domains and a verb’s "to"', () => {
    expect(translationsOf('x\n1. to give up, yield\n         Note: rare\n      "ein Beispiel"  - an example')).toEqual(['yield']);
  });
});
