import { describe, expect, it } from 'vitest';
import { hasInvisible, removeInvisible } from '../../src/text/invisible.js';

const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

describe('removeInvisible', () => {
  it('removes bidi embeddings, overrides, isolates and marks, and zero-width characters', () => {
    const spoofs = '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C\u200B\u2060\u2061\u2062\u2063\u2064\uFEFF\u00AD\u180E';
    for (const ch of spoofs) expect(removeInvisible(`pay${ch}ment`), hex(ch.codePointAt(0)!)).toBe('payment');
    // The classic: a file name that shows as "invoice_txt.exe" backwards.
    expect(removeInvisible('invoice_\u202Etxt.exe')).toBe('invoice_txt.exe');
  });

  it('removes tag characters used to hide text, but keeps the emoji flags built from them', () => {
    const hidden = [...'ignore this'].map((c) => String.fromCodePoint(0xe0000 + c.charCodeAt(0))).join('');
    expect(removeInvisible(`Weather today${hidden}\u{E007F}`)).toBe('Weather today');
    const england = '\u{1F3F4}\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}';
    const scotland = '\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}';
    expect(removeInvisible(`England ${england} beat Scotland ${scotland}`)).toBe(`England ${england} beat Scotland ${scotland}`);
  });

  it('leaves normal text alone: ZWJ emoji sequences, ZWNJ/ZWJ in Persian and Indic words, variation selectors, Arabic number signs', () => {
    const texts = [
      'Developers 👩‍💻 and families 👨‍👩‍👧 cheered ❤️ and 1️⃣',
      'می‌خواهم به خانه بروم', // Persian: ZWNJ inside the word
      'क्‍ष and ക്‍', // Devanagari / Malayalam with ZWJ
      'الرقم \u0600١٢٣ والسنة ٢٠٢٤',
      'Ünïcödé — “quotes”, NBSP\u00A0kept, tabs\tand\nnewlines',
    ];
    for (const t of texts) {
      expect(removeInvisible(t)).toBe(t);
      expect(hasInvisible(t)).toBe(false);
    }
  });

  it('decides every format character (Unicode Cf): removed, or kept on purpose', () => {
    // Kept because real text needs them (see src/text/invisible.ts).
    const kept = (cp: number) =>
      cp === 0x200c ||
      cp === 0x200d || // ZWNJ, ZWJ
      (cp >= 0x0600 && cp <= 0x0605) ||
      cp === 0x06dd ||
      cp === 0x070f ||
      cp === 0x0890 ||
      cp === 0x0891 ||
      cp === 0x08e2 ||
      cp === 0x110bd ||
      cp === 0x110cd || // Kaithi number signs
      (cp >= 0x13430 && cp <= 0x1345f) || // Egyptian hieroglyph format controls
      (cp >= 0x1bca0 && cp <= 0x1bca3); // shorthand format controls
    const undecided: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      if (!/\p{Cf}/u.test(ch)) continue;
      if (kept(cp) === hasInvisible(ch)) undecided.push(hex(cp));
    }
    expect(undecided).toEqual([]);
  });
});
