import { describe, expect, it } from 'vitest';
import {
  canonicalUrl,
  dedupeArticles,
  dedupeParagraphs,
  jaccard,
  paragraphTextKey,
  SAME_STORY_JACCARD,
  shingles,
} from '../../src/articles/dedupe.js';
import type { Article } from '../../src/articles/types.js';

const BODY = [
  'The regional rail operator announced on Wednesday that night trains between the two capitals will return in December.',
  'Tickets go on sale next month, and the operator expects the sleeper cars to be fully booked over the holidays.',
  'Unions welcomed the decision but warned that staffing levels on the line remain far below what they were in 2019.',
];

const article = (id: string, over: Partial<Article> = {}, body = BODY): Article => ({
  id,
  file: id,
  title: 'Night trains return',
  url: null,
  published: null,
  source: null,
  paragraphs: body.map((text, index) => ({ index, text })),
  ...over,
});

describe('canonicalUrl', () => {
  it('ignores scheme, www., fragment, trailing slash and tracking parameters', () => {
    const a = canonicalUrl('https://www.Example.org/news/trains/?utm_source=rss&utm_medium=feed&id=7#top');
    expect(a).toBe(canonicalUrl('http://example.org/news/trains?id=7&fbclid=abc'));
    expect(a).toBe('example.org/news/trains?id=7');
  });

  it('keeps parameters that change the page and different paths apart', () => {
    expect(canonicalUrl('https://example.org/a?id=1')).not.toBe(canonicalUrl('https://example.org/a?id=2'));
    expect(canonicalUrl('https://example.org/a')).not.toBe(canonicalUrl('https://example.org/b'));
    expect(canonicalUrl('not a url')).toBeNull();
  });
});

