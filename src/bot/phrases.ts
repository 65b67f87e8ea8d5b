import type { Language } from '../search/language.js';

/**
 * The bot's own sentences around an answer, in the language of the question they reply to: a reader
 * who asks in Russian is told in Russian that nothing was found. Written by hand (a few dozen short
 * sentences in eight languages do not call for an i18n framework); other languages get English.
 * Replies that have no question to read (/start, /help, /sources, /latest, a photo, a button's
 * notice) take the language the reader's Telegram app is set to (`userLanguage`).
 */
export interface Phrases {
  /** Nothing answers: `hint` is `askAbout(…)` or `askAboutAnything`. */
  notFound(articles: number, hint: string): string;
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
  openArticle: string;
  previous: string;
  next: string;
  /** /start. `mention` is the bot's escaped "@name", when known (for the group line). HTML. */
  welcome(articles: number, mention: string | undefined): string;
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
}

/** Commands anyone may use, in menu order (admin commands stay unlisted). */
export const PUBLIC_COMMANDS = ['ask', 'sources', 'latest', 'help', 'start'] as const;
export type PublicCommand = (typeof PUBLIC_COMMANDS)[number];

/** "12 articles", "1 article": English is the one language here whose sentences count in words. */
const englishCount = (n: number) => `${n} article${n === 1 ? '' : 's'}`;

const en: Phrases = {
  notFound: (n, hint) => `I found nothing about that in my ${englishCount(n)}. Try rephrasing, or ${hint}.`,
  askAbout: (topics) => `ask about ${topics}`,
  askAboutAnything: 'ask about a person, place or event in the news',
  noArticles: 'I have no articles to search yet, so I cannot answer that.',
  hello: (n) => `Hi! I answer questions about the news in my ${englishCount(n)}. Ask me something like “what did the president say about the summit?”`,
  thanks: (n) => `You're welcome! Ask me anything else about the news in my ${englishCount(n)}.`,
  latestPointer: '/latest lists my newest articles; or ask me about something in them.',
  latestHeading: 'Latest articles',
  empty: (n) => `Send me a question about the news, and I will look for the answer in my ${englishCount(n)}.`,
  notSure: 'Not sure this answers your question; the closest I found:',
  openArticle: 'Open article',
  previous: '◀ Prev',
  next: 'Next ▶',
  welcome: (n, mention) =>
    `Hi! I answer questions about the news from <b>${n} news article${n === 1 ? '' : 's'}</b>.\n\n` +
    'Just send me a question in plain words, e.g. <i>what did the president say about the summit?</i> ' +
    'I reply with the passage that answers it and a link to the article.' +
    (mention ? `\nIn a group, use /ask, mention ${mention} or reply to one of my messages.` : '') +
    '\n\n/help shows all commands.',
  howToAskHeading: 'How to ask',
  howToAsk: 'Send a question as a message (in groups: /ask, a mention, or a reply to me). Use “Next ▶” under an answer to see the next best passage.',
  commandsHeading: 'Commands',
  questionPlaceholder: 'question',
  commands: { ask: 'Ask a question about the news', sources: 'List the indexed articles', latest: 'The newest articles', help: 'How to ask', start: 'What this bot does' },
  inline: (mention) => `In any chat, type <code>${mention} your question</code> to share an answer.`,
  askUsage: 'Put your question after the command, e.g. <code>/ask who won the election?</code>',
  unknownCommand: 'I do not know that command. /help lists what I can do.',
  textOnly: 'I can only read text. Send me your question about the news as a message.',
  tooLong: (length, max) => `That question is too long (${length} characters). Please keep it under ${max} characters: a sentence or two is enough.`,
  slowDown: (s) => `You are asking faster than I can keep up. Please wait about ${s} seconds, then ask again.`,
  failed: 'Sorry, something went wrong while answering. Please try again.',
  sourcesHeading: (n) => `${n} indexed article${n === 1 ? '' : 's'}`,
  pageOf: (p, pages) => `page ${p}/${pages}`,
  nothingIndexed: 'No articles are indexed yet.',
  noDates: 'None of my articles has a publication date. /sources lists them all.',
  tooOld: 'This message is too old to update.',
  slowDownShort: 'Slow down a little, please.',
  expired: 'This answer has expired. Please ask again.',
};

