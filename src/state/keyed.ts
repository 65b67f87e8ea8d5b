import { createHmac } from 'node:crypto';

/** Name of the key (kept in the store) that user ids and answer messages are hashed with. */
export const HASH_KEY = 'ids';

/**
 * A keyed hash (HMAC-SHA-256, 128 bits shown) of an id: the same id gives the same value, so a vote
 * counts once and /forget finds a reader's rows, but the stored value does not give the id back
 * without the key, and ids cannot be tried one by one without it either.
 */
export function keyedHash(key: Buffer, kind: 'user' | 'answer', id: string | number): string {
  return createHmac('sha256', key).update(`${kind}:${id}`).digest('base64url').slice(0, 22);
}
