import { describe, expect, it } from 'vitest';
import { answer } from '../../src/search/answer.js';
import { slotOf, translatedSlot } from '../../src/search/slots.js';
import { slotStrength } from '../../src/search/slot-strength.js';
import { answerKind } from '../../src/search/fit.js';
import { analyzeText, SearchIndex } from '../../src/search/index.js';
import { queryGroups } from '../../src/search/query.js';
import { bm25Of, rankBm25 } from '../../src/search/rank.js';
import { tokenize } from '../../src/search/normalize.js';
import { splitSentences } from '../../src/search/passage.js';
import { article, COUNCIL, TRANSFER } from './fixture.js';
import { where } from './helpers.js';
import { realVectors } from './vectors.js';

const vectorsOn = await realVectors();

// Invented stories: the lines that repeat the question's words are not the ones that answer.
const RESCUE = article('rescue', 'Storm on the ridge', [
  'The helicopter that flew to the stranded climbers on the ridge came from the Riverton base.',
  'Pilot Maria Okafor flew it in after the wind dropped, the rescue team said.',
  'They were trapped for more than 30 hours in a snow hole.',
  'Climbers trapped on the ridge in 1998 were rescued by the same team.',
]);
const SHELTER = article('shelter', 'A day of giving', [
  'Volunteers at the Riverton women’s shelter sorted donations for new mothers on Friday.',
  '“We helped 800 mothers with our donations last year,” the director said.',
  'The shelter, which helps mothers across Riverton, opened its doors in 1921.',
]);
// A guide whose thirty paragraphs share the question's words: the folder-wide first pass fills its
// candidates with them.
const TRAIL = article(
  'trail',
  'Ridge trail guide',
  Array.from({ length: 30 }, (_, i) => `Section ${i + 1} of the ridge trail is popular with climbers and mothers in summer, the guide says.`),
);

const words = (q: string) => tokenize(q).map((t) => t.word);
const strength = (question: string, sentence: string) => {
  const w = words(question);
  const slot = slotOf(w, answerKind(w), 'en')!;
  return slotStrength(sentence, words(sentence), slot, new Set(w));
};

describe.each([
  ['by words', undefined],
  ['with word vectors', vectorsOn],
])('the answer check, %s', (_mode, vectors) => {
  const index = SearchIndex.build([SHELTER, RESCUE, TRAIL]);
  const ask = (q: string) => where(answer(index, q, { vectors }).passages[0]);

  it('answers "how long" with the sentence that gives a duration, not a line that repeats the question', () => {
    expect(ask('how long were the climbers trapped on the ridge')).toBe('rescue#2');
  });
});

it('finds the answering paragraph of the best article even when the folder-wide first pass left it out', () => {
  // Thirty short lines elsewhere share the answer's words, and push it out of the first 20 candidates.
  const lines = article(
    'lines',
    'Where to find help',
    Array.from({ length: 30 }, (_, i) => `Shelter ${i + 1} helped mothers last year.`),
  );
  const index = SearchIndex.build([lines, SHELTER]);
  const a = answer(index, 'how many mothers did the riverton shelter help last year', { minConfidence: 0 });
  expect(where(a.passages[0])).toBe('shelter#1');
});

it('says it is not sure when the check narrowly puts another paragraph of the article first than word match did', () => {
  const fair = article('fair', 'Riverton summer fair returns', [
    'The Riverton summer fair returns to Canal Street this year with a pie contest and a parade, organisers said.',
    'The contest is held on May 12 in the old market hall.',
    'Judges will taste every pie entered in the contest, and the winner gets a trophy.',
  ]);
  const a = answer(SearchIndex.build([fair, COUNCIL, TRANSFER]), 'when is the pie contest at the riverton fair');
  expect(where(a.passages[0])).toBe('fair#1');
  expect(a.tentative).toBe(true);
});