// The other languages give the count as "(articles …: N)", which reads right for any N without
// their plural and case forms.
const ru: Phrases = {
  notFound: (n, hint) => `Ничего об этом не нашлось (статей в базе: ${n}). Попробуйте переформулировать или ${hint}.`,
  askAbout: (topics) => `спросите про ${topics}`,
  askAboutAnything: 'спросите о человеке, месте или событии из новостей',
  noArticles: 'У меня пока нет статей для поиска, поэтому ответить не могу.',
  hello: (n) => `Привет! Я отвечаю на вопросы о новостях (статей в базе: ${n}). Спросите, например: «что сказал президент о саммите?»`,
  thanks: (n) => `Пожалуйста! Спрашивайте ещё о новостях (статей в базе: ${n}).`,
  latestPointer: '/latest покажет мои самые свежие статьи; или спросите о чём-нибудь из них.',
  latestHeading: 'Свежие статьи',
  empty: (n) => `Пришлите вопрос о новостях, и я поищу ответ (статей в базе: ${n}).`,
  notSure: 'Не уверен, что это ответ на ваш вопрос; вот самое близкое, что я нашёл:',
  openArticle: 'Открыть статью',
  previous: '◀ Назад',
  next: 'Далее ▶',
  welcome: (n, mention) =>
    `Привет! Я отвечаю на вопросы о новостях (статей в базе: <b>${n}</b>).\n\n` +
    'Просто пришлите вопрос своими словами, например: <i>что сказал президент о саммите?</i> ' +
    'Я отвечу абзацем, в котором есть ответ, и ссылкой на статью.' +
    (mention ? `\nВ группе используйте /ask, упомяните ${mention} или ответьте на одно из моих сообщений.` : '') +
    '\n\n/help — все команды.',
  howToAskHeading: 'Как спрашивать',
  howToAsk: 'Пришлите вопрос сообщением (в группах — через /ask, упоминание или ответ на моё сообщение). Кнопка «Далее ▶» под ответом покажет следующий подходящий абзац.',
  commandsHeading: 'Команды',
  questionPlaceholder: 'вопрос',
  commands: { ask: 'Задать вопрос о новостях', sources: 'Список статей в базе', latest: 'Самые свежие статьи', help: 'Как задавать вопросы', start: 'Что умеет этот бот' },
  inline: (mention) => `В любом чате наберите <code>${mention} ваш вопрос</code>, чтобы поделиться ответом.`,
  askUsage: 'Напишите вопрос после команды, например: <code>/ask кто победил на выборах?</code>',
  unknownCommand: 'Такой команды я не знаю. /help — список того, что я умею.',
  textOnly: 'Я понимаю только текст. Пришлите вопрос о новостях сообщением.',
  tooLong: (length, max) => `Вопрос слишком длинный (символов: ${length}, можно не больше ${max}). Хватит одного-двух предложений.`,
  slowDown: (s) => `Вы спрашиваете быстрее, чем я успеваю отвечать. Подождите немного (около ${s} с) и спросите снова.`,
  failed: 'Извините, при ответе что-то пошло не так. Попробуйте ещё раз.',
  sourcesHeading: (n) => `Статьи в базе: ${n}`,
  pageOf: (p, pages) => `стр. ${p}/${pages}`,
  nothingIndexed: 'В базе пока нет статей.',
  noDates: 'Ни у одной статьи в базе нет даты публикации. /sources покажет их все.',
  tooOld: 'Это сообщение слишком старое, его нельзя обновить.',
  slowDownShort: 'Помедленнее, пожалуйста.',
  expired: 'Этот ответ устарел. Спросите ещё раз.',
};

