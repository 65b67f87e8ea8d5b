import type { Phrases } from './types.js';

/** "12 articles", "1 article": English is the one language here whose sentences count in words. */
const englishCount = (n: number) => `${n} article${n === 1 ? '' : 's'}`;

/** The bot's own sentences in English: also what any language without its own file gets. */
export const en: Phrases = {
  notFound: (n, hint) => `I found nothing about that in my ${englishCount(n)}. Try rephrasing, or ${hint}.`,
  articlesIn: (languages) => `My articles are in ${languages}.`,
  askAbout: (topics) => `ask about ${topics}`,
  askAboutAnything: 'ask about a person, place or event in the news',
  noArticles: 'I have no articles to search yet, so I cannot answer that.',
  hello: (n) =>
    `Hi! I answer questions about the news in my ${englishCount(n)}. Ask me something like “what did the president say about the summit?”`,
  thanks: (n) => `You're welcome! Ask me anything else about the news in my ${englishCount(n)}.`,
  latestPointer: '/latest lists my newest articles; or ask me about something in them.',
  latestHeading: 'Latest articles',
  empty: (n) => `Send me a question about the news, and I will look for the answer in my ${englishCount(n)}.`,
  notSure: 'Not sure this answers your question; the closest I found:',
  otherYear: (asked, shown, latest) =>
    latest ? `I have nothing from ${asked}; the latest I have is from ${shown}:` : `I have nothing on ${asked}; the closest I have is from ${shown}:`,
  openArticle: 'Open article',
  previous: '◀ Prev',
  next: 'Next ▶',
  greeting: (n) => `Hi! I answer questions about the news from <b>${n} news article${n === 1 ? '' : 's'}</b>.`,
  howItWorks:
    'Just send me a question in plain words, e.g. <i>what did the president say about the summit?</i> I reply with the passage that answers it and a link to the article.',
  inGroup: (mention) => `In a group, use /ask, mention ${mention} or reply to one of my messages.`,
  moreCommands: '/help shows all commands.',
  howToAskHeading: 'How to ask',
  howToAsk: 'Send a question as a message (in groups: /ask, a mention, or a reply to me). Use “Next ▶” under an answer to see the next best passage.',
  commandsHeading: 'Commands',
  questionPlaceholder: 'question',
  commands: {
    ask: 'Ask a question about the news',
    sources: 'List the indexed articles',
    latest: 'The newest articles',
    help: 'How to ask',
    start: 'What this bot does',
    privacy: 'What the bot stores about you',
    forget: 'Delete what the bot stores about you',
    subscribe: 'Get new articles on a topic here',
    subscriptions: 'List this chat’s subscriptions',
    unsubscribe: 'Stop a subscription',
  },
  inline: (mention) => `In any chat, type <code>${mention} your question</code> to share an answer.`,
  askUsage: 'Put your question after the command, e.g. <code>/ask who won the election?</code>',
  unknownCommand: 'I do not know that command. /help lists what I can do.',
  textOnly: 'I can only read text. Send me your question about the news as a message.',
  tooLong: (length, max) => `That question is too long (${length} characters). Please keep it under ${max} characters: a sentence or two is enough.`,
  slowDown: (s) => `You are asking faster than I can keep up. Please wait about ${s} seconds, then ask again.`,
  failed: 'Sorry, something went wrong while answering. Please try again.',
  unavailable: 'I cannot reach my articles right now. Please ask again in a moment.',
  sourcesHeading: (n) => `${n} indexed article${n === 1 ? '' : 's'}`,
  pageOf: (p, pages) => `page ${p}/${pages}`,
  nothingIndexed: 'No articles are indexed yet.',
  noDates: 'None of my articles has a publication date. /sources lists them all.',
  tooOld: 'This message is too old to update.',
  slowDownShort: 'Slow down a little, please.',
  expired: 'This answer has expired. Please ask again.',
  feedbackThanks: 'Thanks for your feedback!',
  feedbackAgain: 'You have already rated this answer.',
  privacy: (days, ids) =>
    `What I keep: I read your questions to answer them and do not store them, except those I found no answer to or whose answer got 👎: their text, language and time, ${ids ? 'with your user and chat id' : 'without your name or id'}, deleted after ${days} days. Your 👍/👎 votes are stored under a keyed hash of your user id, not the id itself, until you delete them. /forget deletes what I keep about you. A chat’s subscriptions (/subscribe) keep its id and their words until /unsubscribe or until I leave the chat.`,
  forgotten: (votes, questions, subscriptions) =>
    `Done. Deleted: ${votes} rating${votes === 1 ? '' : 's'}, ${questions} question${questions === 1 ? '' : 's'}, ${subscriptions} subscription${subscriptions === 1 ? '' : 's'}.`,
  notAllowed: 'Sorry, this bot only answers the chats and people its owner has allowed.',
  newArticles: (n) => `New articles: ${n}`,
  subscribeUsage:
    'Put the words of a topic after the command, e.g. <code>/subscribe harbour bridge</code>. I then post each new article about it here.',
  subscribed: (words) => `Subscribed to “${words}”: I will post new articles about it here. /subscriptions lists them, /unsubscribe stops one.`,
  alreadySubscribed: (words) => `This chat already follows “${words}”.`,
  tooManySubscriptions: (max) => `This chat has ${max} subscriptions, the most it can have. /unsubscribe removes one.`,
  noSubscriptions: 'This chat has no subscriptions. /subscribe followed by words adds one.',
  subscriptionsHeading: 'Subscriptions of this chat:',
  unsubscribed: (n) => `Removed: ${n}.`,
  unsubscribeUsage: 'Say which to remove: /unsubscribe followed by its number from /subscriptions, or /unsubscribe all.',
  adminsOnly: 'Only the admins of this group can change its subscriptions.',
};
