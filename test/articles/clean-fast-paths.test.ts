import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BOILERPLATE_RULES, cleanArticle, explainBlocks, normaliseWhitespace, tooShort, type DropRule } from '../../src/articles/clean.js';

// clean.ts answers the common case by hand-written shortcuts (a check before normalising spaces, a
// one-pass word count, a sentence end read backwards, an early stop in the UI-words rule). Each must
// give exactly what the plain way gives; the plain ways are written out here as the reference.

const stringOf = (chars: readonly string[], maxLength: number) => fc.array(fc.constantFrom(...chars), { maxLength }).map((a) => a.join(''));

describe('normaliseWhitespace', () => {
  // Every space and invisible character it knows, the characters just outside those ranges, and letters.
  const SPACES = [' ', ' ', ' ', '\t', '\n', '\r', '\v', '\f', '\u00A0', '\u1680', '\u2028', '\u2029', '\u202F', '\u205F', '\u3000'];
  const RANGE = Array.from({ length: 0x0c }, (_, i) => String.fromCharCode(0x2000 + i)); // U+2000-U+200B
  const INVISIBLE = ['\uFEFF', '\u00AD', '\u180E', '\u2060', '\u200C', '\u200D'];
  const NEAR = ['\u007F', '\u0085', '\u00AC', '\u00AE', '\u1FFF', '\u2010', '\u206F', '\u2070', '\u2FFF', '\u3001', '\uFEFE'];
  const LETTERS = ['a', 'b', 'Z', '.', 'é', 'я', '字'];
  const ALPHABET = [...SPACES, ...RANGE, ...INVISIBLE, ...NEAR, ...LETTERS, ...LETTERS];
  const plain = (s: string) =>
    s
      .replace(/[\u200B\u2060\uFEFF\u00AD\u180E]/g, '')
      .replace(/[\s\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/g, ' ')
      .trim();

  it('gives what the two replaces give, for any mix of spaces, invisible characters and letters', () => {
    fc.assert(
      fc.property(stringOf(ALPHABET, 12), (s) => {
        expect(normaliseWhitespace(s)).toBe(plain(s));
      }),
      { numRuns: 3000 },
    );
  });

  it('turns each space character into one plain space between words, and drops each invisible one', () => {
    for (const sp of [...SPACES, ...RANGE.slice(0, 11)]) expect(normaliseWhitespace(`a${sp}b`), JSON.stringify(sp)).toBe('a b');
    for (const inv of ['\uFEFF', '\u00AD', '\u180E', '\u2060', '\u200B']) expect(normaliseWhitespace(`a${inv}b`), JSON.stringify(inv)).toBe('ab');
    expect(normaliseWhitespace(' a b')).toBe('a b');
    expect(normaliseWhitespace('a b ')).toBe('a b');
    expect(normaliseWhitespace('a  b')).toBe('a b');
    // Joiners and characters next to the ranges are text, kept as they are.
    for (const c of ['\u200C', '\u200D', '\u007F', '\u00AC', '\u206F', '\u2070']) expect(normaliseWhitespace(`a${c}b`)).toBe(`a${c}b`);
  });
});

describe('the word count behind the short-text rules', () => {
  // Words are space-separated tokens holding a letter or digit of these ranges (the doc comment's).
  const plainWords = (s: string) => s.split(' ').filter((w) => /[A-Za-z0-9\u00C0-\u1FFF\u2C00-\uFFFF]/.test(w)).length;
  const plainEndsLikeSentence = (s: string) => /[.!?…]["'”’»)\]]*$/.test(s);
  const plainTooShort = (s: string) => {
    const n = plainWords(s);
    if (n < 4) return true;
    if (n >= 6 && s.length >= 30) return false;
    return !plainEndsLikeSentence(s);
  };
  // The edges of each range, their neighbours outside it, sentence ends and closers.
  const EDGES = [
    '@',
    'A',
    'Z',
    '[',
    '`',
    'a',
    'z',
    '{',
    '/',
    '0',
    '9',
    ':',
    '\u00BF',
    '\u00C0',
    '\u1FFF',
    '\u2014',
    '\u2BFF',
    '\u2C00',
    '\uFFFF',
    '—',
    '•',
    '|',
    '&',
  ];
  const TAIL = ['', '.', '!', '?', '…', '."', '.)', '”', ')'];
  // Texts of 1-9 short tokens: counts near the 4- and 6-word limits, lengths near 30 characters.
  const token = fc.oneof(
    stringOf(EDGES, 2).filter((t) => t !== ''),
    stringOf(EDGES, 6).filter((t) => t !== ''),
  );
  const text = fc
    .tuple(fc.array(token, { minLength: 1, maxLength: 9 }), fc.constantFrom(...TAIL), fc.boolean())
    .map(([ws, tail, lead]) => `${lead ? ' ' : ''}${ws.join(' ')}${tail}`);

  it('tooShort agrees with split(" ") and the plain character test', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(tooShort(s)).toBe(plainTooShort(s));
      }),
      { numRuns: 3000 },
    );
  });

  it('counts a token with a letter or digit of each range, and not one of dashes, bullets or symbols', () => {
    for (const c of ['A', 'Z', 'a', 'z', '0', '9', 'À', '\u1FFF', '\u2C00', '字']) {
      // Four words and a sentence end: kept; three: too short.
      expect(tooShort(`Yes it is ${c}.`), c).toBe(false);
    }
    for (const c of ['—', '•', '@', '[', '`', '{', '/', ':', '¿', '\u2BFF']) expect(tooShort(`Yes it is ${c}.`), c).toBe(true);
    expect(tooShort('— yes it is.')).toBe(true);
    expect(tooShort('Yes it is —')).toBe(true);
  });

  it('the same count decides the copyright and image-credit footers', () => {
    const rule = (name: string) => BOILERPLATE_RULES.find((r): r is DropRule => r.name === name && r.kind === 'drop')!;
    const copyright = rule('copyright');
    expect(copyright.test('Copyright — — — The Daily Planet Group', { title: '' })).toBe(true);
    expect(copyright.test('Copyright law is changing across the union', { title: '' })).toBe(false);
    const credit = rule('image-credit');
    expect(credit.test('Jane Doe — — — — for Reuters in Kyiv', { title: '' })).toBe(true);
  });
});

