import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import type { FileResult } from '../articles/library.js';
import type { IndexData } from '../search/index.js';
import type { PackedAnalysis } from '../search/packed.js';
import { removeLeftoverTemps, writeFileAtomicWith } from '../write-atomic.js';

/**
 * The persisted index, so a restart with an unchanged folder answers at once. Two files per
 * articles folder, under INDEX_CACHE_DIR (never inside the articles folder):
 * - `index.v8`: the assembled index and every file's fingerprint, read on every start;
 * - `files.v8`: each file's load result and analyzed text, read only when some file changed, so
 *   only the changed files are read and analyzed again.
 * Both are written to a temporary name and renamed, so a crash never leaves half a cache; the
 * temporary files a crash leaves are removed at the next start. Each file starts with a SHA-256 of
 * the rest, checked before anything is parsed: a cache that fails it (a flipped bit, a torn or
 * edited file), has another format version, or does not parse is ignored and rebuilt.
 *
 * The version also covers how text is analyzed and what is indexed: a change to stopwords, stemming
 * or tokenizing must bump it, or files unchanged since an older run would keep their old terms. (3:
 * German question words and number words in stopword lists, a whole Ukrainian list; 4: German past
 * participles stemmed as their verbs; 5: an article's language guessed by its stopwords whatever its
 * script; 6: a paragraph several articles share indexed once; 7: a question heading read with the
 * paragraph after it; 8: a lead-in ending in a colon too; 9: a checksum ahead of the contents, and two
 * files with one URL both indexed unless versions of one story; 10: contents in parts, each with its length; 11: a sentence
 * starting "Copyright" kept as news; 12: the index's typed arrays and its articles in parts of their own.)
 */
export const CACHE_FORMAT = 12;

/**
 * What a cache file starts with: a tag, then the SHA-256 of everything after the header. After it
 * come parts, each its length (4 bytes) then its bytes: the first is the value serialized, any others
 * are bytes that go with it (`files.v8`: its entries, a few hundred articles' worth at a time;
 * `index.v8`: the index's articles, as many at a time), so a save never holds the whole file in
 * memory: each part is serialized, hashed, written and let go before the next is made.
 */
const MAGIC = Buffer.from('newsqa-cache\n');
const HEADER_BYTES = MAGIC.length + 32;
const LENGTH_BYTES = 4;

/** A value as a cache file (for tests that write one). */
export async function sealCacheFile(value: unknown, parts: readonly Uint8Array[] = []): Promise<Buffer> {
  const chunks: Array<[at: number, bytes: Uint8Array]> = [];
  await writeCacheFile({ write: async (bytes, at) => void chunks.push([at, Buffer.from(bytes)]) }, [v8.serialize(value), ...parts]);
  return Buffer.concat(chunks.sort((a, b) => a[0] - b[0]).map(([, bytes]) => bytes));
}

/** Where `writeCacheFile` puts bytes, each at its position in the file. */
interface Sink {
  write(bytes: Uint8Array, position: number): Promise<unknown>;
}

/** Writes the parts (made one at a time as `parts` is iterated) and then the header with their checksum. */
async function writeCacheFile(out: Sink, parts: Iterable<Uint8Array>, pause: () => Promise<void> = async () => {}): Promise<void> {
  const hash = createHash('sha256');
  const header = Buffer.alloc(HEADER_BYTES);
  let at = header.length;
  const put = async (bytes: Uint8Array) => {
    // Hashed a megabyte at a time, giving way between: the index of a big folder is tens of megabytes.
    for (let from = 0; from < bytes.length; from += 1 << 20) {
      hash.update(bytes.subarray(from, from + (1 << 20)));
      await pause();
    }
    await out.write(bytes, at);
    at += bytes.length;
  };
  for (const part of parts) {
    const length = Buffer.alloc(LENGTH_BYTES);
    length.writeUInt32LE(part.length);
    await put(length);
    await put(part);
  }
  MAGIC.copy(header);
  hash.digest().copy(header, MAGIC.length);
  await out.write(header, 0);
}

/**
 * Articles per separately serialized part of a cache file, a megabyte or two: serializing ten
 * thousand files at once held answers up for half a second, and the whole index at once took as
 * much memory again as its articles.
 */
const ARTICLES_PER_PART = 200;
/** At most this many files per part of `files.v8`, however few articles they hold. */
const FILES_PER_PART = 250;

