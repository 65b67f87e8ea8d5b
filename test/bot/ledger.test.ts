import { describe, expect, it } from 'vitest';
import { RecentUpdates } from '../../src/bot/ledger.js';

describe('RecentUpdates', () => {
  it('claims an update id once, and keeps only the last `capacity` ids', () => {
    const ledger = new RecentUpdates(3);
    expect([1, 2, 1, 3, 2].map((id) => ledger.claim(id))).toEqual([true, true, false, true, false]);
    for (let id = 4; id < 1000; id++) ledger.claim(id);
    expect(ledger.size).toBe(3);
    expect(ledger.claim(999)).toBe(false);
    expect(ledger.claim(1)).toBe(true); // long forgotten
  });
});