describe('dedupeArticles', () => {
  it('keeps distinct stories', () => {
    const other = article('b.md', {}, ['A completely different story about a dog show in the city park that drew large crowds on Sunday afternoon.']);
    const out = dedupeArticles([article('a.md'), other]);
    expect(out.articles.map((a) => a.id)).toEqual(['a.md', 'b.md']);
    expect(out.duplicates).toEqual([]);
  });

  it('same canonical URL and mostly the same text, undated: keeps the copy with more paragraphs, names both', () => {
    const short = article('a.md', { url: 'https://www.example.org/trains/?utm_campaign=x' }, BODY.slice(0, 2));
    const full = article('b.md', { url: 'http://example.org/trains' });
    const out = dedupeArticles([short, full]);
    expect(out.articles.map((a) => a.id)).toEqual(['b.md']);
    expect(out.duplicates.map((d) => [d.dropped.id, d.kept.id, d.reason])).toEqual([
      ['a.md', 'b.md', 'same URL, 62% of the text alike: an older version (fewer paragraphs)'],
    ]);
  });

  it('same URL, different text (a quiz page saved once per question): every one is kept', () => {
    const quiz = 'https://example.org/quiz/week-12';
    const files = [
      ['q1.md', 'Protesters tried to storm the embassy in the capital after five airstrikes on militia bases killed 25 people.'],
      ['q2.md', 'The attacker entered the home of a rabbi during a Hanukkah celebration; nearly 100 people were inside at the time.'],
      ['q3.md', 'Wildfires have burned more than ten million acres this season, and the smoke reached cities on the other coast.'],
    ].map(([id, text]) => article(id!, { url: quiz, published: '2024-03-22' }, [text!]));
    const out = dedupeArticles(files);
    expect(out.articles.map((a) => a.id)).toEqual(['q1.md', 'q2.md', 'q3.md']);
    expect(out.duplicates).toEqual([]);
  });

  it('same URL, versions of one story: the newer by published date is kept, even when shorter', () => {
    const first = article('first.md', { url: 'https://example.org/trains', published: '2024-01-01' });
    const update = article('update.md', { url: 'https://example.org/trains', published: '2024-01-03' }, BODY.slice(0, 2));
    expect(jaccard(shingles(first), shingles(update))).toBeGreaterThanOrEqual(SAME_STORY_JACCARD);
    for (const input of [
      [first, update],
      [update, first],
    ]) {
      const out = dedupeArticles(input);
      expect(out.articles.map((a) => a.id)).toEqual(['update.md']);
      expect(out.duplicates[0]).toMatchObject({ dropped: { id: 'first.md' }, kept: { id: 'update.md' } });
      expect(out.duplicates[0]!.reason).toMatch(/^same URL, \d+% of the text alike: an older version \(published earlier\)$/);
    }
  });

  it('same URL and date: the file modified last is the newer version', () => {
    const a = article('a.md', { url: 'https://example.org/trains', published: '2024-01-01' });
    const b = article(
      'b.md',
      { url: 'https://example.org/trains', published: '2024-01-01' },
      BODY.map((p) => p.replace('December', 'January')),
    );
    const modified = { 'a.md': 2000, 'b.md': 1000 };
    const out = dedupeArticles([a, b], { modifiedMs: (file) => modified[file as keyof typeof modified] });
    expect(out.articles.map((x) => x.id)).toEqual(['a.md']);
    expect(out.duplicates[0]!.reason).toMatch(/an older version \(file modified earlier\)$/);
    const swapped = dedupeArticles([a, b], { modifiedMs: (file) => 3000 - modified[file as keyof typeof modified] });
    expect(swapped.articles.map((x) => x.id)).toEqual(['b.md']);
  });

  it('near-identical text under different URLs (a typo fixed, a word changed) is one story; the newer wins a tie', () => {
    const edited = BODY.map((p) => p.replace('Wednesday', 'Wednesday morning'));
    const older = article('old.md', { url: 'https://a.example/x', published: '2024-01-01' }, [
      ...BODY,
      'Long paragraph of shared trailing context about the rail network and its many regional branch lines that run through the mountains, valleys, coastal towns and border crossings of the whole country.',
    ]);
    const newer = article('new.md', { url: 'https://b.example/y', published: '2024-01-02' }, [
      ...edited,
      'Long paragraph of shared trailing context about the rail network and its many regional branch lines that run through the mountains, valleys, coastal towns and border crossings of the whole country.',
    ]);
    expect(jaccard(shingles(older), shingles(newer))).toBeGreaterThanOrEqual(0.9);
    const out = dedupeArticles([older, newer]);
    expect(out.articles.map((a) => a.id)).toEqual(['new.md']);
    expect(out.duplicates[0]!.dropped.id).toBe('old.md');
    expect(out.duplicates[0]!.reason).toMatch(/^near-identical text \(\d+% alike\)$/);
  });

  it('text that overlaps only partly (an update with new paragraphs) is kept as a separate story', () => {
    const update = article('update.md', {}, [
      BODY[0]!,
      'The operator now says the first train will leave on December 12, two days later than planned, because of track works.',
      'Prices start at 49 euros for a seat and 129 euros for a private sleeper compartment, the company said on Friday.',
    ]);
    const out = dedupeArticles([article('a.md'), update]);
    expect(out.articles).toHaveLength(2);
  });

  it('is deterministic: same input order, same result; survivors keep their input order', () => {
    const list = [
      article('c.md'),
      article('a.md'),
      article('b.md', {}, ['Something else entirely: the library extends its opening hours to ten in the evening from May.']),
    ];
    const one = dedupeArticles(list);
    const two = dedupeArticles([...list].reverse());
    expect(one.articles.map((a) => a.id)).toEqual(['a.md', 'b.md']);
    expect(two.articles.map((a) => a.id).sort()).toEqual(['a.md', 'b.md']);
    expect(one.duplicates.map((d) => [d.dropped.id, d.kept.id])).toEqual([['c.md', 'a.md']]);
  });

  it('does not merge 2,000 different stories written from one template', () => {
    const many = Array.from({ length: 2000 }, (_, i) =>
      article(`f${i}.md`, { url: `https://example.org/${i}` }, [
        `Story number ${i} reports that item ${i * 7} was sold for ${i * 13} coins at the market in town ${i % 50}.`,
      ]),
    );
    const out = dedupeArticles(many);
    expect(out.articles).toHaveLength(2000);
  });
});

describe('dedupeArticles on folders of similar articles', () => {
  // A long stock paragraph every article carries: its 5-word runs are the smallest hashes of every article.
  const STOCK = [
    'This report is part of our weekly round-up of council decisions across the region, compiled from public minutes, press releases and interviews with councillors, residents and officials in every town we cover.',
    'Councils publish their minutes within ten working days of each meeting; where minutes were late we asked the council office directly, and we note any figure that could not be checked against a second source.',
    'Readers who spot a mistake can write to the regional desk, which corrects errors in the next edition of the round-up and keeps a public list of every correction made since the series began three years ago.',
  ];
  const story = (i: number, over: Partial<Article> = {}, change = (s: string) => s) =>
    article(`s${i}.md`, { url: `https://example.org/${i}`, ...over }, [
      change(
        `The council of town ${i} voted to spend ${i * 13} thousand euros on the bridge over river ${i % 7} after inspectors found cracks in ${i % 11} places.`,
      ),
      ...STOCK,
    ]);

  it('finds the near-copy of every one of 1,500 articles sharing a long template', () => {
    const many = Array.from({ length: 1500 }, (_, i) => story(i));
    const copies = many.map((_, i) => story(i, { id: `copy${i}.md`, file: `copy${i}.md`, url: `https://mirror.example/${i}` }, (s) => `Today ${s}`));
    expect(jaccard(shingles(copies[250]!), shingles(many[250]!))).toBeGreaterThanOrEqual(0.9);
    const out = dedupeArticles([...many, ...copies]);
    expect(out.articles).toHaveLength(1500);
    expect(out.duplicates).toHaveLength(1500);
    expect(out.duplicates.every((d) => d.dropped.id.replace(/^copy/, 's') === d.kept.id || d.kept.id.replace(/^copy/, 's') === d.dropped.id)).toBe(
      true,
    );
  });

  it('keeps one of 100 exact copies of a story saved under different URLs', () => {
    const copies = Array.from({ length: 100 }, (_, i) =>
      story(7, { id: `c${String(i).padStart(3, '0')}.md`, file: `c${i}.md`, url: `https://site${i}.example/x` }),
    );
    const out = dedupeArticles([...copies, ...Array.from({ length: 50 }, (_, i) => story(100 + i))]);
    expect(out.articles.map((a) => a.id).filter((id) => id.startsWith('c'))).toEqual(['c000.md']);
    expect(out.articles).toHaveLength(51);
  });
});