it('scores a paragraph the first pass left out as the first pass scores those it keeps', () => {
  const index = SearchIndex.build([SHELTER, RESCUE, TRAIL]);
  const groups = queryGroups(index, ['climbers', 'trapped', 'ridge'], 'en');
  for (const r of rankBm25(index, groups, 50)) {
    const a = index.articles[index.docArticle[r.doc]!]!;
    const terms = analyzeText(a.paragraphs[index.docParagraph[r.doc]!]!.text, 'en');
    expect(bm25Of(index, groups, r.doc, terms)).toBeCloseTo(r.score, 10);
  }
});

describe('the slot a question asks to fill', () => {
  it('a number with the unit or counted noun the question asks for is a strong answer; any other number a weak one', () => {
    expect(strength('how long were they trapped', 'They were trapped for 30 hours.')).toBe(2);
    expect(strength('how long were they trapped', 'Three of them were trapped.')).toBe(1);
    expect(strength('how many jobs is the plant cutting', 'About 14,000 jobs are affected.')).toBe(2);
    expect(strength('how many jobs is the plant cutting', 'The plant opened in 1998.')).toBe(0);
    expect(strength('how many episodes are in the first season', 'The first 13-episode season is out.')).toBe(2);
    expect(strength('how much is the new tablet', 'It costs $499 with 16GB.')).toBe(2);
    // A sum written out in words is as strong as one with a sign.
    expect(strength('how much did the repairs cost', 'The repairs cost 12 million euros.')).toBe(2);
    expect(strength('how much did the repairs cost', 'The repairs took 12 million hours.')).toBe(1);
    expect(strength('what percent of voters agree', 'About 52% of voters agree.')).toBe(2);
  });

  it('a rank is no count, and a number the question says itself, in digits or in words, is no answer to it', () => {
    expect(strength('how many mothers did the shelter help', 'The shelter celebrates its 100th anniversary.')).toBe(0);
    expect(strength('how many mothers did the shelter help', 'The shelter is the 2nd oldest.')).toBe(0);
    expect(strength('how much is a 2 bed flat', 'It is the dearest borough to rent a two-bed flat.')).toBe(0);
    expect(strength('how much is a two bed flat', 'It has 2 beds.')).toBe(0);
    expect(strength('how much is a 2 bed flat', 'Three beds cost more.')).toBe(1);
  });

  it('a rank before the counted noun says how many so far ("her third knee operation"); before another noun it says nothing', () => {
    expect(strength('how many operations has the skater had', 'In May she had her third knee operation.')).toBe(2);
    expect(strength('how many operations has the skater had', 'In May she had her 3rd knee operation.')).toBe(2);
    expect(strength('how many operations has the skater had', 'She finished third in the 2019 season after an operation.')).toBe(0);
  });

  it('the counted noun may come a few words after its number', () => {
    expect(strength('how many jobs is the plant cutting', 'About 14,000 hourly and salaried jobs are affected.')).toBe(2);
    expect(strength('how many jobs is the plant cutting', 'About 14,000 of the plant’s many hourly and salaried jobs are affected.')).toBe(1);
    // The first plural after a number is what it counts: "300 drones and missiles" are no 300 missiles.
    expect(strength('how many missiles did iran fire', 'Iran fired 300 drones and missiles.')).toBe(1);
    expect(strength('how many missiles did iran fire', 'Iran fired 300 ballistic and cruise missiles.')).toBe(2);
  });

  it('"how many" counts the head of the phrase after it: "how many riverton stores" counts stores, not Riverton', () => {
    expect(slotOf(words('how many riverton stores are reopening'), 'number', 'en')?.units).toContain('stores');
    expect(strength('how many riverton stores are reopening', 'It expects to reopen 80 stores by Friday.')).toBe(2);
    expect(strength('how many riverton stores are reopening', 'It has opened 190 Riverton and Hillside shops.')).toBe(1);
    expect(strength('how many ferry arrests in june', 'Police made 42 arrests on the ferry.')).toBe(2);
    // People are counted though "people" has no -s, and the verb after them is not what is counted.
    expect(slotOf(words('how many people worked at the mill'), 'number', 'en')?.units).toContain('people');
  });

  it('"why" is answered by a sentence that gives a cause ("because", "after they …"), not by a date after "after"', () => {
    expect(strength('why was the ferry cancelled', 'The ferry was cancelled because of the storm.')).toBe(1);
    expect(strength('why was the ferry cancelled', 'The ferry was cancelled after the crew walked out.')).toBe(1);
    expect(strength('why was the ferry cancelled', 'The ferry was cancelled after 2020.')).toBe(0);
    expect(strength('why was the ferry cancelled', 'The ferry was cancelled on Monday.')).toBe(0);
  });

  it('"when does the lab want to" asks when something is to happen: a target year answers it strongly', () => {
    expect(strength('when does the lab want to open the bridge', 'The lab hopes to open the bridge by 2028.')).toBe(2);
    expect(strength('when does the lab open the bridge', 'The lab hopes to open the bridge by 2028.')).toBe(1);
  });

  it('"what was the vote" is answered by a tally; a lone number, or a date in digits, is a weak answer', () => {
    expect(slotOf(words('what was the vote to expel the senator'), undefined, 'en')).toEqual({ kind: 'tally' });
    expect(strength('what was the vote to expel the senator', 'The House removed him by a 72-25 vote.')).toBe(2);
    expect(strength('what was the final score', 'The Broncos won 24–10.')).toBe(2);
    expect(strength('what was the vote to expel the senator', 'He got 72 votes.')).toBe(1);
    expect(strength('what was the vote to expel the senator', 'The vote was held on 10-12-2020.')).toBe(1);
    expect(strength('what was the vote to expel the senator', 'The vote came in the 2019-2020 session.')).toBe(0);
  });

  it('keywords naming a unit ask for the number before it; a question with a question word does not', () => {
    expect(strength('assessor budget cut million', 'The budget was reduced to $5.5 million.')).toBe(2);
    expect(strength('campground max stay nights', 'Campers may stay up to 14 nights.')).toBe(2);
    expect(strength('campground max stay nights', 'The campground has 300 sites.')).toBe(1);
    // "why" asks for a reason, not the number before the unit.
    expect(slotOf(words('why did the budget lose a million'), undefined, 'en')).toEqual({ kind: 'reason' });
  });

  it('keywords asking for a share ("transit share of city emissions") are answered by a percentage', () => {
    expect(slotOf(words('transit share of city emissions'), undefined, 'en')).toEqual({ kind: 'number', percent: true });
    expect(strength('transit share of city emissions', 'Transit makes up less than 10% of them.')).toBe(2);
    expect(strength('transit share of city emissions', 'The city runs 40 buses.')).toBe(1);
  });

  it('a price asked without "how much" (keywords, "what did it cost") is answered by a sum of money', () => {
    expect(slotOf(words('riverton bridge repairs cost'), undefined, 'en')).toEqual({ kind: 'number', money: true });
    expect(strength('riverton ferry pass price adult', 'An adult pass sells for $29.')).toBe(2);
    expect(strength('riverton ferry pass price adult', 'The ferry makes 10 trips a day.')).toBe(1);
    expect(strength('what did the season pass cost', 'The pass cost 40 dollars.')).toBe(2);
    // Another question word asks for something else about the price.
    expect(slotOf(words('why did the bridge repairs cost more'), undefined, 'en')).toEqual({ kind: 'reason' });
  });

  it('"which judge" asks for a person, the judge being the role asked about', () => {
    expect(slotOf(words('which judge approved the mall sale'), undefined, 'en')).toMatchObject({ kind: 'person', role: ['judge'] });
    expect(slotOf(words('which company bought the mall'), undefined, 'en')).toEqual({ kind: 'organisation' });
    // A title before a name makes it a person's, whatever preposition comes before it.
    expect(strength('which judge approved the mall sale', 'The ruling, from County Judge Helen Marsh, ends the fight.')).toBe(3);
  });

  it('"which lawmaker" or "what prosecutor" asks for a person as "which judge" does, the office being the role asked about', () => {
    expect(slotOf(words('which lawmaker is trying to ban the fireworks'), undefined, 'en')).toMatchObject({ kind: 'person', role: ['lawmaker'] });
    expect(strength('which lawmaker is trying to ban the fireworks', 'In January, lawmaker Ada Marsh tabled a bill to ban them.')).toBe(3);
    expect(strength('what prosecutor took the case', 'The case went to prosecutor Tom Reyes in May.')).toBe(3);
  });

  it('"which company" is answered by an organisation\'s name ("Ridgeline Corp."), not by a place\'s or a person\'s', () => {
    const company = 'which company gave the shelter new beds';
    expect(strength(company, 'The beds came from Ridgeline Corp. on Friday.')).toBe(2);
    expect(strength('what airline is leaving the county airport', 'The county said Harbor Airlines will leave in June.')).toBe(2);
    expect(strength(company, 'The shelter on Church Street in West Riverton has new beds.')).toBe(0);
    expect(strength(company, 'Director Ada Marsh thanked the donors of the beds.')).toBe(0);
  });

  it('"what medal" is answered by a name after "awarded" or "won", and asks for it even with a later "when"', () => {
    expect(strength('what medal did the pilot get', 'The pilot was awarded the Silver Star for the rescue.')).toBe(2);
    expect(strength('what medal did the pilot get', 'Pilot Maria Okafor flew the rescue for Riverton Air.')).toBe(0);
    expect(
      slotOf(words('which award was she winning when the storm hit'), answerKind(words('which award was she winning when the storm hit')), 'en'),
    ).toEqual({
      kind: 'honour',
    });
    expect(strength('which award was she winning when the storm hit', 'She won her first Emmy that night.')).toBe(2);
  });

  it('"what did the coach blame" is answered by a sentence saying the verb with something new after it; a light verb asks nothing', () => {
    const blame = 'what did the coach blame for the defeat';
    expect(slotOf(words(blame), undefined, 'en')).toEqual({ kind: 'deed', role: ['blame'] });
    expect(strength(blame, 'She blamed a wet pitch and two injuries.')).toBe(1);
    expect(strength(blame, 'The coach spoke about the defeat after the match.')).toBe(0);
    expect(slotOf(words('what did she do at the fair'), undefined, 'en')).toBeUndefined();
  });

  it('"what did the city lower the fee to" is answered strongly by a number after "to" in a sentence saying the verb', () => {
    const fee = 'what did the city lower the parking fee to';
    expect(strength(fee, 'The city agreed to lower the parking fee for residents to 10 dollars.')).toBe(2);
    expect(strength(fee, 'The city agreed to lower fees for seniors.')).toBe(1);
    expect(strength(fee, 'Parking went up to 12 dollars in 2020.')).toBe(0);
  });

  it('"when will" is answered strongly by a target year ("by 2028"); "when did" is not', () => {
    expect(strength('when does the city think the bridge will reopen', 'The city expects the bridge to reopen by 2028.')).toBe(2);
    expect(strength("when does the city think it'll reopen the bridge", 'The city expects the bridge to reopen by 2028.')).toBe(2);
    expect(strength('when did the city reopen the bridge', 'The bridge was reopened by 2028.')).toBe(1);
    expect(strength('when will the city reopen the bridge', 'The bridge first opened in 1998.')).toBe(1);
  });

  it('a month with its day, or a clock time, is a strong date; a year alone a weak one, unless the question asks when something happened', () => {
    expect(strength('when did the ground war start', 'The ground assault began Feb. 24.')).toBe(2);
    expect(strength('when is the show on', 'The show airs at 7 p.m. on Channel 58.')).toBe(2);
    expect(strength('when is the ground war expected to start', 'The war ended in 1991.')).toBe(1);
    expect(strength('when is the parade', 'The parade was first held in 1991.')).toBe(1);
    expect(strength('when did the ground war start', 'The ground war was short.')).toBe(0);
  });

  it('"when did" and "when was" are answered strongly by a year: what happened is dated by its year', () => {
    expect(strength('when did the ferry strike start', 'The strike started in 1991.')).toBe(2);
    expect(strength('when did the mayor first meet the governor', 'Their friendship went back to 1974, when both were students.')).toBe(2);
    expect(strength('when was the first harvest fair', 'The first fair was 1920, with six stalls.')).toBe(2);
    // A target year is no date of what happened.
    expect(strength('when did the city reopen the bridge', 'The bridge was reopened by 2028.')).toBe(1);
  });

  it('an earlier year after a preposition of time, a decade or a century is a weak date; an earlier year alone is not', () => {
    expect(strength('when does the guild fall on hard times', 'The guild faced financial trouble after 1279.')).toBe(1);
    expect(strength('when did the guild fall on hard times', 'The guild faced financial trouble after 1279.')).toBe(2);
    expect(strength('when did the movement begin', 'The movement began in the mid-18th century.')).toBe(1);
    expect(strength('when did interest return', 'Interest has grown since the 1990s.')).toBe(1);
    expect(strength('when did the guild fall on hard times', 'The guild had 1279 members.')).toBe(0);
  });

  it('a full name the question does not say is a strong answer to "who"; its own names are none', () => {
    expect(strength('who tried to shoot kirchner', 'The suspect, Fernando Sabag Montiel, was arrested.')).toBe(2);
    expect(strength('who tried to shoot kirchner', 'A man tried to shoot Kirchner outside her home.')).toBe(0);
    expect(strength('where is the convention', 'The event will be held in Charlotte.')).toBe(2);
  });

  it("a name holding a word of the question is the question's own, however long; a new name beside it still counts", () => {
    expect(strength('who made the seatbelts on the delta plane', 'The seatbelts on the Delta Air Lines plane held.')).toBe(0);
    expect(strength('who tried to shoot kirchner', 'A man aimed at Cristina Fernández de Kirchner outside her home.')).toBe(0);
    expect(strength('who is suing musk', 'The suit names Elon Musk’s companies.')).toBe(0);
    expect(strength('who is suing musk', 'The suit names Musk’s Boring Company.')).toBe(2);
    // The question's title before the new name is its role (see the next test).
    expect(strength('who is the ceo of tesla', 'Shares rose after Tesla CEO Elon Musk spoke.')).toBe(3);
    expect(strength('who is the house speaker', 'The vote made House Speaker Mike Johnson angry.')).toBe(3);
  });

  it('a full name beside the role or deed the question asks about is stronger still; a name or another word of the question beside it is not', () => {
    const developer = 'who is the developer for the old country club';
    expect(strength(developer, 'The project’s developer Greg Pettinaro bought the land.')).toBe(3);
    expect(strength(developer, 'Then Greg Pettinaro bought the land.')).toBe(2);
    // One stem is not one word: "developments" names no developer.
    expect(strength(developer, 'It sits behind developments off Lancaster Pike.')).toBe(2);
    expect(strength('who joined harris at her speech', 'Her running mate, Minnesota Governor Tim Walz, joined the crowd.')).toBe(3);
    const shooter = 'did they identify the minneapolis church shooter';
    expect(strength(shooter, 'Police identified the shooter as Robin Westman, 23.')).toBe(3);
    // The question's place, capitalized beside the name, is no role.
    expect(strength(shooter, 'The shooter fled, Minneapolis Police Chief Brian O’Hara said.')).toBe(2);
    // The role is what the question asks about, not its other words.
    expect(strength('who was the first quarterback to take two teams to the final', 'Pro Bowl tackle Kawann Short led the team.')).toBe(2);
    // Another naming of the role counts by its last word: a chief financial officer is the "cfo".
    expect(strength('gm new cfo name', 'It is GM’s new chief financial officer, Dhivya Suryadevara.')).toBe(3);
  });

  it('asks for a person when the question asks for a name without "who" or "what"', () => {
    expect(slotOf(words('did they identify the minneapolis church shooter'), undefined, 'en')).toMatchObject({
      kind: 'person',
      role: ['minneapolis', 'church', 'shooter'],
    });
    expect(slotOf(words('gm new cfo name'), undefined, 'en')).toMatchObject({ kind: 'person', role: ['cfo', 'gm'] });
    expect(slotOf(words("what's the name of the school"), undefined, 'en')).toEqual({ kind: 'name' });
    expect(slotOf(words('how did they identify the bodies'), undefined, 'en')).toBeUndefined();
  });

  it('a place\'s name is no strong answer to "who", though it still is to "where"', () => {
    const airport = 'The plane flipped on landing at Toronto’s Pearson International Airport.';
    expect(strength('who made the seatbelts on the delta plane', airport)).toBe(1);
    expect(strength('who made the seatbelts on the delta plane', 'The crews flew in from Fulton County.')).toBe(1);
    expect(strength('where did the delta plane flip', airport)).toBe(2);
    expect(strength('who made the seatbelts on the delta plane', 'The seatbelts came from Harnex Safety.')).toBe(1);
    // "Made by": the question's deed beside the name.
    expect(strength('who made the seatbelts on the delta plane', 'The seatbelts were made by Harnex Safety.')).toBe(3);
    expect(strength('who made the seatbelts on the delta plane', 'The seatbelts held, said Harnex Safety.')).toBe(2);
  });

  it('a quote is the answer to "what did X call Y": strong when X is named before the verb, weak when someone else says it', () => {
    expect(strength('what did fain call trump', 'Fain issued a rebuke, calling Trump a "scab" on Monday.')).toBe(2);
    expect(strength('what did fain call trump', 'Trump also called Fain "a weapon" on Monday.')).toBe(1);
    expect(strength('what did fain call trump', 'Fain criticized Trump again on Monday.')).toBe(0);
    // A quote of the question's own words answers nothing.
    expect(strength('what did fain call the strike', 'Fain called it a "strike".')).toBe(0);
  });

  it('a name given as one ("called the Pathfinder School") is a weak answer to "what is the name of": it may name another thing', () => {
    expect(strength("what's the name of the virtual school", 'Families chose the option, called the Pathfinder School of Innovation.')).toBe(1);
    expect(strength("what's the name of the virtual school", 'Pathfinder teacher Greg Bruce said so.')).toBe(0);
  });
});

