import type { Article } from '../articles/types.js';
import type { Language } from '../search/language.js';
import type { Answer } from '../search/types.js';
import { articleLanguagesText, otherYearText, phrasesFor } from './phrases/index.js';
import { latestArticles, linkableUrl, noAnswerText, noLatestText, sanitize, sourceAndDate, type RenderOptions } from './text.js';

/** Replies as plain text, for the console chat and `ask`: the same answers the bot gives, without HTML. */

/** The answer as plain text: the best passage and where it is from. */
export function renderAnswerPlain(answer: Answer, options: RenderOptions = {}): string {
  const passage = answer.passages[0];
  if (answer.reason === 'latest' && options.articles) return latestPlain(options.articles, 5, answer.language);
  // A decline pointing to the closest article (see `Answer.closest`): the note and where it is.
  if (!passage && answer.closest) return [otherYearText(answer), '', ...attributionLines(answer.closest)].join('\n');
  if (!passage) return sanitize(noAnswerText(answer, options.topics) + articleLanguagesText(answer));
  const lines = [
    ...(answer.tentative ? [phrasesFor(answer.language).notSure, ''] : []),
    ...(answer.mismatch ? [otherYearText(answer), ''] : []),
    sanitize(passage.text),
    '',
    ...attributionLines(passage.article),
  ];
  if (answer.passages.length > 1) lines.push(`  (${answer.passages.length - 1} more passage${answer.passages.length > 2 ? 's' : ''})`);
  return lines.join('\n');
}

/** Where a passage is from: the article's title, its source and date, its link (or file). */
function attributionLines(a: Article): string[] {
  const details = sourceAndDate(a);
  return [`— ${sanitize(a.title || a.file)}`, ...(details.length > 0 ? [`  ${details.join(' · ')}`] : []), `  ${plainAddress(a)}`];
}

/** One numbered article as plain text: title, source and date, then its link (or file). */
function plainArticle(a: Article, n: number): string {
  const details = sourceAndDate(a).join(' · ');
  return `${n}. ${sanitize(a.title || a.file)}${details ? ` (${details})` : ''}\n   ${plainAddress(a)}`;
}

/** Where an article is, as plain text: its link, or its file. */
function plainAddress(a: Article): string {
  return linkableUrl(a.url) ?? sanitize(a.url ?? a.file);
}

/** The newest articles as plain text. */
function latestPlain(articles: readonly Article[], count: number, language: Language | undefined): string {
  const latest = latestArticles(articles, count);
  if (latest.length === 0) return noLatestText(articles, language);
  return [`${phrasesFor(language).latestHeading}:`, ...latest.map((a, i) => plainArticle(a, i + 1))].join('\n');
}

/** /sources as plain text: the first `count` articles, and how many more. */
export function renderSourcesPlain(articles: readonly Article[], count = 20): string {
  const say = phrasesFor(undefined);
  if (articles.length === 0) return say.nothingIndexed;
  const more = articles.length - count;
  return [
    `${say.sourcesHeading(articles.length)}:`,
    ...articles.slice(0, count).map((a, i) => plainArticle(a, i + 1)),
    ...(more > 0 ? [`… and ${more} more`] : []),
  ].join('\n');
}
