import { promises as fs, type Dirent } from 'node:fs';
import path from 'node:path';
import { ArticleError, UserFacingError } from '../errors.js';
import type { Logger } from '../log.js';
import { cleanArticle } from './clean.js';
import { dedupeArticlesSteps, dedupeParagraphsSteps, type DedupeOptions, type Duplicate } from './dedupe.js';
import { runSteps, type Steps } from '../steps.js';
import { isInside, openInside, readAtMost } from './inside.js';
import { readerFor } from './read.js';
import type { Article, LoadWarning, RawArticle } from './types.js';

/**
 * Loading the articles folder: walk it, read every article file with its reader, clean, leave out
 * what is too old, drop duplicates. A bad file never stops the load and never vanishes silently: it
 * is skipped with one warning that names it and says why.
 */

/** Bigger than any real article; reading a 50 MB dump into the index would only hurt. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** Files read at once: enough to hide disk latency, few enough to stay well under fd limits. */
const CONCURRENCY = 16;
const SKIPPED_DIRS = new Set(['node_modules']);
/** Why a file or folder whose real path is outside the articles folder is not read. */
const OUTSIDE = 'leads outside the articles folder: skipped';

export interface LoadOptions {
  /** Leave out articles published more than this many days before `now` (MAX_AGE_DAYS). */
  maxAgeDays?: number;
  now?: Date;
  log?: Logger;
}

/** What happened to one file, for `npm run index`. */
export interface FileReport {
  /** Path relative to the articles folder, forward slashes. */
  file: string;
  /** The reader that handled it ("markdown", "text", "html", "json"), or null when it could not be read. */
  reader: string | null;
  /** Articles from this file that made it into the index. */
  articles: number;
  paragraphs: number;
  /** Title of the (first) article found in the file, whether or not it was indexed. */
  title: string | null;
  published: string | null;
  hasUrl: boolean;
  /** Problems, each also in the load's `warnings`. */
  warnings: string[];
  /** Articles left out for being older than `maxAgeDays`: expected, so a note rather than a warning. */
  tooOld: number;
}

export interface LoadResult {
  articles: Article[];
  warnings: LoadWarning[];
  files: FileReport[];
  /** Summary remarks that are not per-file problems (articles left out for age). */
  notes: string[];
  /** Articles left out as copies or older versions of another (each also in `warnings`). */
  duplicates: Duplicate[];
}

export interface FileResult {
  articles: Article[];
  warnings: LoadWarning[];
  report: FileReport;
}

/** Loads every article under `dir`. Throws `UserFacingError` only when the folder itself is unusable. */
export async function loadArticles(dir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const root = path.resolve(dir);
  await checkFolder(root);
  const walkWarnings: LoadWarning[] = [];
  const files = await listArticleFiles(root, walkWarnings);
  const modified = new Map<string, number>();
  const results = await mapLimit(files, CONCURRENCY, async (rel) => {
    const st = await fs.stat(path.join(root, rel)).catch(() => undefined);
    if (st) modified.set(rel, st.mtimeMs);
    return loadFile(root, rel, options);
  });
  const merged = mergeFileResults(walkWarnings, results, { ...options, modifiedMs: (file) => modified.get(file) });

  if (options.log) {
    for (const w of merged.warnings) options.log.warn({ file: w.file }, w.message);
    for (const n of merged.notes) options.log.info(n);
    options.log.info(
      {
        articles: merged.articles.length,
        paragraphs: paragraphCount(merged.articles),
        files: merged.files.length,
      },
      'articles loaded',
    );
  }
  return merged;
}

/**
 * Puts per-file results together: drops duplicate stories across files and indexes a paragraph that
 * several articles share once, sorts reports and warnings by file, adds the notes. Does not modify
 * the results passed in (live reload keeps and reuses them).
 */
export function mergeFileResults(
  walkWarnings: readonly LoadWarning[],
  results: readonly FileResult[],
  options: Pick<LoadOptions, 'maxAgeDays'> & DedupeOptions = {},
): LoadResult {
  return runSteps(mergeFileResultsSteps(walkWarnings, results, options));
}