it('answers "which company" with the paragraph naming the company, not a line that repeats the question\'s words', () => {
  const beds = article('beds', 'New beds for the winter', [
    'The Riverton shelter got new beds for the winter, director Ada Marsh said.',
    'The new beds came from Ridgeline Corp., a furniture maker.',
  ]);
  const a = answer(SearchIndex.build([beds, COUNCIL, TRANSFER]), 'which company gave the riverton shelter new beds for the winter', {
    minConfidence: 0,
  });
  expect(where(a.passages[0])).toBe('beds#1');
});

it('answers "what did the coach blame" with the paragraph saying what she blamed, not a line that repeats the question\'s words', () => {
  const match = article('match', 'Riverton lose at home', [
    'Coach Ada Marsh said the defeat at Elmsford on Friday was the worst of her season.',
    'Marsh blamed a wet pitch and two late injuries for the defeat.',
  ]);
  const a = answer(SearchIndex.build([match, COUNCIL, TRANSFER]), 'what did the coach blame for the defeat at elmsford', { minConfidence: 0 });
  expect(where(a.passages[0])).toBe('match#1');
});

it('answers "who" with the paragraph naming someone new, not a line that names the question\'s own subject in full', () => {
  const crash = article('crash', 'Plane flips on landing', [
    'Seatbelts held when a Delta Air Lines plane flipped on landing in the snow.',
    'The seatbelts were made by Harnex Safety, a small firm.',
  ]);
  const a = answer(SearchIndex.build([crash, COUNCIL, TRANSFER]), 'who made the seatbelts on the delta plane that flipped', { minConfidence: 0 });
  expect(where(a.passages[0])).toBe('crash#1');
});

