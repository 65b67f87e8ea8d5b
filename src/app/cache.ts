import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import type { FileResult } from '../articles/library.js';
import type { Article } from '../articles/types.js';
import type { AnalyzedArticle, IndexData } from '../search/index.js';
import type { Language } from '../search/language.js';
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
 * starting "Copyright" kept as news; 12: "Register…"/"Sign-up…" dropped only as calls to action.)
 */
export const CACHE_FORMAT = 12;

/**
 * What a cache file starts with: a tag, then the SHA-256 of everything after the header. After it
 * come parts, each its length (4 bytes) then its bytes: the first is the value serialized, any others
 * are bytes that go with it (`files.v8`: its entries, serialized a few hundred files at a time), so a
 * save never holds the whole file in memory.
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

/** Files per separately serialized part of `files.v8`: serializing ten thousand at once held answers up for half a second. */
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

/**
 * A file's analyzed articles (see `AnalyzedArticle`), packed: each distinct string once, every term
 * and word as a number into that list. Kept in memory for every file and written to `files.v8`; as
 * plain arrays of strings it took ten times the memory (a [word, term] pair alone is two objects)
 * and most of the cache's write time.
 */
export interface PackedAnalysis {
  languages: Language[];
  strings: string[];
  /** Article i's title terms are `title[titleAt[i] .. titleAt[i+1])`. */
  titleAt: Uint32Array;
  title: Uint32Array;
  /** Article i's paragraphs are `paragraphAt[i] .. paragraphAt[i+1]`; paragraph p's terms are `terms[termAt[p] .. termAt[p+1])`. */
  paragraphAt: Uint32Array;
  termAt: Uint32Array;
  terms: Uint32Array;
  /** Article i's [word, term] pairs are `words/wordTerms[wordAt[i] .. wordAt[i+1])`. */
  wordAt: Uint32Array;
  words: Uint32Array;
  wordTerms: Uint32Array;
}

export function packAnalysis(analyzed: readonly AnalyzedArticle[]): PackedAnalysis {
  const ids = new Map<string, number>();
  const id = (s: string) => {
    let n = ids.get(s);
    if (n === undefined) ids.set(s, (n = ids.size));
    return n;
  };
  const paragraphCount = analyzed.reduce((n, a) => n + a.paragraphs.length, 0);
  const termCount = analyzed.reduce((n, a) => a.paragraphs.reduce((m, p) => m + p.length, n), 0);
  const wordCount = analyzed.reduce((n, a) => n + a.words.length, 0);
  const packed: PackedAnalysis = {
    languages: analyzed.map((a) => a.language),
    strings: [],
    titleAt: new Uint32Array(analyzed.length + 1),
    title: new Uint32Array(analyzed.reduce((n, a) => n + a.title.length, 0)),
    paragraphAt: new Uint32Array(analyzed.length + 1),
    termAt: new Uint32Array(paragraphCount + 1),
    terms: new Uint32Array(termCount),
    wordAt: new Uint32Array(analyzed.length + 1),
    words: new Uint32Array(wordCount),
    wordTerms: new Uint32Array(wordCount),
  };
  let t = 0;
  let p = 0;
  let w = 0;
  let title = 0;
  analyzed.forEach((a, i) => {
    for (const term of a.title) packed.title[title++] = id(term);
    packed.titleAt[i + 1] = title;
    for (const para of a.paragraphs) {
      for (const term of para) packed.terms[t++] = id(term);
      packed.termAt[++p] = t;
    }
    packed.paragraphAt[i + 1] = p;
    for (const [word, term] of a.words) {
      packed.words[w] = id(word);
      packed.wordTerms[w++] = id(term);
    }
    packed.wordAt[i + 1] = w;
  });
  packed.strings = [...ids.keys()];
  return packed;
}

/**
 * The analyzed articles back, for `assemble`; `articles` are the file's articles in the order packed.
 * Pass one `shared` map to every call of a rebuild: each [word, term] pair is then one object for
 * the whole folder instead of one per article that uses the word (millions at 100,000 paragraphs).
 */