/** `mergeFileResults` in steps (see `Steps`), for the live reload. */
export function* mergeFileResultsSteps(
  walkWarnings: readonly LoadWarning[],
  results: readonly FileResult[],
  options: Pick<LoadOptions, 'maxAgeDays'> & DedupeOptions = {},
): Steps<LoadResult> {
  const stories = yield* dedupeArticlesSteps(
    results.flatMap((r) => r.articles),
    options,
  );
  const { duplicates } = stories;
  const { articles, repeated } = yield* dedupeParagraphsSteps(stories.articles);
  yield;
  const reports = new Map(results.map((r) => [r.report.file, { ...r.report, warnings: [...r.report.warnings] }]));
  stories.articles.forEach((before, i) => {
    const report = reports.get(before.file);
    if (report) report.paragraphs -= before.paragraphs.length - articles[i]!.paragraphs.length;
  });
  const warnings: LoadWarning[] = [...walkWarnings, ...results.flatMap((r) => r.warnings)];
  for (const d of duplicates) {
    const message = `duplicate of ${d.kept.id} (${d.reason}): skipped`;
    warnings.push({ file: d.dropped.id, message });
    const report = reports.get(d.dropped.file);
    if (report) {
      report.articles -= 1;
      report.paragraphs -= d.dropped.paragraphs.length;
      report.warnings.push(d.dropped.id === d.dropped.file ? message : `${d.dropped.id}: ${message}`);
    }
  }
  const files = [...walkWarnings.map((w): FileReport => emptyReport(w.file, [w.message])), ...reports.values()].sort((a, b) =>
    compare(a.file, b.file),
  );
  warnings.sort((a, b) => compare(a.file, b.file));

  const notes: string[] = [];
  if (repeated > 0) {
    notes.push(
      `${repeated} paragraph${repeated === 1 ? '' : 's'} found word for word in another article (sign-ups, bios, shared quotes) indexed once, in the newest`,
    );
  }
  const tooOld = results.reduce((n, r) => n + r.report.tooOld, 0);
  if (tooOld > 0) {
    const days = options.maxAgeDays === undefined ? 'the age limit' : `${options.maxAgeDays} days`;
    notes.push(`${tooOld} article${tooOld === 1 ? '' : 's'} published more than ${days} ago left out (MAX_AGE_DAYS)`);
  }
  return { articles, warnings, files, notes, duplicates };
}

async function checkFolder(root: string): Promise<void> {
  let stat;
  try {
    stat = await fs.stat(root);
  } catch (err) {
    const code = errorCode(err);
    if (code === 'ENOENT') throw new UserFacingError(`articles folder ${root} does not exist (ARTICLES_DIR)`);
    if (code === 'EACCES' || code === 'EPERM') throw new UserFacingError(`articles folder ${root}: permission denied`);
    throw new UserFacingError(`articles folder ${root} cannot be opened: ${describe(err)}`);
  }
  if (!stat.isDirectory()) throw new UserFacingError(`articles folder ${root} is not a folder (ARTICLES_DIR)`);
}

/**
 * Article files under `root` (relative, forward slashes, sorted). Skips dot-entries and
 * node_modules; follows symlinks that stay inside the folder (their real path is under the folder's
 * real path; any that leave it are skipped with a warning), but never into a folder it has already
 * walked (loops, or two links to one folder), and never reads one file twice through two names.
 */
export async function listArticleFiles(root: string, warnings: LoadWarning[] = []): Promise<string[]> {
  const found: string[] = [];
  const seenDirs = new Map<string, string>();
  const seenFiles = new Map<string, string>();
  const rootReal = await fs.realpath(root);
  seenDirs.set(rootReal, '.');

  async function walk(absDir: string, relDir: string): Promise<void> {
    let entries: Dirent[];
    try {
      entries = await fs.readdir(absDir, { withFileTypes: true });
    } catch (err) {
      warnings.push({ file: relDir || '.', message: `folder cannot be read: ${describe(err)}` });
      return;
    }
    entries.sort((a, b) => compare(a.name, b.name));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || (entry.isFile() && !readerFor(entry.name))) continue;
      if (SKIPPED_DIRS.has(entry.name) && !entry.isFile()) continue;
      const rel = relDir ? `${relDir}/${entry.name}` : entry.name;
      const resolved = await resolveEntry(path.join(absDir, entry.name), entry, rootReal);
      if ('problem' in resolved) {
        if (resolved.problem) warnings.push({ file: rel, message: resolved.problem });
        continue;
      }
      const { kind, real } = resolved;
      if (kind === 'dir') {
        const earlier = seenDirs.get(real);
        if (earlier !== undefined) {
          const loop = rel.startsWith(`${earlier}/`) || earlier === '.';
          warnings.push({
            file: rel,
            message: loop
              ? `symlink loop (links back to ${earlier === '.' ? 'the articles folder' : earlier}): skipped`
              : `links to folder ${earlier}, already read: skipped`,
          });
          continue;
        }
        seenDirs.set(real, rel);
        await walk(path.join(absDir, entry.name), rel);
      } else if (kind === 'file' && readerFor(entry.name)) {
        const earlier = seenFiles.get(real);
        if (earlier !== undefined) {
          warnings.push({ file: rel, message: `same file as ${earlier} (linked): skipped` });
          continue;
        }
        seenFiles.set(real, rel);
        found.push(rel);
      }
    }
  }

  await walk(root, '');
  return found.sort(compare);
}

