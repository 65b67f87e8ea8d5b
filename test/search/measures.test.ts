import { describe, expect, it } from 'vitest';
import { answer } from '../../src/search/answer.js';
import { slotOf } from '../../src/search/slots.js';
import { slotStrength } from '../../src/search/slot-strength.js';
import { answerKind } from '../../src/search/fit.js';
import { SearchIndex } from '../../src/search/index.js';
import { tokenize } from '../../src/search/normalize.js';
import { article } from './fixture.js';
import { where } from './helpers.js';

const words = (q: string) => tokenize(q).map((t) => t.word);
const slotFor = (question: string) => {
  const w = words(question);
  return slotOf(w, answerKind(w), 'en');
};
const strength = (question: string, sentence: string) => {
  const w = words(question);
  return slotStrength(sentence, words(sentence), slotFor(question)!, new Set(w));
};

describe('measures the check knows', () => {
  it('"how long" is answered by a length as well as a duration', () => {
    expect(strength('how long is the tunnel', 'Crews dug a 400-meter tunnel under the hill.')).toBe(2);
    expect(strength('how long were they trapped', 'They were trapped for 30 hours.')).toBe(2);
  });

  it('"how wide" and "how fast" ask for a measure in their units', () => {
    expect(strength('how wide is the river at the ford', 'The river is 300 meters wide there.')).toBe(2);
    expect(strength('how fast was the train going', 'The train was going 90 mph when it left the rails.')).toBe(2);
    expect(strength('how fast was the train going', 'The train had 9 cars.')).toBe(1);
  });

  it('"how big is X": a share or a count after X is the strongest answer; a count before X counts the Xs', () => {
    expect(strength('how big is the pay raise for nurses', 'The deal gives a 6.2% increase in nurses’ basic pay.')).toBe(3);
    expect(strength('how big was the jury pool in the trial', 'Lawyers struck 12 names from a total jury pool of 140.')).toBe(3);
    expect(strength('how big is the pine park', 'It is one of three pine parks in the state.')).toBe(1);
    // A number glued to a word by a hyphen is a name, not a count.
    expect(strength('how big was the jury pool in the trial', 'The jury pool sat apart beside the F-35 hangar.')).toBe(1);
    // With another verb than "be" the question names no thing measured.
    expect(slotFor('how big did the crowd get')?.subject?.size ?? 0).toBe(0);
  });

  it('"what time" is answered by a time of day; a date alone is a weak answer', () => {
    expect(strength('what time is the quiz show on', 'The quiz show airs on Saturdays from 8 to 9 p.m.')).toBe(2);
    expect(strength('what time is the quiz show on', 'The quiz show premiered on March 3, 2021.')).toBe(1);
  });
});

// Invented stories: the paragraph repeating the question's words gives another measure.
const DIG = article('dig', 'Riverton dig finds a tunnel under the old abbey', [
  'Archaeologist Mara Velt believes the tunnel the dig found under the abbey leads to the lost vault of Riverton.',
  'Velt’s team has mapped a 640-meter tunnel running under the old market square, the town museum said.',
  'The museum will show pottery from the dig next month.',
]);
const BUDGET = article('budget', 'Riverton budget passes with a pay raise for nurses', [
  'The council passed a $90 million budget on Monday with a pay raise for nurses and two new clinics.',
  'Under the budget nurses get a 6.2% increase in basic pay from July.',
  'Clinic hours will also be extended on weekends.',
]);
const TRIAL = article('trial', 'Jury chosen in the Riverton orchard trial', [
  'The orchard trial was moved to Dunmore, 60 miles away, because too few Riverton residents could serve as jurors.',
  'By noon the lawyers had questioned most of a jury pool of 140 residents.',
  'Opening statements begin on Tuesday.',
]);
const SHOW = article('show', 'Quiz show moves to Saturdays', [
  'Host Nell Brandt joined the channel in March 2021 and her quiz show will return to the channel on Feb. 22.',
  'Brandt’s quiz show will air on Saturdays from 8 to 9 p.m.',
  'The old Sunday slot goes to a cooking show.',
]);

describe('the paragraph that gives the measure, not the one that repeats the question', () => {
  const index = SearchIndex.build([DIG, BUDGET, TRIAL, SHOW]);
  const ask = (q: string) => where(answer(index, q, { minConfidence: 0 }).passages[0]);

  it('a length for "how long is the tunnel"', () => {
    expect(ask('how long is the tunnel the dig found under the abbey')).toBe('dig#1');
  });
  it('a share beside the thing measured for "how big is the pay raise"', () => {
    expect(ask('how big is the nurses pay raise in the budget')).toBe('budget#1');
  });
  it('a count after the thing measured for "how big was the jury pool"', () => {
    expect(ask('how big was the jury pool in the orchard trial')).toBe('trial#1');
  });
  it('a time of day for "what time"', () => {
    expect(ask('what time is nell brandt’s quiz show on')).toBe('show#1');
  });
});
