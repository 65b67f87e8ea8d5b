import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BOILERPLATE_RULES, boilerplateRule, cleanArticle, comparable, normaliseWhitespace, tooShort } from '../../src/articles/clean.js';
import { readText } from '../../src/articles/readers/text.js';
import type { RawArticle } from '../../src/articles/types.js';
import { answer } from '../../src/search/answer.js';
import { SearchIndex } from '../../src/search/index.js';

const SEED = 'rt-438111-kim-positive-letter-trump.txt';

describe('the seed article', () => {
  const text = readFileSync(new URL(`../../articles/${SEED}`, import.meta.url), 'utf8');
  const article = cleanArticle(readText(text, SEED)[0]!, SEED);

  it('keeps its metadata', () => {
    expect(article).toMatchObject({
      id: SEED,
      file: SEED,
      title: 'Trump receives ‘positive’ letter from Kim Jong-un requesting new meeting – White House',
      url: 'https://www.rt.com/usa/438111-kim-positive-letter-trump/',
      published: '2018-09-10',
      source: 'RT',
    });
  });

  it('cleans to exactly its real paragraphs, with their raw block positions', () => {
    // Raw blocks: 0 icon/navigation line, 1 the title, 2 the title again glued above the first
    // paragraph, 3-8 story, 9 "READ MORE:" teaser, 10-12 story, 13 the sharing footer.
    expect(article.paragraphs).toEqual([
      {
        index: 2,
        text: 'Donald Trump has received a "warm" letter from North Korean Leader Kim Jong-un about scheduling a second meeting, White House Press Secretary Sarah Sanders has confirmed, adding that conversations about a new summit are underway.',
      },
      {
        index: 3,
        text: 'Speaking during a news briefing on Monday, Sanders said that a second meting with Kim is "something we want to take place."',
      },
      {
        index: 4,
        text: '"The primary purpose of the letter was to request and look to schedule another meeting with the president which we are open to and are already in the process of coordinating that," Sanders said.',
      },
      {
        index: 5,
        text: 'The letter from Kim didn\'t come as a surprise to the US president, who told reporters on Friday that a "personal letter is being delivered to me from Kim Jong-un," adding that he expected it to be a "positive" one.',
      },
      {
        index: 6,
        text: 'The Monday announcement comes just one day after Trump praised Pyongyang for carrying out its 70th anniversary parade "without the customary display of nuclear missiles."',
      },
      {
        index: 7,
        text: '"This is a big and very positive statement from North Korea. Thank you To Chairman Kim. We will both prove everyone wrong! There is nothing like good dialogue from two people that like each other! Much better than before I took office," Trump tweeted on Sunday.',
      },
      {
        index: 8,
        text: 'Trump and Kim held the first ever US-North Korean summit in Singapore in June, during which the two leaders broadly agreed to "work toward denuclearization" of the Korean Peninsula.',
      },
      {
        index: 10,
        text: 'Although Trump initially hailed the talks as positive and productive, North Korea accused the US weeks later of making "gangster-like" demands on denuclearization.',
      },
      {
        index: 11,
        text: 'The letter isn\'t the first time that Kim has penned correspondence to Trump. In July, the US president published a tweet which included a "very nice note" from Kim. In that letter, Kim stated that he believes the "strong will, sincere efforts, and unique approach" of the two leaders "aimed at opening up a new future...will surely come to fruition."',
      },
      {
        index: 12,
        text: "Meanwhile, Kim has also received an important snail mail delivery, getting a letter from Russian President Vladimir Putin during a Russian delegation's visit to Pyongyang. Kim now wishes to visit Russia soon, according to Russian Federation Council Speaker Valentina Matvienko, who said the time and date of such a meeting will be discussed.",
      },
    ]);
  });
});

const raw = (paragraphs: string[], meta: RawArticle['meta'] = {}): RawArticle => ({ meta, paragraphs, reader: 'text' });
const kept = (paragraphs: string[], meta: RawArticle['meta'] = {}) => cleanArticle(raw(paragraphs, meta), 'x.txt').paragraphs.map((p) => p.text);

const STORY = 'The city council approved the new budget on Tuesday after a long debate about school funding.';

