import type { Phrases } from './types.js';

/**
 * The bot's own sentences in Portuguese (Brazilian). The count is given as "(…: N)", which
 * reads right for any N without plural and case forms.
 */
export const pt: Phrases = {
  notFound: (n, hint) => `Não encontrei nada sobre isso (artigos no meu acervo: ${n}). Tente reformular ou ${hint}.`,
  articlesIn: (languages) => `Os meus artigos estão em ${languages}.`,
  askAbout: (topics) => `pergunte sobre ${topics}`,
  askAboutAnything: 'pergunte sobre uma pessoa, um lugar ou um acontecimento das notícias',
  noArticles: 'Ainda não tenho artigos para pesquisar, por isso não posso responder.',
  hello: (n) =>
    `Olá! Respondo a perguntas sobre as notícias (artigos no meu acervo: ${n}). Pergunte, por exemplo: “o que o presidente disse sobre a cúpula?”`,
  thanks: (n) => `De nada! Pergunte o que quiser sobre as notícias (artigos no meu acervo: ${n}).`,
  latestPointer: '/latest mostra os meus artigos mais recentes; ou pergunte sobre algo neles.',
  latestHeading: 'Artigos mais recentes',
  empty: (n) => `Envie-me uma pergunta sobre as notícias e eu procuro a resposta (artigos no meu acervo: ${n}).`,
  notSure: 'Não tenho certeza de que isto responde à sua pergunta; é o mais próximo que encontrei:',
  otherYear: (asked, shown, latest) =>
    latest
      ? `Não tenho nada de ${asked}; o mais recente que tenho é de ${shown}:`
      : `Não tenho nada sobre ${asked}; o mais próximo que tenho é de ${shown}:`,
  otherEvent: (asked, shown) => `Não tenho nada sobre “${asked}”; o mais próximo que tenho é de ${shown}:`,
  otherOutcome: (asked, shown) => `Não tenho resultados de ${asked}; o mais próximo que tenho é de ${shown}:`,
  openArticle: 'Abrir artigo',
  previous: '◀ Anterior',
  next: 'Próximo ▶',
  greeting: (n) => `Olá! Respondo a perguntas sobre as notícias (artigos no meu acervo: <b>${n}</b>).`,
  howItWorks:
    'Envie-me uma pergunta com suas palavras, por exemplo: <i>o que o presidente disse sobre a cúpula?</i> Respondo com o trecho que a responde e um link para o artigo.',
  inGroup: (mention) => `Em um grupo, use /ask, mencione ${mention} ou responda a uma das minhas mensagens.`,
  moreCommands: '/help mostra todos os comandos.',
  howToAskHeading: 'Como perguntar',
  howToAsk:
    'Envie uma pergunta como mensagem (em grupos: /ask, uma menção ou uma resposta a mim). «Próximo ▶» sob uma resposta mostra o trecho seguinte.',
  commandsHeading: 'Comandos',
  questionPlaceholder: 'pergunta',
  commands: {
    ask: 'Fazer uma pergunta sobre as notícias',
    sources: 'Os artigos do meu acervo',
    latest: 'Os artigos mais recentes',
    help: 'Como perguntar',
    start: 'O que este bot faz',
    privacy: 'O que o bot guarda sobre você',
    forget: 'Apagar o que o bot guarda sobre você',
    subscribe: 'Receber aqui novos artigos sobre um tema',
    subscriptions: 'As assinaturas deste chat',
    unsubscribe: 'Cancelar uma assinatura',
  },
  inline: (mention) => `Em qualquer chat, digite <code>${mention} sua pergunta</code> para compartilhar uma resposta.`,
  askUsage: 'Escreva a pergunta depois do comando, por exemplo: <code>/ask quem ganhou a eleição?</code>',
  unknownCommand: 'Não conheço esse comando. /help mostra o que sei fazer.',
  textOnly: 'Só consigo ler texto. Envie sua pergunta sobre as notícias como mensagem.',
  tooLong: (length, max) => `A pergunta é longa demais (${length} caracteres). Mantenha-a abaixo de ${max} caracteres: uma ou duas frases bastam.`,
  slowDown: (s) => `Você está perguntando mais rápido do que consigo responder. Espere cerca de ${s} segundos e pergunte de novo.`,
  failed: 'Desculpe, algo deu errado ao responder. Tente novamente.',
  unavailable: 'Não consigo acessar meus artigos agora. Pergunte de novo daqui a pouco.',
  sourcesHeading: (n) => `Artigos no meu acervo: ${n}`,
  pageOf: (p, pages) => `página ${p}/${pages}`,
  nothingIndexed: 'Ainda não há artigos no meu acervo.',
  noDates: 'Nenhum dos meus artigos tem data de publicação. /sources mostra todos.',
  tooOld: 'Esta mensagem é antiga demais para ser atualizada.',
  slowDownShort: 'Mais devagar, por favor.',
  expired: 'Esta resposta expirou. Pergunte de novo.',
  feedbackThanks: 'Obrigado pela avaliação!',
  feedbackAgain: 'Você já avaliou esta resposta.',
  privacy: (days, ids) =>
    `O que guardo: leio suas perguntas para respondê-las e não as guardo, exceto as que não consegui responder ou cuja resposta recebeu 👎: texto, idioma e hora, ${ids ? 'com seu id de usuário e de chat' : 'sem seu nome nem seu id'}; são apagadas após ${days} dias. Seus votos 👍/👎 são guardados sob um hash com chave do seu id de usuário, não sob o próprio id, até que você os apague. /forget apaga o que guardo sobre você. As assinaturas de um chat (/subscribe) guardam o id dele e as palavras até /unsubscribe ou até eu sair do chat.`,
  forgotten: (votes, questions, subscriptions) => `Pronto. Apagados: avaliações: ${votes}, perguntas: ${questions}, assinaturas: ${subscriptions}.`,
  notAllowed: 'Desculpe, este bot só responde nos chats e às pessoas que o seu proprietário autorizou.',
  newArticles: (n) => `Novos artigos: ${n}`,
  subscribeUsage:
    'Escreva as palavras de um tema depois do comando, p. ex. <code>/subscribe ponte do porto</code>. Vou publicar aqui cada novo artigo sobre ele.',
  subscribed: (words) =>
    `Assinatura de “${words}” feita: vou publicar aqui os novos artigos sobre isso. /subscriptions lista as assinaturas, /unsubscribe cancela uma.`,
  alreadySubscribed: (words) => `Este chat já segue “${words}”.`,
  tooManySubscriptions: (max) => `Este chat tem ${max} assinaturas, o máximo. /unsubscribe remove uma.`,
  noSubscriptions: 'Este chat não tem assinaturas. /subscribe seguido de palavras adiciona uma.',
  subscriptionsHeading: 'Assinaturas deste chat:',
  unsubscribed: (n) => `Removidas: ${n}.`,
  unsubscribeUsage: 'Diga qual remover: /unsubscribe seguido do número dela em /subscriptions, ou /unsubscribe all.',
  adminsOnly: 'Só os administradores deste grupo podem mudar as assinaturas dele.',
};
