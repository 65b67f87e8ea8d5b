import path from 'node:path';
import matter from 'gray-matter';
import { ArticleError } from '../../errors.js';
import type { ArticleMeta, RawArticle } from '../types.js';

/**
 * Reader for `.md`, `.markdown` and `.txt` articles: an optional YAML front-matter block at the very
 * top (`title`, `url`, `published`, `source`; other keys ignored), then body paragraphs separated by
 * blank lines. Markdown files get light markup stripped for display; plain text is kept as written.
 */
export function readText(content: string, file: string): RawArticle[] {
  const markdown = MARKDOWN_EXTENSIONS.has(path.extname(file).toLowerCase());
  const text = content.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const { meta, body } = splitFrontMatter(text, file);
  const paragraphs = splitBlocks(body).map((b) => (markdown ? stripMarkdown(b) : b));
  return [{ meta, paragraphs, reader: markdown ? 'markdown' : 'text' }];
}

const MARKDOWN_EXTENSIONS = new Set(['.md', '.markdown']);

/** A line holding only whitespace (including NBSP and zero-width characters) separates paragraphs. */
const BLANK_LINE = /^[\s\u200B\u2060\uFEFF]*$/;

/** Body blocks as written, in order; their positions are the paragraphs' `index`. */
export function splitBlocks(body: string): string[] {
  const blocks: string[] = [];
  let current: string[] = [];
  for (const line of body.split('\n')) {
    if (BLANK_LINE.test(line)) {
      if (current.length > 0) blocks.push(current.join('\n'));
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length > 0) blocks.push(current.join('\n'));
  return blocks;
}

// gray-matter would `eval` a `---js` block; articles may come from the web, so only YAML is parsed.
const refuse = {
  parse: () => {
    throw new Error('only YAML front matter is supported');
  },
};
const MATTER_OPTIONS = { engines: { js: refuse, javascript: refuse, coffee: refuse } };

function splitFrontMatter(text: string, file: string): { meta: ArticleMeta; body: string } {
  const lines = text.split('\n');
  if (!/^---[ \t]*$/.test(lines[0] ?? '')) return { meta: {}, body: text };
  const close = lines.findIndex((l, i) => i > 0 && /^(?:---|\.\.\.)[ \t]*$/.test(l));
  if (close === -1) {
    throw new ArticleError(file, 'front matter starts with "---" on the first line but has no closing "---" line');
  }
  const yaml = lines.slice(1, close).join('\n');
  const body = lines.slice(close + 1).join('\n');
  let data: unknown;
  try {
    // Passing options also bypasses gray-matter's unbounded cache keyed by file content.
    data = matter(`---\n${yaml}\n---\n`, MATTER_OPTIONS).data;
  } catch (err) {
    throw new ArticleError(file, `malformed front matter: ${yamlProblem(err)}`);
  }
  if (data === null || data === undefined) return { meta: {}, body };
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new ArticleError(file, 'malformed front matter: expected "key: value" lines');
  }
  return { meta: metaFrom(data as Record<string, unknown>), body };
}

function yamlProblem(err: unknown): string {
  const e = err as { reason?: unknown; mark?: { line?: unknown }; message?: unknown };
  if (typeof e.reason === 'string' && typeof e.mark?.line === 'number') {
    // gray-matter hands js-yaml the text after the opening "---" (starting with its newline), so
    // js-yaml's 0-based line n is the file's line n + 1.
    return `${e.reason} (line ${e.mark.line + 1})`;
  }
  return String(e.message ?? err).split('\n')[0] ?? 'unreadable YAML';
}

function metaFrom(data: Record<string, unknown>): ArticleMeta {
  const meta: ArticleMeta = {};
  const title = scalarText(data.title);
  if (title) meta.title = title;
  const url = scalarText(data.url);
  if (url) meta.url = url;
  // `date` is what most static-site generators call it; `published` wins when both are present.
  const published = dateText(data.published) ?? dateText(data.date);
  if (published) meta.published = published;
  const source = scalarText(data.source);
  if (source) meta.source = source;
  return meta;
}

/** Strings as given, numbers as their digits; lists, maps and empty values mean nothing here. */
function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** YAML turns `2018-09-10` into a Date at UTC midnight: back to `YYYY-MM-DD` (with time if it had one). */
function dateText(value: unknown): string | undefined {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return undefined;
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof value === 'string') {
    const s = value.trim();
    return s && !Number.isNaN(Date.parse(s)) ? s : undefined;
  }
  return undefined;
}

/** Cheap Markdown-to-text for display; the block stays one block so its index does not move. */
export function stripMarkdown(block: string): string {
  return block
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '') // images carry no answerable text
    .replace(/\[([^\]]+)\]\((?:[^()\s]|\([^)]*\))*(?:\s+"[^"]*")?\)/g, '$1')
    .replace(/^[ \t]{0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/gm, '$1')
    .replace(/^[ \t]{0,3}>[ \t]?/gm, '')
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2');
}
