import type { FakeTelegram } from './fake-telegram.js';

/**
 * The load shape shared by the load/fault tests and `npm run bench:load`: questions from private
 * chats and groups, pushed in bursts, plus a few deliberate spammers; and the check that every
 * question got exactly the reply it should, once, in order per chat.
 */

export interface PlannedMessage {
  chatId: number;
  fromId: number;
  text: string;
  /** What the bot should do: answer it, send the one rate-limit notice, or stay silent. */
  expect: 'answer' | 'notice' | 'silent';
}

export interface LoadShape {
  questions: number;
  chats: number;
  /** Chats (of `chats`) that are groups; the first `bigGroups` of them get 25 questions each. */
  groups: number;
  bigGroups: number;
  /** Private chats that send 10 questions each, more than the per-user limit allows. */
  spammers: number;
}

export const DEFAULT_SHAPE: LoadShape = { questions: 1000, chats: 200, groups: 50, bigGroups: 5, spammers: 10 };

/**
 * Builds the messages in push order (round-robin over chats, so bursts mix chats) and what each
 * should get, given the bot's incoming limits. `idBase` keeps chat and user ids of rounds apart.
 */
export function planLoad(
  shape: LoadShape,
  texts: readonly string[],
  botUsername: string,
  limits: { perUser: number; perChat: number },
  idBase = 0,
): PlannedMessage[] {
  const perChat = new Map<number, number>();
  const privateIds: number[] = [];
  const groupIds: number[] = [];
  for (let i = 0; i < shape.chats - shape.groups; i++) privateIds.push(idBase + i + 1);
  for (let i = 0; i < shape.groups; i++) groupIds.push(-(idBase + i + 1));
  let left = shape.questions;
  const assign = (id: number, n: number) => {
    const k = Math.min(n, left);
    perChat.set(id, k);
    left -= k;
  };
  groupIds.slice(0, shape.bigGroups).forEach((id) => assign(id, 25));
  privateIds.slice(0, shape.spammers).forEach((id) => assign(id, 10));
  const rest = [...groupIds.slice(shape.bigGroups), ...privateIds.slice(shape.spammers)];
  for (const [i, id] of rest.entries()) assign(id, Math.ceil(left / (rest.length - i)));

  const queue = [...perChat.entries()].map(([chatId, n]) => ({ chatId, n, sent: 0 }));
  const messages: PlannedMessage[] = [];
  let t = 0;
  while (queue.some((q) => q.sent < q.n)) {
    for (const q of queue) {
      if (q.sent >= q.n) continue;
      const question = texts[t++ % texts.length]!;
      const group = q.chatId < 0;
      const fromId = group ? 1_000_000 + -q.chatId * 100 + q.sent : q.chatId;
      const text = group ? (q.sent % 2 === 0 ? `/ask ${question}` : `@${botUsername} ${question}`) : question;
      messages.push({ chatId: q.chatId, fromId, text, expect: 'answer' });
      q.sent++;
    }
  }
  // Mirror the bot's limiter: the user's count first, then the chat's; one notice, then silence.
  const users = new Map<number, number>();
  const chats = new Map<number, number>();
  const noticed = new Set<string>();
  for (const m of messages) {
    const u = (users.get(m.fromId) ?? 0) + 1;
    users.set(m.fromId, u);
    let key: string | undefined;
    if (u > limits.perUser) key = `u${m.fromId}`;
    else {
      const c = (chats.get(m.chatId) ?? 0) + 1;
      chats.set(m.chatId, c);
      if (c > limits.perChat) key = `c${m.chatId}`;
    }
    if (key) {
      m.expect = noticed.has(key) ? 'silent' : 'notice';
      noticed.add(key);
    }
  }
  return messages;
}

export interface LoadResult {
  /** messageId → what was pushed and when. */
  pushed: Map<number, PlannedMessage & { at: number }>;
  durationMs: number;
  latenciesMs: number[];
  problems: string[];
}

/** Pushes `plan` in bursts, waits until every expected reply arrived (or `timeoutMs`), and checks them. */
export async function runLoad(
  fake: FakeTelegram,
  plan: readonly PlannedMessage[],
  options: { burst: number; gapMs: number; timeoutMs: number },
): Promise<LoadResult> {
  const pushed = new Map<number, PlannedMessage & { at: number }>();
  const start = Date.now();
  const firstDelivery = fake.delivered.length;
  for (let i = 0; i < plan.length; i += options.burst) {
    for (const m of plan.slice(i, i + options.burst)) pushed.set(fake.userMessage(m.chatId, m.fromId, m.text), { ...m, at: Date.now() });
    await new Promise((r) => setTimeout(r, options.gapMs));
  }
  const expected = plan.filter((m) => m.expect !== 'silent').length;
  const mine = () => fake.delivered.slice(firstDelivery).filter((d) => d.replyTo !== undefined && pushed.has(d.replyTo));
  const until = Date.now() + options.timeoutMs;
  while (mine().length < expected && Date.now() < until) await new Promise((r) => setTimeout(r, 25));
  const durationMs = Math.max(...mine().map((d) => d.at), start) - start;
  // Let stragglers (duplicates would show up here) arrive before checking.
  await new Promise((r) => setTimeout(r, 300));
  const replies = mine();

  const problems: string[] = [];
  const byQuestion = new Map<number, number>();
  for (const d of replies) byQuestion.set(d.replyTo!, (byQuestion.get(d.replyTo!) ?? 0) + 1);
  for (const [id, m] of pushed) {
    const n = byQuestion.get(id) ?? 0;
    const want = m.expect === 'silent' ? 0 : 1;
    if (n !== want) problems.push(`chat ${m.chatId} message ${id} (${m.expect}): ${n} replies`);
  }
  for (const d of replies) {
    const m = pushed.get(d.replyTo!)!;
    const isNotice = d.text.startsWith('You are asking faster');
    if (m.expect === 'notice' && !isNotice) problems.push(`message ${d.replyTo} should have had the rate-limit notice`);
    if (m.expect === 'answer' && isNotice) problems.push(`message ${d.replyTo} was rate-limited unexpectedly`);
  }
  const perChat = new Map<number, number[]>();
  for (const d of replies) perChat.set(d.chatId, [...(perChat.get(d.chatId) ?? []), d.replyTo!]);
  for (const [chatId, ids] of perChat) {
    if (ids.some((id, i) => i > 0 && id < ids[i - 1]!)) problems.push(`chat ${chatId}: replies out of order (${ids.join(',')})`);
  }
  const latenciesMs = replies.map((d) => d.at - pushed.get(d.replyTo!)!.at);
  return { pushed, durationMs, latenciesMs, problems };
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