const uk: Phrases = {
  notFound: (n, hint) => `Нічого про це не знайшлося (статей у базі: ${n}). Спробуйте переформулювати або ${hint}.`,
  askAbout: (topics) => `запитайте про ${topics}`,
  askAboutAnything: 'запитайте про людину, місце чи подію з новин',
  noArticles: 'У мене ще немає статей для пошуку, тож відповісти не можу.',
  hello: (n) => `Привіт! Я відповідаю на запитання про новини (статей у базі: ${n}). Запитайте, наприклад: «що сказав президент про саміт?»`,
  thanks: (n) => `Будь ласка! Питайте ще про новини (статей у базі: ${n}).`,
  latestPointer: '/latest покаже мої найсвіжіші статті; або запитайте про щось із них.',
  latestHeading: 'Найсвіжіші статті',
  empty: (n) => `Надішліть запитання про новини, і я пошукаю відповідь (статей у базі: ${n}).`,
  notSure: 'Не впевнений, що це відповідь на ваше запитання; ось найближче, що я знайшов:',
  openArticle: 'Відкрити статтю',
  previous: '◀ Назад',
  next: 'Далі ▶',
  welcome: (n, mention) =>
    `Привіт! Я відповідаю на запитання про новини (статей у базі: <b>${n}</b>).\n\n` +
    'Просто надішліть запитання своїми словами, наприклад: <i>що сказав президент про саміт?</i> ' +
    'Я відповім абзацом, де є відповідь, і посиланням на статтю.' +
    (mention ? `\nУ групі використовуйте /ask, згадайте ${mention} або дайте відповідь на одне з моїх повідомлень.` : '') +
    '\n\n/help — усі команди.',
  howToAskHeading: 'Як запитувати',
  howToAsk: 'Надішліть запитання повідомленням (у групах — через /ask, згадку або відповідь на моє повідомлення). Кнопка «Далі ▶» під відповіддю покаже наступний відповідний абзац.',
  commandsHeading: 'Команди',
  questionPlaceholder: 'запитання',
  commands: { ask: 'Поставити запитання про новини', sources: 'Список статей у базі', latest: 'Найсвіжіші статті', help: 'Як ставити запитання', start: 'Що вміє цей бот' },
  inline: (mention) => `У будь-якому чаті наберіть <code>${mention} ваше запитання</code>, щоб поділитися відповіддю.`,
  askUsage: 'Напишіть запитання після команди, наприклад: <code>/ask хто переміг на виборах?</code>',
  unknownCommand: 'Такої команди я не знаю. /help — список того, що я вмію.',
  textOnly: 'Я розумію лише текст. Надішліть запитання про новини повідомленням.',
  tooLong: (length, max) => `Запитання задовге (символів: ${length}, можна не більше ${max}). Вистачить одного-двох речень.`,
  slowDown: (s) => `Ви запитуєте швидше, ніж я встигаю відповідати. Зачекайте трохи (близько ${s} с) і запитайте знову.`,
  failed: 'Вибачте, під час відповіді щось пішло не так. Спробуйте ще раз.',
  sourcesHeading: (n) => `Статті в базі: ${n}`,
  pageOf: (p, pages) => `стор. ${p}/${pages}`,
  nothingIndexed: 'У базі ще немає статей.',
  noDates: 'Жодна стаття в базі не має дати публікації. /sources покаже їх усі.',
  tooOld: 'Це повідомлення надто старе, його не можна оновити.',
  slowDownShort: 'Повільніше, будь ласка.',
  expired: 'Ця відповідь застаріла. Запитайте ще раз.',
};