type ResolvedEntry = { kind: 'dir' | 'file' | 'other'; real: string } | { problem: string | null };

/**
 * What a folder entry really is, through any chain of links, or why it is skipped (problem null:
 * silently). Whatever resolves outside `rootReal` is refused before anything about it is read.
 */
async function resolveEntry(abs: string, entry: Dirent, rootReal: string): Promise<ResolvedEntry> {
  const link = entry.isSymbolicLink();
  let real: string;
  try {
    real = await fs.realpath(abs);
  } catch (err) {
    const code = errorCode(err);
    if (code === 'ELOOP') return { problem: 'symlink loop (the link leads back to itself): skipped' };
    if (!readerFor(entry.name) || (code === 'ENOENT' && !link)) return { problem: null };
    return { problem: code === 'ENOENT' ? 'broken symlink (its target does not exist): skipped' : `cannot be opened: ${describe(err)}` };
  }
  if (!isInside(real, rootReal)) return { problem: link ? `symlink to ${real}: ${OUTSIDE}` : OUTSIDE };
  if (!link && entry.isDirectory()) return { kind: 'dir', real };
  if (!link && entry.isFile()) return { kind: 'file', real };
  // A link, or an entry whose type the filesystem did not report.
  try {
    const st = await fs.stat(real);
    return { kind: st.isDirectory() ? 'dir' : st.isFile() ? 'file' : 'other', real };
  } catch (err) {
    return { problem: readerFor(entry.name) ? `cannot be opened: ${describe(err)}` : null };
  }
}

/**
 * Reads one article file (path relative to `dir`) into its articles, or a warning saying why it
 * cannot be used. Never throws for a bad file; used by the full load and by live reload.
 */
export async function loadFile(dir: string, relPath: string, options: LoadOptions = {}): Promise<FileResult> {
  const file = relPath.split(path.sep).join('/');
  const report = emptyReport(file, []);
  const warnings: LoadWarning[] = [];
  /** `id` names one article of a file that holds several (JSONL): `file#n`. */
  const warn = (message: string, id = file) => {
    warnings.push({ file: id, message });
    report.warnings.push(id === file ? message : `${id}: ${message}`);
  };
  const fail = (message: string): FileResult => {
    warn(message);
    return { articles: [], warnings, report };
  };

  const reader = readerFor(file);
  if (!reader) return fail('not an article file (unknown extension)');

  const root = path.resolve(dir);
  const rootReal = await fs.realpath(root).catch(() => root);
  const text = await readTextFile(path.join(root, relPath), rootReal);
  if (typeof text !== 'string') return fail(text.problem);

  const raws = parseArticles(reader, text, file);
  if (typeof raws === 'string') return fail(raws);
  for (const raw of raws) for (const w of raw.warnings ?? []) warn(w);
  report.reader = raws[0]?.reader ?? null;
  if (raws.length === 0) return fail('no article found in the file');

  const articles = keptArticles(raws, file, options, report, warn);
  report.articles = articles.length;
  report.paragraphs = paragraphCount(articles);
  report.hasUrl = articles.length > 0 && articles.every((a) => a.url !== null);
  return { articles, warnings, report };
}