export function unpackAnalysis(
  articles: readonly Article[],
  packed: PackedAnalysis,
  shared: Map<string, [string, string]> = new Map(),
): AnalyzedArticle[] {
  const { strings } = packed;
  const pair = (word: string, term: string): [string, string] => {
    let p = shared.get(word);
    if (p === undefined || p[1] !== term) shared.set(word, (p = [word, term]));
    return p;
  };
  const range = (list: Uint32Array, from: number, to: number) => {
    const out = new Array<string>(to - from);
    for (let k = from; k < to; k++) out[k - from] = strings[list[k]!]!;
    return out;
  };
  return articles.map((article, i) => {
    const paragraphs: string[][] = [];
    for (let p = packed.paragraphAt[i]!; p < packed.paragraphAt[i + 1]!; p++) {
      paragraphs.push(range(packed.terms, packed.termAt[p]!, packed.termAt[p + 1]!));
    }
    const words: Array<[string, string]> = [];
    for (let w = packed.wordAt[i]!; w < packed.wordAt[i + 1]!; w++) {
      words.push(pair(strings[packed.words[w]!]!, strings[packed.wordTerms[w]!]!));
    }
    return {
      article,
      language: packed.languages[i]!,
      title: range(packed.title, packed.titleAt[i]!, packed.titleAt[i + 1]!),
      paragraphs,
      words,
    };
  });
}

/**
 * Analyses just made, rewritten in place to share strings and [word, term] pairs across the whole
 * rebuild (as `unpackAnalysis` with one `shared` map): kept unpacked until the new index is built,
 * each term is otherwise a string of its own, several times the memory and the collector's work.
 */
export function shareAnalysis(analyzed: readonly AnalyzedArticle[], strings: Map<string, string>, pairs: Map<string, [string, string]>): void {
  const one = (s: string) => {
    const known = strings.get(s);
    if (known !== undefined) return known;
    strings.set(s, s);
    return s;
  };
  const all = (list: string[]) => {
    for (let k = 0; k < list.length; k++) list[k] = one(list[k]!);
  };
  for (const a of analyzed) {
    all(a.title);
    for (const para of a.paragraphs) all(para);
    for (let k = 0; k < a.words.length; k++) {
      const [word, term] = a.words[k]!;
      let p = pairs.get(word);
      if (p === undefined || p[1] !== term) pairs.set(word, (p = [one(word), one(term)]));
      a.words[k] = p;
    }
  }
}

export interface IndexSnapshot {
  format: number;
  /** Settings that change what a file loads to (MAX_AGE_DAYS and the day it was applied). */
  settings: string;
  fingerprints: Record<string, Fingerprint>;
  index: IndexData;
  warnings: Array<{ file: string; message: string }>;
}

/** What `files.v8` holds ahead of its parts, each a `v8.serialize` of up to FILES_PER_PART [file, CachedFile] entries. */
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
    const { value: snap, problem } = await this.read<IndexSnapshot>('index.v8');
    if (!snap) return { problem };
    if (snap.format !== CACHE_FORMAT || snap.settings !== settings) return {};
    const i = snap.index as IndexData | undefined;
    const whole =
      typeof snap.fingerprints === 'object' &&
      snap.fingerprints !== null &&
      Array.isArray(snap.warnings) &&
      Array.isArray(i?.articles) &&
      Array.isArray(i.terms) &&
      i.offsets instanceof Int32Array &&
      i.offsets.length === i.terms.length + 1 &&
      i.docs instanceof Int32Array &&
      i.docArticle instanceof Int32Array;
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
    const index: IndexSnapshot = { format: CACHE_FORMAT, ...snapshot };
    const entries = [...files];
    // One part at a time: serialized, hashed, written, let go.
    function* fileParts() {
      yield v8.serialize({ format: CACHE_FORMAT, settings: index.settings } satisfies FilesSnapshot);
      for (let at = 0; at < entries.length; at += FILES_PER_PART) yield v8.serialize(entries.slice(at, at + FILES_PER_PART));
    }
    // files.v8 first: an index.v8 never refers to analysis that is not on disk.
    await this.writeAtomic('files.v8', fileParts(), pause);
    await pause();
    await this.writeAtomic('index.v8', [v8.serialize(index)], pause);
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