const de: Phrases = {
  notFound: (n, hint) => `Dazu habe ich nichts gefunden (Artikel in meinem Bestand: ${n}). Formulieren Sie die Frage anders oder ${hint}.`,
  askAbout: (topics) => `fragen Sie nach ${topics}`,
  askAboutAnything: 'fragen Sie nach einer Person, einem Ort oder einem Ereignis aus den Nachrichten',
  noArticles: 'Ich habe noch keine Artikel zum Durchsuchen und kann daher nicht antworten.',
  hello: (n) => `Hallo! Ich beantworte Fragen zu den Nachrichten (Artikel in meinem Bestand: ${n}). Fragen Sie etwa: „Was hat der Präsident über den Gipfel gesagt?“`,
  thanks: (n) => `Gern geschehen! Fragen Sie mich gern mehr zu den Nachrichten (Artikel in meinem Bestand: ${n}).`,
  latestPointer: '/latest zeigt meine neuesten Artikel; oder fragen Sie nach etwas daraus.',
  latestHeading: 'Neueste Artikel',
  empty: (n) => `Schicken Sie mir eine Frage zu den Nachrichten, und ich suche die Antwort (Artikel in meinem Bestand: ${n}).`,
  notSure: 'Nicht sicher, ob das Ihre Frage beantwortet; das Nächstliegende, was ich gefunden habe:',
  openArticle: 'Artikel öffnen',
  previous: '◀ Zurück',
  next: 'Weiter ▶',
  welcome: (n, mention) =>
    `Hallo! Ich beantworte Fragen zu den Nachrichten (Artikel in meinem Bestand: <b>${n}</b>).\n\n` +
    'Schicken Sie mir einfach eine Frage in eigenen Worten, etwa: <i>Was hat der Präsident über den Gipfel gesagt?</i> ' +
    'Ich antworte mit dem Absatz, der die Antwort enthält, und einem Link zum Artikel.' +
    (mention ? `\nIn einer Gruppe: /ask verwenden, ${mention} erwähnen oder auf eine meiner Nachrichten antworten.` : '') +
    '\n\n/help zeigt alle Befehle.',
  howToAskHeading: 'So fragen Sie',
  howToAsk: 'Schicken Sie eine Frage als Nachricht (in Gruppen: /ask, eine Erwähnung oder eine Antwort auf mich). „Weiter ▶“ unter einer Antwort zeigt den nächstbesten Absatz.',
  commandsHeading: 'Befehle',
  questionPlaceholder: 'Frage',
  commands: { ask: 'Eine Frage zu den Nachrichten stellen', sources: 'Die durchsuchten Artikel', latest: 'Die neuesten Artikel', help: 'So fragen Sie', start: 'Was dieser Bot kann' },
  inline: (mention) => `Tippen Sie in jedem Chat <code>${mention} Ihre Frage</code>, um eine Antwort zu teilen.`,
  askUsage: 'Schreiben Sie Ihre Frage hinter den Befehl, etwa: <code>/ask Wer hat die Wahl gewonnen?</code>',
  unknownCommand: 'Diesen Befehl kenne ich nicht. /help zeigt, was ich kann.',
  textOnly: 'Ich kann nur Text lesen. Schicken Sie mir Ihre Frage zu den Nachrichten als Nachricht.',
  tooLong: (length, max) => `Die Frage ist zu lang (${length} Zeichen). Bitte bleiben Sie unter ${max} Zeichen: ein, zwei Sätze genügen.`,
  slowDown: (s) => `Sie fragen schneller, als ich antworten kann. Bitte warten Sie etwa ${s} Sekunden und fragen Sie dann erneut.`,
  failed: 'Entschuldigung, beim Antworten ist etwas schiefgegangen. Bitte versuchen Sie es noch einmal.',
  sourcesHeading: (n) => `Artikel in meinem Bestand: ${n}`,
  pageOf: (p, pages) => `Seite ${p}/${pages}`,
  nothingIndexed: 'Es sind noch keine Artikel im Bestand.',
  noDates: 'Keiner meiner Artikel hat ein Veröffentlichungsdatum. /sources listet alle auf.',
  tooOld: 'Diese Nachricht ist zu alt, um sie zu ändern.',
  slowDownShort: 'Bitte etwas langsamer.',
  expired: 'Diese Antwort ist abgelaufen. Bitte fragen Sie erneut.',
};

