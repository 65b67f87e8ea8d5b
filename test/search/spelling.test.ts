import { describe, expect, it } from 'vitest';
import { answer } from '../../src/search/answer.js';
import { expandShorthand, functionWordOf } from '../../src/search/chat.js';
import { FuzzyVocabulary } from '../../src/search/fuzzy.js';
import { SearchIndex } from '../../src/search/index.js';
import { queryGroups } from '../../src/search/query.js';
import { readQuestion } from '../../src/search/question.js';
import { article, COUNCIL, TRANSFER } from './fixture.js';
import { where } from './helpers.js';

// "later" is said more often than "letter" here, as in most news: a correction by frequency alone
// would read "leter" as "later".
const summit = article('summit', 'Kim sends letter to Trump ahead of summit', [
  'Kim Jong Un wrote in his letter that he hoped to meet again and thanked the president for his patience.',
  'Talks resumed later in the week, and officials said a second meeting could come later this year or later still.',
  'Later, aides said the schedule would be set later by both sides, and that more talks would follow later.',
]);
const church = article('church', 'California lets churches reopen', [
  'Under the new guidelines, houses of worship can host services for up to 100 people or a quarter of their capacity.',
  'Pastors said the rules were confusing and asked the state for clearer guidance on singing.',
]);

describe('misspellings and chat shorthand', () => {
  const index = SearchIndex.build([summit, church]);

  it('reads a doubled letter typed once as the likeliest slip, over a more frequent word at the same edits', () => {
    const [leter] = queryGroups(index, ['leter'], 'en');
    expect(leter!.terms[0]!.term).toBe('letter');
    expect(leter!.terms[0]!.weight).toBeGreaterThan(leter!.terms.find((t) => t.term === 'later')!.weight);
    expect(where(answer(index, 'what did Kim write in his leter?').passages[0])).toBe('summit#0');
  });

  it('among corrections at the same edits, weighs the word the articles use more', () => {
    const seasons = article('season', 'Season preview', ['The season opens in May.', 'A long season ahead.', 'Seton Hall won.']);
    const [seson] = queryGroups(SearchIndex.build([seasons]), ['seson'], 'en');
    expect(seson!.terms.map((t) => t.term)).toEqual(['season', 'seton']);
    expect(seson!.terms[0]!.weight).toBeGreaterThan(seson!.terms[1]!.weight);
  });

  it('spells out chat shorthand in English questions', () => {
    expect(expandShorthand(['how', 'many', 'ppl', 'wat', 'tonite'], 'en', () => 0)).toEqual(['how', 'many', 'people', 'what', 'tonight']);
    expect(where(answer(index, 'how many ppl can attend services in houses of worship').passages[0])).toBe('church#0');
  });

  it('reads a question word typed without its apostrophe as the word, not as an unknown one', () => {
    const desk = SearchIndex.build([COUNCIL, TRANSFER]);
    expect(where(answer(desk, 'where is varga from').passages[0])).toBe('transfer#0');
    expect(where(answer(desk, 'wheres varga from').passages[0])).toBe('transfer#0');
    expect(expandShorthand(['whos', 'the', 'mayor', 'rn'], 'en', () => 0)).toEqual(['who', 'the', 'mayor', 'now']);
  });

  it('keeps a shorthand written as a name, or for a content word the articles use, and leaves other languages alone', () => {
    expect(
      expandShorthand(
        ['who', 'is', 'ur', 'jaddou'],
        'en',
        () => 0,
        (w) => w === 'ur',
      ),
    ).toEqual(['who', 'is', 'ur', 'jaddou']);
    const agency = article('agency', 'Immigration agency gets a new head', [
      'The Senate confirmed Ur Jaddou as director of the immigration agency on Friday.',
      'Before the vote, senators asked Jaddou about the backlog of green card cases.',
    ]);
    const quotes = article('quotes', 'Fans react', ['"We\'re gonna win it all," one fan shouted.', '"It\'s gonna be a long year," another said.']);
    const folder = SearchIndex.build([agency, quotes]);
    // The articles write "Ur" as a name and "gonna" as a word.
    const words = (q: string) => {
      const read = readQuestion(folder, q, {});
      return 'words' in read ? read.words : [];
    };
    expect(words('who is ur jaddou')).toEqual(['who', 'is', 'ur', 'jaddou']);
    expect(words('is jaddou gonna testify cuz of the backlog')).toEqual(['is', 'jaddou', 'will', 'testify', 'because', 'of', 'the', 'backlog']);
    expect(expandShorthand(['new', 'vax', 'rules'], 'en', (w) => (w === 'vax' ? 3 : 0))).toEqual(['new', 'vax', 'rules']);
    expect(expandShorthand(['wat', 'ppl'], 'de', () => 0)).toEqual(['wat', 'ppl']);
  });

  it('reads a shorthand for a function word as that word, however often the articles quote it', () => {
    expect(expandShorthand(['is', 'it', 'gonna', 'rain', 'cuz', 'ur', 'late'], 'en', () => 9)).toEqual([
      'is',
      'it',
      'will',
      'rain',
      'because',
      'your',
      'late',
    ]);
    // Quotes say "gonna" as people do; the reader's "gonna" asks what "will" would.
    const quotes = article('quotes', 'Fans react to the draft', [
      '"We\'re gonna win it all," one fan shouted outside the arena.',
      '"It\'s gonna be a long year," another said after the trade.',
    ]);
    const town = article('town', 'Millbrook grows fast', ['Planners expect Millbrook to reach 90,000 residents by 2040, up from 61,000 today.']);
    const chat = SearchIndex.build([quotes, town]);
    expect(where(answer(chat, 'how many residents is millbrook gonna have by 2040').passages[0])).toBe('town#0');
  });

  it('never searches for chat filler: interjections and courtesies', () => {
    const texting = article('texting', 'How teens text', [
      'Teens say "lol" less than they did; "lmao" and "fr" are in, a survey of 2,000 students found.',
      'Parents asked to "pls" explain the new words; teachers said "lol" still shows up in essays.',
    ]);
    const pilot = article('pilot', 'A pilot’s busy month', ['Rivera flew on 14 planes in March, more than in the whole of last year.']);
    const chat = SearchIndex.build([texting, pilot]);
    const asked = readQuestion(chat, 'tbh how many planes has rivera been on lol pls', {});
    expect('content' in asked && asked.content).toEqual(['many', 'planes', 'rivera']);
    expect(where(answer(chat, 'how many planes has rivera been on lol').passages[0])).toBe('pilot#0');
    expect(where(answer(chat, 'tbh how many planes did rivera fly on in march pls').passages[0])).toBe('pilot#0');
  });

  it('finds a word one letter short among many words of its first letter and length', () => {
    // Thirty words fuse.js rates as close to "aply" as "apply" ("aplab": one slip for its bitap
    // search, two edits) come first: at 20 guesses per slice "apply" was never checked.
    const letters = 'abcdefghijklmnopqrstuvwx';
    const filler = Array.from({ length: 30 }, (_, i) => `apl${letters[i % 24]}${letters[(i * 5) % 24]}`);
    const vocabulary = new FuzzyVocabulary([...filler, 'apply']);
    expect(vocabulary.search('aply', 12).map((m) => m.word)).toContain('apply');
  });
});

