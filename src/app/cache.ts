import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
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
 * A change to what is read bumps READING_VERSION too (src/search/index.ts): the PostgreSQL store goes by it.
 *
 * The version also covers how text is analyzed and what is indexed: a change to stopwords, stemming
 * or tokenizing must bump it, or files unchanged since an older run would keep their old terms. (3:
 * German question words and number words in stopword lists, a whole Ukrainian list; 4: German past
 * participles stemmed as their verbs; 5: an article's language guessed by its stopwords whatever its
 * script; 6: a paragraph several articles share indexed once; 7: a question heading read with the
 * paragraph after it; 8: a lead-in ending in a colon too; 9: a checksum ahead of the contents, and two
 * files with one URL both indexed unless versions of one story; 10: contents in parts, each with its length; 11: a sentence
 * starting "Copyright" kept as news; 12: the index's typed arrays and its articles in parts of their own;
 * 13: "Register…"/"Sign-up…" dropped only as calls to action; 14: each paragraph's terms and words;
 * 15: a live blog entry's time and share button cut; 16: a sentence pointing to a link ("… here.") dropped;
 * 17: a short English stem ending in "ue", "ie" or "ye" without its e, as its verb's other forms;
 * 18: a line that is only a short quoted title read with the paragraph after it.)
 */
export const CACHE_FORMAT = 18;

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

/** Where a cache file is read from, a piece at a time. */
interface Bytes {
  size: number;
  /** Up to `length` bytes from `at` (fewer only past the end): in `into`, or else in a buffer of their own. */
  read(at: number, length: number, into?: Buffer): Promise<Buffer>;
}

/** Given a cache file's value, what takes each part after it in turn (none: the parts are not read). */
type TakeParts = (value: unknown) => ((part: Buffer) => void) | undefined;

/** Bytes hashed per read while checking a file. */
const HASH_CHUNK = 1 << 20;

/**
 * A cache file's value, its parts handed to `take` one at a time, or why it cannot be trusted. The
 * checksum is checked over the whole file (a megabyte at a time) before anything is parsed; then each
 * part is read, taken and let go, so reading never holds the whole file either.
 */
async function openCacheBytes(bytes: Bytes, take: TakeParts): Promise<{ value: unknown } | { problem: string }> {
  const header = await bytes.read(0, HEADER_BYTES);
  if (header.length < HEADER_BYTES || !header.subarray(0, MAGIC.length).equals(MAGIC)) return { problem: 'not a cache file of this version' };
  const hash = createHash('sha256');
  const chunk = Buffer.allocUnsafe(HASH_CHUNK);
  for (let at = HEADER_BYTES; at < bytes.size; at += HASH_CHUNK) hash.update(await bytes.read(at, HASH_CHUNK, chunk));
  if (!hash.digest().equals(header.subarray(MAGIC.length))) return { problem: 'checksum mismatch (damaged or changed since written)' };
  const broken = { problem: 'does not parse' };
  let opened: { value: unknown } | undefined;
  let onPart: ((part: Buffer) => void) | undefined;
  try {
    for (let at = HEADER_BYTES; at < bytes.size;) {
      const length = at + LENGTH_BYTES <= bytes.size ? (await bytes.read(at, LENGTH_BYTES)).readUInt32LE(0) : Infinity;
      if (at + LENGTH_BYTES + length > bytes.size) return broken;
      const part = await bytes.read(at + LENGTH_BYTES, length);
      at += LENGTH_BYTES + length;
      if (opened) onPart!(part);
      else if (!(onPart = take((opened = { value: v8.deserialize(part) }).value))) break;
    }
  } catch {
    return broken;
  }
  return opened ?? broken;
}

/** The value of a cache file in memory and the parts after it, or why it cannot be trusted (for tests). */
export async function openCacheFile(bytes: Buffer): Promise<{ value: unknown; parts: Buffer[] } | { problem: string }> {
  const parts: Buffer[] = [];
  const read = async (at: number, length: number) => bytes.subarray(at, at + length);
  const opened = await openCacheBytes({ size: bytes.length, read }, () => (part) => parts.push(part));
  return 'problem' in opened ? opened : { value: opened.value, parts };
}