it('answers "who is the developer" with the paragraph naming the developer, not the first one naming someone else', () => {
  const club = article('club', 'Homes approved for old country club', [
    'County council approved a plan to build 258 homes on the old Hercules country club, Councilwoman Dee Durham said.',
    'A community group had tried for a year to keep the land as open space. The project’s developer Greg Pettinaro bought it in 2019.',
  ]);
  const a = answer(SearchIndex.build([club, COUNCIL, TRANSFER]), 'who is the developer for the old hercules country club', { minConfidence: 0 });
  expect(where(a.passages[0])).toBe('club#1');
});

it('answers keywords asking a price with the paragraph that gives a sum, not the one that repeats the keywords', () => {
  const bridge = article('bridge', 'Riverton bridge to be rebuilt', [
    'The Riverton bridge repairs include new lanes, lights and railings. About $1 million of it comes back from the state.',
    'The city will spend $4 million on repairs to the bridge.',
  ]);
  const a = answer(SearchIndex.build([bridge, COUNCIL, TRANSFER]), 'riverton bridge repairs cost', { minConfidence: 0 });
  expect(where(a.passages[0])).toBe('bridge#1');
});

it('answers "when will" with the target year, not an earlier date in a line that repeats the question\'s words', () => {
  const zoo = article('zoo', 'Zoo hopes for pandas', [
    'The zoo’s baby panda program began in October 2021 with two bears on loan.',
    'The zoo thinks it will have its first panda cubs by 2028.',
  ]);
  const a = answer(SearchIndex.build([zoo, COUNCIL, TRANSFER]), "when does the zoo think it'll have baby pandas", { minConfidence: 0 });
  expect(where(a.passages[0])).toBe('zoo#1');
});