const es: Phrases = {
  notFound: (n, hint) => `No encontré nada sobre eso (artículos en mi colección: ${n}). Prueba a reformular la pregunta o ${hint}.`,
  askAbout: (topics) => `pregunta por ${topics}`,
  askAboutAnything: 'pregunta por una persona, un lugar o un acontecimiento de las noticias',
  noArticles: 'Todavía no tengo artículos en los que buscar, así que no puedo responder.',
  hello: (n) => `¡Hola! Respondo preguntas sobre las noticias (artículos en mi colección: ${n}). Pregúntame, por ejemplo: «¿qué dijo el presidente sobre la cumbre?»`,
  thanks: (n) => `¡De nada! Pregúntame lo que quieras sobre las noticias (artículos en mi colección: ${n}).`,
  latestPointer: '/latest muestra mis artículos más recientes; o pregúntame por algo de ellos.',
  latestHeading: 'Artículos más recientes',
  empty: (n) => `Envíame una pregunta sobre las noticias y buscaré la respuesta (artículos en mi colección: ${n}).`,
  notSure: 'No estoy seguro de que esto responda a tu pregunta; es lo más cercano que encontré:',
  openArticle: 'Abrir artículo',
  previous: '◀ Anterior',
  next: 'Siguiente ▶',
  welcome: (n, mention) =>
    `¡Hola! Respondo preguntas sobre las noticias (artículos en mi colección: <b>${n}</b>).\n\n` +
    'Envíame una pregunta con tus propias palabras, por ejemplo: <i>¿qué dijo el presidente sobre la cumbre?</i> ' +
    'Te respondo con el párrafo que la contesta y un enlace al artículo.' +
    (mention ? `\nEn un grupo, usa /ask, menciona a ${mention} o responde a uno de mis mensajes.` : '') +
    '\n\n/help muestra todos los comandos.',
  howToAskHeading: 'Cómo preguntar',
  howToAsk: 'Envía una pregunta como mensaje (en grupos: /ask, una mención o una respuesta a mí). «Siguiente ▶» bajo una respuesta muestra el siguiente párrafo más adecuado.',
  commandsHeading: 'Comandos',
  questionPlaceholder: 'pregunta',
  commands: { ask: 'Hacer una pregunta sobre las noticias', sources: 'Los artículos de mi colección', latest: 'Los artículos más recientes', help: 'Cómo preguntar', start: 'Qué hace este bot' },
  inline: (mention) => `En cualquier chat, escribe <code>${mention} tu pregunta</code> para compartir una respuesta.`,
  askUsage: 'Escribe tu pregunta después del comando, por ejemplo: <code>/ask ¿quién ganó las elecciones?</code>',
  unknownCommand: 'No conozco ese comando. /help muestra lo que puedo hacer.',
  textOnly: 'Solo puedo leer texto. Envíame tu pregunta sobre las noticias como mensaje.',
  tooLong: (length, max) => `La pregunta es demasiado larga (${length} caracteres). Mantenla por debajo de ${max} caracteres: basta con una o dos frases.`,
  slowDown: (s) => `Preguntas más rápido de lo que puedo responder. Espera unos ${s} segundos y vuelve a preguntar.`,
  failed: 'Lo siento, algo salió mal al responder. Inténtalo de nuevo.',
  sourcesHeading: (n) => `Artículos en mi colección: ${n}`,
  pageOf: (p, pages) => `página ${p}/${pages}`,
  nothingIndexed: 'Todavía no hay artículos en mi colección.',
  noDates: 'Ninguno de mis artículos tiene fecha de publicación. /sources los muestra todos.',
  tooOld: 'Este mensaje es demasiado antiguo para actualizarlo.',
  slowDownShort: 'Más despacio, por favor.',
  expired: 'Esta respuesta ha caducado. Vuelve a preguntar.',
};