/** A file's bytes, read as asked. */
async function fileBytes(handle: FileHandle): Promise<Bytes> {
  const { size } = await handle.stat();
  const read = async (at: number, length: number, into?: Buffer) => {
    const n = Math.max(0, Math.min(length, size - at));
    // Not from Buffer's shared pool: a part that is a typed array is then used where it was read.
    const out = into ?? Buffer.allocUnsafeSlow(n);
    let done = 0;
    for (let got = -1; done < n && got !== 0; done += got) ({ bytesRead: got } = await handle.read(out, done, n - done, at + done));
    return out.subarray(0, done);
  };
  return { size, read };
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
const RAW = {
  docArticle: Int32Array,
  docParagraph: Int32Array,
  docLength: Uint16Array,
  docTermAt: Uint32Array,
  docTerms: Uint32Array,
  docWordAt: Uint32Array,
  docWords: Uint32Array,
  offsets: Int32Array,
  docs: Int32Array,
  freqs: Uint16Array,
};
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
    const raw: Partial<Pick<IndexData, RawName>> = {};
    const articles: IndexData['articles'] = [];
    const { value: snap, problem } = await this.read<IndexSnapshot>('index.v8', (value) => {
      if (!ours(value, settings)) return undefined;
      let k = 0;
      return (part) => {
        const name = RAW_NAMES[k++];
        if (name) Object.assign(raw, { [name]: typedArray(RAW[name], part) });
        else for (const a of v8.deserialize(part) as IndexData['articles']) articles.push(a);
      };
    });
    if (!snap) return { problem };
    if (!ours(snap, settings)) return {};
    const i = snap.index as IndexData | undefined;
    if (typeof i === 'object' && i !== null) Object.assign(i, raw, { articles });
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
      i.docLength.length === i.docArticle.length &&
      i.docTermAt instanceof Uint32Array &&
      i.docTermAt.length === i.docArticle.length + 1 &&
      i.docTerms instanceof Uint32Array &&
      i.docTerms.length === i.docTermAt[i.docArticle.length] &&
      i.docWordAt instanceof Uint32Array &&
      i.docWordAt.length === i.docArticle.length + 1 &&
      i.docWords instanceof Uint32Array &&
      i.docWords.length === i.docWordAt[i.docArticle.length] &&
      Array.isArray(i.allWords);
    return whole ? { value: snap } : { problem: 'index.v8: not the shape written' };
  }

  /** Each file's cached load and analysis; entries that cannot be trusted are left out (those files are read again). */
  async readFiles(settings: string): Promise<CacheRead<Map<string, CachedFile>> & { value: Map<string, CachedFile> }> {
    const files = new Map<string, CachedFile>();
    const { value: snap, problem } = await this.read<FilesSnapshot>('files.v8', (value) => {
      if (!ours(value, settings)) return undefined;
      return (part) => {
        for (const [name, file] of v8.deserialize(part) as Array<[string, unknown]>) {
          if (typeof name === 'string' && isCachedFile(file)) files.set(name, file);
        }
      };
    });
    if (!snap) return { value: new Map(), problem };
    if (!ours(snap, settings)) return { value: new Map() };
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
      const { articles, docArticle, docParagraph, docLength, docTermAt, docTerms, docWordAt, docWords, offsets, docs, freqs, ...rest } =
        snapshot.index;
      yield v8.serialize({ ...snapshot, format: CACHE_FORMAT, index: rest } satisfies IndexHead);
      for (const name of RAW_NAMES) {
        // Every index the bot builds keeps all of them; one without (a database's candidates) is never saved.
        const a = snapshot.index[name] ?? new Uint32Array(0);
        yield new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
      }
      for (let at = 0; at < articles.length; at += ARTICLES_PER_PART) yield v8.serialize(articles.slice(at, at + ARTICLES_PER_PART));
    }
    // files.v8 first: an index.v8 never refers to analysis that is not on disk.
    await this.writeAtomic('files.v8', fileParts(), pause);
    await pause();
    await this.writeAtomic('index.v8', indexParts(), pause);
  }

  /** A cache file's value, its parts handed to what `take` returns for it (see `openCacheBytes`). */
  private async read<T>(name: string, take: TakeParts): Promise<CacheRead<T>> {
    let handle: FileHandle | undefined;
    try {
      handle = await fs.open(path.join(this.dir, name), 'r');
      const opened = await openCacheBytes(await fileBytes(handle), take);
      if ('problem' in opened) return { problem: `${name}: ${opened.problem}` };
      const { value } = opened;
      return typeof value === 'object' && value !== null ? { value: value as T } : { problem: `${name}: not the shape written` };
    } catch (err) {
      const code = (err as { code?: string }).code;
      return code === 'ENOENT' ? {} : { problem: `cannot be read (${code ?? String(err)})` };
    } finally {
      await handle?.close();
    }
  }

  private writeAtomic(name: string, parts: Iterable<Uint8Array>, pause: () => Promise<void>): Promise<void> {
    return writeFileAtomicWith(path.join(this.dir, name), (out) =>
      writeCacheFile({ write: (bytes, at) => out.write(bytes, 0, bytes.length, at) }, parts, pause),
    );
  }
}

/** Whether a cache file's value was written in this format for these settings. */
function ours(value: unknown, settings: string): boolean {
  const v = value as Partial<FilesSnapshot> | null | undefined;
  return v?.format === CACHE_FORMAT && v.settings === settings;
}

/**
 * A typed array of a part's bytes: where they were read, when the part has a buffer of its own (as
 * read from the file); else a copy, as a view would hold the whole buffer. Throws when the length
 * does not fit the type.
 */
function typedArray(
  Type: Int32ArrayConstructor | Uint32ArrayConstructor | Uint16ArrayConstructor,
  part: Buffer,
): Int32Array | Uint32Array | Uint16Array {
  const own = part.byteOffset === 0 && part.buffer.byteLength === part.length && part.buffer instanceof ArrayBuffer;
  return new Type(own ? (part.buffer as ArrayBuffer) : new Uint8Array(part).buffer);
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
    c.analysis.paragraphAt.length === c.result.articles.length + 1 &&
    c.analysis.tokenAt instanceof Uint32Array &&
    c.analysis.tokens instanceof Uint32Array
  );
}