it('answers "how many X has Y had" with the paragraph giving the latest one\'s rank, not one that repeats the question\'s words', () => {
  const skater = article('skater', 'Skater out for the season', [
    'Rivera came back from knee operations in 2019 and 2021 to skate again.',
    'In May she had her third knee operation.',
  ]);
  const a = answer(SearchIndex.build([skater, COUNCIL, TRANSFER]), 'how many knee operations has rivera had', { minConfidence: 0 });
  expect(where(a.passages[0])).toBe('skater#1');
});

it('answers "which judge" with the paragraph naming the judge, not one that repeats the question\'s words', () => {
  const mall = article('mall', 'Court clears mall sale', [
    'The sale of the Riverton mall was approved on Monday after a long hearing, and the judge thanked both sides.',
    'The ruling, from County Judge Helen Marsh, ends a two-year fight over the mall.',
  ]);
  const a = answer(SearchIndex.build([mall, COUNCIL, TRANSFER]), 'which judge approved the riverton mall sale', { minConfidence: 0 });
  expect(where(a.passages[0])).toBe('mall#1');
});

it('answers "did they identify the shooter" with the paragraph that names someone, not one that repeats the question\'s words', () => {
  const shooting = article('shooting', 'Shooting at Riverton church', [
    'The church shooter fired through the windows of the church as Mass began, and the shooter then fled on foot.',
    'Authorities later identified the suspect as Robin Vale, 23.',
  ]);
  const a = answer(SearchIndex.build([shooting, COUNCIL, TRANSFER]), 'did they identify the church shooter', { minConfidence: 0 });
  expect(where(a.passages[0])).toBe('shooting#1');
});

