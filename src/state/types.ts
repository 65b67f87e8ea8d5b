/**
 * What the bot keeps between restarts (issue 18): votes on answers, the questions readers wanted and
 * did not get, blocked users, and the keys it hashes user ids with. One interface, two
 * implementations over the same SQL (sql-state.ts): PGlite in STATE_DIR by default, PostgreSQL with
 * DATABASE_URL. Later tables (subscriptions, the update ledger) are further migrations and methods.
 */

export type Vote = 'up' | 'down';

/** Why a question is kept: the bot declined it, or a reader pressed 👎 on its answer. */
export type QuestionReason = 'declined' | 'disliked';

export interface FeedbackRecord {
  /** Keyed hash of the answer message (chat and message id), never the ids themselves. */
  answer: string;
  /** Keyed hash of the voter's user id (see keyed.ts). */
  voter: string;
  vote: Vote;
  at: Date;
}

export interface QuestionRecord {
  text: string;
  language: string | undefined;
  reason: QuestionReason;
  at: Date;
  /** Only with STORE_ASKER_IDS=on. */
  askerId?: number;
  chatId?: number;
}

export interface StoredQuestion {
  text: string;
  language: string | null;
  reason: QuestionReason;
  at: Date;
}

/** A chat's standing request to be sent new articles matching `words` (/subscribe). */
export interface Subscription {
  id: number;
  chatId: number;
  words: string;
  at: Date;
}

export interface State {
  /** Records a vote; false (and nothing changes) when this voter already voted on this answer. */
  addFeedback(f: FeedbackRecord): Promise<boolean>;
  addQuestion(q: QuestionRecord): Promise<void>;
  /** Questions kept since `since`, newest first. */
  questionsSince(since: Date): Promise<StoredQuestion[]>;
  /** Deletes questions older than `before` (the retention setting); returns how many. */
  deleteQuestionsBefore(before: Date): Promise<number>;
  /** Deletes the voter's feedback and the questions stored with their user id (/forget); returns the counts. */
  forget(who: { voter: string; userId: number }): Promise<{ feedback: number; questions: number }>;
  /** Blocks or unblocks a user; false when nothing changed. */
  setBlocked(userId: number, blocked: boolean, at: Date): Promise<boolean>;
  isBlocked(userId: number): Promise<boolean>;
  /** A random 32-byte key, made once and kept in the store: the same for every process sharing it. */
  key(name: string): Promise<Buffer>;
  /** Adds a subscription; false when the chat already has one with these words. */
  addSubscription(chatId: number, words: string, at: Date): Promise<boolean>;
  /** One chat's subscriptions (or every chat's), oldest first. */
  subscriptions(chatId?: number): Promise<Subscription[]>;
  /** Removes one of the chat's subscriptions by id, or all of them; returns how many. */
  unsubscribe(chatId: number, id?: number): Promise<number>;
  /** A group became a supergroup: its subscriptions and posted articles follow it; returns how many subscriptions moved. */
  moveChat(from: number, to: number): Promise<number>;
  /** The bot left the chat: its subscriptions and posted articles go; returns how many subscriptions. */
  dropChat(chatId: number): Promise<number>;
  /** Article keys (URL, else file) the bot has seen in its index. */
  knownArticles(): Promise<string[]>;
  addKnownArticles(keys: readonly string[], at: Date): Promise<void>;
  /** Records that `keys` are posted to the chat; returns those not posted there before (the only ones to send). */
  claimPosted(chatId: number, keys: readonly string[], at: Date): Promise<string[]>;
  close(): Promise<void>;
}
