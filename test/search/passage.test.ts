import { describe, expect, it } from 'vitest';
import { answer } from '../../src/search/answer.js';
import { SearchIndex } from '../../src/search/index.js';
import type { Language } from '../../src/search/language.js';
import { termOf } from '../../src/search/normalize.js';
import { MAX_PASSAGE_CHARS, trimPassage } from '../../src/search/passage.js';
import { article } from './fixture.js';

/** The weights trimPassage gets from a question: each question word's index term, weight 1. */
const weightsFor = (words: string[], language: Language = 'en') => new Map(words.map((w) => [termOf(w.toLowerCase(), language), 1]));
const bolded = (t: { text: string; highlights: Array<[number, number]> }) => t.highlights.map(([s, e]) => t.text.slice(s, e));

const SENTENCES = [
  'The port authority published its annual report on Wednesday, covering cargo volumes, staff and the state of the old piers.',
  'Container traffic was flat for the third year running, which the report blamed on weaker demand from inland factories.',
  'Revenue from berth fees fell slightly, while spending on maintenance rose for the fourth consecutive year.',
  'The authority said it would review its charges for private yachts before the start of the sailing season.',
  'The most striking figure concerned the ferry service to Gull Island, where passenger numbers doubled to 410,000 after fares were cut in half.',
  'Officials said the cheaper tickets would stay in place at least until the end of next summer.',
  'The report also noted that dredging of the eastern channel had fallen behind schedule because of a dispute with a contractor.',
  'A separate chapter on staffing said the authority now employs 1,240 people, slightly fewer than before the pandemic.',
  'The figures will be presented to the city council at a public meeting next month, where residents can ask questions.',
];
const LONG = SENTENCES.join(' ');
const FERRY = SENTENCES[4]!;

describe('trimPassage', () => {
  it('shows a paragraph within the limit whole, with the matched words highlighted', () => {
    const short = 'The ferry to Gull Island now runs every hour, and tickets cost half of what they did last year.';
    const t = trimPassage(short, 'en', weightsFor(['ferry', 'gull', 'island', 'tickets']));
    expect(t.text).toBe(short);
    expect(bolded(t)).toEqual(['ferry', 'Gull', 'Island', 'tickets']);
  });

  it('highlights other forms of a matched word, not stopwords', () => {
    const t = trimPassage('The ferries were cancelled and the ferry company apologised to the island.', 'en', weightsFor(['ferry', 'the', 'cancel']));
    expect(bolded(t)).toEqual(['ferries', 'cancelled', 'ferry']);
  });

  it('trims a long paragraph to the sentences carrying the matched words, with "…" where text was cut', () => {
    expect(LONG.length).toBeGreaterThan(MAX_PASSAGE_CHARS);
    const t = trimPassage(LONG, 'en', weightsFor(['passengers', 'ferry', 'Gull', 'Island']));
    expect(t.text).toContain(FERRY);
    expect(t.text.startsWith('… ')).toBe(true);
    expect(t.text.endsWith(' …')).toBe(true);
    const body = t.text.slice(2, -2);
    expect(body.length).toBeLessThanOrEqual(MAX_PASSAGE_CHARS);
    // The kept text is a run of whole sentences of the paragraph.
    expect(LONG).toContain(body);
    expect(SENTENCES.some((s) => body.startsWith(s))).toBe(true);
    expect(SENTENCES.some((s) => body.endsWith(s))).toBe(true);
    expect(bolded(t)).toEqual(['ferry', 'Gull', 'Island', 'passenger']);
  });

  it('no leading "…" when the answer is at the start, no trailing "…" when it is at the end', () => {
    const head = trimPassage(LONG, 'en', weightsFor(['port', 'authority', 'annual', 'report']));
    expect(head.text.startsWith(SENTENCES[0]!)).toBe(true);
    expect(head.text.endsWith(' …')).toBe(true);
    const tail = trimPassage(LONG, 'en', weightsFor(['residents', 'public', 'meeting', 'presented']));
    expect(tail.text.startsWith('… ')).toBe(true);
    expect(tail.text.endsWith(SENTENCES.at(-1)!)).toBe(true);
    for (const t of [head, tail]) expect(t.text.length).toBeLessThanOrEqual(MAX_PASSAGE_CHARS + 2);
  });

  it('picks the sentence holding more of the question over one holding a single word of it', () => {
    const t = trimPassage(LONG, 'en', weightsFor(['dredging', 'eastern', 'channel', 'report']));
    expect(t.text).toContain(SENTENCES[6]);
    expect(t.text).not.toContain(SENTENCES[0]);
    expect(bolded(t)).toEqual(expect.arrayContaining(['dredging', 'eastern', 'channel']));
  });

  it('cuts a single over-long sentence at word boundaries around the match', () => {
    const clauses = Array.from({ length: 14 }, (_, i) => `clause number ${i + 1} of a long list of harbour works`);
    clauses.splice(9, 0, 'the new lighthouse on Gull Island');
    const sentence = `The works include ${clauses.join(', ')}, all due by spring.`;
    expect(sentence.length).toBeGreaterThan(MAX_PASSAGE_CHARS + 100);
    const t = trimPassage(sentence, 'en', weightsFor(['lighthouse']));
    expect(t.text.length).toBeLessThanOrEqual(MAX_PASSAGE_CHARS + 4);
    expect(t.text).toMatch(/^… /);
    expect(t.text).toMatch(/ …$/);
    expect(bolded(t)).toEqual(['lighthouse']);
    // Cut between words, never inside one.
    const body = t.text.slice(2, -2);
    expect(sentence).toContain(body);
    const at = sentence.indexOf(body);
    expect(sentence[at - 1]).toMatch(/\s/);
    expect(sentence[at + body.length] ?? ' ').toMatch(/[\s,.]/);
  });

  it('keeps highlight offsets right for text written in decomposed Unicode', () => {
    const decomposed = 'The striker moved from Zu\u0308rich to Northbridge for a record fee on Friday.';
    const t = trimPassage(decomposed, 'en', weightsFor(['zurich', 'record']));
    expect(t.text).toBe(decomposed.normalize('NFC'));
    expect(bolded(t)).toEqual(['Zürich', 'record']);
  });
});

describe('answer() shows the trimmed passage', () => {
  const index = SearchIndex.build([
    article('port', 'Port authority annual report', [
      LONG,
      'The port authority is run by a board of seven members appointed by the city council for four years.',
    ]),
  ]);

  it('a question about the middle of a long paragraph gets that part, bolded', () => {
    const a = answer(index, 'How many passengers took the ferry to Gull Island?');
    const p = a.passages[0]!;
    expect(p.paragraph.index).toBe(0);
    expect(p.paragraph.text).toBe(LONG);
    expect(p.text).toContain(FERRY);
    expect(p.text).toMatch(/^… .* …$/);
    expect(p.text.length).toBeLessThanOrEqual(MAX_PASSAGE_CHARS + 4);
    expect(bolded(p)).toEqual(expect.arrayContaining(['ferry', 'Gull', 'Island', 'passenger']));
  });

  it('a short paragraph is shown whole', () => {
    const p = answer(index, 'Who appoints the board of the port authority?').passages[0]!;
    expect(p.paragraph.index).toBe(1);
    expect(p.text).toBe(p.paragraph.text);
  });
});
