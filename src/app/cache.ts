import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import type { FileResult } from '../articles/library.js';
import type { AnalyzedArticle, IndexData } from '../search/index.js';

/**
 * The persisted index, so a restart with an unchanged folder answers at once. Two files per
 * articles folder, under INDEX_CACHE_DIR (never inside the articles folder):
 * - `index.v8`: the assembled index and every file's fingerprint, read on every start;
 * - `files.v8`: each file's load result and analyzed text, read only when some file changed, so
 *   only the changed files are read and analyzed again.
 * Both are written to a temporary name and renamed, so a crash never leaves half a cache. A cache
 * with another format version, or one that does not parse, is ignored and rebuilt.
 */
export const CACHE_FORMAT = 1;

/** What identifies a file's contents without reading it. */
export interface Fingerprint {
  mtimeMs: number;
  size: number;
}

export interface CachedFile {
  fingerprint: Fingerprint;
  result: FileResult;
  analyzed: AnalyzedArticle[];
}

export interface IndexSnapshot {
  format: number;
  /** Settings that change what a file loads to (MAX_AGE_DAYS and the day it was applied). */
  settings: string;
  fingerprints: Record<string, Fingerprint>;
  index: IndexData;
  warnings: Array<{ file: string; message: string }>;
}

interface FilesSnapshot {
  format: number;
  settings: string;
  files: Record<string, CachedFile>;
}

export class IndexCache {
  readonly dir: string;

  constructor(cacheRoot: string, articlesDir: string) {
    // One subfolder per articles folder, so two bots sharing a cache folder never mix.
    const key = createHash('sha256').update(path.resolve(articlesDir)).digest('hex').slice(0, 16);
    this.dir = path.join(cacheRoot, `index-${key}`);
  }

  async readIndex(settings: string): Promise<IndexSnapshot | undefined> {
    const snap = await this.read<IndexSnapshot>('index.v8');
    return snap && snap.format === CACHE_FORMAT && snap.settings === settings ? snap : undefined;
  }

  async readFiles(settings: string): Promise<Map<string, CachedFile>> {
    const snap = await this.read<FilesSnapshot>('files.v8');
    if (!snap || snap.format !== CACHE_FORMAT || snap.settings !== settings) return new Map();
    return new Map(Object.entries(snap.files));
  }

  async write(snapshot: Omit<IndexSnapshot, 'format'>, files: Map<string, CachedFile>): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true });
    const index: IndexSnapshot = { format: CACHE_FORMAT, ...snapshot };
    const filesSnap: FilesSnapshot = { format: CACHE_FORMAT, settings: index.settings, files: Object.fromEntries(files) };
    // files.v8 first: an index.v8 never refers to analysis that is not on disk.
    await this.writeAtomic('files.v8', v8.serialize(filesSnap));
    await this.writeAtomic('index.v8', v8.serialize(index));
  }

  private async read<T>(name: string): Promise<T | undefined> {
    try {
      const value = v8.deserialize(await fs.readFile(path.join(this.dir, name))) as unknown;
      return typeof value === 'object' && value !== null ? (value as T) : undefined;
    } catch {
      return undefined; // missing or corrupt: rebuilt from the articles
    }
  }

  private async writeAtomic(name: string, bytes: Buffer): Promise<void> {
    const target = path.join(this.dir, name);
    const tmp = `${target}.${process.pid}.tmp`;
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, target);
  }
}
