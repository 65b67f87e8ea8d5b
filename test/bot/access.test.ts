import { describe, expect, it } from 'vitest';
import { accessRules, mayUse } from '../../src/bot/access.js';

describe('who may use the bot', () => {
  const rules = (allowedChatIds: number[], allowedUserIds: number[]) => accessRules({ allowedChatIds, allowedUserIds, adminIds: [1] });

  it('is everyone while both lists are empty', () => {
    expect(rules([], [])).toBeUndefined();
    expect(mayUse(rules([], []), -100, 55)).toBe(true);
    expect(mayUse(rules([], []), undefined, undefined)).toBe(true);
  });

  it('is everyone in a listed chat, a listed user anywhere, and an admin anywhere', () => {
    const r = rules([-100], [55]);
    expect(mayUse(r, -100, 99)).toBe(true); // anyone in the listed group
    expect(mayUse(r, -200, 55)).toBe(true); // the listed user in another group
    expect(mayUse(r, 55, 55)).toBe(true); // and in private
    expect(mayUse(r, undefined, 55)).toBe(true); // and inline
    expect(mayUse(r, -200, 1)).toBe(true); // an admin
    expect(mayUse(r, -200, 99)).toBe(false);
    expect(mayUse(r, 99, 99)).toBe(false);
    expect(mayUse(r, undefined, 99)).toBe(false); // inline from someone unlisted, even a member of the group
    expect(mayUse(r, -200, undefined)).toBe(false);
  });

  it('restricts when only one of the lists is set', () => {
    expect(mayUse(rules([-100], []), -100, 99)).toBe(true);
    expect(mayUse(rules([-100], []), 99, 99)).toBe(false);
    expect(mayUse(rules([], [55]), -100, 99)).toBe(false);
    expect(mayUse(rules([], [55]), -100, 55)).toBe(true);
  });
});
