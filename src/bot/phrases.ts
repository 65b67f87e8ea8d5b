import type { Language } from '../search/language.js';

/**
 * The bot's own sentences around an answer, in the language of the question they reply to: a reader
 * who asks in Russian is told in Russian that nothing was found. Written by hand (a few dozen short
 * sentences in eight languages do not call for an i18n framework); other languages get English.
 * Commands without a question (/start, /help, /sources) stay English.
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
}

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
};

const PHRASES: Partial<Record<Language, Phrases>> = { en, ru, uk, de, es, fr, it, pt };

/** The sentences for a reply in `language`; English when there is none in it, or no language. */
export function phrasesFor(language: Language | undefined): Phrases {
  return (language && PHRASES[language]) || en;
}
