/** The bot's sentences in one language (see `index.ts`). */
export interface Phrases {
  /** Nothing answers: `hint` is `askAbout(…)` or `askAboutAnything`. */
  notFound(articles: number, hint: string): string;
  /** After `notFound` for a question in a language no article is in: the articles' languages, named and joined in this one. */
  articlesIn(languages: string): string;
  /** Suggests the topics, already quoted and joined. */
  askAbout(topics: string): string;
  askAboutAnything: string;
  noArticles: string;
  hello(articles: number): string;
  thanks(articles: number): string;
  /** For "what's new?" where the article list cannot be shown (an inline query). */
  latestPointer: string;
  latestHeading: string;
  empty(articles: number): string;
  /** Above a passage that only narrowly passed the bar for answering. */
  notSure: string;
  /**
   * Above a passage from another year than the question asked about (`Answer.mismatch`): `shown` is
   * the passage's date, already written out; `latest` when "this year" or "now" was asked.
   */
  otherYear(asked: string, shown: string, latest: boolean): string;
  /** Above a passage whose article does not name the thing asked about (`Answer.mismatch`, kind 'event'): `asked` is the question's words. */
  otherEvent(asked: string, shown: string): string;
  /** Above a passage written before the year whose result was asked (`Answer.mismatch.outcome`): `asked` is the year. */
  otherOutcome(asked: string, shown: string): string;
  openArticle: string;
  previous: string;
  next: string;
  /** /start's parts (see `welcomeText`): the greeting with the count, HTML. */
  greeting(articles: number): string;
  /** What to send and what comes back. HTML. */
  howItWorks: string;
  /** How to ask in a group: `mention` is the bot's escaped "@name". */
  inGroup(mention: string): string;
  /** Where the commands are listed. */
  moreCommands: string;
  /** /help's parts (see `helpText`). HTML. */
  howToAskHeading: string;
  howToAsk: string;
  commandsHeading: string;
  /** What /ask takes, as /help shows it ("/ask <question>"). */
  questionPlaceholder: string;
  /** The public commands, as Telegram's menu and /help describe them. */
  commands: Record<PublicCommand, string>;
  /** Sharing an answer inline: `mention` is the bot's escaped "@name". HTML. */
  inline(mention: string): string;
  /** /ask without a question. HTML. */
  askUsage: string;
  unknownCommand: string;
  textOnly: string;
  tooLong(length: number, max: number): string;
  slowDown(seconds: number): string;
  /** An error while answering. */
  failed: string;
  /** The articles' database does not answer just now (SEARCH_BACKEND=postgres): ask again shortly. */
  unavailable: string;
  /** /sources' heading: how many articles there are. */
  sourcesHeading(articles: number): string;
  /** After the heading when the list has pages. */
  pageOf(page: number, pages: number): string;
  /** /sources or /latest with nothing indexed. */
  nothingIndexed: string;
  /** /latest when no article has a date. */
  noDates: string;
  /** Notices on a pressed button: the message is past Telegram's edit window; pressing too fast; the answer is gone. */
  tooOld: string;
  slowDownShort: string;
  expired: string;
  /** Notices on a pressed 👍/👎: the vote is recorded; this reader had already voted on this answer. */
  feedbackThanks: string;
  feedbackAgain: string;
  /** /privacy: what is stored, with or without the asker's ids (STORE_ASKER_IDS), kept `days` days. Plain text. */
  privacy(days: number, askerIds: boolean): string;
  /** /forget: how many votes and stored questions were deleted. Plain text. */
  forgotten(votes: number, questions: number, subscriptions: number): string;
  /** To a private chat the bot may not serve (ALLOWED_CHAT_IDS, ALLOWED_USER_IDS): once per rate window. */
  notAllowed: string;
  /** Heading of a digest of many new articles posted at once. Plain text. */
  newArticles(count: number): string;
  /** /subscribe without words. HTML. */
  subscribeUsage: string;
  /** /subscribe done, or the chat already had these words; the chat is at the most it may have. Plain text. */
  subscribed(words: string): string;
  alreadySubscribed(words: string): string;
  tooManySubscriptions(max: number): string;
  /** /subscriptions: none; the heading above the numbered list. Plain text. */
  noSubscriptions: string;
  subscriptionsHeading: string;
  /** /unsubscribe: how many were removed; what it takes. Plain text. */
  unsubscribed(count: number): string;
  unsubscribeUsage: string;
  /** A group member who is not its admin tried to change its subscriptions. Plain text. */
  adminsOnly: string;
}

/** Commands anyone may use, in menu order (admin commands stay unlisted). */
export const PUBLIC_COMMANDS = [
  'ask',
  'sources',
  'latest',
  'help',
  'start',
  'subscribe',
  'subscriptions',
  'unsubscribe',
  'privacy',
  'forget',
] as const;
export type PublicCommand = (typeof PUBLIC_COMMANDS)[number];
