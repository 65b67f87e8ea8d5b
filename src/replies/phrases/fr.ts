import type { Phrases } from './types.js';

/**
 * The bot's own sentences in French. The count is given as "(…: N)", which
 * reads right for any N without plural and case forms.
 */
export const fr: Phrases = {
  notFound: (n, hint) => `Je n’ai rien trouvé à ce sujet (articles dans ma base : ${n}). Essayez de reformuler, ou ${hint}.`,
  articlesIn: (languages) => `Mes articles sont en ${languages}.`,
  askAbout: (topics) => `posez une question sur ${topics}`,
  askAboutAnything: 'posez une question sur une personne, un lieu ou un événement de l’actualité',
  noArticles: 'Je n’ai pas encore d’articles où chercher, je ne peux donc pas répondre.',
  hello: (n) =>
    `Bonjour ! Je réponds aux questions sur l’actualité (articles dans ma base : ${n}). Demandez par exemple : « qu’a dit le président à propos du sommet ? »`,
  thanks: (n) => `Je vous en prie ! Posez-moi d’autres questions sur l’actualité (articles dans ma base : ${n}).`,
  latestPointer: '/latest affiche mes articles les plus récents ; ou posez une question sur l’un d’eux.',
  latestHeading: 'Articles les plus récents',
  empty: (n) => `Envoyez-moi une question sur l’actualité, et je chercherai la réponse (articles dans ma base : ${n}).`,
  notSure: 'Pas sûr que cela réponde à votre question ; voici ce que j’ai trouvé de plus proche :',
  otherYear: (asked, shown, latest) =>
    latest
      ? `Je n’ai rien de ${asked} ; le plus récent que j’ai date du ${shown} :`
      : `Je n’ai rien sur ${asked} ; le plus proche que j’ai date du ${shown} :`,
  otherEvent: (asked, shown) => `Je n’ai rien sur « ${asked} » ; le plus proche que j’ai date du ${shown} :`,
  otherOutcome: (asked, shown) => `Je n’ai aucun résultat de ${asked} ; le plus proche que j’ai date du ${shown} :`,
  openArticle: 'Ouvrir l’article',
  previous: '◀ Précédent',
  next: 'Suivant ▶',
  greeting: (n) => `Bonjour ! Je réponds aux questions sur l’actualité (articles dans ma base : <b>${n}</b>).`,
  howItWorks:
    'Envoyez-moi simplement une question avec vos mots, par exemple : <i>qu’a dit le président à propos du sommet ?</i> Je réponds avec le passage qui y répond et un lien vers l’article.',
  inGroup: (mention) => `Dans un groupe, utilisez /ask, mentionnez ${mention} ou répondez à l’un de mes messages.`,
  moreCommands: '/help affiche toutes les commandes.',
  howToAskHeading: 'Comment poser une question',
  howToAsk:
    'Envoyez une question en message (dans les groupes : /ask, une mention ou une réponse à l’un de mes messages). « Suivant ▶ » sous une réponse affiche le passage suivant.',
  commandsHeading: 'Commandes',
  questionPlaceholder: 'question',
  commands: {
    ask: 'Poser une question sur l’actualité',
    sources: 'Les articles de ma base',
    latest: 'Les articles les plus récents',
    help: 'Comment poser une question',
    start: 'Ce que fait ce bot',
    privacy: 'Ce que le bot conserve sur vous',
    forget: 'Supprimer ce que le bot conserve sur vous',
    subscribe: 'Recevoir ici les nouveaux articles sur un sujet',
    subscriptions: 'Les abonnements de cette discussion',
    unsubscribe: 'Arrêter un abonnement',
  },
  inline: (mention) => `Dans n’importe quelle discussion, tapez <code>${mention} votre question</code> pour partager une réponse.`,
  askUsage: 'Écrivez votre question après la commande, par exemple : <code>/ask qui a gagné l’élection ?</code>',
  unknownCommand: 'Je ne connais pas cette commande. /help indique ce que je sais faire.',
  textOnly: 'Je ne sais lire que du texte. Envoyez-moi votre question sur l’actualité sous forme de message.',
  tooLong: (length, max) =>
    `Cette question est trop longue (${length} caractères). Restez sous les ${max} caractères : une ou deux phrases suffisent.`,
  slowDown: (s) => `Vous posez des questions plus vite que je ne peux répondre. Attendez environ ${s} secondes, puis reposez votre question.`,
  failed: 'Désolé, un problème est survenu pendant la réponse. Veuillez réessayer.',
  unavailable: 'Je n’arrive pas à accéder à mes articles pour le moment. Reposez votre question dans un instant.',
  sourcesHeading: (n) => `Articles dans ma base : ${n}`,
  pageOf: (p, pages) => `page ${p}/${pages}`,
  nothingIndexed: 'Aucun article n’est encore dans ma base.',
  noDates: 'Aucun de mes articles n’a de date de publication. /sources les affiche tous.',
  tooOld: 'Ce message est trop ancien pour être mis à jour.',
  slowDownShort: 'Un peu moins vite, s’il vous plaît.',
  expired: 'Cette réponse a expiré. Reposez votre question.',
  feedbackThanks: 'Merci pour votre avis !',
  feedbackAgain: 'Vous avez déjà noté cette réponse.',
  privacy: (days, ids) =>
    `Ce que je conserve : je lis vos questions pour y répondre et ne les conserve pas, sauf celles auxquelles je n’ai pas trouvé de réponse ou dont la réponse a reçu 👎 : leur texte, leur langue et l’heure, ${ids ? 'avec votre identifiant d’utilisateur et de discussion' : 'sans votre nom ni votre identifiant'} ; elles sont supprimées après ${days} jours. Vos votes 👍/👎 sont conservés sous une empreinte à clé de votre identifiant, pas sous l’identifiant lui-même, jusqu’à ce que vous les supprimiez. /forget supprime ce que je conserve sur vous. Les abonnements d’une discussion (/subscribe) conservent son identifiant et leurs mots jusqu’à /unsubscribe ou jusqu’à ce que je quitte la discussion.`,
  forgotten: (votes, questions, subscriptions) => `C’est fait. Supprimé : avis : ${votes}, questions : ${questions}, abonnements : ${subscriptions}.`,
  notAllowed: 'Désolé, ce bot ne répond qu’aux discussions et aux personnes que son propriétaire a autorisées.',
  newArticles: (n) => `Nouveaux articles : ${n}`,
  subscribeUsage:
    'Écrivez les mots d’un sujet après la commande, par ex. <code>/subscribe pont du port</code>. Je publierai ici chaque nouvel article à ce sujet.',
  subscribed: (words) =>
    `Abonné à « ${words} » : je publierai ici les nouveaux articles à ce sujet. /subscriptions les liste, /unsubscribe en arrête un.`,
  alreadySubscribed: (words) => `Cette discussion suit déjà « ${words} ».`,
  tooManySubscriptions: (max) => `Cette discussion a ${max} abonnements, le maximum. /unsubscribe en retire un.`,
  noSubscriptions: 'Cette discussion n’a aucun abonnement. /subscribe suivi de mots en ajoute un.',
  subscriptionsHeading: 'Abonnements de cette discussion :',
  unsubscribed: (n) => `Retirés : ${n}.`,
  unsubscribeUsage: 'Dites lequel retirer : /unsubscribe suivi de son numéro dans /subscriptions, ou /unsubscribe all.',
  adminsOnly: 'Seuls les administrateurs de ce groupe peuvent modifier ses abonnements.',
};
