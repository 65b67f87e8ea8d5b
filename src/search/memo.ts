/**
 * A bounded memo that drops what was least recently used: what answering reads of a paragraph
 * (its terms, its sentences) is kept between questions, since readers ask about the same stories,
 * within a fixed memory. Written here (a Map keeps insertion order, so moving a key to the end on
 * each use makes it an LRU in a few lines) rather than taken from a package for so little.
 */
export class Memo<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(readonly capacity: number) {}

  /** The kept value for `key`, else `compute`'s, kept. */
  get(key: K, compute: (key: K) => V): V {
    const entries = this.entries;
    let value = entries.get(key);
    if (value !== undefined) {
      entries.delete(key);
      entries.set(key, value);
      return value;
    }
    value = compute(key);
    if (this.capacity < 1) return value;
    if (entries.size >= this.capacity) entries.delete(entries.keys().next().value as K);
    entries.set(key, value);
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}
