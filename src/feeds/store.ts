import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import matter from 'gray-matter';

/**
 * How feed items become article files: where they go, what they are called, what they contain,
 * and how items stored earlier are recognised.
 */

/** The folder, relative to the articles folder, for a feed's items: `feeds/<host>`. */
export function feedFolder(feedUrl: string): string {
  const host = new URL(feedUrl).hostname.replace(/^www\./, '').replace(/[^a-z0-9.-]/gi, '_');
  return `feeds/${host || 'feed'}`;
}

/**
 * `2024-03-14-harbour-bridge-to-close-3f9a1c2e.md`: the date sorts files, the slug tells an operator
 * what is inside, and the hash of the GUID (or link) keeps the name stable from run to run and
 * unique when two items share a title.
 */
export function storedFileName(item: { published?: string; title?: string; identity: string }): string {
  const time = item.published ? Date.parse(item.published) : NaN;
  const date = Number.isNaN(time) ? 'undated' : new Date(time).toISOString().slice(0, 10);
  const hash = createHash('sha1').update(item.identity).digest('hex').slice(0, 8);
  return `${date}-${slug(item.title ?? '')}-${hash}.md`;
}

function slug(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  let out = '';
  for (const w of words) {
    if (out.length + w.length + 1 > 60) break;
    out = out ? `${out}-${w}` : w;
  }
  return out || (words[0]?.slice(0, 60) ?? 'untitled') || 'untitled';
}

export interface StoredMeta {
  title: string;
  url?: string;
  published?: string;
  source?: string;
  /** Extra keys the article readers ignore; they let a later run recognise the file. */
  guid?: string;
  feed: string;
}

/** Front matter plus the text as blank-line-separated paragraphs, as the Markdown reader expects. */
export function renderArticle(meta: StoredMeta, paragraphs: readonly string[]): string {
  const lines = ['---'];
  for (const key of ['title', 'url', 'published', 'source', 'guid', 'feed'] as const) {
    const value = meta[key];
    if (value) lines.push(`${key}: ${yamlString(value)}`);
  }
  lines.push('---', '');
  const body = paragraphs.map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
  return `${lines.join('\n')}\n${body.join('\n\n')}\n`;
}

/** A JSON string is a valid YAML double-quoted scalar, bar the two line separators JSON leaves raw. */
function yamlString(value: string): string {
  return JSON.stringify(value)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The keys an item is known by: its GUID and its URL, normalised. */
export function guidKey(guid: string): string {
  return `guid:${guid.trim()}`;
}

/** The same page with tracking parameters, a fragment, `http:` or a trailing slash is the same page. */
export function urlKey(url: string): string | undefined {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
    u.hash = '';
    for (const name of [...u.searchParams.keys()]) {
      if (/^(?:utm_\w+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid)$/i.test(name)) u.searchParams.delete(name);
    }
    const pathname = u.pathname.replace(/\/+$/, '');
    return `url:${u.host.replace(/^www\./, '')}${pathname}${u.search}`;
  } catch {
    return undefined;
  }
}

// gray-matter would `eval` a `---js` block; these files may have been edited, so only YAML is parsed.
const refuse = {
  parse: () => {
    throw new Error('only YAML front matter is read');
  },
};
const MATTER_OPTIONS = { engines: { js: refuse, javascript: refuse, coffee: refuse } };

/**
 * Keys of the items already stored under `<articlesDir>/feeds`, read from the files' front matter,
 * so that a lost or reset state file does not store everything again.
 */
export async function scanStored(articlesDir: string): Promise<Map<string, string>> {
  const known = new Map<string, string>();
  const root = path.join(articlesDir, 'feeds');
  let entries: string[];
  try {
    entries = await readdir(root, { recursive: true });
  } catch {
    return known;
  }
  for (const entry of entries) {
    if (!entry.endsWith('.md')) continue;
    const rel = path.posix.join('feeds', entry.split(path.sep).join('/'));
    try {
      const text = await readFile(path.join(root, entry), 'utf8');
      if (!text.startsWith('---')) continue;
      const data = matter(text, MATTER_OPTIONS).data as Record<string, unknown>;
      if (typeof data.guid === 'string' && data.guid) known.set(guidKey(data.guid), rel);
      const key = typeof data.url === 'string' ? urlKey(data.url) : undefined;
      if (key) known.set(key, rel);
    } catch {
      // An unreadable file is the library's to report; here it only cannot vouch for an item.
    }
  }
  return known;
}
