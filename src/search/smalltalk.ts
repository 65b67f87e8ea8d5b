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
  // ...and about the bot or the last answer ("what is your name?", "well done", "you are wrong")
  'name old made job done wrong joke jokes mind never really amazing time',
  'next continue stop go try shut bored anyone here working work use ask helpful useless',
  'happy birthday luck take care congrats congratulations merry christmas gm gn idk brb omg',
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

/** Of those, the ones that ask for nothing without a word about news ("tell me a joke", "show me something"). */
const NEWS_REQUEST_FILLER = wordSet('tell give show anything something world tonight week now gibt heute los');

/** Words that speak to the bot ("are you real?", "wie heißt du?", "¿cómo te llamas?"). */
const TO_THE_BOT = wordSet(
  'you your yours yourself u ya du dich dir dein deine tú tu te ti usted toi ton ta tes vous tuo tua você voce',
  'ты тебя тебе тобой твой твоя твоё твои вы вас вам ваш ти тобі твій',
);
/** Words that name a topic after them ("what do you know about Musk?"). */
const ABOUT = wordSet('about regarding über ueber sobre acerca sur sul sulla о об обо про');

/**
 * Small-talk words that news is also about: "nice to meet you", "help", but "when will they meet?",
 * "who will help?", "when does it start?". A message that asks who, when, where, why or which about
 * one of them, and does not address the bot ("you"), is a question to search. Other small-talk words
 * with a question word stay chit-chat ("why thank you", "where is everyone?"): searched, they matched
 * any paragraph that says "thank you".
 */
const ALSO_NEWS = wordSet('meet help start');
const ASKS_FOR_A_FACT = wordSet('who whom whose when where why which');

/**
 * Whether a message is talk to the bot about itself: it speaks to the bot, and says one thing
 * besides small talk, which is not a name and not after "about" ("are you real?", "who is your
 * creator?", "where do you live?"), where a news paragraph that says "real" or "live" is no answer.
 */
function talksToTheBot(words: readonly string[], content: readonly string[], names: ReadonlySet<string>): boolean {
  if (!words.some((w) => TO_THE_BOT.has(w)) || words.some((w) => ABOUT.has(w))) return false;
  const rest = content.filter((w) => !isSmallTalkWord(w) && !NEWS_REQUEST_FILLER.has(w) && !TO_THE_BOT.has(w));
  return rest.length === 1 && !names.has(rest[0]!) && !/\d/.test(rest[0]!);
}

/**
 * What a message is when it asks nothing of the news: chit-chat ('small-talk': its content words,
 * stopwords removed, are all small talk, or it talks to the bot about itself), a request for the
 * news in general ('latest': small talk and news request words), or undefined: a question to
 * search, as is one about meeting, helping or starting (see ALSO_NEWS).
 */
export function chitChat(words: readonly string[], content: readonly string[], names: ReadonlySet<string>): 'small-talk' | 'latest' | undefined {
  const asksAboutNews = content.some((w) => ALSO_NEWS.has(w)) && words.some((w) => ASKS_FOR_A_FACT.has(w)) && !words.some((w) => TO_THE_BOT.has(w));
  if (asksAboutNews) return undefined;
  if (content.every((w) => isSmallTalkWord(w) || NEWS_REQUEST_FILLER.has(w)) || talksToTheBot(words, content, names)) return 'small-talk';
  if (content.every((w) => isSmallTalkWord(w) || isNewsRequestWord(w))) return 'latest';
  return undefined;
}

/** The words of space-separated lists, one set. */
function wordSet(...lists: string[]): Set<string> {
  return new Set(lists.join(' ').split(/\s+/));
}
