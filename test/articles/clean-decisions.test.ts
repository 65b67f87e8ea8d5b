import { describe, expect, it } from 'vitest';
import { boilerplateRule, cleanArticle, comparable, explainArticle, normaliseWhitespace, tooShort, truncateTitle } from '../../src/articles/clean.js';
import type { RawArticle } from '../../src/articles/types.js';

// What `npm run index -- --show FILE` reports for each block (kept, or dropped and by which rules),
// and the limits of the rules that decide it: what clean.test.ts and clean-rules.test.ts leave open.

const ruleOf = (text: string, title = '') => boilerplateRule(normaliseWhitespace(text), { title })?.name;
const STORY = 'The city council approved the new budget on Tuesday after a long debate about school funding.';
const raw = (paragraphs: string[], meta: RawArticle['meta'] = { title: 'Budget approved' }): RawArticle => ({ meta, paragraphs, reader: 'text' });

describe('block decisions', () => {
  it('names every rule that removed a block or peeled one of its lines, and none for a clean block', () => {
    const { blocks, article } = explainArticle(
      raw([
        '  ',
        'Advertisement',
        `By Jane Doe\n${STORY}\nShare this article`,
        'Jane Doe\nAdvertisement',
        'Advertisement\n3 hours ago',
        `${STORY}\n\n${STORY}`,
      ]),
      'a.txt',
    );
    expect(blocks.map((b) => b.dropped)).toEqual([
      ['no-words'],
      ['advertisement'],
      ['byline', 'share-footer'],
      ['advertisement', 'too-short'],
      ['advertisement', 'timestamp'],
      [],
    ]);
    expect(blocks.map((b) => b.text)).toEqual([null, null, STORY, null, null, `${STORY} ${STORY}`]);
    expect(article.paragraphs.map((p) => p.index)).toEqual([2, 5]);
  });

  it('names the newsletter promo it cut off a paragraph', () => {
    const p = `${STORY} For more news, sign up to our weekly newsletter.`;
    expect(explainArticle(raw([p]), 'a.txt').blocks[0]).toMatchObject({ text: STORY, dropped: ['trailing-newsletter-promo'] });
  });

  it('joins a heading with the next kept block, past a dropped one', () => {
    const body = 'Jane Doe is the mayor of the city and has been in office since 2019.';
    const { article } = explainArticle(raw(['Who is Jane Doe?', 'Advertisement', body]), 'a.txt');
    expect(article.paragraphs).toEqual([{ index: 0, text: `Who is Jane Doe? ${body}` }]);
  });

  it('drops a paragraph that only repeats the front-matter title, leaving the article without paragraphs', () => {
    expect(cleanArticle(raw([STORY], { title: STORY }), 'a.txt').paragraphs).toEqual([]);
  });

  it('takes a one-word first line as the title of an untitled file', () => {
    expect(cleanArticle(raw(['Headline', STORY], {}), 'a.txt').title).toBe('Headline');
  });

  it('titles a file by its name without the last extension, separators as single spaces', () => {
    const title = (file: string) => cleanArticle(raw([], {}), file).title;
    expect(title('a--b__c.txt')).toBe('a b c');
    expect(title('-draft-.txt')).toBe('draft');
    expect(title('v1.2.txt')).toBe('v1.2');
  });
});

describe('the title line', () => {
  const title = comparable('Budget approved');
  it('is dropped with a site name after any separator, spaced or not', () => {
    expect(ruleOf('Budget approved| Example News', title)).toBe('title-line');
    expect(ruleOf('Budget approved |Example News', title)).toBe('title-line');
  });
  it('is kept when more than a short site name follows, or words without a separator', () => {
    expect(ruleOf('Budget approved | one two three four five six seven eight nine', title)).toBeUndefined();
    expect(ruleOf('Budget approved news | Site', title)).toBeUndefined();
    expect(ruleOf('Budget approved x y', title)).toBeUndefined();
  });
});

