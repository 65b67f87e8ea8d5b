/**
 * npm run index -- [--articles DIR] [--show FILE] [--to-postgres] [--from-postgres DIR]
 *
 * Loads the articles folder the way the bot does and prints, per file, which reader handled it and
 * what it extracted (title, date, paragraphs, URL), then every warning and a summary line. Exits 1
 * when the folder is missing or nothing could be indexed; warnings alone do not fail it.
 * --show FILE prints one file's metadata and every body block, kept or dropped and by which rule.
 */
import path from 'node:path';
import { parseCommandLine } from './args.js';
import { commandSetup, reportCliError, runCli, type CliIo } from './run.js';
import { explainArticle } from '../articles/clean.js';
import { loadArticles, paragraphCount, readTextFile, type FileReport, type LoadResult } from '../articles/library.js';
import { readerFor } from '../articles/read.js';
import { ArticleError, UsageError } from '../errors.js';
import { fromPostgres, toPostgres } from './postgres-index.js';

export interface IndexIo extends CliIo {
  now?: Date;
}

const USAGE = `usage: npm run index -- [--articles DIR] [--show FILE] [--to-postgres] [--from-postgres DIR]

Reads the articles folder as the bot does and prints what it took from each file.
  --articles DIR       the articles folder (default: ARTICLES_DIR, else ./articles)
  --show FILE          one file in detail: every block, kept or dropped and by which rule
  --to-postgres        bring the folder into the PostgreSQL at DATABASE_URL (new, changed and
                       deleted files; unchanged ones are not read), for SEARCH_BACKEND=postgres
  --from-postgres DIR  write the articles stored there into DIR (new or empty), as JSON Lines
  -h, --help           this help`;

/** Runs the command; returns the exit code. Errors a user can cause become one `error:` line. */
export async function main(argv: string[], io: IndexIo = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  try {
    return await run(argv, io);
  } catch (err) {
    return reportCliError(err, io, 1);
  }
}

async function run(argv: string[], io: IndexIo): Promise<number> {
  const { values } = parseCommandLine(argv, {
    usage: USAGE,
    options: { articles: { type: 'string' }, show: { type: 'string' }, 'to-postgres': { type: 'boolean' }, 'from-postgres': { type: 'string' } },
  });
  const { cwd, config, articlesDir: dir } = commandSetup(values, io);
  if (values['to-postgres']) return toPostgres(config, dir, io);
  if (values['from-postgres'] !== undefined) return fromPostgres(config, path.resolve(cwd, values['from-postgres']), io);

  if (values.show !== undefined) return show(dir, values.show, io);

  const result = await loadArticles(dir, { maxAgeDays: config.maxAgeDays, now: io.now });
  io.stdout.write(renderReport(result));
  if (result.articles.length === 0) {
    io.stderr.write(`error: no article could be indexed from ${dir}\n`);
    return 1;
  }
  return 0;
}

/** The table, the warnings in full, notes and the summary line. */
export function renderReport(result: LoadResult): string {
  const rows = result.files.map((f) => [
    clip(f.file, 40, 'start'),
    f.reader ?? '-',
    f.articles > 1 ? `${clip(f.title ?? '-', 30)} (+${f.articles - 1} more)` : clip(f.title ?? '-', 40),
    f.published?.slice(0, 10) ?? '-',
    String(f.paragraphs),
    f.articles > 0 ? (f.hasUrl ? 'yes' : 'no') : '-',
    f.warnings.length === 0 ? '' : clip(f.warnings[0]!, 48) + (f.warnings.length > 1 ? ` (+${f.warnings.length - 1})` : ''),
  ]);
  const header = ['FILE', 'READER', 'TITLE', 'DATE', 'PARAS', 'URL', 'WARNINGS'];
  const numeric = new Set([4]);
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]!))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (numeric.has(i) ? pad(c, widths[i]!, 'right') : i === cells.length - 1 ? c : pad(c, widths[i]!)))
      .join('  ')
      .trimEnd();

  let out = `${line(header)}\n${rows.map(line).join('\n')}${rows.length ? '\n' : ''}`;
  const warnings = problems(result);
  if (warnings.length > 0) {
    out += `\nWarnings:\n${warnings.map((w) => `  ${w.file}: ${w.message}`).join('\n')}\n`;
  }
  if (result.duplicates.length > 0) {
    out += `\nLeft out as duplicates:\n${result.duplicates.map((d) => `  ${d.dropped.id}: kept ${d.kept.id} instead (${d.reason})`).join('\n')}\n`;
  }
  for (const note of result.notes) out += `\nNote: ${note}\n`;
  out += `\n${summary(result)}\n`;
  return out;
}

