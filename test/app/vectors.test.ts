import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeVectors, encodeVectors, loadWordVectors, VECTORS_FILE } from '../../src/app/vectors.js';
import { createLogger } from '../../src/log.js';
import { WordVectors } from '../../src/search/vectors.js';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), 'vectors-test-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function logged() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  const log = createLogger({ level: 'info', destination });
  return { log, text: () => lines.join('') };
}

const SAMPLE = WordVectors.fromFloats(
  ['ousted', 'replaced', 'café', 'naïve', 'zero'],
  Float32Array.from([1, 0.2, 0, 0.9, 0.3, 0.1, 0, 1, 0, 0.1, 0.8, -0.5, 0, 0, 0]),
  3,
);

describe('the word vectors shipped with the bot', () => {
  it('load from models/: 100 dimensions, tens of thousands of words, a file under 20 MB', async () => {
    const { log, text } = logged();
    const vectors = await loadWordVectors({ log });
    expect(vectors).toBeDefined();
    expect(vectors!.size).toBeGreaterThanOrEqual(50_000);
    expect(vectors!.dimensions).toBe(100);
    expect(statSync(VECTORS_FILE).size).toBeLessThan(20_000_000);
    expect(text()).toContain('word vectors ready');
  });

  it('put words used alike near each other', async () => {
    const v = (await loadWordVectors({ log: logged().log }))!;
    const sim = (a: string, b: string) => v.similarity(v.id(a)!, v.id(b)!);
    expect(sim('minister', 'premier')).toBeGreaterThan(sim('minister', 'banana') + 0.3);
    expect(sim('ousted', 'toppled')).toBeGreaterThan(sim('ousted', 'recipe') + 0.3);
    expect(sim('farmers', 'agriculture')).toBeGreaterThan(sim('farmers', 'telescope') + 0.3);
  });

  it('hold the words questions use and none the search never asks about', async () => {
    const v = (await loadWordVectors({ log: logged().log }))!;
    for (const w of ['election', 'vaccine', 'wildfire', 'parliament', 'ukraine', 'senator']) expect(v.id(w), w).toBeDefined();
    for (const w of [',', "'s", 'u.s.', 'e-mail']) expect(v.id(w), w).toBeUndefined();
  });
});

describe('the vectors file format', () => {
  it('reads back exactly the words and similarities written', () => {
    const back = decodeVectors(encodeVectors(SAMPLE, 'test'));
    expect(back.size).toBe(SAMPLE.size);
    expect(back.dimensions).toBe(3);
    for (let i = 0; i < SAMPLE.size; i++) {
      expect(back.word(i)).toBe(SAMPLE.word(i));
      for (let j = 0; j < SAMPLE.size; j++) expect(back.similarity(i, j)).toBe(SAMPLE.similarity(i, j));
    }
    expect(back.id('naïve')).toBe(3);
    expect(back.similarity(back.id('zero')!, back.id('ousted')!)).toBe(0);
  });

  it('names what is wrong with bytes that are not an intact file', () => {
    const good = encodeVectors(SAMPLE, 'test');
    expect(() => decodeVectors(Buffer.from('{"dimensions": 100}'))).toThrow(/not a word-vectors file/);
    expect(() => decodeVectors(good.subarray(0, good.length - 1))).toThrow(/truncated/);
    const flipped = Buffer.from(good);
    flipped[flipped.length - 2]! ^= 0x10;
    expect(() => decodeVectors(flipped)).toThrow(/checksum does not match/);
  });
});

describe('loading a file that cannot be used', () => {
  it('a damaged file: a warning that says so, and answering goes on by words alone', async () => {
    const file = path.join(tempDir(), 'word-vectors.en.bin');
    const bytes = Buffer.from(readFileSync(VECTORS_FILE));
    bytes[bytes.length - 1000]! ^= 0x01;
    writeFileSync(file, bytes);
    const { log, text } = logged();
    expect(await loadWordVectors({ log, file })).toBeUndefined();
    expect(text()).toContain('word vectors file damaged (its checksum does not match): answering by word match only');
  });

  it('a missing file: a warning, and answering goes on by words alone', async () => {
    const { log, text } = logged();
    expect(await loadWordVectors({ log, file: path.join(tempDir(), 'nope.bin') })).toBeUndefined();
    expect(text()).toContain('word vectors file missing: answering by word match only');
  });
});