const fr: Phrases = {
  notFound: (n, hint) => `Je n’ai rien trouvé à ce sujet (articles dans ma base : ${n}). Essayez de reformuler, ou ${hint}.`,
  askAbout: (topics) => `posez une question sur ${topics}`,
  askAboutAnything: 'posez une question sur une personne, un lieu ou un événement de l’actualité',
  noArticles: 'Je n’ai pas encore d’articles où chercher, je ne peux donc pas répondre.',
  hello: (n) => `Bonjour ! Je réponds aux questions sur l’actualité (articles dans ma base : ${n}). Demandez par exemple : « qu’a dit le président à propos du sommet ? »`,
  thanks: (n) => `Je vous en prie ! Posez-moi d’autres questions sur l’actualité (articles dans ma base : ${n}).`,
  latestPointer: '/latest affiche mes articles les plus récents ; ou posez une question sur l’un d’eux.',
  latestHeading: 'Articles les plus récents',
  empty: (n) => `Envoyez-moi une question sur l’actualité, et je chercherai la réponse (articles dans ma base : ${n}).`,
  notSure: 'Pas sûr que cela réponde à votre question ; voici ce que j’ai trouvé de plus proche :',
  openArticle: 'Ouvrir l’article',
  previous: '◀ Précédent',
  next: 'Suivant ▶',
  welcome: (n, mention) =>
    `Bonjour ! Je réponds aux questions sur l’actualité (articles dans ma base : <b>${n}</b>).\n\n` +
    'Envoyez-moi simplement une question avec vos mots, par exemple : <i>qu’a dit le président à propos du sommet ?</i> ' +
    'Je réponds avec le passage qui y répond et un lien vers l’article.' +
    (mention ? `\nDans un groupe, utilisez /ask, mentionnez ${mention} ou répondez à l’un de mes messages.` : '') +
    '\n\n/help affiche toutes les commandes.',
  howToAskHeading: 'Comment poser une question',
  howToAsk: 'Envoyez une question en message (dans les groupes : /ask, une mention ou une réponse à l’un de mes messages). « Suivant ▶ » sous une réponse affiche le passage suivant.',
  commandsHeading: 'Commandes',
  questionPlaceholder: 'question',
  commands: { ask: 'Poser une question sur l’actualité', sources: 'Les articles de ma base', latest: 'Les articles les plus récents', help: 'Comment poser une question', start: 'Ce que fait ce bot' },
  inline: (mention) => `Dans n’importe quelle discussion, tapez <code>${mention} votre question</code> pour partager une réponse.`,
  askUsage: 'Écrivez votre question après la commande, par exemple : <code>/ask qui a gagné l’élection ?</code>',
  unknownCommand: 'Je ne connais pas cette commande. /help indique ce que je sais faire.',
  textOnly: 'Je ne sais lire que du texte. Envoyez-moi votre question sur l’actualité sous forme de message.',
  tooLong: (length, max) => `Cette question est trop longue (${length} caractères). Restez sous les ${max} caractères : une ou deux phrases suffisent.`,
  slowDown: (s) => `Vous posez des questions plus vite que je ne peux répondre. Attendez environ ${s} secondes, puis reposez votre question.`,
  failed: 'Désolé, un problème est survenu pendant la réponse. Veuillez réessayer.',
  sourcesHeading: (n) => `Articles dans ma base : ${n}`,
  pageOf: (p, pages) => `page ${p}/${pages}`,
  nothingIndexed: 'Aucun article n’est encore dans ma base.',
  noDates: 'Aucun de mes articles n’a de date de publication. /sources les affiche tous.',
  tooOld: 'Ce message est trop ancien pour être mis à jour.',
  slowDownShort: 'Un peu moins vite, s’il vous plaît.',
  expired: 'Cette réponse a expiré. Reposez votre question.',
};