it('answers "what did X call Y" with the quote X gave, not the one Y gave about X', () => {
  const feud = article('feud', 'Mayor and union chief trade insults', [
    'Mayor Whitlock and union chief Reyes traded insults again this week over the city budget, and Whitlock said the feud would go on.',
    'Reyes called Whitlock "a penny pincher" on Monday.',
    'Whitlock hit back on Tuesday in a radio interview, calling Reyes "the budget bandit" and a liar.',
  ]);
  const index = SearchIndex.build([feud, COUNCIL, TRANSFER]);
  const ask = (q: string) => where(answer(index, q, { minConfidence: 0 }).passages[0]);
  expect(ask('what did whitlock call reyes')).toBe('feud#2');
  expect(ask('what did reyes call whitlock')).toBe('feud#1');
});

it('answers "what is X called" with the sentence that gives a name as one, not a line that repeats the question', () => {
  const video = article('video', 'Actor says sorry in a new video', [
    'The actor made his apology in a new video on Friday, days after the awards night.',
    'He posted the apology video titled "Been A While" and answered the questions fans had asked him.',
  ]);
  const a = answer(SearchIndex.build([video, COUNCIL, TRANSFER]), "what's the actor's apology video called", { minConfidence: 0 });
  expect(where(a.passages[0])).toBe('video#1');
});