describe('boilerplate rules (generic, not tied to one page)', () => {
  const junk: Array<[string, string]> = [
    ['icon-ui-line', 'menuicon searchicon closeicon playicon shareicon'],
    ['icon-ui-line', 'Share Tweet Email Print Comments Bookmark'],
    ['icon-ui-line', 'Facebook | Twitter | WhatsApp | Telegram | Copy link'],
    ['teaser', 'READ MORE: Mayor announces new ferry line to the islands'],
    ['teaser', 'Read more'],
    ['teaser', 'Related: Five things to know about the budget vote'],
    ['teaser', 'See also: How the council spends your money'],
    ['teaser', 'Also read: Why the bridge closed again'],
    ['teaser', 'MORE:Council members trade barbs over parking'],
    ['share-footer', 'Like this story? Share it with a friend!'],
    ['share-footer', 'Share this article'],
    // Full sentences, so only the share rule (not the short-line filter) can drop them.
    ['share-footer', 'Share it with a friend who would enjoy it!'],
    ['share-footer', 'Share this with your friends and family.'],
    ['share-footer', 'Share on Facebook and help local news reach more people.'],
    ['share-footer', 'Share via email with a colleague who should read it.'],
    ['follow-subscribe-footer', 'Follow us on Instagram for more local news'],
    ['follow-subscribe-footer', 'Follow Jane Doe on Twitter: @janedoe.'],
    ['follow-subscribe-footer', 'Subscribe to our daily briefing for the top stories.'],
    ['follow-subscribe-footer', 'Sign up for our morning newsletter and get the news in your inbox.'],
    ['click-here', 'Click here to see the full list of winners.'],
    ['copyright', '© 2024 Example Media Group. All rights reserved.'],
    ['advertisement', 'Advertisement'],
    ['advertisement', 'Story continues below advertisement'],
    ['byline', 'By Jane Doe'],
    ['byline', 'By Jane Doe and John Roe, Reuters'],
    ['byline', 'Jane Doe, Reuters'],
    ['byline', '— Jane Doe, Staff writer'],
    ['byline', 'Contributing: The Associated Press'],
    ['image-credit', 'Photo: Jane Doe/Getty Images'],
    ['image-credit', '(Image credit: AFP via Getty Images)'],
    ['timestamp', 'Published: 10 Sep, 2018 19:05'],
    ['timestamp', 'Updated 3:45 PM EDT, Mon September 10, 2018'],
    ['timestamp', '2018-09-10T19:05:00Z'],
    ['timestamp', '3 hours ago'],
    ['no-words', '* * *'],
  ];
  it.each(junk)('%s drops "%s"', (rule, text) => {
    expect(boilerplateRule(normaliseWhitespace(text), { title: '' })?.name).toBe(rule);
    expect(kept([text, STORY])).toEqual([STORY]);
  });

  const news = [
    'Read the full statement, the minister said, before judging what the government promised to farmers.',
    'Share prices fell sharply on Monday after the central bank raised interest rates by half a point.',
    'Follow-up inspections found that the bridge was safe, the transport ministry said in a statement.',
    'By Tuesday evening, more than 2,000 residents had been evacuated from the flooded river valley.',
    'Play resumed after a two-hour rain delay, and the home side went on to win by three wickets.',
    'Subscribers to the water service will see their bills rise by 4% from April, the regulator said.',
    'Register offices will close early on Friday for the bank holiday, the council said.',
    'Sign-up rates for the free school meals program rose by a fifth this autumn.',
    'Subscription prices for the streaming service will rise by $2 a month in January.',
    'Advertisement spending by political campaigns reached a record $9 billion this year, analysts said.',
    'Reuters reported on Friday that the company had been in talks with two potential buyers since June.',
    'Updated figures published on Monday show unemployment fell to 3.9% in September.',
    'The silicon chip shortage hit car makers hardest, with Toyota, Ford and VW cutting output.',
  ];
  it.each(news)('keeps real news: "%s"', (text) => {
    expect(boilerplateRule(normaliseWhitespace(text), { title: '' })).toBeUndefined();
    expect(kept([text])).toEqual([text]);
  });

  it('every rule has a name and a one-line reason', () => {
    for (const r of BOILERPLATE_RULES) {
      expect(r.name).toMatch(/^[a-z-]+$/);
      expect(r.why.length).toBeGreaterThan(10);
      expect(r.why).not.toContain('\n');
    }
    expect(new Set(BOILERPLATE_RULES.map((r) => r.name)).size).toBe(BOILERPLATE_RULES.length);
  });

  it('cuts a newsletter promo glued after a real paragraph and keeps the paragraph', () => {
    const p = 'The cheese has an aroma of old feet, according to its makers. For more odd news, sign up to our weekly newsletter.';
    expect(kept([p])).toEqual(['The cheese has an aroma of old feet, according to its makers.']);
  });

  it('teaser and footer rules never remove a long paragraph that merely starts like one', () => {
    const long = `Related: ${STORY} ${STORY} ${STORY} ${STORY}`;
    expect(kept([long])).toEqual([long]);
  });
});