const it: Phrases = {
  notFound: (n, hint) => `Non ho trovato nulla su questo (articoli nel mio archivio: ${n}). Prova a riformulare, oppure ${hint}.`,
  askAbout: (topics) => `chiedi di ${topics}`,
  askAboutAnything: 'chiedi di una persona, un luogo o un evento delle notizie',
  noArticles: 'Non ho ancora articoli in cui cercare, quindi non posso rispondere.',
  hello: (n) => `Ciao! Rispondo a domande sulle notizie (articoli nel mio archivio: ${n}). Chiedimi per esempio: «cosa ha detto il presidente sul vertice?»`,
  thanks: (n) => `Prego! Chiedimi pure altro sulle notizie (articoli nel mio archivio: ${n}).`,
  latestPointer: '/latest mostra i miei articoli più recenti; oppure chiedimi qualcosa su di essi.',
  latestHeading: 'Articoli più recenti',
  empty: (n) => `Mandami una domanda sulle notizie e cercherò la risposta (articoli nel mio archivio: ${n}).`,
  notSure: 'Non sono sicuro che questo risponda alla tua domanda; è la cosa più vicina che ho trovato:',
  openArticle: 'Apri articolo',
  previous: '◀ Indietro',
  next: 'Avanti ▶',
  welcome: (n, mention) =>
    `Ciao! Rispondo a domande sulle notizie (articoli nel mio archivio: <b>${n}</b>).\n\n` +
    'Mandami una domanda con parole tue, per esempio: <i>cosa ha detto il presidente sul vertice?</i> ' +
    'Rispondo con il passaggio che contiene la risposta e un link all’articolo.' +
    (mention ? `\nIn un gruppo usa /ask, menziona ${mention} o rispondi a uno dei miei messaggi.` : '') +
    '\n\n/help mostra tutti i comandi.',
  howToAskHeading: 'Come fare domande',
  howToAsk: 'Manda una domanda come messaggio (nei gruppi: /ask, una menzione o una risposta a me). «Avanti ▶» sotto una risposta mostra il passaggio successivo.',
  commandsHeading: 'Comandi',
  questionPlaceholder: 'domanda',
  commands: { ask: 'Fai una domanda sulle notizie', sources: 'Gli articoli del mio archivio', latest: 'Gli articoli più recenti', help: 'Come fare domande', start: 'Cosa fa questo bot' },
  inline: (mention) => `In qualsiasi chat, scrivi <code>${mention} la tua domanda</code> per condividere una risposta.`,
  askUsage: 'Scrivi la domanda dopo il comando, per esempio: <code>/ask chi ha vinto le elezioni?</code>',
  unknownCommand: 'Non conosco questo comando. /help mostra cosa so fare.',
  textOnly: 'So leggere solo testo. Mandami la tua domanda sulle notizie come messaggio.',
  tooLong: (length, max) => `La domanda è troppo lunga (${length} caratteri). Resta sotto i ${max} caratteri: bastano una o due frasi.`,
  slowDown: (s) => `Fai domande più in fretta di quanto riesca a rispondere. Aspetta circa ${s} secondi, poi chiedi di nuovo.`,
  failed: 'Scusa, qualcosa è andato storto durante la risposta. Riprova.',
  sourcesHeading: (n) => `Articoli nel mio archivio: ${n}`,
  pageOf: (p, pages) => `pagina ${p}/${pages}`,
  nothingIndexed: 'Non ci sono ancora articoli nel mio archivio.',
  noDates: 'Nessuno dei miei articoli ha una data di pubblicazione. /sources li mostra tutti.',
  tooOld: 'Questo messaggio è troppo vecchio per essere aggiornato.',
  slowDownShort: 'Più piano, per favore.',
  expired: 'Questa risposta è scaduta. Chiedi di nuovo.',
};

