import type { Phrases } from './types.js';

/**
 * The bot's own sentences in Italian. The count is given as "(…: N)", which
 * reads right for any N without plural and case forms.
 */
export const it: Phrases = {
  notFound: (n, hint) => `Non ho trovato nulla su questo (articoli nel mio archivio: ${n}). Prova a riformulare, oppure ${hint}.`,
  articlesIn: (languages) => `I miei articoli sono in ${languages}.`,
  askAbout: (topics) => `chiedi di ${topics}`,
  askAboutAnything: 'chiedi di una persona, un luogo o un evento delle notizie',
  noArticles: 'Non ho ancora articoli in cui cercare, quindi non posso rispondere.',
  hello: (n) =>
    `Ciao! Rispondo a domande sulle notizie (articoli nel mio archivio: ${n}). Chiedimi per esempio: «cosa ha detto il presidente sul vertice?»`,
  thanks: (n) => `Prego! Chiedimi pure altro sulle notizie (articoli nel mio archivio: ${n}).`,
  latestPointer: '/latest mostra i miei articoli più recenti; oppure chiedimi qualcosa su di essi.',
  latestHeading: 'Articoli più recenti',
  empty: (n) => `Mandami una domanda sulle notizie e cercherò la risposta (articoli nel mio archivio: ${n}).`,
  notSure: 'Non sono sicuro che questo risponda alla tua domanda; è la cosa più vicina che ho trovato:',
  otherYear: (asked, shown, latest) =>
    latest ? `Non ho niente del ${asked}; il più recente che ho è del ${shown}:` : `Non ho niente sul ${asked}; il più vicino che ho è del ${shown}:`,
  openArticle: 'Apri articolo',
  previous: '◀ Indietro',
  next: 'Avanti ▶',
  greeting: (n) => `Ciao! Rispondo a domande sulle notizie (articoli nel mio archivio: <b>${n}</b>).`,
  howItWorks:
    'Mandami una domanda con parole tue, per esempio: <i>cosa ha detto il presidente sul vertice?</i> Rispondo con il passaggio che contiene la risposta e un link all’articolo.',
  inGroup: (mention) => `In un gruppo usa /ask, menziona ${mention} o rispondi a uno dei miei messaggi.`,
  moreCommands: '/help mostra tutti i comandi.',
  howToAskHeading: 'Come fare domande',
  howToAsk:
    'Manda una domanda come messaggio (nei gruppi: /ask, una menzione o una risposta a me). «Avanti ▶» sotto una risposta mostra il passaggio successivo.',
  commandsHeading: 'Comandi',
  questionPlaceholder: 'domanda',
  commands: {
    ask: 'Fai una domanda sulle notizie',
    sources: 'Gli articoli del mio archivio',
    latest: 'Gli articoli più recenti',
    help: 'Come fare domande',
    start: 'Cosa fa questo bot',
    privacy: 'Cosa conserva il bot su di te',
    forget: 'Cancella ciò che il bot conserva su di te',
    subscribe: 'Ricevere qui i nuovi articoli su un tema',
    subscriptions: 'Le iscrizioni di questa chat',
    unsubscribe: 'Annullare un’iscrizione',
  },
  inline: (mention) => `In qualsiasi chat, scrivi <code>${mention} la tua domanda</code> per condividere una risposta.`,
  askUsage: 'Scrivi la domanda dopo il comando, per esempio: <code>/ask chi ha vinto le elezioni?</code>',
  unknownCommand: 'Non conosco questo comando. /help mostra cosa so fare.',
  textOnly: 'So leggere solo testo. Mandami la tua domanda sulle notizie come messaggio.',
  tooLong: (length, max) => `La domanda è troppo lunga (${length} caratteri). Resta sotto i ${max} caratteri: bastano una o due frasi.`,
  slowDown: (s) => `Fai domande più in fretta di quanto riesca a rispondere. Aspetta circa ${s} secondi, poi chiedi di nuovo.`,
  failed: 'Scusa, qualcosa è andato storto durante la risposta. Riprova.',
  unavailable: 'In questo momento non riesco a raggiungere i miei articoli. Riprova tra un attimo.',
  sourcesHeading: (n) => `Articoli nel mio archivio: ${n}`,
  pageOf: (p, pages) => `pagina ${p}/${pages}`,
  nothingIndexed: 'Non ci sono ancora articoli nel mio archivio.',
  noDates: 'Nessuno dei miei articoli ha una data di pubblicazione. /sources li mostra tutti.',
  tooOld: 'Questo messaggio è troppo vecchio per essere aggiornato.',
  slowDownShort: 'Più piano, per favore.',
  expired: 'Questa risposta è scaduta. Chiedi di nuovo.',
  feedbackThanks: 'Grazie per il tuo voto!',
  feedbackAgain: 'Hai già votato questa risposta.',
  privacy: (days, ids) =>
    `Cosa conservo: leggo le tue domande per rispondere e non le conservo, tranne quelle a cui non ho trovato risposta o la cui risposta ha ricevuto 👎: testo, lingua e ora, ${ids ? 'con il tuo id utente e della chat' : 'senza il tuo nome né il tuo id'}; vengono cancellate dopo ${days} giorni. I tuoi voti 👍/👎 sono conservati sotto un hash con chiave del tuo id utente, non sotto l’id stesso, finché non li cancelli. /forget cancella ciò che conservo su di te. Le iscrizioni di una chat (/subscribe) conservano il suo id e le loro parole fino a /unsubscribe o finché non lascio la chat.`,
  forgotten: (votes, questions, subscriptions) => `Fatto. Cancellati: voti: ${votes}, domande: ${questions}, iscrizioni: ${subscriptions}.`,
  notAllowed: 'Mi dispiace, questo bot risponde solo nelle chat e alle persone autorizzate dal suo proprietario.',
  newArticles: (n) => `Nuovi articoli: ${n}`,
  subscribeUsage:
    'Scrivi le parole di un tema dopo il comando, ad es. <code>/subscribe ponte del porto</code>. Pubblicherò qui ogni nuovo articolo sul tema.',
  subscribed: (words) => `Iscritto a «${words}»: pubblicherò qui i nuovi articoli sul tema. /subscriptions le elenca, /unsubscribe ne annulla una.`,
  alreadySubscribed: (words) => `Questa chat segue già «${words}».`,
  tooManySubscriptions: (max) => `Questa chat ha ${max} iscrizioni, il massimo. /unsubscribe ne toglie una.`,
  noSubscriptions: 'Questa chat non ha iscrizioni. /subscribe seguito da parole ne aggiunge una.',
  subscriptionsHeading: 'Iscrizioni di questa chat:',
  unsubscribed: (n) => `Rimosse: ${n}.`,
  unsubscribeUsage: 'Indica quale togliere: /unsubscribe seguito dal suo numero in /subscriptions, oppure /unsubscribe all.',
  adminsOnly: 'Solo gli amministratori di questo gruppo possono cambiarne le iscrizioni.',
};
