import { describe, expect, it } from 'vitest';
import { answer, explainAnswer, SURE_CONFIDENCE, WEAK_SURE_BELOW } from '../../src/search/answer.js';
import { CHECK_MARGIN } from '../../src/search/check.js';
import { SearchIndex } from '../../src/search/index.js';
import type { SentenceModel } from '../../src/search/types.js';
import { article, COUNCIL, EARNINGS, NEWS, SCIENCE, STORM, TRANSFER } from './fixture.js';
import { where } from './helpers.js';
import { realVectors } from './vectors.js';

const vectors = await realVectors();

// When the bot says it is not sure of an answer (`tentative`), and when it says nothing at all.

describe('the answer check and "not sure"', () => {
  it('is sure when the check passes a teaser line by a clear margin', () => {
    // Word match puts the line that repeats the question's words first; the line with the date wins clearly.
    const fair = article('fair', 'Riverton summer fair returns', [
      'Pie contest! Pie contest! The Riverton fair pie contest is back, and the pie contest is bigger than ever.',
      'The contest is held on May 12 in the old market hall, with a parade at noon.',
      'Judges will taste every pie entered in the contest, and the winner gets a trophy.',
    ]);
    const a = answer(SearchIndex.build([fair, COUNCIL, TRANSFER, STORM]), 'when is the pie contest held');
    expect(where(a.passages[0])).toBe('fair#1');
    expect(a.tentative).toBeUndefined();
  });

  it('is sure when the check agrees with word match, however close the article’s next paragraph comes', () => {
    // Both dated lines fit "when"; the one that answers was first by words too.
    const fair = article('fair', 'Riverton summer fair returns', [
      'The Riverton summer fair returns to Canal Street this year with a pie contest and a parade, organisers said.',
      'The pie contest is held on May 12 in the old market hall.',
      'The pie contest was first held on June 3 in 1990 in the church hall.',
    ]);
    const a = answer(SearchIndex.build([fair, COUNCIL, TRANSFER, STORM]), 'when is the pie contest held');
    expect(where(a.passages[0])).toBe('fair#1');
    expect(a.tentative).toBeUndefined();
  });

  it('never says it is not sure with abstention turned off (minConfidence 0), even when the check narrowly overrides word match', () => {
    // The same narrow override test/search/check.test.ts flags "not sure" by default.
    const fair = article('fair', 'Riverton summer fair returns', [
      'The Riverton summer fair returns to Canal Street this year with a pie contest and a parade, organisers said.',
      'The contest is held on May 12 in the old market hall.',
      'Judges will taste every pie entered in the contest, and the winner gets a trophy.',
    ]);
    const index = SearchIndex.build([fair, COUNCIL, TRANSFER]);
    const question = 'when is the pie contest at the riverton fair';
    expect(answer(index, question).tentative).toBe(true);
    const a = answer(index, question, { minConfidence: 0 });
    expect(where(a.passages[0])).toBe('fair#1');
    expect(a.tentative).toBeUndefined();
  });
});

describe('names no article mentions', () => {
  const index = SearchIndex.build([COUNCIL, TRANSFER, STORM, EARNINGS, SCIENCE]);

  it.each([
    ['How many homes lost electricity?', 'How many homes lost electricity in Dunmore?', 'storm#1'],
    ['How many engineers will Lumatech hire?', 'How many engineers will Lumatech hire in Austin?', 'earnings#1'],
  ])('one among words the passage matches makes the answer "not sure", not declined: "%s" / "%s"', (plain, named, shown) => {
    const sure = answer(index, plain);
    expect(where(sure.passages[0])).toBe(shown);
    expect(sure.tentative).toBeUndefined();
    const unsure = answer(index, named);
    expect(where(unsure.passages[0])).toBe(shown);
    expect(unsure.tentative).toBe(true);
  });
});

