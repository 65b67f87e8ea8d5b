import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readText } from '../../src/articles/readers/text.js';
import { fetchFeeds, type FetchFeedsOptions } from '../../src/feeds/fetch.js';
import { createLogger } from '../../src/log.js';
import { startFeedServer, type FeedServer } from './server.js';

let server: FeedServer;
let dir: string;
let logLines: string[];

beforeEach(async () => {
  server = await startFeedServer();
  dir = await mkdtemp(path.join(tmpdir(), 'feeds-test-'));
  logLines = [];
});
afterEach(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const articlesDir = () => path.join(dir, 'articles');
const stateFile = () => path.join(dir, '.cache', 'feeds.json');

function run(feeds: string[], extra: Partial<FetchFeedsOptions> = {}) {
  const log = createLogger({ level: 'info', destination: { write: (line: string) => logLines.push(line) } as never });
  return fetchFeeds({
    feeds: feeds.map((f) => (f.startsWith('/') ? `${server.base}${f}` : f)),
    articlesDir: articlesDir(),
    stateFile: stateFile(),
    log,
    // Generous: loopback is fast, but a busy machine is not; the timeout test sets its own.
    timeoutMs: 10_000,
    // The fixture items are short; a real feed's full text is much longer than 40 words.
    fullTextMinWords: 40,
    // The fixtures' pages stand in for the internet on the loopback test server.
    allowPrivateAddresses: true,
    ...extra,
  });
}

async function storedFiles(): Promise<string[]> {
  try {
    const entries = await readdir(articlesDir(), { recursive: true });
    return entries
      .filter((e) => e.endsWith('.md'))
      .map((e) => e.split(path.sep).join('/'))
      .sort();
  } catch {
    return [];
  }
}

async function article(file: string) {
  const rel = file.replace(/^.*?feeds\//, 'feeds/');
  const [raw] = readText(await readFile(path.join(articlesDir(), rel), 'utf8'), rel);
  return raw!;
}

const GOOD = ['/rss-full.xml', '/rss-summary.xml', '/atom.xml'];
const pageRequests = () => server.requests.filter((r) => r.path.startsWith('/pages/'));

describe('fetchFeeds', () => {
  it('stores each new item once as an article file with front matter, under feeds/<host>/', async () => {
    const summary = await run(GOOD);
    expect(summary.failed).toBe(0);
    const [full, short, atom] = summary.results;
    expect(full).toMatchObject({ ok: true, notModified: false, skipped: 0 });
    expect(full!.stored).toHaveLength(2);
    expect(short!.stored).toHaveLength(2);
    // The Atom feed reposts the harbour bridge story (same URL without the tracking parameter).
    expect(atom!.stored).toHaveLength(1);
    expect(atom!.skipped).toBe(1);
    expect(summary.stored).toBe(5);

    const files = await storedFiles();
    expect(files).toEqual([...summary.results.flatMap((r) => r.stored)].sort());
    expect(files).toContain(
      files.find((f) => /^feeds\/127\.0\.0\.1\/2024-03-14-harbour-bridge-to-close-for-six-weeks-of-repairs-[0-9a-f]{8}\.md$/.test(f)),
    );
    expect(files.every((f) => /^feeds\/127\.0\.0\.1\/\d{4}-\d\d-\d\d-[a-z0-9-]+-[0-9a-f]{8}\.md$/.test(f))).toBe(true);

    const bridge = await article(files.find((f) => f.includes('harbour-bridge'))!);
    expect(bridge.meta).toEqual({
      title: 'Harbour bridge to close for six weeks of repairs',
      url: `${server.base}/news/harbour-bridge-repairs?utm_source=rss`,
      published: '2024-03-14T08:30:00.000Z',
      source: 'Riverside Gazette – News',
    });
    expect(bridge.paragraphs).toEqual([
      'The harbour bridge will close to all traffic for six weeks from the first of May while engineers replace the worn expansion joints, the city council announced on Thursday.',
      'Buses will be diverted over the railway crossing, adding about fifteen minutes to journeys between the old town and the port.',
      'The repairs will cost an estimated £4.2 million, paid for from the regional infrastructure fund.',
    ]);

    const schools = await article(files.find((f) => f.includes('schools'))!);
    expect(schools.meta.title).toBe('Schools to get new science labs & libraries');

    const garden = await article(files.find((f) => f.includes('community-garden'))!);
    expect(garden.meta).toMatchObject({
      url: `${server.base}/notes/community-garden-award`,
      published: '2024-05-03T10:00:00.000Z',
      source: 'Northfield Notes',
    });
    expect(garden.paragraphs).toHaveLength(2);

    // Requests say who is asking.
    expect(server.requests.every((r) => /^news-qa-bot\//.test(String(r.headers['user-agent'])))).toBe(true);
  });

  it('fetches the page of a summary-only item and stores its full text, or the summary when the page fails', async () => {
    await run(['/rss-summary.xml']);
    expect(pageRequests().map((r) => [r.path, r.status])).toEqual([
      ['/pages/ferry.html', 200],
      ['/pages/gone.html', 404],
    ]);
    const files = await storedFiles();
    const ferry = await article(files.find((f) => f.includes('night-ferry'))!);
    expect(ferry.meta).toEqual({
      title: 'Night ferry to the islands returns on Friday',
      url: `${server.base}/coast/2024/05/night-ferry-returns`, // the page's canonical URL
      published: '2024-05-17T06:00:00.000Z',
      source: 'Coast News',
    });
    expect(ferry.paragraphs).toHaveLength(3);
    expect(ferry.paragraphs[1]).toMatch(/^The overnight sailing leaves the harbour at eleven/);
    const text = ferry.paragraphs.join('\n');
    for (const junk of ['Weather', 'Share on Facebook', 'Harbour master retires', 'All rights reserved']) expect(text).not.toContain(junk);

    const huts = await article(files.find((f) => f.includes('beach-huts'))!);
    expect(huts.paragraphs).toEqual([
      'The council will repaint all two hundred beach huts on the promenade in their original colours before the school holidays begin.',
    ]);
    expect(huts.meta.source).toBe('Coast News');
    expect(logLines.join('')).toContain('could not fetch the full text');
  });

  it('stores nothing new on a second run, with conditional requests answered 304', async () => {
    await run(GOOD);
    const before = await storedFiles();
    server.requests.length = 0;

    const again = await run(GOOD);
    expect(again.stored).toBe(0);
    expect(again.results.map((r) => r.notModified)).toEqual([true, true, true]);
    expect(await storedFiles()).toEqual(before);

    const byPath = new Map(server.requests.map((r) => [r.path, r]));
    expect(byPath.get('/rss-full.xml')!.headers['if-none-match']).toBe('"full-v1"');
    expect(byPath.get('/rss-summary.xml')!.headers['if-modified-since']).toBe('Fri, 17 May 2024 08:00:00 GMT');
    expect(byPath.get('/atom.xml')!.headers['if-none-match']).toBe('W/"atom-7"');
    expect(byPath.get('/atom.xml')!.headers['if-modified-since']).toBe('Fri, 03 May 2024 12:00:00 GMT');
    expect(server.requests.map((r) => r.status)).toEqual([304, 304, 304]);
  });

  it('stores only the new item when a feed changes', async () => {
    await run(['/rss-full.xml']);
    const before = await storedFiles();
    const extra = `<item><title>Ring road speed limit cut to forty</title><link>${server.base}/news/speed-limit</link><guid>gazette-article-10240</guid><pubDate>Fri, 15 Mar 2024 09:00:00 GMT</pubDate><content:encoded><![CDATA[<p>${'The speed limit on the ring road will fall from fifty to forty miles an hour from April after a year of consultation with residents and drivers. '.repeat(2)}</p>]]></content:encoded></item>`;
    server.serve('/rss-full.xml', {
      body: server.fixture('rss-full.xml').replace('<item>', `${extra}<item>`),
      etag: '"full-v2"',
    });
    const summary = await run(['/rss-full.xml']);
    expect(summary.results[0]).toMatchObject({ ok: true, skipped: 2 });
    expect(summary.results[0]!.stored).toEqual([expect.stringMatching(/2024-03-15-ring-road-speed-limit-cut-to-forty-[0-9a-f]{8}\.md$/)]);
    expect(await storedFiles()).toHaveLength(before.length + 1);
  });

  it('recognises items already in the folder when the state file is lost', async () => {
    await run(GOOD);
    const before = await storedFiles();
    await rm(stateFile());
    server.requests.length = 0;

    const summary = await run(GOOD);
    expect(summary.stored).toBe(0);
    expect(summary.results.map((r) => r.notModified)).toEqual([false, false, false]);
    expect(await storedFiles()).toEqual(before);
    // Items recognised by GUID or URL do not even need their page fetched again.
    expect(pageRequests()).toEqual([]);
  });

  it('reports a broken feed with one clear log line and carries on with the others', async () => {
    const broken = ['/broken.xml', '/malformed.xml', '/missing.xml', '/slow.xml', '/huge.xml', '/huge-declared.xml'];
    const summary = await run([...broken, '/rss-full.xml'], { timeoutMs: 2_500 });

    expect(summary.failed).toBe(6);
    const errors = Object.fromEntries(summary.results.map((r) => [r.feed.replace(server.base, ''), r.error]));
    expect(errors).toEqual({
      '/broken.xml': 'HTTP 500 Internal Server Error',
      '/malformed.xml': expect.stringMatching(/^not a readable RSS or Atom feed: Unexpected close tag/),
      '/missing.xml': 'HTTP 404 Not Found',
      '/slow.xml': 'timed out after 2.5 s',
      '/huge.xml': 'response too large (over 5.0 MB, the limit)',
      '/huge-declared.xml': 'response too large (20.0 MB; the limit is 5.0 MB)',
      '/rss-full.xml': undefined,
    });
    expect(summary.results.at(-1)).toMatchObject({ ok: true });
    expect(summary.results.at(-1)!.stored).toHaveLength(2);

    const failures = logLines.map((l) => JSON.parse(l) as { level: number; msg: string }).filter((l) => l.level === 40);
    expect(failures).toHaveLength(6);
    for (const f of broken) {
      expect(failures.filter((l) => l.msg.startsWith(`feed ${server.base}${f} failed: `))).toHaveLength(1);
    }

    // Failed feeds are asked again, in full, next run.
    server.requests.length = 0;
    await run(['/broken.xml', '/malformed.xml']);
    expect(server.requests.map((r) => [r.path, r.headers['if-none-match'], r.headers['if-modified-since']])).toEqual([
      ['/broken.xml', undefined, undefined],
      ['/malformed.xml', undefined, undefined],
    ]);
  });

  it('remembers since when a feed keeps failing, across runs, until it works again', async () => {
    const at = (iso: string) => ({ now: () => new Date(iso) });
    const first = await run(['/broken.xml'], at('2024-05-20T08:00:00Z'));
    expect(first.results[0]).toMatchObject({ ok: false, failingSince: '2024-05-20T08:00:00.000Z' });
    const dayLater = await run(['/broken.xml'], at('2024-05-21T09:00:00Z'));
    expect(dayLater.results[0]).toMatchObject({ ok: false, failingSince: '2024-05-20T08:00:00.000Z' });

    server.serve('/broken.xml', { body: 'x', status: 304 });
    const fine = await run(['/broken.xml'], at('2024-05-21T10:00:00Z'));
    expect(fine.results[0]).toMatchObject({ ok: true, notModified: true });
    expect(fine.results[0]!.failingSince).toBeUndefined();
    server.serve('/broken.xml', { body: 'Internal Server Error', status: 500, type: 'text/plain' });
    const again = await run(['/broken.xml'], at('2024-05-21T11:00:00Z'));
    expect(again.results[0]).toMatchObject({ ok: false, failingSince: '2024-05-21T11:00:00.000Z' });
  });

  it('ends a redirect loop, reads compressed feeds, and applies the size limit after decompression', async () => {
    server.serve('/loop.xml', { body: '', status: 302, headers: { Location: '/loop.xml' } });
    server.serve('/gzip.xml', { body: gzipSync(server.fixture('rss-full.xml')), headers: { 'Content-Encoding': 'gzip' } });
    server.serve('/bomb.xml', { body: gzipSync(Buffer.alloc(64 * 1024 * 1024, ' ')), headers: { 'Content-Encoding': 'gzip' } });
    const summary = await run(['/loop.xml', '/gzip.xml', '/bomb.xml']);
    expect(summary.results.map((r) => [r.ok, r.error ?? r.stored.length])).toEqual([
      [false, 'more than 10 redirects'],
      [true, 2],
      [false, 'response too large (over 5.0 MB, the limit)'],
    ]);
    expect(server.requests.filter((r) => r.path === '/loop.xml')).toHaveLength(11);
  });

  it('decodes a feed in the charset its XML declaration names', async () => {
    const xml = `<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>Le Café</title><item><title>Café on the quay reopens</title><link>${server.base}/cafe</link><guid>cafe-1</guid><pubDate>Mon, 01 Apr 2024 10:00:00 GMT</pubDate><description><![CDATA[<p>${'The café on the quay reopened on Monday with a new terrace facing the harbour and a menu of local fish. '.repeat(4)}</p>]]></description></item></channel></rss>`;
    server.serve('/latin1.xml', { body: Buffer.from(xml, 'latin1'), type: 'application/rss+xml' });
    const summary = await run(['/latin1.xml']);
    const stored = await article(summary.results[0]!.stored[0]!);
    expect(stored.meta.title).toBe('Café on the quay reopens');
    expect(stored.meta.source).toBe('Le Café');
    expect(stored.paragraphs[0]).toMatch(/^The café on the quay/);
  });

  it('leaves out items older than maxAgeDays', async () => {
    const summary = await run(['/rss-full.xml', '/atom.xml'], { maxAgeDays: 30, now: () => new Date('2024-05-20T00:00:00Z') });
    const files = await storedFiles();
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/community-garden/);
    expect(summary.results.map((r) => r.skipped)).toEqual([2, 1]);
  });
});

/** An RSS feed of short items (so each item's page is fetched for its full text). */
function rss(items: { title: string; link: string; text?: string }[]): string {
  const body = items
    .map(
      (it, i) =>
        `<item><title>${it.title}</title><link>${it.link.replaceAll('&', '&amp;')}</link><guid>item-${i}-${it.title}</guid>` +
        `<pubDate>Mon, 01 Apr 2024 10:00:00 GMT</pubDate><description>${it.text ?? 'A short summary.'}</description></item>`,
    )
    .join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Inside</title>${body}</channel></rss>`;
}

const SECRET = 'the database root password is hunter2-root';
const LONG = 'The harbour festival returns this summer with boats, music and food stalls along the quay for three days. '.repeat(5);

/** Loopback pages that must not end up as articles, and the ways a feed might reach them. */
function serveInternal(): void {
  const page = `<html><head><title>Admin</title></head><body><article><h1>Admin console</h1><p>Welcome, ${SECRET}. ${'Rotate it every quarter and keep the backups encrypted at rest on the storage server. '.repeat(4)}</p></article></body></html>`;
  server.serve('/admin', { body: page, type: 'text/html' });
  server.serve('/to-metadata', { body: '', status: 302, headers: { Location: 'http://169.254.169.254/latest/meta-data/iam/' } });
  server.serve('/to-metadata-name', { body: '', status: 302, headers: { Location: 'http://cloud.example.test/latest/meta-data/' } });
}

const port = () => new URL(server.base).port;
/** Stands in for DNS: these names never reach a real resolver. */
const resolve = (table: Record<string, string>) => async (hostname: string) => {
  const address = table[hostname];
  if (!address) throw Object.assign(new Error(`no such test name ${hostname}`), { code: 'ENOTFOUND' });
  return [{ address, family: address.includes(':') ? 6 : 4 }];
};

const warnings = () =>
  logLines
    .map((l) => JSON.parse(l) as { level: number; msg: string })
    .filter((l) => l.level === 40)
    .map((l) => l.msg);

async function storedText(): Promise<string> {
  const texts = await Promise.all((await storedFiles()).map((f) => readFile(path.join(articlesDir(), f), 'utf8')));
  return texts.join('\n');
}

describe('fetchFeeds and internal addresses', () => {
  const internalFeed = () =>
    rss([
      { title: 'Loopback', link: `${server.base}/admin` },
      { title: 'Localhost', link: `http://localhost:${port()}/admin?via=localhost` },
      { title: 'Festival', link: 'https://news.example.test/festival', text: LONG },
    ]);

  it('refuses item pages on loopback addresses: nothing stored, one warning each, the other items stored', async () => {
    serveInternal();
    server.serve('/internal.xml', { body: internalFeed() });
    const summary = await run(['/internal.xml'], { allowPrivateAddresses: false });

    expect(summary.results[0]).toMatchObject({ ok: true, skipped: 2 });
    expect(summary.results[0]!.stored).toEqual([expect.stringMatching(/harbour|festival/)]);
    expect(server.requests.map((r) => r.path)).toEqual(['/internal.xml']);
    expect(await storedText()).not.toContain('hunter2');
    expect(warnings()).toEqual([
      `feed ${server.base}/internal.xml: refused to fetch ${server.base}/admin: 127.0.0.1 is a loopback address (FEEDS_ALLOW_PRIVATE_ADDRESSES=on allows it); item skipped`,
      expect.stringMatching(
        new RegExp(
          `^feed .*: refused to fetch http://localhost:${port()}/admin\\?via=localhost: localhost resolves to (127\\.0\\.0\\.1|::1), a loopback address`,
        ),
      ),
    ]);
  });

  it('refuses internal addresses however the link writes them', async () => {
    serveInternal();
    const links = [
      `http://[::ffff:127.0.0.1]:${port()}/admin`,
      `http://2130706433:${port()}/admin`,
      `http://[::1]:${port()}/admin`,
      `http://0.0.0.0:${port()}/admin`,
    ];
    server.serve('/literals.xml', { body: rss(links.map((link, i) => ({ title: `Literal ${i}`, link }))) });
    const summary = await run(['/literals.xml'], { allowPrivateAddresses: false });

    expect(summary.results[0]).toMatchObject({ ok: true, stored: [], skipped: 4 });
    expect(server.requests.map((r) => r.path)).toEqual(['/literals.xml']);
    expect(warnings().map((w) => w.replace(/^.*?: refused to fetch /, '').replace(/ \(FEEDS.*$|; item skipped$/, ''))).toEqual([
      `http://[::ffff:7f00:1]:${port()}/admin: ::ffff:7f00:1 is a loopback address`,
      `http://127.0.0.1:${port()}/admin: 127.0.0.1 is a loopback address`,
      `http://[::1]:${port()}/admin: ::1 is a loopback address`,
      `http://0.0.0.0:${port()}/admin: 0.0.0.0 is an unspecified address`,
    ]);
  });

  it('fetches those pages when the operator allows private addresses', async () => {
    serveInternal();
    server.serve('/internal.xml', { body: internalFeed() });
    const summary = await run(['/internal.xml'], { allowPrivateAddresses: true });

    expect(summary.results[0]!.stored).toHaveLength(3);
    expect(server.requests.filter((r) => r.path === '/admin')).toHaveLength(2);
    expect(await storedText()).toContain('hunter2');
    expect(warnings()).toEqual([]);
  });

  it("refuses an item page on the feed's own host: only the feed URL itself is trusted", async () => {
    serveInternal();
    server.serve('/local.xml', { body: rss([{ title: 'Same host', link: '/admin' }]) });
    // The feed's connection to localhost, trusted, must not be reused for the page.
    const summary = await run([`http://localhost:${port()}/local.xml`], { allowPrivateAddresses: false });
    expect(summary.results[0]).toMatchObject({ ok: true, stored: [], skipped: 1 });
    expect(server.requests.map((r) => r.path)).toEqual(['/local.xml']);
    expect(warnings()).toEqual([expect.stringMatching(/refused to fetch http:\/\/localhost:\d+\/admin: localhost resolves to/)]);
  });

  it('checks a redirect that takes the feed itself to another host', async () => {
    server.serve('/internal-feed.xml', { body: rss([{ title: 'Internal notice', link: '/notice', text: `${SECRET}. ${LONG}` }]) });
    server.serve('/moved.xml', { body: '', status: 301, headers: { Location: `http://localhost:${port()}/internal-feed.xml` } });
    // A redirect within the operator's host is the operator's: followed as written.
    server.serve('/renamed.xml', { body: '', status: 301, headers: { Location: '/rss-full.xml' } });

    const summary = await run(['/moved.xml', '/renamed.xml'], { allowPrivateAddresses: false });
    expect(summary.results.map((r) => [r.ok, r.stored.length])).toEqual([
      [false, 0],
      [true, 2],
    ]);
    expect(summary.results[0]!.error).toMatch(
      new RegExp(`^redirected to http://localhost:${port()}/internal-feed\\.xml: localhost resolves to (127\\.0\\.0\\.1|::1), a loopback address$`),
    );
    expect(server.requests.map((r) => r.path)).not.toContain('/internal-feed.xml');
    expect(await storedText()).not.toContain('hunter2');

    const allowed = await run(['/moved.xml'], { allowPrivateAddresses: true });
    expect(allowed.results[0]).toMatchObject({ ok: true });
    expect(allowed.results[0]!.stored).toHaveLength(1);
    expect(await storedText()).toContain('hunter2');
  });

  it('checks every redirect of an item page: link-local (cloud metadata) stays refused even with private addresses allowed', async () => {
    serveInternal();
    server.serve('/redirecting.xml', {
      body: rss([
        { title: 'Metadata', link: `${server.base}/to-metadata` },
        { title: 'Metadata by name', link: `${server.base}/to-metadata-name` },
      ]),
    });
    const names = resolve({ 'cloud.example.test': '169.254.169.254' });
    const summary = await run(['/redirecting.xml'], { allowPrivateAddresses: true, resolve: names });

    expect(summary.results[0]).toMatchObject({ ok: true, stored: [], skipped: 2 });
    expect(warnings()).toEqual([
      `feed ${server.base}/redirecting.xml: refused to fetch ${server.base}/to-metadata: redirected to http://169.254.169.254/latest/meta-data/iam/: 169.254.169.254 is a link-local address; item skipped`,
      `feed ${server.base}/redirecting.xml: refused to fetch ${server.base}/to-metadata-name: redirected to http://cloud.example.test/latest/meta-data/: cloud.example.test resolves to 169.254.169.254, a link-local address; item skipped`,
    ]);
  });

  it('checks the address a name resolves to when connecting', async () => {
    serveInternal();
    server.serve('/named.xml', { body: rss([{ title: 'Named', link: `http://news.example.test:${port()}/admin` }]) });
    const asked: string[] = [];
    const names = resolve({ 'news.example.test': '127.0.0.1' });
    const counting = async (hostname: string) => {
      asked.push(hostname);
      return names(hostname);
    };

    const refused = await run(['/named.xml'], { allowPrivateAddresses: false, resolve: counting });
    expect(refused.results[0]).toMatchObject({ ok: true, stored: [], skipped: 1 });
    expect(asked).toEqual(['news.example.test']);
    expect(warnings()).toEqual([
      `feed ${server.base}/named.xml: refused to fetch http://news.example.test:${port()}/admin: news.example.test resolves to 127.0.0.1, a loopback address (FEEDS_ALLOW_PRIVATE_ADDRESSES=on allows it); item skipped`,
    ]);
    expect(server.requests.map((r) => r.path)).not.toContain('/admin');

    // The same run allowed connects where the injected resolver said: the page is fetched and stored.
    await rm(stateFile());
    const allowed = await run(['/named.xml'], { allowPrivateAddresses: true, resolve: counting });
    expect(allowed.results[0]!.stored).toHaveLength(1);
    expect(server.requests.filter((r) => r.path === '/admin')).toHaveLength(1);
  });
});

describe('fetchFeeds and credentials in a feed URL', () => {
  const PASSWORD = 's3cret-feed-pass';

  it('sends them to the feed host only, and never logs or stores them', async () => {
    server.serve('/private.xml', {
      auth: `reader:${PASSWORD}`,
      body: rss([
        { title: 'Members meeting', link: '/private/meeting.html' },
        { title: 'Elsewhere', link: `http://localhost:${port()}/private/meeting.html?copy=1` },
      ]),
    });
    server.serve('/private/meeting.html', {
      auth: `reader:${PASSWORD}`,
      type: 'text/html',
      body: `<html><body><article><p>${LONG}</p></article></body></html>`,
    });
    server.serve('/private-moved.xml', {
      auth: `reader:${PASSWORD}`,
      body: '',
      status: 302,
      headers: { Location: `http://localhost:${port()}/private.xml` },
    });
    const withCredentials = (p: string) => server.base.replace('//', `//reader:${PASSWORD}@`) + p;

    const summary = await run([withCredentials('/private.xml'), withCredentials('/private-moved.xml'), withCredentials('/missing.xml')]);

    // The feed and its own pages got the credentials; the other host (localhost) never did.
    const byPath = server.requests.map((r) => [r.path, r.status]);
    expect(byPath).toEqual(
      expect.arrayContaining([
        ['/private.xml', 200],
        ['/private/meeting.html', 200],
        ['/private/meeting.html', 401],
        ['/private-moved.xml', 302],
        ['/private.xml', 401],
      ]),
    );
    expect(summary.results.map((r) => [r.feed, r.ok])).toEqual([
      [`${server.base}/private.xml`, true],
      [`${server.base}/private-moved.xml`, false],
      [`${server.base}/missing.xml`, false],
    ]);
    expect(summary.results[0]!.stored).toHaveLength(2);

    const state = await readFile(stateFile(), 'utf8');
    const everything = [logLines.join(''), state, await storedText()].join('\n');
    expect(everything).toContain(`${server.base}/private.xml`);
    expect(everything).not.toContain(PASSWORD);
    expect(everything).not.toContain('reader:');
    const meeting = await article((await storedFiles()).find((f) => f.includes('members-meeting'))!);
    expect(meeting.meta.url).toBe(`${server.base}/private/meeting.html`);
  });

  it('takes them out of a state file written by an older version', async () => {
    server.serve('/private.xml', { auth: `reader:${PASSWORD}`, body: rss([{ title: 'Notes', link: '/x', text: LONG }]) });
    const written = server.base.replace('//', `//reader:${PASSWORD}@`);
    await mkdir(path.dirname(stateFile()), { recursive: true });
    await writeFile(
      stateFile(),
      JSON.stringify({
        version: 1,
        feeds: { [`${written}/old.xml`]: { lastError: `Request cannot be constructed from a URL that includes credentials: ${written}/old.xml` } },
        seen: {},
      }),
    );
    await run([`${written}/private.xml`]);
    const state = await readFile(stateFile(), 'utf8');
    expect(state).toContain(`${server.base}/old.xml`);
    expect(state).not.toContain(PASSWORD);
  });
});
