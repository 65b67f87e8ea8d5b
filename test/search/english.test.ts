import { describe, expect, it } from 'vitest';
import { termOf } from '../../src/search/normalize.js';

describe('English stems', () => {
  it('gives a short verb ending in a vowel and e one term for all its forms', () => {
    for (const forms of [
      ['sue', 'sues', 'sued', 'suing'],
      ['die', 'dies', 'died'],
      ['clue', 'clues', 'clued'],
    ])
      expect(new Set(forms.map((w) => termOf(w, 'en'))).size).toBe(1);
    // Names ending in "-oe" and "-ae" keep their e; long stems are Porter's.
    expect(['joe', 'uae', 'argued', 'elected'].map((w) => termOf(w, 'en'))).toEqual(['joe', 'uae', 'argu', 'elect']);
  });
});
