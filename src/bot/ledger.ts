/**
 * Which updates were already taken: Telegram re-delivers an update (same `update_id`) when it did
 * not see the bot accept it, and anyone holding the webhook secret can replay a body. The bot claims
 * each update before handling it and drops those already claimed.
 */
export interface UpdateLedger {
  /** True the first time `updateId` is claimed, false for a repeat. May be shared between processes later. */
  claim(updateId: number): boolean | Promise<boolean>;
}

/** An in-memory ledger of the last `capacity` update ids (a ring, so memory stays flat). */
export class RecentUpdates implements UpdateLedger {
  private readonly seen = new Set<number>();
  private readonly ring: number[];
  private next = 0;

  constructor(private readonly capacity = 10_000) {
    this.ring = new Array<number>(capacity);
  }

  claim(updateId: number): boolean {
    if (this.seen.has(updateId)) return false;
    const evicted = this.ring[this.next];
    if (evicted !== undefined) this.seen.delete(evicted);
    this.ring[this.next] = updateId;
    this.next = (this.next + 1) % this.capacity;
    this.seen.add(updateId);
    return true;
  }

  get size(): number {
    return this.seen.size;
  }
}