const pt: Phrases = {
  notFound: (n, hint) => `Não encontrei nada sobre isso (artigos no meu acervo: ${n}). Tente reformular ou ${hint}.`,
  askAbout: (topics) => `pergunte sobre ${topics}`,
  askAboutAnything: 'pergunte sobre uma pessoa, um lugar ou um acontecimento das notícias',
  noArticles: 'Ainda não tenho artigos para pesquisar, por isso não posso responder.',
  hello: (n) => `Olá! Respondo a perguntas sobre as notícias (artigos no meu acervo: ${n}). Pergunte, por exemplo: “o que o presidente disse sobre a cúpula?”`,
  thanks: (n) => `De nada! Pergunte o que quiser sobre as notícias (artigos no meu acervo: ${n}).`,
  latestPointer: '/latest mostra os meus artigos mais recentes; ou pergunte sobre algo neles.',
  latestHeading: 'Artigos mais recentes',
  empty: (n) => `Envie-me uma pergunta sobre as notícias e eu procuro a resposta (artigos no meu acervo: ${n}).`,
  notSure: 'Não tenho certeza de que isto responde à sua pergunta; é o mais próximo que encontrei:',
  openArticle: 'Abrir artigo',
  previous: '◀ Anterior',
  next: 'Próximo ▶',
  welcome: (n, mention) =>
    `Olá! Respondo a perguntas sobre as notícias (artigos no meu acervo: <b>${n}</b>).\n\n` +
    'Envie-me uma pergunta com suas palavras, por exemplo: <i>o que o presidente disse sobre a cúpula?</i> ' +
    'Respondo com o trecho que a responde e um link para o artigo.' +
    (mention ? `\nEm um grupo, use /ask, mencione ${mention} ou responda a uma das minhas mensagens.` : '') +
    '\n\n/help mostra todos os comandos.',
  howToAskHeading: 'Como perguntar',
  howToAsk: 'Envie uma pergunta como mensagem (em grupos: /ask, uma menção ou uma resposta a mim). «Próximo ▶» sob uma resposta mostra o trecho seguinte.',
  commandsHeading: 'Comandos',
  questionPlaceholder: 'pergunta',
  commands: { ask: 'Fazer uma pergunta sobre as notícias', sources: 'Os artigos do meu acervo', latest: 'Os artigos mais recentes', help: 'Como perguntar', start: 'O que este bot faz' },
  inline: (mention) => `Em qualquer chat, digite <code>${mention} sua pergunta</code> para compartilhar uma resposta.`,
  askUsage: 'Escreva a pergunta depois do comando, por exemplo: <code>/ask quem ganhou a eleição?</code>',
  unknownCommand: 'Não conheço esse comando. /help mostra o que sei fazer.',
  textOnly: 'Só consigo ler texto. Envie sua pergunta sobre as notícias como mensagem.',
  tooLong: (length, max) => `A pergunta é longa demais (${length} caracteres). Mantenha-a abaixo de ${max} caracteres: uma ou duas frases bastam.`,
  slowDown: (s) => `Você está perguntando mais rápido do que consigo responder. Espere cerca de ${s} segundos e pergunte de novo.`,
  failed: 'Desculpe, algo deu errado ao responder. Tente novamente.',
  sourcesHeading: (n) => `Artigos no meu acervo: ${n}`,
  pageOf: (p, pages) => `página ${p}/${pages}`,
  nothingIndexed: 'Ainda não há artigos no meu acervo.',
  noDates: 'Nenhum dos meus artigos tem data de publicação. /sources mostra todos.',
  tooOld: 'Esta mensagem é antiga demais para ser atualizada.',
  slowDownShort: 'Mais devagar, por favor.',
  expired: 'Esta resposta expirou. Pergunte de novo.',
};

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

/** /help: how to ask, then the commands. `mention` is the bot's escaped "@name", when known. HTML. */
export function helpText(say: Phrases, mention: string | undefined): string {
  const list = PUBLIC_COMMANDS.filter((c) => c !== 'start').map((c) => `/${c}${c === 'ask' ? ` &lt;${say.questionPlaceholder}&gt;` : ''} — ${say.commands[c]}`);
  return `<b>${say.howToAskHeading}</b>\n${say.howToAsk}\n\n<b>${say.commandsHeading}</b>\n${list.join('\n')}` + (mention ? `\n\n${say.inline(mention)}` : '');
}