describe("corrections read beside the question's other words", () => {
  // "organ" is the commoner word here, as "organization" makes it in most news; only "origin" is
  // said where the question's other words are.
  const music = article('music', 'Organ recitals this spring', [
    'The cathedral organ will be heard every Sunday in April.',
    'An organ builder from Leipzig restored the organ last year.',
    'Tickets for the organ recitals are free, and the organ society asks for donations.',
  ]);
  const space = article('space', 'NASA picks station designs', [
    'NASA chose four designs for commercial space stations on Thursday.',
    'Blue Origin received 130 million dollars to develop its Orbital Reef station.',
  ]);
  const index = SearchIndex.build([music, space]);

  it("prefers the correction whose paragraphs hold the question's other words over a commoner one", () => {
    const orgin = queryGroups(index, ['blue', 'orgin', 'orbital', 'reef'], 'en')[1]!;
    expect(orgin.terms[0]!.term).toBe('origin');
    expect(orgin.terms.find((t) => t.term === 'organ')!.weight).toBeLessThan(orgin.terms[0]!.weight);
    expect(where(answer(index, 'how much did blue orgin get for orbital reef').passages[0])).toBe('space#1');
  });

  it('weighs every correction at the fewest edits, however many, so context reaches a rare one', () => {
    // Sixteen words one edit from "fane", each said more often than "fone": cut at a dozen
    // candidates, the one beside "union" and "strike" was never weighed.
    const common = ['face', 'fake', 'fame', 'fare', 'fate', 'fave', 'fade', 'faze', 'fans', 'fan', 'fine', 'fang', 'fene', 'fune', 'fant', 'fand'];
    const words = article(
      'words',
      'Words',
      [...common, ...common].map((w) => `The ${w} was seen.`),
    );
    const union = article('union', 'Union talks', ['Union leader Eli Fone called the strike a last resort.']);
    const fane = queryGroups(SearchIndex.build([words, union]), ['union', 'fane', 'strike'], 'en')[1]!;
    expect(fane.terms[0]!.term).toBe('fone');
  });

  it("weighs corrections of a long word's stem by the same odds, not all alike", () => {
    const physics = article('physics', 'Electron beams and electors', [
      'The electron beam was aimed at a gold foil.',
      'Each electron carries a negative charge, and electron microscopes use them.',
      'A faithless elector voted against the pledged candidate.',
    ]);
    const city = article('city', 'City votes in November', ['The mayor election is on Nov. 4, and early voting starts in October.']);
    const electon = queryGroups(SearchIndex.build([physics, city]), ['mayor', 'electon'], 'en')[1]!;
    expect(electon.terms[0]!.term).toBe('elect');
    expect(electon.terms.find((t) => t.term === 'electron')?.weight ?? 0).toBeLessThan(electon.terms[0]!.weight);
  });
});

