import { describe, expect, it } from 'vitest';
import { boilerplateRule, cleanArticle, cleanUrl, normaliseWhitespace, tooShort, truncateTitle } from '../../src/articles/clean.js';
import type { RawArticle } from '../../src/articles/types.js';

// Each wording a cleaning rule knows, one line each, beside the news that merely looks like it: what
// clean.test.ts leaves open. A rule that stops matching one of these lets that furniture into answers.

const ruleOf = (text: string, title = '') => boilerplateRule(normaliseWhitespace(text), { title })?.name;
const STORY = 'The city council approved the new budget on Tuesday after a long debate about school funding.';
const kept = (paragraphs: string[], meta: RawArticle['meta'] = {}) =>
  cleanArticle({ meta: { title: 'Budget approved', ...meta }, paragraphs, reader: 'text' }, 'a.txt').paragraphs.map((p) => p.text);

describe('every wording of each rule', () => {
  const junk: Array<[string, string]> = [
    ['no-words', '___'],
    ['no-words', '♦ ♦ ♦'],
    ['icon-ui-line', 'icon-share icon-print icon-mail'],
    ['icon-ui-line', 'Share / Tweet / Email'],
    ['icon-ui-line', 'arrow icon · caret icon · close icon.'],
    // Three in five words are controls: the share the rule asks for, just.
    ['icon-ui-line', 'Menu Search Login Weather Sports'],
    ['teaser', 'Read also: the budget in charts'],
    ['teaser', 'More on this story'],
    ['teaser', 'More from Example News'],
    ['teaser', 'Related stories'],
    ['teaser', 'Related coverage – the vote'],
    ['teaser', 'Recommended for you'],
    ['teaser', 'Recommended reading: the council'],
    ['teaser', 'You may also like'],
    ['teaser', 'You might also be interested in these'],
    ['teaser', 'Don’t miss: the mayor speaks'],
    ['teaser', "Don't miss: the mayor speaks"],
    ['teaser', 'Must read: ten facts'],
    ['teaser', 'Watch: the vote'],
    ['teaser', 'Listen: the podcast'],
    ['teaser', 'Trending: parking fines'],
    ['teaser', 'Top stories'],
    ['share-footer', 'Enjoyed this article? Share it.'],
    ['share-footer', 'Loved the video?'.replace('the video?', 'the video, share it!')],
    // Two words: too few for the icon-ui rule, which takes longer runs of these first.
    ['share-footer', 'Share, Email'],
    ['share-footer', 'Email Print'],
    ['follow-subscribe-footer', 'Join us on Facebook for more'],
    ['follow-subscribe-footer', 'Find us at the market every Sunday'],
    ['follow-subscribe-footer', 'Follow the Daily Post on Bluesky'],
    ['follow-subscribe-footer', 'Register for free to read more stories'],
    ['follow-subscribe-footer', 'Sign-up today and read more from our writers'],
    ['follow-subscribe-footer', 'Become a member and support local reporting today'],
    ['follow-subscribe-footer', 'Support our journalism with a small donation'],
    ['follow-subscribe-footer', 'Thank you for reading our coverage of the city.'],
    ['follow-subscribe-footer', 'Get the best stories in your inbox with our newsletter.'],
    ['click-here', 'Tap here to download our app'],
    ['link-pointer', 'You can watch the livestream of the council meeting here.'],
    ['link-pointer', 'Utah primary results:Follow live results here'],
    ['link-pointer', 'See the best looks in the gallery below.'],
    ['link-pointer', 'For a full list of the recalled products, click here.'],
    ['copyright', '(c) 2024 Example Media'],
    ['copyright', 'Copyright Example Media 2024'],
    ['copyright', 'Copyright © Example Media'],
    ['copyright', 'Copyright Example Media Group'],
    ['copyright', 'Example Media 2024, all rights reserved'],
    ['advertisement', 'Advertising'],
    ['advertisement', 'Ad'],
    ['advertisement', 'Sponsored content'],
    ['advertisement', 'Paid content:'],
    ['advertisement', 'Promoted'],
    ['advertisement', 'Story continues after the ad'],
    ['advertisement', 'Continue reading the main story'],
    ['byline', 'BY JANE DOE'],
    ['byline', 'By Jane Doe & John Roe | Staff'],
    ['byline', 'Jane Doe / AP'],
    ['byline', '-- John Roe'],
    ['byline', 'Reporting by Jane Doe; Editing by John Roe'],
    ['byline', 'Additional reporting by Jane Doe'],
    ['byline', 'Compiled by the news desk'],
    ['byline', 'By John Roe Jr.'],
    ['image-credit', 'Photos: the flood in pictures'],
    ['image-credit', 'File photo: the old bridge'],
    ['image-credit', 'Photo credit: Jane Doe'],
    ['image-credit', 'Images by: Jane Doe'],
    ['image-credit', 'Jane Doe / Reuters / Shutterstock'],
    ['timestamp', 'Last updated: 12:30 GMT, 5 March 2024'],
    ['timestamp', 'Mon 5 Mar 2024 09.15 EST'],
    ['timestamp', '2024-03-05 09:15'],
    ['timestamp', '5 min read'],
  ];
  it.each(junk)('%s drops "%s"', (rule, text) => {
    expect(ruleOf(text)).toBe(rule);
  });

  const news = [
    'Share prices rose.',
    'Menu Search Weather Sports Traffic',
    'Watch the skies tonight, astronomers said, as the comet passes closest to Earth since 1986.',
    'Jane Doe, a teacher from Leeds, said the strike would close schools for three days next week.',
    'By the end of the year the city expects to have hired 300 new bus drivers for its routes.',
    'The icon of the city, its old bridge, reopened on Monday.',
    'Menu prices at the city canteen will rise by ten percent from April, officials said today.',
    'Photographers from Reuters and AFP were among those detained at the border on Friday.',
    'In 2024, 3,000 homes were built.',
    'The photo: a blurry image of the comet taken in 1910, which hangs in the museum today, shows it.',
    "Copyright lawyers for the studio argued that the film had copied the novel's plot.",
    'Police searched the house for hours but found nothing here.',
    'Watchdogs say the old plant kept leaking chemicals here.',
    '“You can see the damage everywhere here,” the mayor said.',
  ];
  it.each(news)('keeps news that only resembles furniture: "%s"', (text) => {
    expect(ruleOf(text)).toBeUndefined();
  });
});

