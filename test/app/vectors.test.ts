import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { loadWordVectors, parseVectorsJson } from '../../src/app/vectors.js';
import { createLogger } from '../../src/log.js';

/** A vectors file shaped like the package's: a word list, then each word's numbers plus two extra. */
function winkFile(vectors: Record<string, number[]>): string {
  const words = Object.keys(vectors);
  const entries = words.map((w, i) => `${JSON.stringify(w)}:[${[...vectors[w]!, 1, i].join(',')}]`);
  return `{"precision":8,"l2NormIndex":3,"wordIndex":4,"size":${words.length},"dimensions":3,"words":${JSON.stringify(words)},"vectors":{${entries.join(',')}},"unkVector":[0,0,0,0,0]}`;
}

const SAMPLE = { vectors: [1, 0, 0], ousted: [0.9, 0.1, -0.05], 'say "hi"': [0, 1, 0], café: [0, 0, 1.5e-1], '-1e-3': [-1e-3, 2, 0] };

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
  return { log, lines };
}

describe('reading the vectors package file', () => {
  it('reads every word with its own numbers, skipping the bookkeeping ones and the word list', () => {
    const v = parseVectorsJson(Buffer.from(winkFile(SAMPLE)));
    expect(v.size).toBe(Object.keys(SAMPLE).length);
    for (const w of Object.keys(SAMPLE)) expect(v.word(v.id(w)!)).toBe(w);
    expect(v.id('not-there')).toBeUndefined();
    expect(v.dimensions).toBe(3);
    const id = (w: string) => v.id(w)!;
    expect(v.similarity(id('vectors'), id('ousted'))).toBeCloseTo(0.99, 1);
    expect(v.similarity(id('say "hi"'), id('café'))).toBeCloseTo(0, 2);
    expect(v.similarity(id('-1e-3'), id('say "hi"'))).toBeCloseTo(1, 2);
  });

  it('names what is wrong with a file that is not one', () => {
    expect(() => parseVectorsJson(Buffer.from('{"hello": 1}'))).toThrow(/not a word-vectors file/);
    expect(() => parseVectorsJson(Buffer.from('{"dimensions":3,"vectors":{"a":[1,2]}}'))).toThrow(/has 2 numbers, not 3/);
    expect(() => parseVectorsJson(Buffer.from('{"dimensions":3,"vectors":{"a":[1,x,2]}}'))).toThrow(/expected a number/);
  });
});

describe('loading with the index cache', () => {
  it('converts once into the cache, then reads the cache; a changed source is converted again', async () => {
    const dir = tempDir();
    const source = path.join(dir, 'vectors.json');
    writeFileSync(source, winkFile(SAMPLE));
    const cacheDir = path.join(dir, 'cache');
    const first = logged();
    const a = await loadWordVectors({ source, cacheDir, log: first.log });
    expect(a?.size).toBe(5);
    expect(first.lines.join('')).toContain('preparing word vectors');

    const second = logged();
    const b = await loadWordVectors({ source, cacheDir, log: second.log });
    expect(second.lines.join('')).not.toContain('preparing word vectors');
    expect(b?.similarity(b.id('ousted')!, b.id('vectors')!)).toBe(a?.similarity(a.id('ousted')!, a.id('vectors')!));

    writeFileSync(source, winkFile({ ...SAMPLE, extra: [0, 1, 1] }));
    const third = logged();
    expect((await loadWordVectors({ source, cacheDir, log: third.log }))?.size).toBe(6);
    expect(third.lines.join('')).toContain('preparing word vectors');
  });

  it('a corrupt cache file is converted again, not an error', async () => {
    const dir = tempDir();
    const source = path.join(dir, 'vectors.json');
    writeFileSync(source, winkFile(SAMPLE));
    writeFileSync(path.join(dir, 'vectors.en.v8'), 'not a cache');
    expect((await loadWordVectors({ source, cacheDir: dir, log: logged().log }))?.size).toBe(5);
  });

  it('without the file, or with a broken one, it warns and answering goes on by words alone', async () => {
    const dir = tempDir();
    const missing = logged();
    expect(await loadWordVectors({ source: path.join(dir, 'nope.json'), cacheDir: dir, log: missing.log })).toBeUndefined();
    expect(missing.lines.join('')).toContain('answering by word match only');

    const broken = path.join(dir, 'broken.json');
    writeFileSync(broken, '{"dimensions":3,"vectors":{"a":[1,');
    const bad = logged();
    expect(await loadWordVectors({ source: broken, cacheDir: dir, log: bad.log })).toBeUndefined();
    expect(bad.lines.join('')).toContain('word vectors unreadable');
  });
});