describe('rule limits', () => {
  it('bylines: several names, no spaces around the separator, a dash without space, a trailing Jr.', () => {
    expect(ruleOf('Mary Ann Doe, Reuters')).toBe('byline');
    expect(ruleOf('Jane Doe/AP')).toBe('byline');
    expect(ruleOf('Jane Doe,Reuters')).toBe('byline');
    expect(ruleOf('—Jane Doe')).toBe('byline');
    expect(ruleOf('— Jane')).toBe('byline');
    expect(ruleOf('— Mary Ann Doe')).toBe('byline');
    expect(ruleOf('— Jane Doe , Staff')).toBe('byline');
    expect(ruleOf('Contributor: Jane Doe')).toBe('byline');
    expect(ruleOf('By Jane Doe Jr. and John Roe Jr.')).toBe('byline');
    expect(ruleOf('By Jane Doe. Reuters')).toBe('byline');
  });

  it('not bylines: "by" inside a phrase, lower-case names, a byline word later in the line', () => {
    expect(ruleOf('Stand by Me')).toBeUndefined();
    expect(ruleOf('— jane')).toBeUndefined();
    expect(ruleOf('Thanks to our contributing editors')).toBeUndefined();
  });

  it('teasers and share lines: a space before the colon, a bare "Recommended:", and not a longer "Top stories of…"', () => {
    for (const t of [
      'Watch : the vote',
      'Listen : the podcast',
      'Trending : fines',
      'Must read : ten facts',
      'Don’t miss : the mayor',
      'Recommended : the council',
    ]) {
      expect(ruleOf(t)).toBe('teaser');
    }
    expect(ruleOf('Top stories of the week in the city council')).toBeUndefined();
    expect(ruleOf('Share /Email')).toBe('share-footer');
    expect(ruleOf('Share, Email the mayor')).toBeUndefined();
    expect(ruleOf('We print, Email and post letters')).toBeUndefined();
  });

  it('bylines with "and" or "&" between names and a credit after a comma', () => {
    expect(ruleOf('By Jane Doe and John Roe')).toBe('byline');
    expect(ruleOf('By Jane Doe & John Roe, Staff writers')).toBe('byline');
    expect(ruleOf('Jane Doe, Associated Press Staff')).toBe('byline');
  });

  it('counts words up to the limits: 40 for share lines, 14 for timestamps, 8 for credits', () => {
    const forty = `Share this article ${Array.from({ length: 37 }, (_, i) => `w${i}`).join(' ')}`;
    expect(ruleOf(forty)).toBe('share-footer');
    expect(ruleOf(`${forty} w99`)).toBeUndefined();
    const fourteen = Array.from({ length: 14 }, (_, i) => String(i + 1)).join(' ');
    expect(ruleOf(fourteen)).toBe('timestamp');
    expect(ruleOf(`${fourteen} 15`)).toBeUndefined();
    expect(ruleOf('Updated today')).toBeUndefined();
    expect(ruleOf('Jane Doe for Reuters in the old city')).toBe('image-credit');
    expect(ruleOf('Jane Doe for Reuters in the old city centre')).toBeUndefined();
  });

  it('short text: five long words without a full stop are too short, six words of exactly 30 characters are not', () => {
    expect(tooShort('Extraordinarily unprecedented circumstances everywhere today')).toBe(true);
    expect(tooShort('aaaaa bbbb cccc dddd eeee ffff')).toBe(false);
    expect(tooShort('aaaa bbbb cccc dddd eeee ffff')).toBe(true);
    expect(tooShort('The mayor said “no.”)')).toBe(false);
  });

  it('titles: trailing punctuation and all its repeats go, a cut drops every dangling mark', () => {
    expect(comparable('Hello world!!')).toBe('hello world');
    expect(truncateTitle('alpha beta,; gamma', 14)).toBe('alpha beta…');
  });
});
