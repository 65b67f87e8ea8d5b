import { z } from 'zod';
import { ArticleError } from '../../errors.js';
import type { ArticleMeta, RawArticle } from '../types.js';

/**
 * Readers for CMS exports: `.json` holds one article object or an array of them, `.jsonl` one
 * article object per line. Fields: `title`, `url`, `published` (or `date`), `source`, and the body
 * as `text` (paragraphs separated by blank lines) or `paragraphs` (a list of strings). Other fields
 * are ignored, since exports carry plenty of them.
 *
 * An export with some bad entries still yields the good ones: each bad entry is reported in
 * `warnings` on the first article returned, and only a file with no good entry at all throws.
 */

export function readJson(content: string, file: string): RawArticle[] {
  let data: unknown;
  try {
    data = JSON.parse(stripBom(content));
  } catch (err) {
    throw new ArticleError(file, `not valid JSON: ${jsonProblem(err, content)}`);
  }
  if (Array.isArray(data)) {
    if (data.length === 0) throw new ArticleError(file, 'the JSON array holds no articles');
    return collect(
      data.map((entry, i) => ({ where: `item ${i + 1}`, entry })),
      file,
      'no item of the JSON array is a readable article',
    );
  }
  const result = parseArticle(data);
  if (typeof result === 'string') throw new ArticleError(file, result);
  return [result];
}

export function readJsonLines(content: string, file: string): RawArticle[] {
  const entries: { where: string; entry?: unknown; problem?: string }[] = [];
  stripBom(content)
    .split(/\r?\n/)
    .forEach((line, i) => {
      if (!line.trim()) return;
      try {
        entries.push({ where: `line ${i + 1}`, entry: JSON.parse(line) });
      } catch (err) {
        entries.push({ where: `line ${i + 1}`, problem: `not valid JSON (${jsonProblem(err, line, false)})` });
      }
    });
  if (entries.length === 0) throw new ArticleError(file, 'the file has no lines with an article');
  return collect(entries, file, 'no line is a readable article');
}

function collect(entries: { where: string; entry?: unknown; problem?: string }[], file: string, noneMessage: string): RawArticle[] {
  const articles: RawArticle[] = [];
  const warnings: string[] = [];
  for (const { where, entry, problem } of entries) {
    const result = problem ?? parseArticle(entry);
    if (typeof result === 'string') warnings.push(`${where} skipped: ${result}`);
    else articles.push(result);
  }
  if (articles.length === 0) {
    throw new ArticleError(file, `${noneMessage} (${warnings.slice(0, 3).join('; ')}${warnings.length > 3 ? '; …' : ''})`);
  }
  if (warnings.length > 0) articles[0]!.warnings = warnings;
  return articles;
}

const text = z.string().trim();
const optionalText = z
  .union([z.string(), z.null()])
  .optional()
  .transform((s) => (s ?? '').trim() || undefined);
const dateText = optionalText.refine((s) => s === undefined || !Number.isNaN(Date.parse(s)), {
  message: 'is not a date (expected ISO 8601, such as 2024-03-14 or 2024-03-14T08:30:00Z)',
});

const articleSchema = z
  .object({
    title: optionalText,
    url: optionalText.refine((s) => s === undefined || /^https?:\/\/\S+$/i.test(s), {
      message: 'is not an http(s) URL',
    }),
    published: dateText,
    date: dateText,
    source: optionalText,
    text: z.string().optional(),
    paragraphs: z.array(text).optional(),
  })
  .refine((a) => a.text !== undefined || a.paragraphs !== undefined, {
    message: 'has no "text" or "paragraphs" field',
  });

/** A raw article, or the reason the entry is not one. */
function parseArticle(entry: unknown): RawArticle | string {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    return `expected an article object with "title" and "text" or "paragraphs", got ${describe(entry)}`;
  }
  const parsed = articleSchema.safeParse(entry);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field =
      issue.path.length > 0
        ? `"${issue.path.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i > 0 ? '.' : ''}${String(k)}`)).join('')}"`
        : 'the article';
    return `${field} ${issueMessage(issue)}`;
  }
  const a = parsed.data;
  const paragraphs = (a.paragraphs ?? splitParagraphs(a.text ?? '')).filter((p) => p !== '');
  if (paragraphs.length === 0) return 'its text is empty';
  const meta: ArticleMeta = {};
  if (a.title) meta.title = a.title;
  if (a.url) meta.url = a.url;
  const published = a.published ?? a.date;
  if (published) meta.published = published;
  if (a.source) meta.source = a.source;
  return { meta, paragraphs, reader: 'json' };
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') return `must be ${issue.expected === 'array' ? 'a list of strings' : `a ${issue.expected}`}`;
  return issue.message;
}

function splitParagraphs(body: string): string[] {
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t\u00A0]*\n/)
    .map((p) => p.trim());
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'string' ? 'a string' : `a ${typeof value}`;
}

function stripBom(s: string): string {
  return s.replace(/^\uFEFF/, '');
}

/** JSON.parse's message, with a line and column instead of a character offset when it gives one. */
function jsonProblem(err: unknown, source: string, withLine = true): string {
  const message = err instanceof Error ? err.message : String(err);
  const m = /at position (\d+)/.exec(message);
  if (!m) return message;
  const before = source.slice(0, Number(m[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  const what = message.replace(/ in JSON at position \d+.*$/, '');
  return withLine ? `${what} (line ${line}, column ${column})` : `${what} (column ${column})`;
}
