import { describe, expect, it } from 'vitest';
import { answer } from '../../src/search/answer.js';
import { contactOf, contactStrength } from '../../src/search/contact.js';
import { asksPlace } from '../../src/search/keyword-noun.js';
import { slotOf } from '../../src/search/slots.js';
import { SearchIndex } from '../../src/search/index.js';
import { tokenize } from '../../src/search/normalize.js';
import { article, COUNCIL, TRANSFER } from './fixture.js';
import { where } from './helpers.js';

// Invented stories: the paragraphs that repeat the question's words are not the ones that answer.
const TEMPLE = article('temple', 'Lanterns at the Riverton Sikh temple', [
  'Riverton — Inside the Riverton Sikh Temple the prayer hall glows with lanterns, and volunteers from across the valley cook for anyone who comes.',
  'The temple committee said the festival will include music, a procession and a free meal for the whole town.',
  'For more information, visit rivertongurdwara.org or call the temple at (555) 201-3344.',
]);
const RALLY = article('rally', 'Governor burned in effigy at gun rights rally', [
  'Governor Ada Lorne burned in effigy at gun rights rally A spring rally for gun rights ended with protesters burning an effigy of Governor Ada Lorne and chanting at her office.',
  'Organisers said the rally drew about 300 people, most of them from rural counties, and that the effigy was not planned.',
  'The rally took place on the lawn of the capitol in Millbrook, two blocks from the governor’s residence.',
]);

const words = (q: string) => tokenize(q).map((t) => t.word);

describe('contact details as answers', () => {
  it('reads the detail asked for in any shape, and not the same words meaning something else', () => {
    expect(contactOf(words('riverton sikh temple phone number'))).toBe('phone');
    expect(contactOf(words("what's the temple's phone"))).toBe('phone');
    expect(contactOf(words('what is the address of the food bank'))).toBe('address');
    expect(contactOf(words('food bank website'))).toBe('web');
    expect(contactOf(words('clinic email address'))).toBe('email');
    expect(contactOf(words('library opening hours'))).toBe('hours');
    expect(contactOf(words('what phone did the company release'))).toBeUndefined();
    expect(contactOf(words('how will the council address the deficit'))).toBeUndefined();
    expect(contactOf(words("what is the food bank's address"))).toBe('address');
    expect(contactOf(words('flight delay hours'))).toBeUndefined();
  });

  it('holds a detail of its own shape strongly, another contact detail weakly', () => {
    expect(contactStrength('Call the temple at (555) 201-3344.', 'phone')).toBe(2);
    expect(contactStrength('The pantry is at 2500 Churchman Ave. in Riverton.', 'address')).toBe(2);
    expect(contactStrength('Visit rivertongurdwara.org for more.', 'phone')).toBe(1);
    expect(contactStrength('The temple opened in 1999 with 300 members.', 'phone')).toBe(0);
  });

  it('answers a phone number with the line that gives it, not the one that repeats the place', () => {
    const index = SearchIndex.build([TEMPLE, COUNCIL, TRANSFER]);
    expect(slotOf(words('riverton sikh temple phone number'), undefined, 'en')).toEqual({ kind: 'contact', contact: 'phone' });
    expect(where(answer(index, 'riverton sikh temple phone number').passages[0])).toBe('temple#2');
  });
});

describe("a keyword question's last word naming a place", () => {
  it('asks for a place', () => {
    expect(asksPlace(words('governor effigy gun rights rally location'))).toBe(true);
    expect(asksPlace(words('city marathon finish location 2024'))).toBe(true);
    expect(asksPlace(words('where was the rally location'))).toBe(false);
    expect(slotOf(words('governor effigy gun rights rally location'), undefined, 'en')).toEqual({ kind: 'place' });
  });

  it('answers "… location" with the sentence naming the place, not the one that repeats the question', () => {
    const index = SearchIndex.build([RALLY, COUNCIL, TRANSFER]);
    expect(where(answer(index, 'lorne effigy gun rights rally location').passages[0])).toBe('rally#2');
  });
});
