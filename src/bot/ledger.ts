/**
 * Which updates were already taken: Telegram re-delivers an update (same `update_id`) when it did
 * not see the bot accept it, and anyone holding the webhook secret can replay a body. The bot claims
 * each update before handling it and drops those already claimed.
 */
export interface UpdateLedger {
  /** True the first time `updateId` is claimed, false for a repeat. May be shared between processes later. */
  claim(updateId: number, chatId?: number): boolean | Promise<boolean>;
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

  /** Whether `updateId` was claimed here (without claiming it). */
  has(updateId: number): boolean {
    return this.seen.has(updateId);
  }

  get size(): number {
    return this.seen.size;
  }
}

/** The shared ledger could not be reached and the update was not taken (webhook mode): Telegram should deliver it again. */
export class ClaimUnavailable extends Error {
  override name = 'ClaimUnavailable';
}

/**
 * The ledger of replicas sharing DATABASE_URL: an update is taken by whichever replica claims its id
 * in the database first, so two replicas given the same update (a load balancer, Telegram retrying
 * elsewhere) answer it once. A local ring in front saves the database the repeats one replica sees.
 *
 * When the database does not answer: with a webhook the claim fails (ClaimUnavailable; the webhook
 * answers 503 and Telegram delivers the update again later, to this replica or another); when
 * polling, only this replica receives updates, so it answers on the local ring alone (`onFallback`).
 */
export class SharedUpdates implements UpdateLedger {
  private readonly recent: RecentUpdates;

  constructor(
    private readonly claimShared: (updateId: number, chatId?: number) => Promise<boolean>,
    private readonly options: { whenUnavailable: 'refuse' | 'local'; onFallback?: (err: unknown) => void; capacity?: number },
  ) {
    this.recent = new RecentUpdates(options.capacity);
  }

  async claim(updateId: number, chatId?: number): Promise<boolean> {
    if (this.recent.has(updateId)) return false;
    let first: boolean;
    try {
      first = await this.claimShared(updateId, chatId);
    } catch (err) {
      if (this.options.whenUnavailable === 'refuse') throw new ClaimUnavailable(`could not claim update ${updateId}: ${(err as Error).message}`);
      this.options.onFallback?.(err);
      first = true;
    }
    // Two claims of one id racing in this process both reach the database, which picks one.
    return this.recent.claim(updateId) && first;
  }
}
