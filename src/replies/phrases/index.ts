import type { Language } from '../../search/language.js';
import type { YearMismatch } from '../../search/types.js';
import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { it } from './it.js';
import { pt } from './pt.js';
import { ru } from './ru.js';
import { uk } from './uk.js';
import { PUBLIC_COMMANDS, type Phrases } from './types.js';

export { PUBLIC_COMMANDS, type Phrases, type PublicCommand } from './types.js';

/**
 * The bot's own sentences around an answer, in the language of the question they reply to: a reader
 * who asks in Russian is told in Russian that nothing was found. Written by hand (a few dozen short
 * sentences in eight languages do not call for an i18n framework); other languages get English.
 * Replies that have no question to read (/start, /help, /sources, /latest, a photo, a button's
 * notice) take the language the reader's Telegram app is set to (`userLanguage`). A language is
 * one file here and one entry in PHRASES.
 */
const PHRASES: Partial<Record<Language, Phrases>> = { en, ru, uk, de, es, fr, it, pt };
/** The languages the bot's own sentences are written in. */
export const REPLY_LANGUAGES = Object.keys(PHRASES) as Language[];

/** The sentences for a reply in `language`; English when there is none in it, or no language. */
export function phrasesFor(language: Language | undefined): Phrases {
  return (language && PHRASES[language]) || en;
}

/**
 * The language of a Telegram user's app (`from.language_code`, an IETF tag such as "pt-br"), when
 * the bot speaks it.
 */
export function userLanguage(languageCode: string | undefined): Language | undefined {
  const primary = languageCode?.toLowerCase().split('-')[0];
  return primary && primary in PHRASES ? (primary as Language) : undefined;
}

/**
 * /start: the greeting, how it works, how to ask in a group (when the bot's escaped "@name" is
 * known), where the commands are. HTML.
 */
export function welcomeText(say: Phrases, articles: number, mention: string | undefined): string {
  return `${say.greeting(articles)}\n\n${say.howItWorks}${mention ? `\n${say.inGroup(mention)}` : ''}\n\n${say.moreCommands}`;
}

/** /help: how to ask, then the commands. `mention` is the bot's escaped "@name", when known. HTML. */
export function helpText(say: Phrases, mention: string | undefined): string {
  const list = PUBLIC_COMMANDS.filter((c) => c !== 'start').map(
    (c) => `/${c}${c === 'ask' ? ` &lt;${say.questionPlaceholder}&gt;` : ''} — ${say.commands[c]}`,
  );
  return (
    `<b>${say.howToAskHeading}</b>\n${say.howToAsk}\n\n<b>${say.commandsHeading}</b>\n${list.join('\n')}` +
    (mention ? `\n\n${say.inline(mention)}` : '')
  );
}

/**
 * For a decline of a question in a language none of the articles is in (`Answer.articleLanguages`):
 * the sentence naming the articles' languages in the reply's ("Мои статьи на языках: английский"),
 * with a leading space, or '' for any other answer. Names come from the runtime's ICU data.
 */
export function articleLanguagesText(answer: { language?: Language; articleLanguages?: readonly Language[] }): string {
  if (!answer.articleLanguages?.length) return '';
  const language = answer.language && PHRASES[answer.language] ? answer.language : 'en';
  const names = new Intl.DisplayNames([language], { type: 'language' });
  const list = new Intl.ListFormat([language], { type: 'conjunction' }).format(answer.articleLanguages.map((l) => names.of(l) ?? l));
  return ` ${phrasesFor(language).articlesIn(list)}`;
}

/**
 * The line above a passage from another year than asked ("I have nothing on 2026; the closest I have
 * is from 1 May 2023:"), or whose article does not name the thing asked about ("I have nothing on
 * “halftime show”; …"), in the answer's language; '' when there is none.
 */
export function otherYearText(answer: { language?: Language; mismatch?: YearMismatch }): string {
  const m = answer.mismatch;
  if (!m) return '';
  const language = answer.language && PHRASES[answer.language] ? answer.language : 'en';
  const date = new Date(m.shown);
  const shown = Number.isNaN(date.getTime())
    ? m.shown
    : date.toLocaleDateString(language === 'en' ? 'en-GB' : language, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const say = phrasesFor(language);
  if (m.outcome) return say.otherOutcome(m.asked, shown);
  return m.kind === 'event' ? say.otherEvent(m.asked, shown) : say.otherYear(m.asked, shown, m.kind === 'recent');
}