describe('dedupeParagraphs', () => {
  const SIGN_UP = 'Sign up for our morning newsletter to get the top stories in your inbox.';
  const story = (id: string, published: string | null, body: string[]) => article(id, { published, title: id }, body);

  it('indexes a paragraph several articles share once, in the newest; case, punctuation and spacing do not matter', () => {
    const old = story('old.md', '2024-01-01', ['The ferry company ordered two electric boats for the island route this week.', SIGN_UP]);
    const mid = story('mid.md', '2024-02-01', [
      'Snow closed the mountain pass for the third time this winter on Monday.',
      `  ${SIGN_UP.toUpperCase().replace('.', '!')} `,
    ]);
    const undated = story('undated.md', null, [SIGN_UP, 'The library will open on Sundays from May, the council decided.']);
    const out = dedupeParagraphs([old, mid, undated]);
    expect(out.repeated).toBe(2);
    expect(out.articles.map((a) => a.paragraphs.map((p) => p.index))).toEqual([[0], [0, 1], [1]]);
    expect(out.articles[1]!.paragraphs[1]!.text).toContain('SIGN UP');
  });

  it('returns untouched articles as the same objects, and counts a paragraph said twice in one article once', () => {
    const a = story('a.md', '2024-01-01', BODY);
    const b = story('b.md', '2024-01-02', ['The mayor opened the new bridge over the river on Saturday.', 'Thank you.', 'Thank you!']);
    const out = dedupeParagraphs([a, b]);
    expect(out.articles[0]).toBe(a);
    expect(out.articles[1]!.paragraphs.map((p) => p.text)).toEqual(['The mayor opened the new bridge over the river on Saturday.', 'Thank you.']);
    expect(out.repeated).toBe(1);
    expect(b.paragraphs).toHaveLength(3);
  });
});

describe('paragraphTextKey', () => {
  it('is the same for the same words whatever the case, punctuation and spacing', () => {
    expect(paragraphTextKey('A score is 20 years.')).toBe(paragraphTextKey('a  score is 20 years'));
    expect(paragraphTextKey('“ZÜRICH” — a score is 20 YEARS…')).toBe(paragraphTextKey('zürich a score is 20 years'));
    expect(paragraphTextKey('Ночные ПОЕЗДА, Night TRAINS’ return')).toBe(paragraphTextKey('ночные поезда night trains return'));
  });

  it('tells different words apart, and has none for a text without words', () => {
    expect(paragraphTextKey('A score is 20 years.')).not.toBe(paragraphTextKey('A score is 21 years.'));
    expect(paragraphTextKey('— …')).toBe(-1);
  });
});

describe('shingles', () => {
  /** The definition: FNV-1a of each lower-cased word, then of each run of five word hashes; sorted, unique. */
  function reference(a: Article): number[] {
    const fnv = (s: string) => {
      let h = 0x811c9dc5;
      for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
      return h >>> 0;
    };
    const words = a.paragraphs.flatMap((p) => p.text.toLowerCase().match(/[a-z0-9\u00c0-\u1fff\u2c00-\uffff]+/g) ?? []).map(fnv);
    const runs = new Set<number>();
    for (let i = 0; i + 5 <= words.length; i++) {
      let h = 0x811c9dc5;
      for (let j = i; j < i + 5; j++) h = Math.imul(h ^ words[j]!, 0x01000193) >>> 0;
      runs.add(h);
    }
    return [...runs].sort((x, y) => x - y);
  }

  it('hashes every run of five words, across paragraphs, whatever the punctuation, case or script', () => {
    const a = article('mixed', {}, [
      'Night TRAINS return—in December, says the operator (again).',
      'Ночные поезда вернутся в декабре; ZÜRICH–Wien 2024, “ΟΔΟΣ” ÜBER',
      'The operator’s “night” trains … RETURN to ZÜRICH and Wien',
      'last',
    ]);
    expect(Array.from(shingles(a))).toEqual(reference(a));
    expect(shingles(a).length).toBe(reference(a).length);
  });
});
