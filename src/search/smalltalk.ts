import { tokenize } from './normalize.js';

/**
 * Words that make up chit-chat rather than a question about the news, in the languages the index
 * reads. A message made only of these and stopwords ("hi", "thanks a lot", "how are you?") gets a
 * friendly hint, never a news paragraph.
 */
const SMALL_TALK = wordSet(
  // English
  'hi hello hey hiya howdy yo sup thanks thank thx ty cheers ok okay k cool nice great good morning',
  'afternoon evening night bye goodbye see later lol haha hahaha wow yes yeah yep no nope please',
  'sorry welcome test testing ping bot are you doing going fine well ah oh hmm huh what up whats',
  'love like awesome perfect alright right sure help start much lot lots again there everyone guys',
  'all man bro dude mate buddy friend folks day today meet',
  // German, Spanish, French, Italian, Portuguese, Dutch
  'hallo moin servus danke dank vielen schön schon tschüss gut guten tag morgen abend nacht ja nein bitte',
  'wie gehts geht',
  'hola gracias adiós adios buenos buenas días dias tardes noches sí si vale qué tal estás estas',
  'bonjour salut merci beaucoup bonsoir oui non ça va ciao grazie mille tante buongiorno olá ola obrigado obrigada muito',
  'muchas muchísimas',
  'tot ziens dank bedankt goedemorgen',
  // Russian, Ukrainian
  'привет здравствуй здравствуйте спасибо пока да нет хорошо ок как дела доброе утро добрый день',
  'вечер ночи спокойной привіт дякую дела делишки большое огромное',
);

function isSmallTalkWord(word: string): boolean {
  return SMALL_TALK.has(word);
}

/**
 * Words that open a question about a fact: who, when, where, why, which. Chit-chat seldom starts so
 * ("how are you?", "what's up?" do, so "how" and "what" are not here), while real questions can be
 * made of small-talk words alone: "when will they meet?", "who will help?", "why did it start?".
 */
const ASKS_FOR_A_FACT = wordSet(
  'who whom whose when where why which',
  'wer wem wen wessen wann wo warum wieso weshalb welche welcher welches welchen',
  'quién quien quiénes quienes cuándo cuando dónde donde cuál cual cuáles cuales',
  'qui quand où pourquoi quel quelle quels quelles chi dove perché perche quale quali quem onde qual quais',
  'кто когда где почему зачем какой какая какие откуда куда хто коли де чому навіщо який яка які звідки',
);

const THANKS = wordSet('thanks thank thx ty cheers danke dank bedankt gracias merci grazie obrigado obrigada спасибо дякую');

/** Whether a message says thank you (then the reply says "you're welcome", not "hi"). */
export function saysThanks(text: string): boolean {
  return tokenize(text).some((t) => THANKS.has(t.word));
}

/**
 * Words that ask for the news in general rather than about something in it. A message made only of
 * these, small talk and stopwords ("what's new?", "any news today?", "последние новости") is answered
 * with the newest articles: no one paragraph answers it, and the best word match would be a
 * "subscribe for the latest news" line.
 */
const NEWS_REQUEST = wordSet(
  // English
  'news new newest latest recent headlines headline happened happening happen stories story top',
  'breaking update updates tell give show world anything something interesting tonight week now',
  // German, Spanish, French, Italian, Portuguese, Dutch
  'neues neu neuigkeiten nachrichten aktuell aktuelle aktuelles gibt schlagzeilen heute los',
  'noticias novedades nuevo nueva nuevas últimas ultimas hoy pasa',
  'quoi neuf nouvelles actualités actualites infos info notizie novità novita novidades nieuws',
  // Russian, Ukrainian
  'новости новостей новое нового новенького последние свежие происходит случилось сегодня новини',
);

function isNewsRequestWord(word: string): boolean {
  return NEWS_REQUEST.has(word);
}

/**
 * What a message made of no news words is: chit-chat ('small-talk': its content words, stopwords
 * removed, are all small talk), a request for the news in general ('latest': small talk and news
 * request words), or undefined: a question to search, which includes any that asks who, when,
 * where, why or which about such words.
 */
export function chitChat(words: readonly string[], content: readonly string[]): 'small-talk' | 'latest' | undefined {
  if (content.length > 0 && words.some((w) => ASKS_FOR_A_FACT.has(w))) return undefined;
  if (content.every(isSmallTalkWord)) return 'small-talk';
  if (content.every((w) => isSmallTalkWord(w) || isNewsRequestWord(w))) return 'latest';
  return undefined;
}

/** The words of space-separated lists, one set. */
function wordSet(...lists: string[]): Set<string> {
  return new Set(lists.join(' ').split(/\s+/));
}
