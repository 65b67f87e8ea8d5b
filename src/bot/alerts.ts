import type { FeedsSummary } from '../feeds/fetch.js';
import type { Logger } from '../log.js';
import { escapeHtml } from '../replies/text.js';

/** Sends one HTML message to a chat through the bot's send queue; never rejects. */
export type AlertSend = (chatId: number, html: string) => Promise<unknown>;

export interface AdminAlertsOptions {
  /** Who is told (ADMIN_IDS); none: alerts are only logged, as every problem already is. */
  adminIds: readonly number[];
  log: Logger;
  /** At most one message of a kind per this long (default one hour). */
  windowMs?: number;
  /** A feed is reported once it has failed for this long (default a day), then once a day while it fails. */
  feedFailingMs?: number;
  now?: () => number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Tells the admins in Telegram about problems they must act on: a reload of the index that failed,
 * a feed failing for a day. Fed by callbacks from the index and the feed schedule (which know
 * nothing of Telegram); each kind goes out at most once per window, through the bot's send queue so
 * Telegram's limits hold. Raised before the bot runs, the newest alert of each kind waits for it.
 */
export class AdminAlerts {
  private send: AlertSend | undefined;
  private readonly sentAt = new Map<string, number>();
  private readonly held = new Map<string, string>();
  /** Alerts of a kind not sent because of the window since the last one: counted in the next. */
  private readonly suppressed = new Map<string, number>();
  /** Feeds already reported in their current run of failures, and when a feed alert last went out. */
  private readonly reportedFeeds = new Set<string>();
  private lastFeedAlert = -Infinity;
  private readonly windowMs: number;
  private readonly feedFailingMs: number;
  private readonly now: () => number;

  constructor(private readonly options: AdminAlertsOptions) {
    this.windowMs = options.windowMs ?? HOUR;
    this.feedFailingMs = options.feedFailingMs ?? DAY;
    this.now = options.now ?? Date.now;
  }

  /** Starts delivering (the running bot's queue); alerts raised before are sent now. */
  attach(send: AlertSend): void {
    this.send = send;
    for (const [kind, text] of this.held) this.deliver(kind, text);
    this.held.clear();
  }

  /** Tells the admins `text` (plain), unless an alert of `kind` went out within the window; true when it goes out. */
  raise(kind: string, text: string): boolean {
    if (this.options.adminIds.length === 0) return false;
    const last = this.sentAt.get(kind);
    if (last !== undefined && this.now() - last < this.windowMs) {
      this.suppressed.set(kind, (this.suppressed.get(kind) ?? 0) + 1);
      return false;
    }
    this.sentAt.set(kind, this.now());
    if (this.send) this.deliver(kind, text);
    else this.held.set(kind, text);
    return true;
  }

  /** For LiveIndexOptions.onReloadFailed. */
  indexFailed(err: unknown): void {
    const problem = err instanceof Error ? err.message : String(err);
    this.raise(
      'index',
      `The articles index failed to reload: ${problem}\nThe bot still answers from the index it had. Fix the problem, then send /reload.`,
    );
  }

  /** For the feed schedule's onRun: reports feeds failing for a day, new ones at once (within the window), the rest daily. */
  feedRun(summary: FeedsSummary): void {
    const failing = summary.results.filter((r) => !r.ok);
    for (const feed of this.reportedFeeds) if (!failing.some((r) => r.feed === feed)) this.reportedFeeds.delete(feed);
    const long = failing.filter((r) => r.failingSince !== undefined && this.now() - Date.parse(r.failingSince) >= this.feedFailingMs);
    if (long.length === 0) return;
    const fresh = long.some((r) => !this.reportedFeeds.has(r.feed));
    if (!fresh && this.now() - this.lastFeedAlert < this.feedFailingMs) return;
    const lines = long.map((r) => `• ${r.feed}: ${r.error ?? 'failed'} (failing since ${r.failingSince!.slice(0, 16).replace('T', ' ')} UTC)`);
    const text = `${long.length === 1 ? 'A feed has' : `${long.length} feeds have`} failed for more than a day (the bot keeps trying):\n${lines.join('\n')}`;
    if (!this.raise('feeds', text)) return;
    this.lastFeedAlert = this.now();
    for (const r of long) this.reportedFeeds.add(r.feed);
  }

  private deliver(kind: string, text: string): void {
    const more = this.suppressed.get(kind) ?? 0;
    this.suppressed.delete(kind);
    const html = `⚠️ ${escapeHtml(text)}${more > 0 ? `\n<i>(${more} more like this since the last alert)</i>` : ''}`;
    this.options.log.info({ kind, admins: this.options.adminIds.length }, 'telling the admins');
    for (const id of this.options.adminIds) void this.send!(id, html);
  }
}
