import { runSteps, type Steps } from '../steps.js';
import type { Article } from './types.js';

/**
 * The same story saved twice (a page and its feed copy, a re-export, an edited version) is indexed
 * once: same canonical URL and mostly the same text, or near-identical body text under any URL.
 * Pure: no I/O, deterministic for a given input.
 */

/** Two bodies whose word-shingle sets overlap this much (Jaccard) are the same story. */
export const NEAR_DUPLICATE_JACCARD = 0.9;
/**
 * Same URL and at least half of all their 5-word runs in common: versions of one story (edited,
 * extended), the newer kept; less, and they are different texts under one URL (a quiz page with one
 * file per question, a live blog), both kept: what they share is indexed once anyway (dedupeParagraphs).
 */
export const SAME_STORY_JACCARD = 0.5;
/** Versions of one URL compared against at most this many kept ones: a feed giving every item one URL stays linear. */
const MAX_VERSIONS = 32;
const SHINGLE_WORDS = 5;
/**
 * Each article is indexed under SKETCH_SIZE of its shingle hashes, the smallest that are not common,
 * to find candidate pairs: two near-identical texts share most shingles, so their smallest almost
 * always meet.
 */
const SKETCH_SIZE = 8;
/**
 * A shingle in more articles than this is common (a template's or a site's stock phrase): leaving it
 * out of sketches keeps every candidate list short, so the cost grows with the folder, not with its
 * square, when thousands of articles share a template.
 */
const COMMON_SHINGLE = 64;
/**
 * At most this many kept articles per sketch hash. Only an article with fewer than SKETCH_SIZE
 * shingles that are not common fills its sketch with common ones, whose lists can reach the cap.
 */
const BUCKET_CAP = COMMON_SHINGLE;

export interface Duplicate {
  dropped: Article;
  kept: Article;
  /** Human-readable: "same URL, 80% of the text alike: an older version (published earlier)" or "near-identical text (96% alike)". */
  reason: string;
}

export interface DedupeOptions {
  /** A file's modification time: which of two versions of a story, published the same day, is newer. */
  modifiedMs?: (file: string) => number | undefined;
}

/** Query parameters that only track where a click came from; they never change the page. */
const TRACKING_PARAM =
  /^(?:utm_.*|fbclid|gclid|dclid|msclkid|yclid|mc_cid|mc_eid|_ga|_gl|igshid|ocid|cmpid|cmp|smid|smtyp|sr_share|ref|ref_src|referrer|source|share|shared|via|__twitter_impression|at_medium|at_campaign|ito|guccounter)$/i;

/** URL identity: scheme, `www.`, fragment, trailing slash and tracking parameters do not matter. */
export function canonicalUrl(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  const host = u.hostname.toLowerCase().replace(/^www\./, '');
  const port = u.port ? `:${u.port}` : '';
  const params = [...u.searchParams].filter(([k]) => !TRACKING_PARAM.test(k)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  const pathname = u.pathname.replace(/\/+$/, '') || '';
  return `${host}${port}${pathname}${query}`;
}

const shingleCache = new WeakMap<Article, Uint32Array>();

/**
 * Hashes of every run of SHINGLE_WORDS consecutive words of the body (lower-cased, punctuation
 * gone), sorted and unique. Memoized per article: a live reload re-checks every article against the
 * others, and articles of unchanged files are the same objects from one reload to the next.
 */
export function shingles(article: Article): Uint32Array {
  const cached = shingleCache.get(article);
  if (cached) return cached;
  const wordHashes: number[] = [];
  // 32-bit FNV-1a of each word (a run of `isWordChar`), hashed as the characters go by.
  for (const p of article.paragraphs) {
    const from = wordHashes.length;
    let lower = p.text;
    let lowered = false;
    let h = 0x811c9dc5;
    let inWord = false;
    for (let i = 0; i < lower.length; i++) {
      let c = lower.charCodeAt(i);
      if (!lowered && (c = lowerCode(c)) < 0) {
        // A character only the whole text's lower case knows: again from the paragraph's start.
        [lower, lowered, h, inWord, i] = [p.text.toLowerCase(), true, 0x811c9dc5, false, -1];
        wordHashes.length = from;
        continue;
      }
      if (isWordChar(c)) {
        h = Math.imul(h ^ c, 0x01000193);
        inWord = true;
      } else if (inWord) {
        wordHashes.push(h >>> 0);
        h = 0x811c9dc5;
        inWord = false;
      }
    }
    if (inWord) wordHashes.push(h >>> 0);
  }
  const all: number[] = [];
  const n = Math.min(SHINGLE_WORDS, wordHashes.length);
  for (let i = 0; i + n <= wordHashes.length && n > 0; i++) {
    let h = 0x811c9dc5;
    for (let j = i; j < i + n; j++) h = Math.imul(h ^ wordHashes[j]!, 0x01000193) >>> 0;
    all.push(h);
  }
  const sorted = Uint32Array.from(all).sort();
  let unique = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[unique++] = sorted[i]!;
  const result = sorted.slice(0, unique);
  shingleCache.set(article, result);
  return result;
}

/** Jaccard similarity of two sorted, unique hash arrays. */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i]! === b[j]!) {
      shared++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return shared / (a.length + b.length - shared);
}

