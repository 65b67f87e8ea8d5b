import type { Phrases } from './types.js';

/**
 * The bot's own sentences in Spanish. The count is given as "(…: N)", which
 * reads right for any N without plural and case forms.
 */
export const es: Phrases = {
  notFound: (n, hint) => `No encontré nada sobre eso (artículos en mi colección: ${n}). Prueba a reformular la pregunta o ${hint}.`,
  articlesIn: (languages) => `Mis artículos están en ${languages}.`,
  askAbout: (topics) => `pregunta por ${topics}`,
  askAboutAnything: 'pregunta por una persona, un lugar o un acontecimiento de las noticias',
  noArticles: 'Todavía no tengo artículos en los que buscar, así que no puedo responder.',
  hello: (n) =>
    `¡Hola! Respondo preguntas sobre las noticias (artículos en mi colección: ${n}). Pregúntame, por ejemplo: «¿qué dijo el presidente sobre la cumbre?»`,
  thanks: (n) => `¡De nada! Pregúntame lo que quieras sobre las noticias (artículos en mi colección: ${n}).`,
  latestPointer: '/latest muestra mis artículos más recientes; o pregúntame por algo de ellos.',
  latestHeading: 'Artículos más recientes',
  empty: (n) => `Envíame una pregunta sobre las noticias y buscaré la respuesta (artículos en mi colección: ${n}).`,
  notSure: 'No estoy seguro de que esto responda a tu pregunta; es lo más cercano que encontré:',
  otherYear: (asked, shown, latest) =>
    latest
      ? `No tengo nada de ${asked}; lo más reciente que tengo es del ${shown}:`
      : `No tengo nada de ${asked}; lo más cercano que tengo es del ${shown}:`,
  otherEvent: (asked, shown) => `No tengo nada sobre «${asked}»; lo más cercano que tengo es del ${shown}:`,
  otherOutcome: (asked, shown) => `No tengo resultados de ${asked}; lo más cercano que tengo es del ${shown}:`,
  openArticle: 'Abrir artículo',
  previous: '◀ Anterior',
  next: 'Siguiente ▶',
  greeting: (n) => `¡Hola! Respondo preguntas sobre las noticias (artículos en mi colección: <b>${n}</b>).`,
  howItWorks:
    'Envíame una pregunta con tus propias palabras, por ejemplo: <i>¿qué dijo el presidente sobre la cumbre?</i> Te respondo con el párrafo que la contesta y un enlace al artículo.',
  inGroup: (mention) => `En un grupo, usa /ask, menciona a ${mention} o responde a uno de mis mensajes.`,
  moreCommands: '/help muestra todos los comandos.',
  howToAskHeading: 'Cómo preguntar',
  howToAsk:
    'Envía una pregunta como mensaje (en grupos: /ask, una mención o una respuesta a mí). «Siguiente ▶» bajo una respuesta muestra el siguiente párrafo más adecuado.',
  commandsHeading: 'Comandos',
  questionPlaceholder: 'pregunta',
  commands: {
    ask: 'Hacer una pregunta sobre las noticias',
    sources: 'Los artículos de mi colección',
    latest: 'Los artículos más recientes',
    help: 'Cómo preguntar',
    start: 'Qué hace este bot',
    privacy: 'Qué guarda el bot sobre ti',
    forget: 'Borrar lo que el bot guarda sobre ti',
    subscribe: 'Recibir aquí artículos nuevos sobre un tema',
    subscriptions: 'Las suscripciones de este chat',
    unsubscribe: 'Cancelar una suscripción',
  },
  inline: (mention) => `En cualquier chat, escribe <code>${mention} tu pregunta</code> para compartir una respuesta.`,
  askUsage: 'Escribe tu pregunta después del comando, por ejemplo: <code>/ask ¿quién ganó las elecciones?</code>',
  unknownCommand: 'No conozco ese comando. /help muestra lo que puedo hacer.',
  textOnly: 'Solo puedo leer texto. Envíame tu pregunta sobre las noticias como mensaje.',
  tooLong: (length, max) =>
    `La pregunta es demasiado larga (${length} caracteres). Mantenla por debajo de ${max} caracteres: basta con una o dos frases.`,
  slowDown: (s) => `Preguntas más rápido de lo que puedo responder. Espera unos ${s} segundos y vuelve a preguntar.`,
  failed: 'Lo siento, algo salió mal al responder. Inténtalo de nuevo.',
  unavailable: 'Ahora mismo no puedo acceder a mis artículos. Vuelve a preguntar en un momento.',
  sourcesHeading: (n) => `Artículos en mi colección: ${n}`,
  pageOf: (p, pages) => `página ${p}/${pages}`,
  nothingIndexed: 'Todavía no hay artículos en mi colección.',
  noDates: 'Ninguno de mis artículos tiene fecha de publicación. /sources los muestra todos.',
  tooOld: 'Este mensaje es demasiado antiguo para actualizarlo.',
  slowDownShort: 'Más despacio, por favor.',
  expired: 'Esta respuesta ha caducado. Vuelve a preguntar.',
  feedbackThanks: '¡Gracias por tu valoración!',
  feedbackAgain: 'Ya valoraste esta respuesta.',
  privacy: (days, ids) =>
    `Qué guardo: leo tus preguntas para responderlas y no las guardo, salvo las que no pude responder o cuya respuesta recibió 👎: su texto, idioma y hora, ${ids ? 'con tu id de usuario y de chat' : 'sin tu nombre ni tu id'}; se borran a los ${days} días. Tus votos 👍/👎 se guardan bajo un hash con clave de tu id de usuario, no bajo el propio id, hasta que los borres. /forget borra lo que guardo sobre ti. Las suscripciones de un chat (/subscribe) guardan su id y sus palabras hasta /unsubscribe o hasta que salga del chat.`,
  forgotten: (votes, questions, subscriptions) => `Hecho. Borrado: valoraciones: ${votes}, preguntas: ${questions}, suscripciones: ${subscriptions}.`,
  notAllowed: 'Lo siento, este bot solo responde en los chats y a las personas que su propietario ha autorizado.',
  newArticles: (n) => `Artículos nuevos: ${n}`,
  subscribeUsage:
    'Escribe las palabras de un tema después del comando, p. ej. <code>/subscribe puente del puerto</code>. Publicaré aquí cada artículo nuevo sobre él.',
  subscribed: (words) =>
    `Suscrito a «${words}»: publicaré aquí los artículos nuevos sobre ello. /subscriptions las muestra, /unsubscribe cancela una.`,
  alreadySubscribed: (words) => `Este chat ya sigue «${words}».`,
  tooManySubscriptions: (max) => `Este chat tiene ${max} suscripciones, el máximo. /unsubscribe quita una.`,
  noSubscriptions: 'Este chat no tiene suscripciones. /subscribe seguido de palabras añade una.',
  subscriptionsHeading: 'Suscripciones de este chat:',
  unsubscribed: (n) => `Eliminadas: ${n}.`,
  unsubscribeUsage: 'Indica cuál quitar: /unsubscribe seguido de su número en /subscriptions, o /unsubscribe all.',
  adminsOnly: 'Solo los administradores de este grupo pueden cambiar sus suscripciones.',
};