/** The file's raw articles as its reader finds them, or why it cannot be read. */
function parseArticles(reader: NonNullable<ReturnType<typeof readerFor>>, text: string, file: string): RawArticle[] | string {
  try {
    return reader(text, file);
  } catch (err) {
    if (err instanceof ArticleError) {
      const prefix = `${err.file}: `;
      return err.message.startsWith(prefix) ? err.message.slice(prefix.length) : err.message;
    }
    return `could not be read: ${describe(err)}`;
  }
}

/**
 * The file's articles cleaned, without those that have no indexable paragraph (warned) or are older
 * than `maxAgeDays` (counted in the report); the first one's title and date go to the report.
 */
function keptArticles(
  raws: readonly RawArticle[],
  file: string,
  options: LoadOptions,
  report: FileReport,
  warn: (message: string, id?: string) => void,
): Article[] {
  const articles: Article[] = [];
  const cutoff = options.maxAgeDays !== undefined ? (options.now ?? new Date()).getTime() - options.maxAgeDays * 86_400_000 : undefined;
  const several = raws.length > 1;
  raws.forEach((raw, i) => {
    const id = several ? `${file}#${i + 1}` : file;
    const article = cleanArticle(raw, file, id);
    if (i === 0) {
      report.title = article.title;
      report.published = article.published;
    }
    if (article.paragraphs.length === 0) {
      warn('no indexable paragraphs (everything was page furniture or too short): skipped', id);
      return;
    }
    const published = article.published ? Date.parse(article.published) : NaN;
    if (cutoff !== undefined && !Number.isNaN(published) && published < cutoff) {
      report.tooOld += 1;
      return;
    }
    if (raw.meta.url && !article.url) {
      warn(`url "${truncate(raw.meta.url, 60)}" is not an http(s) link: replies will name the file instead`, id);
    } else if (!article.url) {
      warn('no url: replies will name the file instead', id);
    }
    articles.push(article);
  });
  return articles;
}

/**
 * The file's text (checked: size, binary, UTF-8, empty), or why it is not usable text. With
 * `rootReal` (the real path of the articles folder), a file that is not really inside it is refused.
 */
export async function readTextFile(abs: string, rootReal: string | null = null): Promise<string | { problem: string }> {
  let bytes: Buffer;
  try {
    const opened = await openInside(abs, rootReal);
    if ('refused' in opened) return { problem: opened.refused === 'outside' ? OUTSIDE : 'not a regular file: skipped' };
    try {
      const { size } = opened.stat;
      if (size > MAX_FILE_BYTES) return { problem: tooBig(size) };
      bytes = await readAtMost(opened.handle, MAX_FILE_BYTES, size);
    } finally {
      await opened.handle.close();
    }
  } catch (err) {
    const code = errorCode(err);
    if (code === 'ENOENT') return { problem: 'file disappeared before it could be read (deleted or moved?)' };
    if (code === 'EACCES' || code === 'EPERM') return { problem: 'permission denied: cannot read the file' };
    if (code === 'ELOOP') return { problem: 'symlink loop: skipped' };
    return { problem: `cannot be read: ${describe(err)}` };
  }
  if (bytes.length > MAX_FILE_BYTES) return { problem: tooBig(bytes.length) };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { problem: 'UTF-16 text: save the file as UTF-8' };
  }
  if (bytes.includes(0)) return { problem: 'binary file (contains NUL bytes), not text: skipped' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { problem: 'not valid UTF-8 text: save the file as UTF-8' };
  }
  if (text.replace(/^\uFEFF/, '').trim() === '') return { problem: 'empty file: skipped' };
  return text;
}

function emptyReport(file: string, warnings: string[]): FileReport {
  return { file, reader: null, articles: 0, paragraphs: 0, title: null, published: null, hasUrl: false, warnings, tooOld: 0 };
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Code-point order, independent of locale, so every machine lists files the same way. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function errorCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : undefined;
}

function describe(err: unknown): string {
  const code = errorCode(err);
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOENT') return 'no such file or folder';
  return err instanceof Error ? err.message.split('\n')[0]! : String(err);
}

function tooBig(bytes: number): string {
  return `file is ${megabytes(bytes)}, over the ${megabytes(MAX_FILE_BYTES)} limit: skipped`;
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}

function truncate(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

/** How many paragraphs the articles hold together. */
export function paragraphCount(articles: readonly Article[]): number {
  return articles.reduce((n, a) => n + a.paragraphs.length, 0);
}