/** The value of a cache file and the parts after it, or why it cannot be trusted. Parses only what passed the checksum. */
export function openCacheFile(bytes: Buffer): { value: unknown; parts: Buffer[] } | { problem: string } {
  if (bytes.length < HEADER_BYTES || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return { problem: 'not a cache file of this version' };
  const body = bytes.subarray(HEADER_BYTES);
  if (!createHash('sha256').update(body).digest().equals(bytes.subarray(MAGIC.length, HEADER_BYTES))) {
    return { problem: 'checksum mismatch (damaged or changed since written)' };
  }
  const parts: Buffer[] = [];
  for (let at = 0; at < body.length;) {
    const end = at + LENGTH_BYTES + (at + LENGTH_BYTES <= body.length ? body.readUInt32LE(at) : 0);
    if (at + LENGTH_BYTES > body.length || end > body.length) return { problem: 'does not parse' };
    parts.push(body.subarray(at + LENGTH_BYTES, end));
    at = end;
  }
  try {
    return { value: v8.deserialize(parts[0] ?? Buffer.alloc(0)), parts: parts.slice(1) };
  } catch {
    return { problem: 'does not parse' };
  }
}

/** Why a cache file was not used; `undefined` problem: it is missing (a first start) or was made with other settings. */
export interface CacheRead<T> {
  value?: T;
  problem?: string;
}

/** What identifies a file's contents without reading it. */
export interface Fingerprint {
  mtimeMs: number;
  size: number;
}

export interface CachedFile {
  fingerprint: Fingerprint;
  result: FileResult;
  analysis: PackedAnalysis;
}

export interface IndexSnapshot {
  format: number;
  /** Settings that change what a file loads to (MAX_AGE_DAYS and the day it was applied). */
  settings: string;
  fingerprints: Record<string, Fingerprint>;
  index: IndexData;
  warnings: Array<{ file: string; message: string }>;
}

/**
 * The index's typed arrays: in `index.v8` each is a part of its own, its bytes as they are in memory
 * (in this order, after the head), written without a copy. Then come its articles, in parts of up
 * to ARTICLES_PER_PART, each a `v8.serialize` of them.
 */
const RAW = { docArticle: Int32Array, docParagraph: Int32Array, docLength: Uint16Array, offsets: Int32Array, docs: Int32Array, freqs: Uint16Array };
type RawName = keyof typeof RAW;
const RAW_NAMES = Object.keys(RAW) as RawName[];

/** What `index.v8` holds ahead of its parts. */
type IndexHead = Omit<IndexSnapshot, 'index'> & { index: Omit<IndexData, RawName | 'articles'> };

/** What `files.v8` holds ahead of its parts, each a `v8.serialize` of [file, CachedFile] entries (see ARTICLES_PER_PART). */
interface FilesSnapshot {
  format: number;
  settings: string;
}

export class IndexCache {
  readonly dir: string;

  constructor(cacheRoot: string, articlesDir: string) {
    // One subfolder per articles folder, so two bots sharing a cache folder never mix.
    const key = createHash('sha256').update(path.resolve(articlesDir)).digest('hex').slice(0, 16);
    this.dir = path.join(cacheRoot, `index-${key}`);
  }

  /** The index snapshot, when there is one for these settings that can be trusted. */
  async readIndex(settings: string): Promise<CacheRead<IndexSnapshot>> {
    const { value: snap, problem, parts = [] } = await this.read<IndexSnapshot>('index.v8');
    if (!snap) return { problem };
    if (snap.format !== CACHE_FORMAT || snap.settings !== settings) return {};
    const i = snap.index as IndexData | undefined;
    try {
      if (i && parts.length >= RAW_NAMES.length) {
        RAW_NAMES.forEach((name, k) => {
          const Type = RAW[name];
          // A copy: a view would keep the whole file's bytes in memory for as long as the index.
          if (parts[k]!.length % Type.BYTES_PER_ELEMENT === 0) Object.assign(i, { [name]: new Type(new Uint8Array(parts[k]!).buffer) });
        });
        i.articles = parts.slice(RAW_NAMES.length).flatMap((part) => v8.deserialize(part) as IndexData['articles']);
      }
    } catch {
      return { problem: 'index.v8: not the shape written' };
    }
    const whole =
      typeof snap.fingerprints === 'object' &&
      snap.fingerprints !== null &&
      Array.isArray(snap.warnings) &&
      Array.isArray(i?.articles) &&
      i.articles.length === i.languages?.length &&
      Array.isArray(i.terms) &&
      i.offsets instanceof Int32Array &&
      i.offsets.length === i.terms.length + 1 &&
      i.docs instanceof Int32Array &&
      i.freqs instanceof Uint16Array &&
      i.freqs.length === i.docs.length &&
      i.docArticle instanceof Int32Array &&
      i.docParagraph instanceof Int32Array &&
      i.docParagraph.length === i.docArticle.length &&
      i.docLength instanceof Uint16Array &&
      i.docLength.length === i.docArticle.length;
    return whole ? { value: snap } : { problem: 'index.v8: not the shape written' };
  }

  /** Each file's cached load and analysis; entries that cannot be trusted are left out (those files are read again). */
  async readFiles(settings: string): Promise<CacheRead<Map<string, CachedFile>> & { value: Map<string, CachedFile> }> {
    const { value: snap, problem, parts } = await this.read<FilesSnapshot>('files.v8');
    if (!snap) return { value: new Map(), problem };
    if (snap.format !== CACHE_FORMAT || snap.settings !== settings) return { value: new Map() };
    const files = new Map<string, CachedFile>();
    try {
      for (const part of parts ?? []) {
        for (const [name, file] of v8.deserialize(part) as Array<[string, unknown]>)
          if (typeof name === 'string' && isCachedFile(file)) files.set(name, file);
      }
    } catch {
      return { value: new Map(), problem: 'files.v8: not the shape written' };
    }
    return { value: files };
  }

  /** Removes what a crash during a save left behind (see `writeFileAtomic`); returns the names. */
  removeLeftovers(): Promise<string[]> {
    return removeLeftoverTemps(this.dir);
  }

  /** Writes both files; `pause` is called between steps, so a caller can let other work run. */
  async write(snapshot: Omit<IndexSnapshot, 'format'>, files: Map<string, CachedFile>, pause: () => Promise<void> = async () => {}): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true });
    const { settings } = snapshot;
    // One part at a time: serialized, hashed, written, let go.
    function* fileParts() {
      yield v8.serialize({ format: CACHE_FORMAT, settings } satisfies FilesSnapshot);
      let part: Array<[string, CachedFile]> = [];
      let articles = 0;
      for (const entry of files) {
        part.push(entry);
        articles += entry[1].result.articles.length;
        if (articles < ARTICLES_PER_PART && part.length < FILES_PER_PART) continue;
        yield v8.serialize(part);
        part = [];
        articles = 0;
      }
      if (part.length > 0) yield v8.serialize(part);
    }
    function* indexParts() {
      const { articles, docArticle, docParagraph, docLength, offsets, docs, freqs, ...rest } = snapshot.index;
      yield v8.serialize({ ...snapshot, format: CACHE_FORMAT, index: rest } satisfies IndexHead);
      for (const name of RAW_NAMES) {
        const a = snapshot.index[name];
        yield new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
      }
      for (let at = 0; at < articles.length; at += ARTICLES_PER_PART) yield v8.serialize(articles.slice(at, at + ARTICLES_PER_PART));
    }
    // files.v8 first: an index.v8 never refers to analysis that is not on disk.
    await this.writeAtomic('files.v8', fileParts(), pause);
    await pause();
    await this.writeAtomic('index.v8', indexParts(), pause);
  }

  private async read<T>(name: string): Promise<CacheRead<T> & { parts?: Buffer[] }> {
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(path.join(this.dir, name));
    } catch (err) {
      const code = (err as { code?: string }).code;
      return code === 'ENOENT' ? {} : { problem: `cannot be read (${code ?? String(err)})` };
    }
    const opened = openCacheFile(bytes);
    if ('problem' in opened) return { problem: `${name}: ${opened.problem}` };
    const { value, parts } = opened;
    return typeof value === 'object' && value !== null ? { value: value as T, parts } : { problem: `${name}: not the shape written` };
  }

  private writeAtomic(name: string, parts: Iterable<Uint8Array>, pause: () => Promise<void>): Promise<void> {
    return writeFileAtomicWith(path.join(this.dir, name), (out) =>
      writeCacheFile({ write: (bytes, at) => out.write(bytes, 0, bytes.length, at) }, parts, pause),
    );
  }
}

function isCachedFile(f: unknown): f is CachedFile {
  const c = f as CachedFile;
  return (
    typeof c === 'object' &&
    c !== null &&
    typeof c.fingerprint?.mtimeMs === 'number' &&
    typeof c.fingerprint.size === 'number' &&
    Array.isArray(c.result?.articles) &&
    c.analysis?.paragraphAt instanceof Uint32Array &&
    c.analysis.paragraphAt.length === c.result.articles.length + 1
  );
}