it('counts the names the paragraph before gives as context, so the paragraph that says "the balloon" can answer', () => {
  // Which balloon the answer is about, only the paragraph before it names.
  const balloon = article('balloon', 'Jets down balloon off the coast', [
    'A balloon drifted over the coast for three days before jets were sent up, officials said.',
    'Jets shot down the Kestrel balloon on Saturday after a week over the country.',
    'At the time, the balloon was flying at about 60,000 feet, six miles off the shore.',
  ]);
  const index = SearchIndex.build([balloon, COUNCIL, TRANSFER]);
  const a = answer(index, 'how high was the kestrel balloon when it was shot down', { minConfidence: 0 });
  expect(where(a.passages[0])).toBe('balloon#2');
});

describe('the slot of a translated question', () => {
  // A question word's English terms, as answer() reads them from its groups or the lexicon.
  const english: Record<string, string[]> = { horas: ['hour'], sobrevivió: [], kennedy: ['kennedi'], de: [] };
  const termsOf = (w: string) => english[w] ?? [];

  it('counts the noun after "how many" as its English terms, a stopword of its own language too ("cuántas horas")', () => {
    const slot = translatedSlot(['cuántas', 'horas', 'sobrevivió', 'kennedy'], 'number', 'es', termsOf)!;
    expect([...slot.units!]).toEqual(['hour']);
    expect(slotStrength('He lingered for almost 26 hours.', words('He lingered for almost 26 hours.'), slot, new Set())).toBe(2);
    expect(translatedSlot(['cuándo', 'murió', 'kennedy'], 'date', 'es', termsOf)).toEqual({ kind: 'date' });
  });

  it('does not take a name the question says by its term ("Вэнс" → vanc) for a new one', () => {
    const sentence = 'Then Usha Vance spoke.';
    expect(slotStrength(sentence, words(sentence), { kind: 'person' }, new Set(['уша', 'вэнс', 'usha', 'vanc']))).toBe(0);
  });
});