/** Which copy to keep: more paragraphs, then newer, then the first by file path (stable). */
function better(a: Article, b: Article): number {
  if (a.paragraphs.length !== b.paragraphs.length) return b.paragraphs.length - a.paragraphs.length;
  return newer(a, b);
}

/** Newer first (undated last), then the first by file path (stable). */
function newer(a: Article, b: Article): number {
  const ta = publishedTime(a);
  const tb = publishedTime(b);
  if (ta !== tb) return tb > ta ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const publishedCache = new WeakMap<Article, number>();

/** Memoized per article, as the shingles are: sorting ten thousand articles parses each date once. */
function publishedTime(a: Article): number {
  let time = publishedCache.get(a);
  if (time === undefined) {
    const t = a.published ? Date.parse(a.published) : NaN;
    publishedCache.set(a, (time = Number.isNaN(t) ? -Infinity : t));
  }
  return time;
}

const urlCache = new WeakMap<Article, string | null>();

function articleUrl(a: Article): string | null {
  let url = urlCache.get(a);
  if (url === undefined) urlCache.set(a, (url = a.url ? canonicalUrl(a.url) : null));
  return url;
}

/**
 * Keeps one article per story. The survivors keep their input order; each dropped copy is reported
 * with the copy that was kept and why.
 */
export function dedupeArticles(articles: readonly Article[], options: DedupeOptions = {}): { articles: Article[]; duplicates: Duplicate[] } {
  return runSteps(dedupeArticlesSteps(articles, options));
}

/** Articles handled between two steps. */
const STEP = 128;

/** `dedupeArticles` in steps. */
export function* dedupeArticlesSteps(
  articles: readonly Article[],
  options: DedupeOptions = {},
): Steps<{ articles: Article[]; duplicates: Duplicate[] }> {
  const sketchIndex = new Map<number, Kept[]>();
  const duplicates = olderVersions(articles, options);
  const droppedIds = new Set(duplicates.map((d) => d.dropped.id));
  yield;

  const candidates = [...articles].sort(better).filter((a) => !droppedIds.has(a.id));
  yield;
  const sets: Uint32Array[] = [];
  for (const article of candidates) {
    sets.push(shingles(article));
    if (sets.length % STEP === 0) yield;
  }
  const common = yield* commonShinglesSteps(sets);
  yield;
  for (const [n, article] of candidates.entries()) {
    if (n % STEP === 0) yield;
    const set = shingles(article);
    const sketch = sketchOf(set, common);
    const near = set.length > 0 ? nearest(set, sketch, sketchIndex) : undefined;
    if (near) {
      droppedIds.add(article.id);
      duplicates.push({
        dropped: article,
        kept: near.kept.article,
        reason: `near-identical text (${Math.floor(near.similarity * 100)}% alike)`,
      });
      continue;
    }
    if (set.length > 0) {
      const kept: Kept = { article, set, visited: 0 };
      for (const h of sketch) {
        const list = sketchIndex.get(h);
        if (!list) sketchIndex.set(h, [kept]);
        else if (list.length < BUCKET_CAP) list.push(kept);
      }
    }
  }

  duplicates.sort((a, b) => (a.dropped.id < b.dropped.id ? -1 : a.dropped.id > b.dropped.id ? 1 : 0));
  return { articles: articles.filter((a) => !droppedIds.has(a.id)), duplicates };
}

/**
 * Articles under one canonical URL that are versions of one story (SAME_STORY_JACCARD): all but the
 * newest, by published date, then file modification time, then more paragraphs.
 */
function olderVersions(articles: readonly Article[], options: DedupeOptions): Duplicate[] {
  const byUrl = new Map<string, Article[]>();
  for (const article of articles) {
    const canonical = articleUrl(article);
    if (!canonical) continue;
    const list = byUrl.get(canonical);
    if (list) list.push(article);
    else byUrl.set(canonical, [article]);
  }
  const modified = (a: Article) => options.modifiedMs?.(a.file) ?? -Infinity;
  const newestFirst = (a: Article, b: Article) =>
    publishedTime(b) - publishedTime(a) || modified(b) - modified(a) || b.paragraphs.length - a.paragraphs.length || newer(a, b);
  const duplicates: Duplicate[] = [];
  for (const group of byUrl.values()) {
    if (group.length < 2) continue;
    const kept: Article[] = [];
    for (const article of group.sort(newestFirst)) {
      let version: { kept: Article; similarity: number } | undefined;
      for (const other of kept.slice(-MAX_VERSIONS)) {
        const similarity = jaccard(shingles(article), shingles(other));
        if (similarity >= SAME_STORY_JACCARD && (!version || similarity > version.similarity)) version = { kept: other, similarity };
      }
      if (!version) {
        kept.push(article);
        continue;
      }
      const why =
        publishedTime(article) !== publishedTime(version.kept)
          ? 'published earlier'
          : modified(article) !== modified(version.kept)
            ? 'file modified earlier'
            : article.paragraphs.length !== version.kept.paragraphs.length
              ? 'fewer paragraphs'
              : 'nothing tells them apart: the first by file name kept';
      duplicates.push({
        dropped: article,
        kept: version.kept,
        reason: `same URL, ${Math.floor(version.similarity * 100)}% of the text alike: an older version (${why})`,
      });
    }
  }
  return duplicates;
}

interface Kept {
  article: Article;
  set: Uint32Array;
  visited: number;
}

/** Hash ranges (by the top bits) sorted one at a time, so finding common shingles can pause between them. */
const HASH_RANGE_BITS = 4;

/**
 * Shingle hashes found in more than COMMON_SHINGLE of the sets: sorted and counted without a map, a
 * range of hashes per step (one sort of them all held a reload's questions up for tens of ms).
 */
function* commonShinglesSteps(sets: readonly Uint32Array[]): Steps<Set<number>> {
  const shift = 32 - HASH_RANGE_BITS;
  const sizes = new Int32Array(1 << HASH_RANGE_BITS);
  for (const s of sets) for (const h of s) sizes[h >>> shift]!++;
  const ranges = [...sizes].map((n) => new Uint32Array(n));
  const filled = new Int32Array(ranges.length);
  for (const [n, s] of sets.entries()) {
    if (n % STEP === 0) yield;
    for (const h of s) ranges[h >>> shift]![filled[h >>> shift]!++] = h;
  }
  const common = new Set<number>();
  for (const range of ranges) {
    yield;
    range.sort();
    for (let i = 0; i + COMMON_SHINGLE < range.length; i++) if (range[i] === range[i + COMMON_SHINGLE]) common.add(range[i]!);
  }
  return common;
}

/** The SKETCH_SIZE smallest hashes of `set` that are not common; filled up with the smallest common ones. */
function sketchOf(set: Uint32Array, common: ReadonlySet<number>): number[] {
  const sketch: number[] = [];
  for (let i = 0; i < set.length && sketch.length < SKETCH_SIZE; i++) if (!common.has(set[i]!)) sketch.push(set[i]!);
  for (let i = 0; i < set.length && sketch.length < SKETCH_SIZE; i++) if (common.has(set[i]!)) sketch.push(set[i]!);
  return sketch;
}

/** The kept article most like `set`, found through the sketch hashes they share. */
function nearest(set: Uint32Array, sketch: readonly number[], index: Map<number, Kept[]>): { kept: Kept; similarity: number } | undefined {
  let best: { kept: Kept; similarity: number } | undefined;
  const visit = ++visits;
  for (const h of sketch) {
    for (const candidate of index.get(h) ?? []) {
      if (candidate.visited === visit) continue;
      candidate.visited = visit;
      const similarity = jaccardAtLeast(set, candidate.set, NEAR_DUPLICATE_JACCARD);
      if (similarity >= NEAR_DUPLICATE_JACCARD && (!best || similarity > best.similarity)) best = { kept: candidate, similarity };
    }
  }
  return best;
}

/** Marks a candidate as compared already in this `nearest` call (cheaper than a Set per call). */
let visits = 0;

/**
 * `jaccard(a, b)` when it is at least `threshold`, otherwise some value below it: stops as soon as
 * too many hashes are in one set only, as it does for almost every candidate (and before counting
 * when the sizes alone are too far apart).
 */
function jaccardAtLeast(a: Uint32Array, b: Uint32Array, threshold: number): number {
  // shared / (|a| + |b| − shared) ≥ t  ⇔  hashes in one set only ≤ (|a| + |b|)(1 − t)/(1 + t).
  const allowed = ((a.length + b.length) * (1 - threshold)) / (1 + threshold);
  if (Math.abs(a.length - b.length) > allowed) return -1;
  let alone = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i]! === b[j]!) {
      i++;
      j++;
    } else {
      if (++alone > allowed) return -1;
      if (a[i]! < b[j]!) i++;
      else j++;
    }
  }
  return jaccard(a, b);
}