describe('the sentence model’s say in answering', () => {
  const museum = article('museum', 'Museum reopens', [
    'The city museum reopened its east wing after two years of repairs to the roof.',
    'Visitors can see the painting collection again from Saturday, the director said.',
  ]);
  const index = SearchIndex.build([museum, COUNCIL, TRANSFER, STORM]);
  /** A model that finds the question this close (cosine) to every paragraph it reads. */
  const closeness = (cosine: number): SentenceModel => ({
    embed: (texts) => texts.map((_, i) => (i === 0 ? Float32Array.from([1, 0]) : Float32Array.from([cosine, Math.sqrt(1 - cosine * cosine)]))),
  });

  it('answers what words alone decline when it reads the passage as saying what was asked', () => {
    const question = 'How long were the repairs?';
    expect(answer(index, question).reason).toBe('not-found');
    const a = answer(index, question, { sentences: closeness(1) });
    expect(where(a.passages[0])).toBe('museum#0');
    expect(a.tentative).toBeUndefined();
  });

  it('declines a passage it reads as unrelated to the question', () => {
    const question = 'Why was the museum wing closed?';
    expect(where(answer(index, question).passages[0])).toBe('museum#0');
    expect(answer(index, question, { sentences: closeness(0) }).reason).toBe('not-found');
  });

  it('weighs a little doubt as a little: a passage just below its neutral point is still answered', () => {
    const a = answer(index, 'Why was the east wing of the city museum closed for two years?', { sentences: closeness(0.4) });
    expect(where(a.passages[0])).toBe('museum#0');
  });
});

describe('word vectors’ say in answering', () => {
  it('are sure of a passage that says what was asked in other words, where words alone are not', () => {
    // "households … without electricity" against "homes lost electricity": close in meaning.
    const index = SearchIndex.build(NEWS);
    const question = 'How many households were left without electricity?';
    const byWords = answer(index, question);
    expect(where(byWords.passages[0])).toBe('storm#1');
    expect(byWords.tentative).toBe(true);
    const byMeaning = answer(index, question, { vectors });
    expect(where(byMeaning.passages[0])).toBe('storm#1');
    expect(byMeaning.tentative).toBeUndefined();
  });
});

describe('the calibrated confidence’s say in "not sure"', () => {
  it('is sure of an answer the calibrated confidence trusts, though few of its words match the question', () => {
    // "How far away" against "110 light years from Earth": a narrow conviction, a confident model.
    const index = SearchIndex.build(NEWS);
    const a = answer(index, 'How far away is the exoplanet?', { vectors });
    expect(where(a.passages[0])).toBe('science#0');
    expect(a.confidence).toBeGreaterThanOrEqual(0.4);
    expect(a.tentative).toBeUndefined();
  });
});

describe('a close call between two paragraphs of the article', () => {
  // Two counts of boats at the pier: before the storm and now. "Dock" is neither paragraph's word.
  const pier = article('pier', 'Harbour pier reopens after repairs', [
    'The old harbour pier in Port Elwin reopened on Saturday after a winter of repairs to its wooden deck.',
    'About 40 boats moored at the pier before the storm, the harbour master said, and 12 of them were damaged.',
    'Fishermen said 25 boats now use the pier each morning, and the cafe at its end serves 300 breakfasts a day.',
    'The council spent 2 million dollars on the repairs, paid from its reserve fund.',
  ]);
  const index = SearchIndex.build([...NEWS, pier]);

  it('is "not sure" when the question’s words barely carry the answer, though the check kept word match’s paragraph', () => {
    const shown = explainAnswer(index, 'how many boats dock at the pier', { vectors });
    expect(where(shown.answer.passages[0])).toBe('pier#2');
    expect(shown.features!.overridden).toBe(0);
    expect(shown.features!.margin).toBeLessThan(CHECK_MARGIN);
    // Above the bars that flag a weak conviction or a low calibrated confidence by themselves.
    expect(shown.features!.conviction).toBeGreaterThan(SURE_CONFIDENCE);
    expect(shown.answer.confidence).toBeGreaterThan(WEAK_SURE_BELOW);
    expect(shown.answer.tentative).toBe(true);
  });

  it('is sure of the same close call when the question’s words carry it', () => {
    const shown = explainAnswer(index, 'how many boats are at the pier', { vectors });
    expect(where(shown.answer.passages[0])).toBe('pier#2');
    expect(shown.features!.margin).toBeLessThan(CHECK_MARGIN);
    expect(shown.answer.tentative).toBeUndefined();
  });
});
