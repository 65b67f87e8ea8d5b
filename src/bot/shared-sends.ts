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
 * - The bot's 30/s: every send takes the next slot of one schedule in the database (GCRA), spaced a
 *   third wider than 1/30 s, so a message delayed on its way by up to a third of a second still
 *   lands within the limit. While the database does not answer, each replica spaces its own sends
 *   three times wider (so up to three replicas stay within it).
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
  /** The chats whose turn this replica holds, and when each of their messages was answered meanwhile. */
  private readonly answered = new Map<string, number[]>();
  private readonly spacingMs: number;
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
    this.spacingMs = ((1000 * rates.timeScale) / rates.globalPerSecond) * 1.5;
    this.staleMs = options.staleMs ?? 30_000;
    this.pollMs = options.pollMs ?? 100;
    this.reorderMs = options.reorderMs ?? 100;
    this.finishMs = options.finishMs ?? 30_000;
  }

  attach(sender: Sender): void {
    this.sender = sender;
  }

  /** The Sender's `beforeCall`: waits for the bot's next send slot. Never rejects. */
  readonly slot = async (): Promise<void> => {
    let wait: number;
    try {
      wait = await this.shared.sendSlot(this.spacingMs);
    } catch {
      wait = 3 * this.spacingMs;
    }
    if (wait > 0) await sleep(wait);
  };

  /** The Sender's `onAnswered`. */
  readonly onAnswered = (chatId: string, at: number): void => {
    this.answered.get(chatId)?.push(at);
  };

  /** Runs `handle` for claimed update `updateId` of `chatId` in the chat's turn, and finishes the update once its replies are out. */
  async inTurn(chatId: number, updateId: number, handle: () => Promise<void>): Promise<void> {
    await this.waitTurn(chatId, updateId);
    const sender = this.sender!;
    sender.seed(chatId, await this.shared.recentSends(chatId).catch(() => []));
    const key = String(chatId);
    const times: number[] = [];
    this.answered.set(key, times);
    try {
      await handle();
    } finally {
      await sender.chatIdle(chatId);
      this.answered.delete(key);
      await this.finish(chatId, updateId, times);
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

  private async finish(chatId: number, updateId: number, answeredAt: number[]): Promise<void> {
    const end = Date.now() + this.finishMs;
    for (;;) {
      const now = Date.now();
      try {
        return await this.shared.finishUpdate(
          updateId,
          chatId,
          answeredAt.map((t) => now - t),
        );
      } catch (err) {
        if (Date.now() > end) {
          this.log.warn(
            { chat: chatId, updateId, error: (err as Error).message },
            'could not record a finished update; its chat waits for it to go stale',
          );
          return;
        }
        await sleep(500);
      }
    }
  }
}
