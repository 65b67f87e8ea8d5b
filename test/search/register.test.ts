import { describe, expect, it } from 'vitest';
import { answer } from '../../src/search/answer.js';
import { slotOf } from '../../src/search/slots.js';
import { SearchIndex } from '../../src/search/index.js';
import { backgroundWeight } from '../../src/search/rank.js';
import { OTHER_NAMING_WEIGHT, otherNamings, otherNamingTerms, withOtherNamings } from '../../src/search/register.js';
import { article, COUNCIL, STORM } from './fixture.js';
import { where } from './helpers.js';

// A folder that spells out what readers shorten: "the Justice Department", "children", "mothers".
const CRYPTO = article('crypto', 'Washington moves against crypto fraud', [
  'The Justice Department is hiring 150 federal prosecutors to pursue fraud on digital exchanges.',
  'Prosecutors in New York charged two crypto traders with fraud last week; the prosecutors said more charges would follow.',
  'Crypto prices fell again on Monday as lawmakers argued over new rules for exchanges.',
]);
const SHELTER = article('shelter', 'A shelter for new families turns 100', [
  'The shelter on Churchman Avenue, which turns 100 this year, gives clothing and baby supplies to new moms who need them.',
  'We helped 800 mothers and 1,250 children last year, the director said, most of them through the winter.',
  'Volunteers painted the shelter and sorted donations for the Day of Caring.',
]);
const COUNTY = article('county', 'County budget adds staff', [
  'The county is hiring 12 new prosecutors this spring, the district attorney said, to clear a backlog of cases.',
  'The budget also pays for two more judges.',
]);
// The news writes a reader's "say" as "claimed": the answer names the ministry and the balloon but never "say".
const BALLOON = article('balloon', 'Jets shoot down a craft off the coast', [
  'Fighter jets shot the craft down off the coast on Saturday after it drifted over three states.',
  'The ministry claimed the balloon was a weather craft blown off course by strong winds.',
  'The ministry did not say when its pilots would return to the base.',
  'Divers are still collecting pieces of the craft from the sea floor.',
]);
const index = SearchIndex.build([CRYPTO, SHELTER, COUNTY, COUNCIL, STORM, BALLOON]);

