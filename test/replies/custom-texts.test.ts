import { describe, expect, it } from 'vitest';
import { customText, parseCustomTexts } from '../../src/replies/custom-texts.js';

const problemOf = (value: unknown) => {
  const r = parseCustomTexts(typeof value === 'string' ? value : JSON.stringify(value));
  return 'problem' in r ? r.problem : undefined;
};

describe("the operator's texts", () => {
  it('replace a text in the languages given, with {articles} and {bot} filled in', () => {
    const r = parseCustomTexts(
      JSON.stringify({ welcome: { en: 'Hi from <b>The Planet</b>: {articles} stories. Ask {bot}!', de: 'Hallo: {articles} Artikel.' } }),
    );
    if (!('texts' in r)) throw new Error(r.problem);
    const values = { articles: 12, bot: '@PlanetBot' };
    expect(customText(r.texts, 'welcome', 'en', values)).toBe('Hi from <b>The Planet</b>: 12 stories. Ask @PlanetBot!');
    expect(customText(r.texts, 'welcome', 'de', values)).toBe('Hallo: 12 Artikel.');
    // A reader whose language the bot does not speak reads the English one…
    expect(customText(r.texts, 'welcome', undefined, values)).toBe('Hi from <b>The Planet</b>: 12 stories. Ask @PlanetBot!');
    // …and one without a replacement in their language, or a text not replaced, gets the built-in.
    expect(customText(r.texts, 'welcome', 'ru', values)).toBeUndefined();
    expect(customText(r.texts, 'help', 'en', values)).toBeUndefined();
    expect(customText(undefined, 'help', 'en', values)).toBeUndefined();
  });

  it('accept the privacy text too, with the placeholders its command gives', () => {
    const r = parseCustomTexts(JSON.stringify({ privacy: { fr: 'Je ne garde que vos questions, {days} jours.' } }));
    if (!('texts' in r)) throw new Error(r.problem);
    expect(customText(r.texts, 'privacy', 'fr', { days: 30, articles: 3 })).toBe('Je ne garde que vos questions, 30 jours.');
  });

  it.each([
    ['{"welcome": {"en": "Hi"', /^not valid JSON/],
    [['welcome'], /must be a JSON object/],
    [{ welcom: { en: 'Hi' } }, /unknown text "welcom" \(known: welcome, help, privacy\)/],
    [{ welcome: 'Hi' }, /"welcome" must be an object of languages/],
    [{ welcome: { xx: 'Hi' } }, /"welcome" in "xx": unknown language \(the bot speaks en, ru/],
    [{ help: { en: '' } }, /"help" in "en": must be a non-empty string/],
    [{ help: { en: 42 } }, /"help" in "en": must be a non-empty string/],
    [{ help: { en: 'x'.repeat(4001) } }, /4001 characters/],
    [{ help: { en: 'Tom & Jerry' } }, /"help" in "en": a bare "&"/],
    [{ help: { en: 'a < b' } }, /a bare "<"/],
    [{ help: { en: '<b>bold' } }, /<b> is never closed/],
    [{ help: { en: '<b>x</i>' } }, /<\/i> closes a tag that is not open/],
    [{ help: { en: '<h1>Help</h1>' } }, /<h1> is not a tag Telegram's HTML knows/],
    [{ help: { en: '<a>link</a>' } }, /<a> needs href/],
  ])('refuse %j whole, naming the problem', (value, problem) => {
    expect(problemOf(value)).toMatch(problem);
  });

  it('take the HTML Telegram knows', () => {
    expect(
      problemOf({ help: { en: '<b>B</b> <i>i</i> <a href="https://ex.org/?a=1&amp;b=2">l</a> <code>x</code> &lt;3 &#128512;' } }),
    ).toBeUndefined();
  });
});
