import type { Language } from './language.js';
import { uncachedTermOf } from './normalize.js';

const TAB = 9;
const NEWLINE = 10;
const SPACE = 32;
const UNDERSCORE = 95;

/**
 * One language's headwords in the word list's bytes (`language TAB word TAB translations` lines):
 * where each kept line's word starts and ends, sorted by word, found by binary search. Words and
 * translations are decoded when asked for, so a loaded list costs its bytes and 8 bytes a headword.
 */
export class Headwords {
  private constructor(
    private readonly bytes: Buffer,
    private readonly starts: Uint32Array,
    private readonly ends: Uint32Array,
  ) {}

  get size(): number {
    return this.starts.length;
  }

  /**
   * Each language's headwords in `bytes`. Lines of a language `languageOf` does not know, or
   * without a word or translations, are skipped; of a word written twice, the later line counts.
   */
  static ofLines(bytes: Buffer, languageOf: (code: string) => Language | undefined): Map<Language, Headwords> {
    const lines = new Map<Language, { starts: number[]; ends: number[] }>();
    for (let pos = 0; pos < bytes.length;) {
      let end = bytes.indexOf(NEWLINE, pos);
      if (end < 0) end = bytes.length;
      const tab = indexIn(bytes, TAB, pos, end);
      const wordEnd = tab < 0 ? -1 : indexIn(bytes, TAB, tab + 1, end);
      const translationsEnd = wordEnd < 0 ? -1 : fieldEnd(bytes, wordEnd + 1, end);
      const language = tab < 0 || tab - pos > 8 ? undefined : languageOf(bytes.toString('latin1', pos, tab));
      if (language && wordEnd > tab + 1 && translationsEnd > wordEnd + 1) {
        let table = lines.get(language);
        if (!table) lines.set(language, (table = { starts: [], ends: [] }));
        table.starts.push(tab + 1);
        table.ends.push(wordEnd);
      }
      pos = end + 1;
    }
    const tables = new Map<Language, Headwords>();
    for (const [language, { starts, ends }] of lines) tables.set(language, Headwords.sorted(bytes, starts, ends));
    return tables;
  }

  /** `npm run build-lexicon` writes each language's words sorted and once: then this only checks that. */
  private static sorted(bytes: Buffer, starts: number[], ends: number[]): Headwords {
    const compare = (i: number, j: number) => bytes.compare(bytes, starts[j], ends[j], starts[i], ends[i]);
    let ordered = true;
    for (let i = 1; i < starts.length && ordered; i++) ordered = compare(i - 1, i) < 0;
    if (ordered) return new Headwords(bytes, Uint32Array.from(starts), Uint32Array.from(ends));
    // A list written some other way: sort (stably, so the later of a word's lines comes last) and keep its last line.
    const order = starts.map((_, i) => i).sort(compare);
    const kept = order.filter((i, k) => k === order.length - 1 || compare(i, order[k + 1]!) !== 0);
    return new Headwords(
      bytes,
      Uint32Array.from(kept, (i) => starts[i]!),
      Uint32Array.from(kept, (i) => ends[i]!),
    );
  }

  /** The index of headword `word`, or -1. */
  find(word: string): number {
    const key = Buffer.from(word, 'utf8');
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const order = this.bytes.compare(key, 0, key.length, this.starts[mid], this.ends[mid]);
      if (order === 0) return mid;
      if (order < 0) lo = mid + 1;
      else hi = mid;
    }
    return -1;
  }

  word(i: number): string {
    return this.bytes.toString('utf8', this.starts[i], this.ends[i]);
  }

  /** Headword `i`'s translations, as the line lists them (a phrase's words joined by "_"). */
  translations(i: number): string[] {
    const start = this.ends[i]! + 1;
    return this.bytes.toString('utf8', start, fieldEnd(this.bytes, start, this.bytes.length)).split(' ');
  }

  /** Whether headword `i`'s first translation is a phrase ("christmas_eve"). */
  phraseFirst(i: number): boolean {
    for (let p = this.ends[i]! + 1; p < this.bytes.length; p++) {
      const c = this.bytes[p];
      if (c === UNDERSCORE) return true;
      if (c === SPACE || c === TAB || c === NEWLINE) return false;
    }
    return false;
  }
}

/**
 * A language's headwords by stem ("angriffs" finds "angriff" through "angriff"): the distinct stems
 * sorted in one string, and each stem's headwords (indices in `Headwords` order).
 */
export class StemGroups {
  private constructor(
    private readonly text: string,
    private readonly bounds: Uint32Array,
    private readonly groups: Uint32Array,
    private readonly members: Uint32Array,
  ) {}

  static of(table: Headwords, language: Language): StemGroups {
    const words: number[] = [];
    const stems: string[] = [];
    for (let i = 0; i < table.size; i++) {
      // Words English says in a phrase are mostly German compounds and their forms, each its own
      // headword: stemming them too would double the time the first question waits for this table.
      if (table.phraseFirst(i)) continue;
      words.push(i);
      stems.push(uncachedTermOf(table.word(i), language));
    }
    const order = words.map((_, k) => k).sort((a, b) => (stems[a]! < stems[b]! ? -1 : stems[a]! > stems[b]! ? 1 : a - b));
    const distinct: string[] = [];
    const groups: number[] = [];
    order.forEach((k, n) => {
      if (n === 0 || stems[k] !== stems[order[n - 1]!]) {
        distinct.push(stems[k]!);
        groups.push(n);
      }
    });
    groups.push(order.length);
    const bounds = new Uint32Array(distinct.length + 1);
    distinct.forEach((s, k) => (bounds[k + 1] = bounds[k]! + s.length));
    return new StemGroups(
      distinct.join(''),
      bounds,
      Uint32Array.from(groups),
      Uint32Array.from(order, (k) => words[k]!),
    );
  }

  /** The headwords (in `Headwords` order) whose stem is `stem`; undefined when none. */
  get(stem: string): Uint32Array | undefined {
    let lo = 0;
    let hi = this.bounds.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const s = this.text.slice(this.bounds[mid], this.bounds[mid + 1]);
      if (s === stem) return this.members.subarray(this.groups[mid], this.groups[mid + 1]);
      if (s < stem) lo = mid + 1;
      else hi = mid;
    }
    return undefined;
  }

  has(stem: string): boolean {
    return this.get(stem) !== undefined;
  }
}

function indexIn(bytes: Buffer, byte: number, from: number, to: number): number {
  const at = bytes.indexOf(byte, from);
  return at >= 0 && at < to ? at : -1;
}

/** Where a field starting at `start` ends: at the next tab or newline, or `limit`. */
function fieldEnd(bytes: Buffer, start: number, limit: number): number {
  let p = start;
  while (p < limit && bytes[p] !== TAB && bytes[p] !== NEWLINE) p++;
  return p;
}
