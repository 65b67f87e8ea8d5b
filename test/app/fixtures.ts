import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Answer } from '../../src/search/types.js';

/** Small news articles, each about something the others never mention. */
export const ARTICLES = {
  'pier.md': article(
    'Harbour pier opens after two years of work',
    'https://example.org/news/pier',
    'The harbour authority opened the new pier on Tuesday after two years of construction work.',
    'Ferries to the islands will use the pier from June, doubling the number of daily crossings.',
  ),
  'volcano.md': article(
    'Volcano on the northern island erupts again',
    'https://example.org/news/volcano',
    'The volcano on the northern island erupted overnight, sending a column of ash four kilometres high.',
    'Geologists said the lava flow was moving slowly towards the uninhabited western valley.',
  ),
  'orchestra.md': article(
    'City orchestra names a new conductor',
    'https://example.org/news/orchestra',
    'The city orchestra appointed Maria Lindqvist as its principal conductor for the next five seasons.',
    'She will lead the opening concert of the autumn season with a programme of Sibelius symphonies.',
  ),
};

export function article(title: string, url: string, ...paragraphs: string[]): string {
  return `---\ntitle: ${title}\nurl: ${url}\npublished: 2024-05-02\n---\n${paragraphs.join('\n\n')}\n`;
}

export interface Folder {
  root: string;
  articles: string;
  cache: string;
  write(rel: string, content: string | Buffer): void;
  remove(rel: string): void;
  cleanup(): void;
}

/** A temporary articles folder (with ARTICLES written into it) and a cache folder beside it. */
export function makeFolder(files: Record<string, string> = ARTICLES): Folder {
  const root = mkdtempSync(path.join(os.tmpdir(), 'live-index-'));
  const folder: Folder = {
    root,
    articles: path.join(root, 'articles'),
    cache: path.join(root, 'cache'),
    write(rel, content) {
      const abs = path.join(folder.articles, rel);
      mkdirSync(path.dirname(abs), { recursive: true });
      writeFileSync(abs, content);
    },
    remove(rel) {
      rmSync(path.join(folder.articles, rel), { force: true });
    },
    cleanup() {
      rmSync(root, { recursive: true, force: true });
    },
  };
  mkdirSync(folder.articles, { recursive: true });
  for (const [rel, content] of Object.entries(files)) folder.write(rel, content);
  return folder;
}

/** What a reader sees of an answer: which paragraph of which file, and the text shown. */
export function shown(a: Answer): Array<{ file: string; paragraph: number; text: string }> {
  return a.passages.map((p) => ({ file: p.article.file, paragraph: p.paragraph.index, text: p.paragraph.text }));
}

/** The file of the best passage, or null when the bot would say it found nothing. */
export function topFile(a: Answer): string | null {
  return a.passages[0]?.article.file ?? null;
}

/** Waits until `check` holds, polling; fails with `what` after `ms` (a bound, not a speed claim). */
export async function until(what: string, check: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
