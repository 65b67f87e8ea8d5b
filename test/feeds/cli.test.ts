import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/feeds.js';
import { createLogger } from '../../src/log.js';
import { startFeedServer, type FeedServer } from './server.js';

let server: FeedServer;
let dir: string;

beforeEach(async () => {
  server = await startFeedServer();
  dir = await mkdtemp(path.join(tmpdir(), 'feeds-cli-'));
});
afterEach(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

async function feeds(env: Record<string, string>, argv: string[] = []) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    // The fixtures' item pages stand in for the internet on the loopback test server.
    env: { ARTICLES_DIR: 'articles', FEEDS_ALLOW_PRIVATE_ADDRESSES: 'on', ...env },
    cwd: dir,
    log: createLogger({ level: 'silent' }),
  });
  return { code, stdout, stderr };
}

describe('npm run feeds', () => {
  it('exits 2 with one line when FEEDS is empty', async () => {
    const { code, stdout, stderr } = await feeds({});
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('error: FEEDS: no feeds to fetch; list RSS or Atom feed URLs in .env, separated by commas\n');
  });

  it('fetches every feed once, prints a line per feed and the files written, and exits 0', async () => {
    const { code, stdout, stderr } = await feeds({ FEEDS: `${server.base}/rss-full.xml, ${server.base}/atom.xml` });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(`${server.base}/rss-full.xml  2 new, 0 skipped\n`);
    expect(stdout).toMatch(/ {2}\+ articles\/feeds\/127\.0\.0\.1\/2024-03-14-harbour-bridge-to-close-for-six-weeks-of-repairs-[0-9a-f]{8}\.md\n/);
    expect(stdout).toMatch(/\n3 new articles from 2 feeds\n$/);
    // The state file goes to the index cache folder.
    expect(await readdir(path.join(dir, '.cache'))).toEqual(['feeds.json']);

    const again = await feeds({ FEEDS: `${server.base}/rss-full.xml, ${server.base}/atom.xml` });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`${server.base}/rss-full.xml  not modified since the last run\n`);
    expect(again.stdout).toMatch(/\n0 new articles from 2 feeds\n$/);
  });

  it('exits 1 when a feed fails, after storing the others', async () => {
    const { code, stdout } = await feeds({ FEEDS: `${server.base}/broken.xml,${server.base}/rss-full.xml` });
    expect(code).toBe(1);
    expect(stdout).toContain(`${server.base}/broken.xml  FAILED: HTTP 500 Internal Server Error\n`);
    expect(stdout).toMatch(/\n2 new articles from 2 feeds; 1 failed \(retried next run\)\n$/);
  });

  it('never prints the credentials written in a feed URL', async () => {
    server.serve('/private.xml', { auth: 'reader:s3cret-feed-pass', body: server.fixture('rss-full.xml') });
    const written = server.base.replace('//', '//reader:s3cret-feed-pass@');
    const { code, stdout, stderr } = await feeds({ FEEDS: `${written}/private.xml,${written}/missing.xml` });
    expect(code).toBe(1);
    expect(stdout).toContain(`${server.base}/private.xml  2 new, 0 skipped\n`);
    expect(stdout).toContain(`${server.base}/missing.xml  FAILED: HTTP 404 Not Found\n`);
    expect(stdout + stderr).not.toContain('s3cret');
  });

  it('exits 2 with one line for a bad setting or argument', async () => {
    const bad = await feeds({ FEEDS: 'not a url' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: FEEDS: "not" is not an http\(s\) feed URL\n$/);
    const arg = await feeds({ FEEDS: `${server.base}/rss-full.xml` }, ['--bogus']);
    expect(arg.code).toBe(2);
    expect(arg.stderr.split('\n')[0]).toMatch(/^error: .*--bogus/);
  });
});
