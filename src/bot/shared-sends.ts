import type { Logger } from '../log.js';
import type { Coordination } from '../state/coordination.js';
import type { Sender, SendRates } from './send.js';

/**
 * Replicas behind a webhook as one sender (issue 17): Telegram's limits and each chat's reply order
 * hold across all of them, not only within each.
 *
 * - A chat's updates take turns in update order: a replica handles an update only once every earlier
 *   claimed update of that chat is finished (its replies answered by Telegram), and finishes its own
 *   only when its replies are out. The webhook acknowledges an update after that, so an update whose
 *   replica dies before its replies are out is delivered again, and the claim is taken over.
 * - Per chat (1/s) and per group (20/min): taking its turn, a replica reads when the chat's messages
 *   of the last minute were answered (whoever sent them) into its send queue, and records its own
 *   when it finishes. A chat's sends never overlap between replicas, so these counts are exact.
 * - The bot's 30/s: every send takes the next slot of one schedule in the database (GCRA), spaced
 *   twice 1/30 s, so messages delayed on their way by up to 850 ms more than others still land
 *   within the limit (a busy machine delays some by hundreds of milliseconds). While the database does not answer, sends wait for it (bounded; then each replica
 *   spaces its own three times wider, so up to three replicas stay within the limit).
 *
 * Written here rather than with rate-limiter-flexible (already used for readers' limits): its windows
 * are fixed, so two windows' worth can land within one second at their boundary, and Telegram counts
 * a sliding second; pg-boss or graphile-worker would move sending into a job queue that does not know
 * Telegram's per-chat and per-group limits either.
 */
export interface SharedSendOptions {
  /** A claimed, unfinished earlier update stops blocking its chat after this long (its replica is gone and Telegram has not delivered it again). */
  staleMs?: number;
  /** Between checks whether a chat's turn has come. */
  pollMs?: number;
  /**
   * How long a claimed update waits before its first check: an earlier update of the chat delivered
   * at about the same time (to another replica, a moment slower) is claimed by then.
   */
  reorderMs?: number;
  /** How long to keep trying to record a finished update while the database does not answer. */
  finishMs?: number;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class SharedSends {
  private sender: Sender | undefined;
  /** The chats whose turn this replica holds: for which update, and the records of its sends under way. */
  private readonly turns = new Map<string, { updateId: number; records: Array<Promise<void>> }>();
  private readonly spacingMs: number;
  /** The next free slot of this replica's own schedule, while the database does not answer. */
  private localSlot = 0;
  private readonly staleMs: number;
  private readonly pollMs: number;
  private readonly reorderMs: number;
  private readonly finishMs: number;

  constructor(
    private readonly shared: Coordination,
    rates: SendRates,
    private readonly log: Logger,
    options: SharedSendOptions = {},
  ) {
    this.spacingMs = ((1000 * rates.timeScale) / rates.globalPerSecond) * 2;
    this.staleMs = options.staleMs ?? 30_000;
    this.pollMs = options.pollMs ?? 100;
    this.reorderMs = options.reorderMs ?? 100;
    this.finishMs = options.finishMs ?? 30_000;
  }

  attach(sender: Sender): void {
    this.sender = sender;
  }

  /**
   * The Sender's `beforeCall`: waits for the bot's next send slot. While the database does not answer
   * it waits for it (a restart takes seconds; the slots reserved before still go), so no replica's
   * sends overlap another schedule; past `finishMs` it keeps the schedule alone, three times wider.
   * Never rejects.
   */
  readonly slot = async (): Promise<void> => {
    const end = Date.now() + this.finishMs;
    let wait: number | undefined;
    while (wait === undefined) {
      try {
        wait = await this.shared.sendSlot(this.spacingMs);
      } catch {
        if (Date.now() < end) {
          await sleep(500);
          continue;
        }
        const now = Date.now();
        this.localSlot = Math.max(this.localSlot, now) + 3 * this.spacingMs;
        wait = this.localSlot - 3 * this.spacingMs - now;
      }
    }
    if (wait > 0) await sleep(wait);
  };

  /** The Sender's `onAnswered`: recorded at once, so a replica killed right after never has the update handled again. */
  readonly onAnswered = (chatId: string, at: number): void => {
    const turn = this.turns.get(chatId);
    if (!turn) return;
    turn.records.push(this.retry(() => this.shared.recordSend(turn.updateId, Number(chatId), Date.now() - at), 'a sent message'));
  };

  /** Runs `handle` for claimed update `updateId` of `chatId` in the chat's turn, and finishes the update once its replies are out. */
  async inTurn(chatId: number, updateId: number, handle: () => Promise<void>): Promise<void> {
    await this.waitTurn(chatId, updateId);
    const sender = this.sender!;
    sender.seed(chatId, await this.shared.recentSends(chatId).catch(() => []));
    const key = String(chatId);
    const turn = { updateId, records: [] as Array<Promise<void>> };
    this.turns.set(key, turn);
    try {
      await handle();
    } finally {
      await sender.chatIdle(chatId);
      this.turns.delete(key);
      await Promise.all(turn.records);
      await this.retry(() => this.shared.finishUpdate(updateId), 'a finished update');
    }
  }

  /**
   * Another replica holds the claim of `updateId`: waits until it has finished the update (false), or
   * takes the claim over when that replica died first (true: this one handles it). So whichever copy
   * of an update a load balancer's answer comes from, the update is handled by then. Rejects when
   * neither happens within the stale bound (the webhook then answers 503: Telegram delivers it again).
   */
  async whileOthersHandle(chatId: number, updateId: number): Promise<boolean> {
    const end = Date.now() + this.staleMs;
    while (Date.now() < end) {
      try {
        if (await this.shared.updateFinished(updateId)) return false;
        if (await this.shared.claimUpdate(updateId, chatId)) return true;
      } catch {
        // The database is away: keep waiting (bounded).
      }
      await sleep(this.pollMs);
    }
    throw new Error(`update ${updateId} is still being handled by another replica`);
  }

  private async waitTurn(chatId: number, updateId: number): Promise<void> {
    await sleep(this.reorderMs);
    const end = Date.now() + this.staleMs;
    while (Date.now() < end) {
      try {
        if (!(await this.shared.earlierOpen(chatId, updateId, this.staleMs))) return;
      } catch {
        // The database is away: wait for it (bounded), as order cannot be known without it.
      }
      await sleep(this.pollMs);
    }
    this.log.warn({ chat: chatId, updateId }, 'an earlier update of this chat is still not finished; answering this one without waiting for it');
  }

  /** Runs `write` until the database takes it, within `finishMs`; then gives up (the chat's next update waits for the stale bound). */
  private async retry(write: () => Promise<void>, what: string): Promise<void> {
    const end = Date.now() + this.finishMs;
    for (;;) {
      try {
        return await write();
      } catch (err) {
        if (Date.now() > end) {
          this.log.warn({ error: (err as Error).message }, `could not record ${what} in the database`);
          return;
        }
        await sleep(500);
      }
    }
  }
}
