import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/**
 * A local feed host for the feed tests (127.0.0.1, a free port): serves the fixtures with ETag or
 * Last-Modified validators and answers 304 to matching conditional requests, plus the ways feeds
 * break in the wild.
 */

const FIXTURES = path.join(import.meta.dirname, '../fixtures/feeds');

export interface Served {
  body: string | Buffer;
  type?: string;
  etag?: string;
  lastModified?: string;
  status?: number;
  /** Extra response headers (a redirect's Location). */
  headers?: Record<string, string>;
  /** `user:password` the request must carry (HTTP Basic), else 401. */
  auth?: string;
}

export interface FeedServer {
  base: string;
  /** Every request, in order. */
  requests: { path: string; headers: IncomingHttpHeaders; status: number }[];
  /** Change what a path serves (or add one). */
  serve(pathname: string, served: Served): void;
  fixture(name: string): string;
  close(): Promise<void>;
}

export async function startFeedServer(): Promise<FeedServer> {
  const routes = new Map<string, Served>();
  const requests: FeedServer['requests'] = [];
  let base = '';
  const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8').replaceAll('{{BASE}}', base);

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const pathname = new URL(req.url ?? '/', base).pathname;
    const record = (status: number) => requests.push({ path: pathname, headers: req.headers, status });

    if (pathname === '/slow.xml') {
      record(0); // never answers: the client's timeout must end it
      return;
    }
    if (pathname === '/huge.xml' || pathname === '/huge-declared.xml') {
      // 20 MB of feed-looking XML, streamed (and, for one, announced in Content-Length).
      record(200);
      const total = 20 * 1024 * 1024;
      res.writeHead(200, {
        'Content-Type': 'application/rss+xml',
        ...(pathname === '/huge-declared.xml' ? { 'Content-Length': String(total) } : {}),
      });
      const chunk = Buffer.from(`<item><title>${'x'.repeat(65_000)}</title></item>`);
      let sent = 0;
      const pump = (): void => {
        while (sent < total) {
          const piece = chunk.subarray(0, Math.min(chunk.length, total - sent));
          sent += piece.length;
          if (!res.write(piece)) {
            res.once('drain', pump);
            return;
          }
        }
        res.end();
      };
      res.on('close', () => {
        sent = total;
      });
      pump();
      return;
    }

    const served = routes.get(pathname);
    if (!served) {
      record(404);
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    if (served.auth !== undefined && req.headers.authorization !== `Basic ${Buffer.from(served.auth).toString('base64')}`) {
      record(401);
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="feeds"' }).end('who are you?');
      return;
    }
    const notModified =
      (served.etag !== undefined && req.headers['if-none-match'] === served.etag) ||
      (served.etag === undefined && served.lastModified !== undefined && req.headers['if-modified-since'] === served.lastModified);
    if (notModified) {
      record(304);
      res.writeHead(304).end();
      return;
    }
    const status = served.status ?? 200;
    record(status);
    res
      .writeHead(status, {
        'Content-Type': served.type ?? 'application/xml; charset=utf-8',
        ...(served.etag ? { ETag: served.etag } : {}),
        ...(served.lastModified ? { 'Last-Modified': served.lastModified } : {}),
        ...served.headers,
      })
      .end(served.body);
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  routes.set('/rss-full.xml', { body: fixture('rss-full.xml'), type: 'application/rss+xml; charset=utf-8', etag: '"full-v1"' });
  routes.set('/rss-summary.xml', { body: fixture('rss-summary.xml'), lastModified: 'Fri, 17 May 2024 08:00:00 GMT' });
  routes.set('/atom.xml', {
    body: fixture('atom.xml'),
    type: 'application/atom+xml',
    etag: 'W/"atom-7"',
    lastModified: 'Fri, 03 May 2024 12:00:00 GMT',
  });
  routes.set('/malformed.xml', { body: fixture('malformed.xml') });
  routes.set('/broken.xml', { body: 'Internal Server Error', status: 500, type: 'text/plain' });
  routes.set('/pages/ferry.html', { body: fixture('pages/ferry.html'), type: 'text/html; charset=utf-8' });

  return {
    base,
    requests,
    serve: (pathname, served) => routes.set(pathname, served),
    fixture,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
