import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { openLiveIndex } from '../../src/app/open.js';
import { sentenceModelInstalled } from '../../src/app/sentence-model.js';
import type { LiveIndex } from '../../src/app/live-index.js';
import { testConfig } from '../e2e/harness.js';
import { createLogger } from '../../src/log.js';
import { article, makeFolder, topFile, type Folder } from './fixtures.js';

// Two articles where word match alone answers "Is there a host for the Oscars this year?" from the strike
// story (it shares "year"), and matching by meaning finds the awards ceremony's presenter.
const FILES = {
  'strike.md': article(
    'Car plant strike enters second week',
    'https://example.org/strike',
    'Workers at the car plant in Ohio walked out on Wednesday over pay, the union said.',
    'The union wants a raise of twelve percent over the next three years.',
  ),
  'oscars.md': article(
    'Academy picks no host',
    'https://example.org/oscars',
    'The Academy Awards ceremony will take place without a presenter for the second year in a row.',
    // A second paragraph: an article of one paragraph would gain its paragraph's own score as its
    // support in ranking (see articleSupport), and word match alone would pick it too.
    'Tickets for the gala dinner went on sale on Monday.',
  ),
};
const QUESTION = 'Is there a host for the Oscars this year?';

let folder: Folder;
let live: LiveIndex | undefined;
afterEach(async () => {
  await live?.close();
  live = undefined;
  folder.cleanup();
});

describe('openLiveIndex: every surface answers with the word vectors the settings ask for', () => {
  it('WORD_VECTORS on: the live index matches by meaning', async () => {
    folder = makeFolder(FILES);
    live = await openLiveIndex(testConfig({ articlesDir: folder.articles, indexCacheDir: folder.cache, wordVectors: true }), {
      log: createLogger({ level: 'silent' }),
    });
    expect(topFile(live.ask(QUESTION, { minConfidence: 0 }))).toBe('oscars.md');
  });

  it('WORD_VECTORS off: by words alone', async () => {
    folder = makeFolder(FILES);
    live = await openLiveIndex(testConfig({ articlesDir: folder.articles, indexCacheDir: folder.cache, wordVectors: false }), {
      log: createLogger({ level: 'silent' }),
    });
    expect(topFile(live.ask(QUESTION, { minConfidence: 0 }))).toBe('strike.md');
  });
});

describe.skipIf(!sentenceModelInstalled())('openLiveIndex: the sentence model when SENTENCE_MODEL asks for it', () => {
  it('on: the best candidates are re-read, and the one that means what the question asks wins', async () => {
    folder = makeFolder(FILES);
    live = await openLiveIndex(testConfig({ articlesDir: folder.articles, indexCacheDir: folder.cache, wordVectors: false, sentenceModel: true }), {
      log: createLogger({ level: 'silent' }),
    });
    expect(topFile(live.ask(QUESTION, { minConfidence: 0 }))).toBe('oscars.md');
  });
});

describe('openLiveIndex: the log says when a (possibly long) index build starts and ends', () => {
  it('"opening the articles index" with the folder, then "index ready" with its time and whether the cache served', async () => {
    folder = makeFolder(FILES);
    const lines: Array<Record<string, unknown>> = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        done();
      },
    });
    const log = createLogger({ level: 'info', destination });
    live = await openLiveIndex(testConfig({ articlesDir: folder.articles, indexCacheDir: folder.cache, wordVectors: false }), { log });
    const messages = lines.map((l) => l.msg);
    expect(messages.indexOf('opening the articles index')).toBeGreaterThanOrEqual(0);
    expect(messages.indexOf('index ready')).toBeGreaterThan(messages.indexOf('opening the articles index'));
    expect(lines.find((l) => l.msg === 'opening the articles index')).toMatchObject({ articlesDir: folder.articles });
    expect(lines.find((l) => l.msg === 'index ready')).toMatchObject({ fromCache: false, articles: 2 });
  });
});
