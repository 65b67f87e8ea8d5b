import type { Phrases } from './types.js';

/**
 * The bot's own sentences in German. The count is given as "(…: N)", which
 * reads right for any N without plural and case forms.
 */
export const de: Phrases = {
  notFound: (n, hint) => `Dazu habe ich nichts gefunden (Artikel in meinem Bestand: ${n}). Formulieren Sie die Frage anders oder ${hint}.`,
  articlesIn: (languages) => `Meine Artikel sind auf ${languages}.`,
  askAbout: (topics) => `fragen Sie nach ${topics}`,
  askAboutAnything: 'fragen Sie nach einer Person, einem Ort oder einem Ereignis aus den Nachrichten',
  noArticles: 'Ich habe noch keine Artikel zum Durchsuchen und kann daher nicht antworten.',
  hello: (n) =>
    `Hallo! Ich beantworte Fragen zu den Nachrichten (Artikel in meinem Bestand: ${n}). Fragen Sie etwa: „Was hat der Präsident über den Gipfel gesagt?“`,
  thanks: (n) => `Gern geschehen! Fragen Sie mich gern mehr zu den Nachrichten (Artikel in meinem Bestand: ${n}).`,
  latestPointer: '/latest zeigt meine neuesten Artikel; oder fragen Sie nach etwas daraus.',
  latestHeading: 'Neueste Artikel',
  empty: (n) => `Schicken Sie mir eine Frage zu den Nachrichten, und ich suche die Antwort (Artikel in meinem Bestand: ${n}).`,
  notSure: 'Nicht sicher, ob das Ihre Frage beantwortet; das Nächstliegende, was ich gefunden habe:',
  otherYear: (asked, shown, latest) =>
    latest
      ? `Aus ${asked} habe ich nichts; das Neueste, was ich habe, ist vom ${shown}:`
      : `Zu ${asked} habe ich nichts; das Nächste, was ich habe, ist vom ${shown}:`,
  otherEvent: (asked, shown) => `Zu „${asked}“ habe ich nichts; das Nächste, was ich habe, ist vom ${shown}:`,
  otherOutcome: (asked, shown) => `Ergebnisse aus ${asked} habe ich keine; das Nächste, was ich habe, ist vom ${shown}:`,
  openArticle: 'Artikel öffnen',
  previous: '◀ Zurück',
  next: 'Weiter ▶',
  greeting: (n) => `Hallo! Ich beantworte Fragen zu den Nachrichten (Artikel in meinem Bestand: <b>${n}</b>).`,
  howItWorks:
    'Schicken Sie mir einfach eine Frage in eigenen Worten, etwa: <i>Was hat der Präsident über den Gipfel gesagt?</i> Ich antworte mit dem Absatz, der die Antwort enthält, und einem Link zum Artikel.',
  inGroup: (mention) => `In einer Gruppe: /ask verwenden, ${mention} erwähnen oder auf eine meiner Nachrichten antworten.`,
  moreCommands: '/help zeigt alle Befehle.',
  howToAskHeading: 'So fragen Sie',
  howToAsk:
    'Schicken Sie eine Frage als Nachricht (in Gruppen: /ask, eine Erwähnung oder eine Antwort auf mich). „Weiter ▶“ unter einer Antwort zeigt den nächstbesten Absatz.',
  commandsHeading: 'Befehle',
  questionPlaceholder: 'Frage',
  commands: {
    ask: 'Eine Frage zu den Nachrichten stellen',
    sources: 'Die durchsuchten Artikel',
    latest: 'Die neuesten Artikel',
    help: 'So fragen Sie',
    start: 'Was dieser Bot kann',
    privacy: 'Was der Bot über Sie speichert',
    forget: 'Löschen, was der Bot über Sie speichert',
    subscribe: 'Neue Artikel zu einem Thema hier erhalten',
    subscriptions: 'Die Abonnements dieses Chats',
    unsubscribe: 'Ein Abonnement beenden',
  },
  inline: (mention) => `Tippen Sie in jedem Chat <code>${mention} Ihre Frage</code>, um eine Antwort zu teilen.`,
  askUsage: 'Schreiben Sie Ihre Frage hinter den Befehl, etwa: <code>/ask Wer hat die Wahl gewonnen?</code>',
  unknownCommand: 'Diesen Befehl kenne ich nicht. /help zeigt, was ich kann.',
  textOnly: 'Ich kann nur Text lesen. Schicken Sie mir Ihre Frage zu den Nachrichten als Nachricht.',
  tooLong: (length, max) => `Die Frage ist zu lang (${length} Zeichen). Bitte bleiben Sie unter ${max} Zeichen: ein, zwei Sätze genügen.`,
  slowDown: (s) => `Sie fragen schneller, als ich antworten kann. Bitte warten Sie etwa ${s} Sekunden und fragen Sie dann erneut.`,
  failed: 'Entschuldigung, beim Antworten ist etwas schiefgegangen. Bitte versuchen Sie es noch einmal.',
  unavailable: 'Ich komme gerade nicht an meine Artikel. Bitte fragen Sie in einem Moment noch einmal.',
  sourcesHeading: (n) => `Artikel in meinem Bestand: ${n}`,
  pageOf: (p, pages) => `Seite ${p}/${pages}`,
  nothingIndexed: 'Es sind noch keine Artikel im Bestand.',
  noDates: 'Keiner meiner Artikel hat ein Veröffentlichungsdatum. /sources listet alle auf.',
  tooOld: 'Diese Nachricht ist zu alt, um sie zu ändern.',
  slowDownShort: 'Bitte etwas langsamer.',
  expired: 'Diese Antwort ist abgelaufen. Bitte fragen Sie erneut.',
  feedbackThanks: 'Danke für Ihre Bewertung!',
  feedbackAgain: 'Sie haben diese Antwort schon bewertet.',
  privacy: (days, ids) =>
    `Was ich speichere: Ihre Fragen lese ich, um sie zu beantworten, und speichere sie nicht, außer denen, auf die ich keine Antwort fand oder deren Antwort ein 👎 bekam: Text, Sprache und Zeit, ${ids ? 'mit Ihrer Nutzer- und Chat-ID' : 'ohne Ihren Namen oder Ihre ID'}; sie werden nach ${days} Tagen gelöscht. Ihre 👍/👎-Bewertungen werden unter einem schlüsselbasierten Hash Ihrer Nutzer-ID gespeichert, nicht unter der ID selbst, bis Sie sie löschen. /forget löscht, was ich über Sie gespeichert habe. Abonnements eines Chats (/subscribe) speichern seine ID und ihre Wörter, bis /unsubscribe oder bis ich den Chat verlasse.`,
  forgotten: (votes, questions, subscriptions) => `Erledigt. Gelöscht: Bewertungen: ${votes}, Fragen: ${questions}, Abonnements: ${subscriptions}.`,
  notAllowed: 'Entschuldigung, dieser Bot steht nur den Chats und Personen offen, die sein Betreiber freigegeben hat.',
  newArticles: (n) => `Neue Artikel: ${n}`,
  subscribeUsage:
    'Schreiben Sie die Wörter eines Themas hinter den Befehl, z. B. <code>/subscribe Hafenbrücke</code>. Dann poste ich hier jeden neuen Artikel dazu.',
  subscribed: (words) => `Abonniert: „${words}“. Ich poste neue Artikel dazu hier. /subscriptions zeigt die Abonnements, /unsubscribe beendet eines.`,
  alreadySubscribed: (words) => `Dieser Chat folgt „${words}“ bereits.`,
  tooManySubscriptions: (max) => `Dieser Chat hat ${max} Abonnements, mehr geht nicht. /unsubscribe entfernt eines.`,
  noSubscriptions: 'Dieser Chat hat keine Abonnements. /subscribe mit Wörtern dahinter fügt eines hinzu.',
  subscriptionsHeading: 'Abonnements dieses Chats:',
  unsubscribed: (n) => `Entfernt: ${n}.`,
  unsubscribeUsage: 'Sagen Sie, welches: /unsubscribe mit seiner Nummer aus /subscriptions, oder /unsubscribe all.',
  adminsOnly: 'Nur die Admins dieser Gruppe können ihre Abonnements ändern.',
};