describe('the icon and UI-words rule', () => {
  const dropped = (line: string) => explainBlocks([line], { title: '' })[0]!.dropped;

  it('drops a line of controls at 60% of its words and keeps one at 50%', () => {
    expect(dropped('Share print edit about this')).toEqual(['icon-ui-line']); // 3 of 5
    expect(dropped('Share print edit about this site')).toEqual([]); // 3 of 6
    expect(dropped('Share print edit menu about this page here')).toEqual([]); // 4 of 8
  });

  it('reads words with punctuation around them as the bare word', () => {
    expect(dropped('Facebook, Twitter, Email')).toEqual(['icon-ui-line']);
  });

  it('counts only words that begin or end with "icon", and at least 30% of them', () => {
    // Silicone has "icon" inside it: no icon word here, and not UI.
    expect(dropped('Silicone gel, silicone rubber and silicones compared')).toEqual([]);
    // Two icon words in six are fewer than three.
    expect(dropped('Favicon and app icon design tips')).toEqual([]);
    // Three icon words in ten: the share the rule asks for, just.
    expect(dropped('Star icon Heart icon Globe icon for the site header')).toEqual(['icon-ui-line']);
    // Three in fourteen, in a sentence: news about icons.
    expect(dropped('The icon painter sold icons and an icon book to the city museum on Friday.')).toEqual([]);
  });

  it('keeps a sentence that names controls', () => {
    // Four of six are controls (open, menu, icon, share), but it reads as a sentence.
    expect(dropped('Open the menu icon, then share.')).toEqual([]);
  });
});

describe('one-line and several-line blocks', () => {
  const ctx = { title: '' };

  it('a one-line block is cleaned as the same block with a line break after it', () => {
    const one = explainBlocks(['Schools reopen on Monday after the long storm.'], ctx)[0]!;
    const two = explainBlocks(['Schools reopen on Monday after the long storm.\n'], ctx)[0]!;
    expect(one.text).toBe('Schools reopen on Monday after the long storm.');
    expect([two.text, two.dropped]).toEqual([one.text, one.dropped]);
  });

  it('names each rule that emptied a block, once, when a footer line is left after a dropped label', () => {
    const d = explainBlocks(['Advertisement.\nSign up for our newsletter.'], ctx)[0]!;
    expect(d.text).toBeNull();
    expect(d.dropped).toEqual(['advertisement', 'trailing-newsletter-promo']);
  });

  it('the line left after peeling is checked again', () => {
    const d = explainBlocks(['Advertisement.\nBy Jane Doe'], ctx)[0]!;
    expect([d.text, d.dropped]).toEqual([null, ['advertisement', 'byline']]);
  });
});

