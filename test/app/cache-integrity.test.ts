import { existsSync, readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IndexCache } from '../../src/app/cache.js';
import { LiveIndex } from '../../src/app/live-index.js';
import { createLogger, type Logger } from '../../src/log.js';
import { makeFolder, shown, type Folder } from './fixtures.js';

const QUESTIONS = ['When did the harbour pier open?', 'How high was the ash column of the volcano?', 'Who is the new conductor of the orchestra?'];

let folder: Folder;
beforeEach(() => {
  folder = makeFolder();
});
afterEach(() => folder.cleanup());

function capture(): { log: Logger; lines: () => Array<{ level: number; msg: string }> } {
  const out: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      out.push(chunk.toString());
      done();
    },
  });
  return { log: createLogger({ level: 'warn', destination: sink }), lines: () => out.map((l) => JSON.parse(l) as { level: number; msg: string }) };
}

async function run(log = createLogger({ level: 'silent' })) {
  const live = await LiveIndex.open({ articlesDir: folder.articles, cacheDir: folder.cache, log });
  const answers = QUESTIONS.map((q) => shown(live.ask(q)));
  await live.close();
  return { answers, reload: live.lastReload! };
}

const cacheDir = () => new IndexCache(folder.cache, folder.articles).dir;
const cacheFile = (name: string) => path.join(cacheDir(), name);

function touchLater(rel: string): void {
  const abs = path.join(folder.articles, rel);
  const t = statSync(abs).mtime.getTime() / 1000 + 10;
  utimesSync(abs, t, t);
}

/** Every k-th byte of the file (and the first), so the checksum, the header and the contents are all hit. */
function positions(length: number, count: number): number[] {
  const k = Math.max(1, Math.floor(length / count));
  const out: number[] = [];
  for (let at = 0; at < length; at += k) out.push(at);
  return out;
}

describe('persisted index integrity', () => {
  it.each(['index.v8', 'files.v8'])(
    'a single flipped bit anywhere in %s never changes an answer: rejected and rebuilt, or the same',
    async (name) => {
      const fresh = await run();
      const pristine = readFileSync(cacheFile(name));
      const flips = positions(pristine.length, 60);
      expect(flips.length).toBeGreaterThanOrEqual(60);
      let rejected = 0;
      for (const at of flips) {
        const bytes = Buffer.from(pristine);
        bytes[at]! ^= 1 << (at % 8);
        writeFileSync(cacheFile(name), bytes);
        // files.v8 is only read when some file changed: make one change (its contents stay the same).
        if (name === 'files.v8') touchLater('volcano.md');
        const { answers, reload } = await run();
        expect(answers, `bit ${at % 8} of byte ${at}`).toEqual(fresh.answers);
        if (name === 'index.v8' ? !reload.fromCache : reload.reread === 3) rejected++;
        writeFileSync(cacheFile(name), pristine);
      }
      // The checksum covers every byte: not one damaged file was used.
      expect(rejected).toBe(flips.length);
    },
  );

  it('says once in the log that the cache was not trusted and is rebuilt', async () => {
    await run();
    for (const name of ['index.v8', 'files.v8']) {
      const bytes = readFileSync(cacheFile(name));
      bytes[bytes.length - 5]! ^= 0x10;
      writeFileSync(cacheFile(name), bytes);
    }
    const { log, lines } = capture();
    const { reload } = await run(log);
    expect(reload).toMatchObject({ fromCache: false, reread: 3 });
    const warnings = lines().filter((l) => l.level === 40);
    expect(warnings.map((w) => w.msg)).toEqual(['index cache not trusted: rebuilding from the articles']);
    expect(JSON.stringify(warnings[0])).toContain('checksum mismatch');
  });

  it('a cache that passes the checksum but breaks answering: the failed question starts one rebuild from the articles, the next is answered', async () => {
    const fresh = await run();
    const cache = new IndexCache(folder.cache, folder.articles);
    const snap = (await cache.readIndex('all')).value!;
    snap.index.docParagraph.fill(999); // every paragraph points past its article's end
    await cache.write(snap, (await cache.readFiles('all')).value);

    const { log, lines } = capture();
    const live = await LiveIndex.open({ articlesDir: folder.articles, cacheDir: folder.cache, log });
    expect(live.lastReload).toMatchObject({ fromCache: true });
    expect(() => live.ask(QUESTIONS[0]!)).toThrow();
    expect(() => live.ask(QUESTIONS[1]!)).toThrow(); // still the bad index until the swap: no second rebuild
    await live.reload(); // shares the rebuild the failure started
    expect(live.lastReload).toMatchObject({ fromCache: false, reread: 3 });
    expect(QUESTIONS.map((q) => shown(live.ask(q)))).toEqual(fresh.answers);
    await live.close();
    expect(lines().filter((l) => l.msg.includes('rebuilding it from the articles'))).toHaveLength(1);

    // The rebuild replaced the bad cache: the next start answers from it.
    const again = await run();
    expect(again.reload).toMatchObject({ fromCache: true });
    expect(again.answers).toEqual(fresh.answers);
  });

  it('temporary files a crash left during a save are removed at the next start; another running writer’s are not', async () => {
    await run();
    const dir = cacheDir();
    const crashed = `.index.v8.${4_194_304 + 1}.k3j2h1.tmp`; // above Linux's highest pid: that process is gone
    const ours = `.files.v8.${process.pid}.a1b2c3.tmp`; // this process has not saved yet: a leftover of an earlier one
    const writing = `.index.v8.${process.ppid}.z9y8x7.tmp`; // a live process, just now
    for (const name of [crashed, ours, writing]) writeFileSync(path.join(dir, name), 'partial');
    const { log, lines } = capture();
    const { reload } = await run(log);
    expect(reload).toMatchObject({ fromCache: true });
    expect(readdirSync(dir).sort()).toEqual([writing, 'files.v8', 'index.v8'].sort());
    expect(existsSync(path.join(dir, crashed))).toBe(false);
    expect(lines().some((l) => l.msg.includes('interrupted save'))).toBe(true);
  });
});