/**
 * The same paragraph in several articles is indexed once, in the newest of them. Sites put the same
 * lines under every story (newsletter sign-ups, author bios, promos such as "Need a news break? …";
 * counts in docs/search.md, "Tuning notes"), and two stories can share a quote. Indexed once, such
 * a text can no longer fill all three answers to a question, and nothing is lost: the text stays findable. A paragraph repeated inside one article
 * counts once too. Articles that lose a paragraph come back as new objects, the others as they were.
 */
export function dedupeParagraphs(articles: readonly Article[]): { articles: Article[]; repeated: number } {
  return runSteps(dedupeParagraphsSteps(articles));
}

/** `dedupeParagraphs` in steps. */
export function* dedupeParagraphsSteps(articles: readonly Article[]): Steps<{ articles: Article[]; repeated: number }> {
  const seen = new Set<number>();
  const drop = new Map<Article, Set<number>>();
  let repeated = 0;
  const newestFirst = [...articles].sort((a, b) => newer(a, b));
  yield;
  for (const [n, article] of newestFirst.entries()) {
    if (n % STEP === 0) yield;
    const keys = paragraphKeys(article);
    article.paragraphs.forEach((p, i) => {
      const key = keys[i]!;
      if (key < 0) return;
      if (!seen.has(key)) return void seen.add(key);
      let set = drop.get(article);
      if (!set) drop.set(article, (set = new Set()));
      set.add(p.index);
      repeated++;
    });
  }
  return {
    articles: articles.map((a) => {
      const gone = drop.get(a);
      return gone ? { ...a, paragraphs: a.paragraphs.filter((p) => !gone.has(p.index)) } : a;
    }),
    repeated,
  };
}

