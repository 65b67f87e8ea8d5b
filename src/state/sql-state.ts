import { randomBytes } from 'node:crypto';
import { migrate } from './migrations.js';
import type { SqlDb } from './sql.js';
import type { FeedbackRecord, QuestionReason, QuestionRecord, State, StoredQuestion, Subscription } from './types.js';

/** The State over SQL that PGlite and PostgreSQL both run: one schema (migrations.ts), one set of statements. */
export class SqlState implements State {
  private constructor(private readonly db: SqlDb) {}

  /** Brings the schema up to date, then serves from `db` (closed with the state). */
  static async open(db: SqlDb): Promise<SqlState> {
    try {
      await migrate(db);
    } catch (err) {
      await db.close().catch(() => undefined);
      throw err;
    }
    return new SqlState(db);
  }

  async addFeedback(f: FeedbackRecord): Promise<boolean> {
    const r = await this.db.query('insert into feedback (answer, voter, vote, at) values ($1, $2, $3, $4) on conflict do nothing', [
      f.answer,
      f.voter,
      f.vote === 'up' ? 1 : -1,
      f.at.toISOString(),
    ]);
    return r.count === 1;
  }

  async addQuestion(q: QuestionRecord): Promise<void> {
    await this.db.query('insert into questions (text, language, reason, at, asker_id, chat_id) values ($1, $2, $3, $4, $5, $6)', [
      q.text,
      q.language ?? null,
      q.reason,
      q.at.toISOString(),
      q.askerId ?? null,
      q.chatId ?? null,
    ]);
  }

  async questionsSince(since: Date): Promise<StoredQuestion[]> {
    const r = await this.db.query<{ text: string; language: string | null; reason: QuestionReason; at: Date | string }>(
      'select text, language, reason, at from questions where at >= $1 order by at desc, id desc',
      [since.toISOString()],
    );
    return r.rows.map((row) => ({ ...row, at: new Date(row.at) }));
  }

  async deleteQuestionsBefore(before: Date): Promise<number> {
    return (await this.db.query('delete from questions where at < $1', [before.toISOString()])).count;
  }

  async forget(who: { voter: string; userId: number }): Promise<{ feedback: number; questions: number }> {
    return this.db.transaction(async (q) => ({
      feedback: (await q.query('delete from feedback where voter = $1', [who.voter])).count,
      questions: (await q.query('delete from questions where asker_id = $1', [who.userId])).count,
    }));
  }

  async setBlocked(userId: number, blocked: boolean, at: Date): Promise<boolean> {
    const r = blocked
      ? await this.db.query('insert into blocked_users (user_id, at) values ($1, $2) on conflict do nothing', [userId, at.toISOString()])
      : await this.db.query('delete from blocked_users where user_id = $1', [userId]);
    return r.count === 1;
  }

  async isBlocked(userId: number): Promise<boolean> {
    return (await this.db.query('select 1 from blocked_users where user_id = $1', [userId])).rows.length > 0;
  }

  async key(name: string): Promise<Buffer> {
    // Two processes asking at once both insert; the first one's key wins and both read it back.
    await this.db.query('insert into keys (name, value) values ($1, $2) on conflict do nothing', [name, randomBytes(32)]);
    const r = await this.db.query<{ value: Uint8Array }>('select value from keys where name = $1', [name]);
    return Buffer.from(r.rows[0]!.value);
  }

  async addSubscription(chatId: number, words: string, at: Date): Promise<boolean> {
    const r = await this.db.query('insert into subscriptions (chat_id, words, at) values ($1, $2, $3) on conflict do nothing', [
      chatId,
      words,
      at.toISOString(),
    ]);
    return r.count === 1;
  }

  async subscriptions(chatId?: number): Promise<Subscription[]> {
    const r = await this.db.query<{ id: string | number; chat_id: string | number; words: string; at: Date | string }>(
      chatId === undefined
        ? 'select id, chat_id, words, at from subscriptions order by id'
        : 'select id, chat_id, words, at from subscriptions where chat_id = $1 order by id',
      chatId === undefined ? [] : [chatId],
    );
    return r.rows.map((row) => ({ id: Number(row.id), chatId: Number(row.chat_id), words: row.words, at: new Date(row.at) }));
  }

  async unsubscribe(chatId: number, id?: number): Promise<number> {
    return id === undefined
      ? (await this.db.query('delete from subscriptions where chat_id = $1', [chatId])).count
      : (await this.db.query('delete from subscriptions where chat_id = $1 and id = $2', [chatId, id])).count;
  }

  async moveChat(from: number, to: number): Promise<number> {
    return this.db.transaction(async (q) => {
      // The new chat may already have some (a subscribe that raced the move): those stay as they are.
      const moved = (
        await q.query(
          'insert into subscriptions (chat_id, words, at) select $2, words, at from subscriptions where chat_id = $1 on conflict do nothing',
          [from, to],
        )
      ).count;
      await q.query('insert into posted (chat_id, key, at) select $2, key, at from posted where chat_id = $1 on conflict do nothing', [from, to]);
      await q.query('delete from subscriptions where chat_id = $1', [from]);
      await q.query('delete from posted where chat_id = $1', [from]);
      return moved;
    });
  }

  async dropChat(chatId: number): Promise<number> {
    return this.db.transaction(async (q) => {
      await q.query('delete from posted where chat_id = $1', [chatId]);
      return (await q.query('delete from subscriptions where chat_id = $1', [chatId])).count;
    });
  }

  async knownArticles(): Promise<string[]> {
    return (await this.db.query<{ key: string }>('select key from known_articles')).rows.map((r) => r.key);
  }

  async addKnownArticles(keys: readonly string[], at: Date): Promise<void> {
    if (keys.length === 0) return;
    await this.db.query('insert into known_articles (key, at) select k, $2 from unnest($1::text[]) as k on conflict do nothing', [
      [...keys],
      at.toISOString(),
    ]);
  }

  async claimPosted(chatId: number, keys: readonly string[], at: Date): Promise<string[]> {
    if (keys.length === 0) return [];
    // Claimed before sending: a crash between the two loses a post rather than repeating one, and
    // replicas sharing DATABASE_URL never both post an article to a chat.
    const r = await this.db.query<{ key: string }>(
      'insert into posted (chat_id, key, at) select $1, k, $3 from unnest($2::text[]) as k on conflict do nothing returning key',
      [chatId, [...keys], at.toISOString()],
    );
    return r.rows.map((row) => row.key);
  }

  private closing: Promise<void> | undefined;

  /** Closes the connection; a second call waits for the first. */
  close(): Promise<void> {
    return (this.closing ??= this.db.close());
  }
}