function summary(result: LoadResult): string {
  const paragraphs = paragraphCount(result.articles);
  const withoutUrl = result.articles.filter((a) => a.url === null).length;
  const skipped = result.files.filter((f: FileReport) => f.articles === 0).length;
  const parts = [
    `${plural(result.articles.length, 'article')} indexed (${plural(paragraphs, 'paragraph')})`,
    `from ${plural(result.files.length, 'file')}`,
    `${skipped} skipped`,
    `${plural(problems(result).length, 'warning')}`,
  ];
  if (result.duplicates.length > 0) parts.push(`${plural(result.duplicates.length, 'duplicate')} left out`);
  if (withoutUrl > 0) parts.push(`${withoutUrl} without URL`);
  return parts.join(', ');
}

/** The warnings but those saying an article was left out as a duplicate: listed on their own. */
function problems(result: LoadResult): LoadResult['warnings'] {
  const dropped = new Set(result.duplicates.map((d) => d.dropped.id));
  return result.warnings.filter((w) => !dropped.has(w.file) || !w.message.startsWith('duplicate of '));
}

/** One file in detail: metadata, then each raw block with what cleaning did to it. */
async function show(dir: string, file: string, io: IndexIo): Promise<number> {
  const abs = path.resolve(dir, file);
  const rel = path.relative(dir, abs).split(path.sep).join('/');
  const reader = readerFor(abs);
  if (!reader) throw new UsageError(`${file} is not an article file (.md, .markdown, .txt, .html, .htm, .json, .jsonl)`);
  const text = await readTextFile(abs);
  if (typeof text !== 'string') throw new ArticleError(rel, text.problem);
  const raws = reader(text, rel);
  let out = '';
  raws.forEach((raw, n) => {
    const { article, blocks } = explainArticle(raw, rel, raws.length > 1 ? `${rel}#${n + 1}` : rel);
    out += `${article.id}  (reader: ${raw.reader})\n`;
    out += `  title:     ${article.title}${raw.meta.title ? '' : '  (from the first meaningful line)'}\n`;
    out += `  url:       ${article.url ?? '(none)'}\n`;
    out += `  published: ${article.published ?? '(unknown)'}\n`;
    out += `  source:    ${article.source ?? '(unknown)'}\n`;
    out += `  paragraphs indexed: ${article.paragraphs.length} of ${blocks.length} blocks\n\n`;
    for (const b of blocks) {
      const what =
        b.text === null
          ? `dropped (${b.dropped.join(', ')})`
          : (b.dropped.length ? `kept, trimmed (${b.dropped.join(', ')})` : 'kept') +
            (b.joinedWith !== undefined ? `, a heading read with [${b.joinedWith}]` : '');
      out += `  [${b.index}] ${what}\n      ${clip((b.text ?? b.raw).replace(/\s+/g, ' '), 160)}\n`;
    }
    out += '\n';
  });
  io.stdout.write(out);
  return 0;
}

/** Length in code points: close enough to terminal columns for text that is mostly Latin. */
function width(s: string): number {
  return [...s].length;
}

function pad(s: string, w: number, align: 'left' | 'right' = 'left'): string {
  const fill = ' '.repeat(Math.max(0, w - width(s)));
  return align === 'left' ? s + fill : fill + s;
}

/** Cut to `max` columns with an ellipsis; file paths keep their end (the file name). */
function clip(s: string, max: number, cut: 'end' | 'start' = 'end'): string {
  const chars = [...s.replace(/[\r\n\t]+/g, ' ')];
  if (chars.length <= max) return chars.join('');
  return cut === 'end' ? `${chars.slice(0, max - 1).join('')}…` : `…${chars.slice(chars.length - max + 1).join('')}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

runCli((argv) => main(argv), import.meta.url);