describe("a date or a title written short does not end the answer check's sentence", () => {
  it('keeps "Oct. 12" and "Gov. Ada Marsh" in one sentence', () => {
    const text = 'This year, the lantern festival begins on Saturday, Oct. 12. Hawaii Gov. Ada Marsh will open it.';
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end).trim())).toEqual([
      'This year, the lantern festival begins on Saturday, Oct. 12.',
      'Hawaii Gov. Ada Marsh will open it.',
    ]);
  });

  it('answers "when is" with the paragraph whose date follows a month\'s abbreviation ("Oct. 12"), not another line with a date', () => {
    const festival = article('lantern', 'Riverton lantern festival: what to know', [
      'The lantern festival is a Riverton tradition that draws crowds from across the region every autumn.',
      'Is the lantern festival a public holiday? No, though Riverton schools closed for the lantern festival on Nov. 3 last year.',
      'The festival follows the harvest moon. This year, the lantern festival begins on Saturday, Oct. 12.',
      'Stalls sell paper lanterns, cider and roasted chestnuts along the canal.',
    ]);
    const index = SearchIndex.build([festival, COUNCIL, TRANSFER]);
    expect(where(answer(index, 'when is the lantern festival this year', { minConfidence: 0 }).passages[0])).toBe('lantern#2');
  });
});
