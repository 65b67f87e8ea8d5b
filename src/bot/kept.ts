import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import { HASH_KEY, keyedHash } from '../state/keyed.js';
import type { QuestionReason, State, Vote } from '../state/types.js';

/**
 * What the bot keeps about readers, as the settings allow: votes under keyed hashes (never a user or
 * chat id), wanted questions with the asker's ids only under STORE_ASKER_IDS=on.
 */
export class Kept {
  private key: Promise<Buffer> | undefined;

  constructor(
    readonly state: State,
    private readonly config: Config,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The keyed hash of a user id or an answer message; the key is read from the store once. */
  async hash(kind: 'user' | 'answer', id: string | number): Promise<string> {
    this.key ??= this.state.key(HASH_KEY).catch((err: unknown) => {
      this.key = undefined;
      throw err;
    });
    return keyedHash(await this.key, kind, id);
  }

  /** Records user `userId`'s vote on the answer in message `messageId` of `chatId`; false when they had voted on it. */
  async vote(userId: number, chatId: number, messageId: number, vote: Vote): Promise<boolean> {
    const [voter, answer] = await Promise.all([this.hash('user', userId), this.hash('answer', `${chatId}:${messageId}`)]);
    return this.state.addFeedback({ answer, voter, vote, at: this.now() });
  }

  /** Keeps a question readers wanted; never rejects (a failure is logged: the reader already has their reply). */
  async question(text: string, language: string | undefined, reason: QuestionReason, who: { userId?: number; chatId: number }): Promise<void> {
    const ids = this.config.storeAskerIds ? { askerId: who.userId, chatId: who.chatId } : {};
    await this.state
      .addQuestion({ text, language, reason, at: this.now(), ...ids })
      .catch((err: unknown) => this.log.error({ error: (err as Error).message }, 'could not store a question'));
  }

  /** /forget: the user's votes, and their questions when ids were stored. */
  async forget(userId: number): Promise<{ feedback: number; questions: number }> {
    return this.state.forget({ voter: await this.hash('user', userId), userId });
  }
}
