import { describe, expect, it } from 'vitest';
import { answer } from '../../src/search/answer.js';
import { SearchIndex } from '../../src/search/index.js';
import { MAX_JOINED_CHARS } from '../../src/search/neighbour.js';
import { article, COUNCIL, TRANSFER } from './fixture.js';
import { expectHighlightsOnQuestionWords } from './helpers.js';

// Invented stories written as news is: a sentence a paragraph, the fact asked about beside the
// paragraph that repeats the question's words.
const FLOODS = article('floods', 'Floods hit the Elwin valley', [
  'Heavy rain fell across the Elwin valley for three days this week.',
  'The floods destroyed homes along the river in the Elwin valley, the governor said on Monday.',
  'In all, 340 were lost in the valley, and rebuilding could take years.',
  'The governor asked for federal help on Tuesday.',
]);
const QUAKE = article('quake', 'Quake shakes the island of Sarno', [
  'A strong earthquake shook the island of Sarno early on Tuesday.',
  'Its epicentre was about 80 km (50 miles) out at sea, the agency said.',
  'The quake was felt as far as the capital, far from the coast, the agency said.',
  'Schools were closed on Tuesday.',
]);

describe('a short paragraph is shown with a neighbour', () => {
  const index = SearchIndex.build([FLOODS, QUAKE, COUNCIL, TRANSFER]);
  const top = (q: string) => answer(index, q, { minConfidence: 0 }).passages[0]!;

  it('with the paragraph after it, which holds the number asked for, under its own number', () => {
    const p = top('how many homes did the floods in the elwin valley destroy');
    expect(p.article.id).toBe('floods');
    expect(p.paragraph.index).toBe(1);
    expect(p.neighbour).toBe(2);
    expect(p.text).toBe(`${FLOODS.paragraphs[1]!.text} ${FLOODS.paragraphs[2]!.text}`);
    expect(p.text).toContain('340');
    expectHighlightsOnQuestionWords(answer(index, 'how many homes did the floods in the elwin valley destroy', { minConfidence: 0 }));
  });

  it('shows no paragraph twice: one shown beside a passage is no passage of its own, nor beside another', () => {
    const a = answer(index, 'how many homes did the floods in the elwin valley destroy', { minConfidence: 0 });
    const shown = a.passages.flatMap((p) => [p.paragraph.index, p.neighbour].filter((n) => n !== undefined).map((n) => `${p.article.id}#${n}`));
    expect(shown).toContain('floods#2');
    expect(a.passages.length).toBeGreaterThan(1);
    expect(new Set(shown).size).toBe(shown.length);
  });

  it('with the paragraph before it when only that one holds the distance asked for', () => {
    const p = top('how far from the coast was the quake felt in sarno');
    expect(p.article.id).toBe('quake');
    expect(p.paragraph.index).toBe(2);
    expect(p.neighbour).toBe(1);
    expect(p.text).toBe(`${QUAKE.paragraphs[1]!.text} ${QUAKE.paragraphs[2]!.text}`);
  });

  it('not when it holds a strong answer itself and neither neighbour holds one as strong', () => {
    const bridge = article('bridge', 'Harbour bridge reopens', [
      'The harbour bridge reopened on Monday after six months of work on its cables.',
      'The repairs to the harbour bridge cost 12 million euros, the mayor said.',
      'Cyclists will get their own lane from April.',
    ]);
    const index = SearchIndex.build([bridge, COUNCIL, TRANSFER]);
    const p = answer(index, 'how much did the harbour bridge repairs cost', { minConfidence: 0 }).passages[0]!;
    expect(p.paragraph.index).toBe(1);
    expect(p.neighbour).toBeUndefined();
    expect(p.text).toBe(bridge.paragraphs[1]!.text);
  });

  it('never with another article’s paragraph or a heading, nor when the two would run long; a long paragraph is shown alone', () => {
    const last = article('last', 'Harbour ferry returns', [
      'The harbour ferry returns to service in May after a winter of repairs to its engines and deck.',
      'Tickets for the harbour ferry cost 4 dollars.',
    ]);
    const next = article('next', 'Unrelated story', ['Ferry fans count 12 boats in the harbour every summer.']);
    const long = article('long', 'Library opens', [
      'The new city library opened its doors on Saturday.',
      `The library ${'holds shelves of books and rooms for study and quiet reading '.repeat(12)}for all.`,
    ]);
    const museum = article('museum', 'Museum reopens', [
      'The city museum reopens on Friday after a year of repairs.',
      'What to see first',
      'The new dinosaur hall holds 40 skeletons.',
    ]);
    const index = SearchIndex.build([last, next, long, museum]);
    const ask = (q: string) => answer(index, q, { minConfidence: 0 }).passages[0]!;
    const ferry = ask('how much do tickets for the harbour ferry cost');
    expect(ferry.article.id).toBe('last');
    // The last paragraph: the one before it holds no sum of money, and the next article is another story.
    expect(ferry.text).not.toContain('12 boats');
    const library = ask('when did the new city library open its doors');
    expect(library.paragraph.index).toBe(0);
    expect(`${long.paragraphs[0]!.text} ${long.paragraphs[1]!.text}`.length).toBeGreaterThan(MAX_JOINED_CHARS);
    expect(library.neighbour).toBeUndefined();
    expect(library.text).toBe(long.paragraphs[0]!.text);
    // A heading-like line opens another section: not shown with the paragraph above it.
    expect(ask('when does the city museum reopen after repairs').text).toBe(museum.paragraphs[0]!.text);
  });
});