describe('lines around a paragraph', () => {
  it('peels a byline glued above and a share line glued below the paragraph', () => {
    expect(kept([`By Jane Doe\n${STORY}\nShare this article`])).toEqual([STORY]);
  });

  it('drops a block whose only line left after peeling is junk too', () => {
    expect(kept([`Advertisement\nShare this article`, STORY])).toEqual([STORY]);
  });

  it('drops the title line with a site name after it, but not a longer line that starts like the title', () => {
    expect(kept([`Budget approved | Example News\n${STORY}`])).toEqual([STORY]);
    const longer = 'Budget approved: what the new budget means for schools, buses and parks across the city.';
    expect(kept([longer])).toEqual([longer]);
  });
});

describe('live blog entries', () => {
  it('cuts the time, date and share button an entry opens with, and keeps the entry', () => {
    const entry = 'Knicks hold early lead The Knicks jump ahead with a 12-7 lead before the Spurs call for a timeout.';
    expect(kept([`8:52 pm ET June 3, 2026 Share this update ${entry}`, `11:09 am ET Share this update ${STORY}`])).toEqual([entry, STORY]);
    expect(kept([`9:15 a.m. EDT Share this post ${STORY}`])).toEqual([STORY]);
  });

  it('keeps a time that is news, and a share button that is not at the head', () => {
    const news = [
      'At 8:52 pm ET the council voted. Share this update with your neighbours, the mayor said afterwards.',
      '8:52 pm ET was when the vote began, the clerk said on Tuesday.',
    ];
    expect(kept(news)).toEqual(news);
  });

  it('reads an entry that is only a question alone, not as the heading of the next entry', () => {
    const teaser = 'What has changed since the Knicks and Spurs met in December?';
    const next = 'Mike Breen will call his 21st NBA Finals on ABC, and his first with the Knicks in it.';
    expect(kept([`7:50 pm ET June 3, 2026 Share this update ${teaser}`, `7:45 pm ET June 3, 2026 Share this update ${next}`])).toEqual([
      teaser,
      next,
    ]);
  });
});

describe('short text', () => {
  it('keeps a sentence of four words, drops three, and keeps six words of 30 characters without a full stop', () => {
    expect(tooShort('The mayor has resigned.')).toBe(false);
    expect(tooShort('The mayor resigned.')).toBe(true);
    expect(tooShort('Council approves budget for new schools')).toBe(false);
    expect(tooShort('A b c d e f g')).toBe(true);
    expect(tooShort('Schools reopen on Monday!')).toBe(false);
    expect(tooShort('Schools reopen on “Monday.”')).toBe(false);
  });
});

describe('titles, links and sources', () => {
  it('cuts a long title at a word, without a dangling comma, and keeps a short one', () => {
    expect(truncateTitle('Short title')).toBe('Short title');
    expect(truncateTitle('alpha beta, gamma delta', 14)).toBe('alpha beta…');
    expect(truncateTitle('abcdefghijklmnopqrstuvwxyz', 10)).toBe('abcdefghi…');
    expect(truncateTitle('x'.repeat(120))).toBe('x'.repeat(120));
  });

  it('keeps http and https links, trimmed, and refuses others', () => {
    expect(cleanUrl(' https://example.org/a ')).toBe('https://example.org/a');
    expect(cleanUrl('http://example.org/')).toBe('http://example.org/');
    expect(cleanUrl('ftp://example.org/')).toBeNull();
    expect(cleanUrl('javascript:alert(1)')).toBeNull();
    expect(cleanUrl('not a url')).toBeNull();
    expect(cleanUrl('')).toBeNull();
  });

  it('names an untitled, empty file after its name, and normalises the source', () => {
    const a = cleanArticle({ meta: { source: '  Example\u00A0News ' }, paragraphs: [], reader: 'text' }, '2024/kim_letter-draft.txt');
    expect(a.title).toBe('kim letter draft');
    expect(a.source).toBe('Example News');
    expect(a.published).toBeNull();
    expect(a.id).toBe('2024/kim_letter-draft.txt');
    expect(cleanArticle({ meta: { source: ' ' }, paragraphs: [], reader: 'text' }, '.txt').source).toBeNull();
  });

  it('reads the title from front matter with spaces normalised', () => {
    const a = cleanArticle(
      { meta: { title: '  Budget\u00A0 approved ', published: '2024-03-05' }, paragraphs: [STORY], reader: 'text' },
      'b.txt',
      'id-1',
    );
    expect(a).toMatchObject({ id: 'id-1', file: 'b.txt', title: 'Budget approved', published: '2024-03-05' });
  });
});