describe('slips of function words', () => {
  // "wish" and "witch" are one edit from "wich", as "which" is: corrected to them, the question
  // asks for wishes and witches.
  const charity = article('charity', 'Volunteers paint shelter', [
    'Volunteers from Acme Bank painted the shelter on Main Street for the day of caring.',
    'The shelter wish list includes blankets, and the witch costume drive starts in October.',
  ]);
  const index = SearchIndex.build([charity]);

  it('reads a slip one edit from a question word, or two letters of a function word swapped, as that word', () => {
    expect(['wich', 'wher', 'hwo', 'teh', 'whta', 'waht', 'becuase'].map((w) => functionWordOf(w, 'en'))).toEqual([
      'which',
      'where',
      'how',
      'the',
      'what',
      'what',
      'because',
    ]);
    const wich = readQuestion(index, 'wich company sent volunteers for the day of caring', {});
    expect('groups' in wich && wich.groups.flatMap((g) => g.terms.map((t) => t.term))).not.toContain('wish');
    // Read as the question word it is, it also says what is asked: a number.
    const hwo = readQuestion(index, 'hwo many volunteers painted the shelter', {});
    expect('fit' in hwo && hwo.fit.kind).toBe('number');
  });

  it('leaves other slips to be corrected, and function words and words the articles use as they are', () => {
    // "mony" is "money" as much as "many", "thre" "three" as much as "there"; "hen" and "two" do not
    // keep the question word's first letter.
    expect(['mony', 'thre', 'hen', 'two', 'which', 'of'].map((w) => functionWordOf(w, 'en'))).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    // Nor a word whose other forms the articles use: "way" beside "ways" is no slip of "why".
    const ways = readQuestion(SearchIndex.build([article('tips', 'Tips', ['Two ways to apply for the grant.'])]), 'best way to apply', {});
    expect('groups' in ways && ways.groups.map((g) => g.word)).toContain('way');
    const witches = SearchIndex.build([article('salem', 'Salem remembers', ['The witch trials began in 1692.'])]);
    expect(where(answer(witches, 'when did the witch trials begin').passages[0])).toBe('salem#0');
  });
});