describe('rules anchored at the start of the text keep news that merely contains their words', () => {
  const dropped = (line: string) => explainBlocks([line], { title: '' })[0]!.dropped;
  const news = [
    'By Friday Ms Doe is expected to decide',
    '— Officials in Kyiv said talks would resume on Monday',
    'Ceasefire talks stall — Foreign Minister Lavrov',
    'Recommended doses were cut by half in the new guidance.',
    'Voters may ask for a ballot by phone, email, print',
    'Fans who follow us on tour say the band is back',
    'Millions follow the singer on TikTok every day',
    'The mayor urged residents to become a member of the club',
    'Users who tap here will see the new menu at once',
    "Disney's copyright on Mickey Mouse expired in 2024.",
    'The photo is © its owner, the court ruled on Monday.',
    'Copyright law is changing across the union',
    'The newsletter industry grew by half last year.',
  ];
  for (const line of news) it(line, () => expect(dropped(line)).toEqual([]));

  const junk: Array<[string, string]> = [
    ['byline', 'By Jane Doe/AP'],
    ['copyright', 'Copyright 2024 The Daily Planet Group and its partners'],
    ['copyright', 'Copyright The Daily Planet Group Limited'],
    ['advertisement', 'Sponsored'],
    ['advertisement', 'Continue reading'],
    ['follow-subscribe-footer', 'Follow BBC News 24 on Twitter'],
    ['follow-subscribe-footer', 'Signup today'],
    ['follow-subscribe-footer', 'Subscribe.'],
    ['follow-subscribe-footer', 'Subscribe'],
  ];
  for (const [rule, line] of junk) it(`${rule}: ${line}`, () => expect(dropped(line)).toEqual([rule]));

  it('a newsletter promo too long for the footer rule is still cut, by the trim rule', () => {
    const promo =
      "To get the week's most important stories about science, health, climate, technology and the people behind them, please subscribe to our free weekly email newsletter today.";
    expect(dropped(promo)).toEqual(['trailing-newsletter-promo']);
  });

  it('share-footer: a row of share buttons', () => {
    const share = BOILERPLATE_RULES.find((r): r is DropRule => r.name === 'share-footer')!;
    expect(share.test('Share Tweet Email', { title: '' })).toBe(true);
  });
});

describe('edges of the heading join and the UI-words share', () => {
  const paragraphs = (blocks: string[]) =>
    cleanArticle({ meta: { title: 'Job cuts' }, paragraphs: blocks, reader: 'text' }, 'a.txt').paragraphs.map((p) => p.text);
  const BODY = 'Retailers and banks cut the most, about 14,000 jobs between them, the survey found.';

  it('a question with a decimal point in it is still one sentence, read with its answer', () => {
    const q = 'Over 3.5 million jobs went: which firms cut the most?';
    expect(paragraphs([q, BODY])).toEqual([`${q} ${BODY}`]);
  });

  it('a question of twenty words is a heading; of twenty-one, a paragraph that asks', () => {
    const q20 = 'Which of the twenty largest companies in the country cut the most jobs in the first half of this year?';
    expect(paragraphs([q20, BODY])).toEqual([`${q20} ${BODY}`]);
    const q21 = 'Which of the twenty largest companies in the whole country cut the most jobs in the first half of this year?';
    expect(paragraphs([q21, BODY])).toEqual([q21, BODY]);
  });

  it('a separator before the first word is not a word of the line', () => {
    // Four controls in six words: 67%, dropped (with the separator counted as a word, 57% would keep it).
    expect(explainBlocks(['| share print edit menu about this'], { title: '' })[0]!.dropped).toEqual(['icon-ui-line']);
  });

  it('a caption label is the word itself, not a longer word that starts with it', () => {
    expect(explainBlocks(['Photography: the oldest studio in town closes after ninety years'], { title: '' })[0]!.dropped).toEqual([]);
  });
});