describe('title handling', () => {
  const title = 'Council passes budget after long debate';

  it('drops the title printed again, alone or glued above the first paragraph (with a site suffix too)', () => {
    expect(kept([title, `${title} | Example News`, `${title.toUpperCase()}\n${STORY}`], { title })).toEqual([STORY]);
  });

  it('peels junk only from the first and last lines of a block, never from the middle', () => {
    const wrapped = `${title}\nThe council met on Tuesday.\nBy Jane Doe\nIt approved the budget after a long debate.\nShare this article`;
    expect(kept([wrapped], { title })).toEqual(['The council met on Tuesday. By Jane Doe It approved the budget after a long debate.']);
  });

  it('without front matter the title is the first meaningful line, skipping UI lines, and url is null', () => {
    const a = cleanArticle(raw(['menuicon searchicon closeicon', title, STORY]), 'local/budget.txt');
    expect(a.title).toBe(title);
    expect(a.url).toBeNull();
    expect(a.published).toBeNull();
    expect(a.paragraphs).toEqual([{ index: 2, text: STORY }]);
  });

  it('a body that starts straight with a long paragraph keeps it (title cut for display)', () => {
    const long = `${STORY} ${STORY}`;
    const a = cleanArticle(raw([long]), 'x.txt');
    expect(a.title.length).toBeLessThanOrEqual(120);
    expect(a.title.endsWith('…')).toBe(true);
    expect(a.paragraphs.map((p) => p.text)).toEqual([long]);
  });

  it('an untitled file of one unpunctuated paragraph keeps it: it is the story, not a headline', () => {
    const only = 'Federer said he needed surgery on an injured knee';
    const a = cleanArticle(raw([only]), 'quiz.json');
    expect(a.title).toBe(only);
    expect(a.paragraphs.map((p) => p.text)).toEqual([only]);
  });
  it('falls back to the file name when there is no text at all', () => {
    expect(cleanArticle(raw(['* * *']), 'news/kim-letter_2018.txt').title).toBe('kim letter 2018');
  });

  it('comparable() ignores case, curly quotes, dashes and trailing punctuation', () => {
    expect(comparable('Trump’s “letter” – WH.')).toBe(comparable('TRUMP\'S "letter" - wh'));
  });
});

describe('short paragraphs and whitespace', () => {
  it('does not index labels shorter than 6 words / 30 characters, but keeps a short full sentence', () => {
    expect(tooShort('First team')).toBe(true);
    expect(tooShort('Washington CNN —')).toBe(true);
    expect(tooShort('Sorry, Harry.')).toBe(true);
    expect(tooShort('Schools reopen on Monday.')).toBe(false);
    expect(tooShort('The average watermelon is about 92% water.')).toBe(false);
    expect(tooShort('Kids with highest levels of BPA more likely to be obese')).toBe(false);
  });

  it('normalises NBSP and zero-width characters but keeps the text otherwise', () => {
    expect(kept(['The\u00A0council\u200B approved  the budget\u2009on Tuesday, officials said — “finally”.'])).toEqual([
      'The council approved the budget on Tuesday, officials said — “finally”.',
    ]);
  });

  it('collapses runs of plain spaces and trims them, with nothing else to clean in the text', () => {
    expect(normaliseWhitespace('The council approved  the budget')).toBe('The council approved the budget');
    expect(normaliseWhitespace(' The council approved the budget ')).toBe('The council approved the budget');
    expect(normaliseWhitespace('The council\tapproved the bud\u00ADget')).toBe('The council approved the budget');
    expect(normaliseWhitespace('The council approved the budget')).toBe('The council approved the budget');
  });

  it('reads a sentence closed by quotes or brackets as a sentence', () => {
    expect(tooShort('Schools reopen [on Monday.]')).toBe(false);
    expect(tooShort('“Schools reopen on Monday!”')).toBe(false);
    expect(tooShort('Schools reopen on Monday]')).toBe(true);
  });

  it('keeps ZWJ emoji sequences intact', () => {
    expect(normaliseWhitespace('family 👨\u200D👩\u200D👧 here')).toBe('family 👨\u200D👩\u200D👧 here');
  });

  it('only http(s) URLs are kept', () => {
    expect(cleanArticle(raw([STORY], { url: 'javascript:alert(1)' }), 'x.txt').url).toBeNull();
    expect(cleanArticle(raw([STORY], { url: 'not a url' }), 'x.txt').url).toBeNull();
    expect(cleanArticle(raw([STORY], { url: 'https://example.org/a' }), 'x.txt').url).toBe('https://example.org/a');
  });
});