describe('other namings of a question word', () => {
  it('reads an acronym as its spelled-out name, and the name as the acronym', () => {
    expect(otherNamings(['doj'], 'en').get('doj')).toEqual([
      ['justic', 'depart'],
      ['depart', 'justic'],
    ]);
    const named = otherNamings(['justice', 'department', 'crypto'], 'en');
    expect(named.get('justice')).toContainEqual(['doj']);
    expect(named.get('department')).toContainEqual(['doj']);
    expect(named.has('crypto')).toBe(false);
    // One word of a name is not the name: "justice" alone is no "doj".
    expect(otherNamings(['justice', 'crypto'], 'en').size).toBe(0);
  });

  it('reads a reader’s informal word as the news’s, and some only one way', () => {
    expect(otherNamings(['kids'], 'en').get('kids')).toEqual([['children']]);
    expect(otherNamings(['children'], 'en').get('children')).toEqual([['kid']]);
    expect(otherNamings(['moms'], 'en').get('moms')).toEqual([['mother']]);
    expect(otherNamings(['bucks'], 'en').get('bucks')).toEqual([['dollar']]);
    // The Milwaukee Bucks are no dollars.
    expect(otherNamings(['dollars'], 'en').size).toBe(0);
  });

  it('goes by the words as written, a plural as its singular, not by stems', () => {
    expect(otherNamings(['republicans'], 'en').get('republicans')).toEqual([['gop']]);
    expect(otherNamings(['evs'], 'en').get('evs')).toEqual([['electr', 'vehicl']]);
    // "eve" and "presidency" share a stem with "ev" and "president", not a meaning.
    expect(otherNamings(['eve', 'presidency', 'fathered'], 'en').size).toBe(0);
  });

  it('reads a reader’s "say" as the news’s reporting verbs, one way', () => {
    expect(otherNamings(['ministry', 'say', 'balloon'], 'en').get('say')).toEqual([['claim'], ['describ'], ['insist'], ['argu']]);
    // What a store reads besides the words' own postings (the PostgreSQL backend asks for these).
    expect(otherNamingTerms(['say'], 'en')).toContain('claim');
    // "said" is in nearly every paragraph with a quote, and a claim is no saying.
    expect(otherNamings(['said', 'claimed'], 'en').size).toBe(0);
  });

  it('is English only', () => {
    expect(otherNamings(['kids', 'doj'], 'de').size).toBe(0);
    expect(otherNamingTerms(['kids', 'doj'], 'en').sort()).toEqual(['children', 'depart', 'justic']);
  });

  it('joins a group as a weaker alternative of the word, or stands for a word the folder lacks', () => {
    const moms = { word: 'moms', terms: [{ term: 'mom', weight: 1 }], idf: 5 };
    const [joined] = withOtherNamings(index, [moms], ['moms'], 'en');
    expect(joined!.terms).toEqual([
      { term: 'mom', weight: 1 },
      { term: 'mother', weight: OTHER_NAMING_WEIGHT, naming: true },
    ]);
    expect(joined!.idf).toBe(5);
    // "doj" is not in the folder: not a misspelling of some word it has, but the Justice Department.
    const doj = { word: 'doj', terms: [{ term: 'do', weight: 0.7 }], idf: 9 };
    const [read] = withOtherNamings(index, [doj], ['doj'], 'en');
    expect(read!.terms.map((t) => t.term)).toEqual(['justic', 'depart']);
    expect(read!.idf).toBe(Math.max(index.idf('justic'), index.idf('depart')));
    // A naming the folder never uses changes nothing.
    expect(withOtherNamings(index, [doj], ['doj'], 'de')).toEqual([doj]);
  });

  it('does not make a word rarer than it is', () => {
    // A word weighs as it does against the background, however rare its other naming is there.
    const department = {
      word: 'department',
      terms: [
        { term: 'prosecutor', weight: 1 },
        { term: 'justic', weight: OTHER_NAMING_WEIGHT, naming: true as const },
      ],
      idf: 5,
    };
    expect(index.backgroundIdf('justic')).toBeGreaterThan(index.backgroundIdf('prosecutor'));
    expect(backgroundWeight(index, department)).toBe(index.backgroundIdf('prosecutor'));
    // A word the folder lacks weighs as its namings do.
    const [doj] = withOtherNamings(index, [{ word: 'doj', terms: [], idf: 9 }], ['doj'], 'en');
    expect(backgroundWeight(index, doj!)).toBe(Math.max(index.backgroundIdf('justic'), index.backgroundIdf('depart')));
  });

  it('counts "how many moms" in mothers too', () => {
    expect([...slotOf(['how', 'many', 'moms', 'did', 'it', 'help'], 'number', 'en')!.units!]).toEqual(['moms', 'mom', 'mother']);
  });
});

describe('readers’ words answered from the news’s', () => {
  it('finds the Justice Department for "doj" and the mothers for "moms"', () => {
    // Before, "doj" was an unknown word: the county's new prosecutors answered, or nothing did.
    expect(where(answer(index, 'how many new prosecutors is the doj hiring').passages[0])).toBe('crypto#0');
    expect(where(answer(index, 'how many prosecutors is the doj hiring').passages[0])).toBe('crypto#0');
    // Before, the paragraph saying "moms" answered, not the one counting mothers.
    expect(where(answer(index, 'how many moms did the shelter help').passages[0])).toBe('shelter#1');
  });

  it('answers "what did X say" with the paragraph where X "claimed" it', () => {
    // Before, the one paragraph that says "say" answered, though it says nothing of the balloon.
    expect(where(answer(index, 'what did the ministry say the balloon was').passages[0])).toBe('balloon#1');
  });
});