/**
 * What `dedupeParagraphs` compares paragraphs by: a hash of their words (case, punctuation and
 * spacing aside), −1 for a text without words.
 */
export function paragraphTextKey(text: string): number {
  return paragraphKey(text);
}

/**
 * A character's lower case where it does not depend on the rest of the text (ASCII, and the dashes,
 * quotes and ellipses of U+2010-U+2027, which have no case); -1 for any other. Lower-casing as the
 * characters go by spares a lower-cased copy of every paragraph.
 */
function lowerCode(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  return c >= 0x2010 && c <= 0x2027 ? c : -1;
}

const paragraphKeyCache = new WeakMap<Article, Float64Array>();

/**
 * Letters and digits, roughly (a-z 0-9 U+00C0-U+1FFF U+2C00-U+FFFF, of lower-cased text): a plain
 * test on each character, one pass over the text, not matching and joining its words, which is
 * slower (figures in docs/search.md).
 */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 0xc0 && c <= 0x1fff) || c >= 0x2c00;
}

/**
 * FNV-1a and a polynomial hash (Java's, of another make, so their collisions do not coincide) of the
 * words of `text` lower-cased, one space between them.
 */
function paragraphKey(text: string, lowered = false): number {
  let a = 0x811c9dc5;
  let b = 0;
  let any = false;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (!lowered && (c = lowerCode(c)) < 0) return paragraphKey(text.toLowerCase(), true);
    if (!isWordChar(c)) {
      inWord = false;
      continue;
    }
    if (!inWord && any) {
      a = Math.imul(a ^ 32, 0x01000193);
      b = (Math.imul(b, 31) + 32) | 0;
    }
    inWord = any = true;
    a = Math.imul(a ^ c, 0x01000193);
    b = (Math.imul(b, 31) + c) | 0;
  }
  return any ? (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff) : -1;
}

/**
 * One 53-bit hash per paragraph of its words (lower-cased, punctuation and spacing ignored), or −1
 * for a paragraph without words. 53 bits: among a million paragraphs the chance that two different
 * ones collide is below one in ten thousand, and a Map keyed by the text itself would briefly hold a
 * second copy of the corpus. Memoized per article, as the shingles are.
 */
function paragraphKeys(article: Article): Float64Array {
  let keys = paragraphKeyCache.get(article);
  if (keys) return keys;
  keys = Float64Array.from(article.paragraphs, (p) => paragraphKey(p.text));
  paragraphKeyCache.set(article, keys);
  return keys;
}