describe('headings: questions and lead-ins', () => {
  const raw = (paragraphs: string[]): RawArticle => ({ meta: { title: 'Explainer' }, paragraphs, reader: 'markdown' });

  const P = (index: number, text: string) => ({ index, text });
  it.each([
    [
      'a question heading with the paragraph that answers it, under the heading’s number',
      [
        'The city will vote on the new tram line next month, after two years of debate.',
        'Who pays for the tram?',
        'The regional government pays two thirds, and the city the rest, from a fuel tax.',
        'Q: When would trams run?',
        'A: The first trams would run in 2029 if the vote passes.',
      ],
      [
        P(0, 'The city will vote on the new tram line next month, after two years of debate.'),
        P(1, 'Who pays for the tram? The regional government pays two thirds, and the city the rest, from a fuel tax.'),
        P(3, 'Q: When would trams run? A: The first trams would run in 2029 if the vote passes.'),
      ],
    ],
    [
      // A heading over another heading stays alone; the question then goes with its answer.
      'a lead-in ending in a colon with the block it introduces',
      [
        'The council published the costs of the tram line on Tuesday, after months of requests.',
        'The biggest items in the budget include:',
        'Rails and overhead wires: 90 million dollars.',
        'Maria Lopez, who chairs the transport committee, said:',
        'We asked for these figures for two years, and now we finally have them.',
        'Her colleague on the committee then added in a statement:',
        'Will it be on time?',
        'Nobody can say yet, the transport office admits.',
      ],
      [
        P(0, 'The council published the costs of the tram line on Tuesday, after months of requests.'),
        P(1, 'The biggest items in the budget include: Rails and overhead wires: 90 million dollars.'),
        P(3, 'Maria Lopez, who chairs the transport committee, said: We asked for these figures for two years, and now we finally have them.'),
        P(5, 'Her colleague on the committee then added in a statement:'),
        P(6, 'Will it be on time? Nobody can say yet, the transport office admits.'),
      ],
    ],
  ])('reads %s', (_what, blocks, expected) => {
    expect(cleanArticle(raw(blocks), 'tram.md').paragraphs).toEqual(expected);
  });

  it('reads a quoted title line with the review under it, and drops one with nothing of its own under it', () => {
    const blocks = [
      'Our critics picked the films of the year that stayed with them longest.',
      "'The Quiet Harbour'",
      'Director Mara Olsen follows a fishing family through one winter, and the silence between them says more than any line.',
      '“Moon Rally”',
      "'Coming soon'",
    ];
    expect(cleanArticle(raw(blocks), 'films.md').paragraphs).toEqual([
      P(0, 'Our critics picked the films of the year that stayed with them longest.'),
      P(
        1,
        "'The Quiet Harbour' Director Mara Olsen follows a fishing family through one winter, and the silence between them says more than any line.",
      ),
    ]);
  });

  it('lets a reader who asks for a film by its title find the review under its title line', () => {
    const films = cleanArticle(
      raw([
        'Our critics picked the films of the year that stayed with them longest.',
        "'The Quiet Harbour'",
        'Director Mara Olsen follows a fishing family through one winter, and the silence between them says more than any line.',
        "'Moon Rally'",
        'Director Tom Reyes sends two rival drivers to the moon in a comedy that never runs out of fuel.',
      ]),
      'films.md',
    );
    const port = cleanArticle(
      {
        meta: { title: 'Port appoints a new director' },
        paragraphs: ['The harbour board named Paul Kane its new director on Monday, after a search that took most of the year.'],
        reader: 'markdown',
      },
      'port.md',
    );
    const top = answer(SearchIndex.build([films, port]), 'quiet harbour director').passages[0];
    expect(top?.text).toContain('Mara Olsen');
  });

  it('leaves alone questions in a row, a long question, a question with more sentences, and one at the end', () => {
    const blocks = [
      'Should the city build it? Should it wait?',
      'What do the neighbours think about the noise, the dust and the years of building work that lie ahead of them?',
      'Most of them support the plan, a survey by the local paper found last week.',
      'Is it worth it?',
      'Will it be on time?',
      'Nobody can say yet, the transport office admits in its report.',
      'What comes after the vote?',
    ];
    expect(cleanArticle(raw(blocks), 'tram.md').paragraphs.map((p) => p.index)).toEqual([0, 1, 2, 3, 4, 6]);
    expect(cleanArticle(raw(blocks), 'tram.md').paragraphs[4]!.text).toBe(
      'Will it be on time? Nobody can say yet, the transport office admits in its report.',
    );
  });
});
