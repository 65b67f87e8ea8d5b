import { setImmediate as giveWay } from 'node:timers/promises';
import type { Article } from '../articles/types.js';
import type { Channel } from '../config.js';
import { phrasesFor } from '../replies/phrases/index.js';
import { escapeHtml, linkableUrl, sanitize, truncate } from '../replies/text.js';
import { articleKey, leadPassage, matchNewArticle, newArticle, type NewArticle } from '../search/news-match.js';
import type { Language } from '../search/language.js';
import type { AnswerOptions, Passage } from '../search/types.js';
import type { State } from '../state/types.js';
import type { BotCore } from './core.js';
import { articleHead, escapeTruncated, MAX_MESSAGE_LENGTH, passageHtml } from './format.js';

/** More matching new articles than this for one chat in one reload: one digest message instead. */
export const DIGEST_OVER = 5;
/** Titles a digest lists; the rest are counted. */
const DIGEST_MAX = 40;
/** Room a post leaves its passage. */
const POST_PASSAGE = 700;

/** Where the live index's news comes from (set by main.ts). */
export interface NewsSource {
  /** Whether the index at start came from the persisted cache: after a full rebuild nothing already there is new. */
  fromCache: boolean;
  /** Registers the one listener told of each reload that changed the articles. */
  onChanged(listener: (articles: readonly Article[]) => void): void;
  /** The answer models, so subscriptions match as questions are answered. */
  models?: Pick<AnswerOptions, 'vectors' | 'sentences'>;
}

/** One chat's standing interest: a subscription (/subscribe) or an operator's channel (CHANNELS). */
interface Target {
  chat: number | string;
  /** None: every new article. */
  words: string | undefined;
}

interface Match {
  item: NewArticle;
  passage: Passage;
  words: string | undefined;
}

/**
 * Posts new articles to the chats that want them. "New" is against the article keys the bot has
 * seen (kept in the store, so a restart posts what arrived meanwhile, not what was there): on a first
 * start or after a full rebuild of the index nothing already there counts. Each post is claimed in
 * the store before it is sent, so no chat gets an article twice. Reloads are handled one at a time.
 */
export class NewsPoster {
  private known = new Set<string>();
  /** Whether the store's known_articles reflects `known`: kept only once someone can be posted to, so a bot nobody subscribes to never makes its store. */
  private persisted = false;
  private work: Promise<void> = Promise.resolve();
  private channelIds = new Map<string, number>();

  constructor(
    private readonly core: BotCore,
    private readonly state: State,
    private readonly source: NewsSource,
    private readonly channels: readonly Channel[],
  ) {}

  /** Takes the articles there at start as seen (all of them, unless the store knows better); then follows reloads. */
  start(articles: readonly Article[]): void {
    this.queue(() => this.baseline(articles));
    this.source.onChanged((now) => this.queue(() => this.post(now)));
  }

  /** A chat subscribed: from now on the store must know which articles exist, so the next restart can tell new ones. */
  subscribed(): Promise<void> {
    return this.queue(() => this.persist([...this.known]));
  }

  /** Resolves when the reloads told so far are handled. */
  idle(): Promise<void> {
    return this.work;
  }

  private queue(job: () => Promise<void>): Promise<void> {
    this.work = this.work.then(job).catch((err: unknown) => this.core.log.error({ error: this.core.safe(err) }, 'posting new articles failed'));
    this.core.track(this.work);
    return this.work;
  }

  private async baseline(articles: readonly Article[]): Promise<void> {
    const keys = articles.map(articleKey);
    const wanted = this.channels.length > 0 || (await this.state.subscriptions()).length > 0;
    const stored = wanted ? await this.state.knownArticles() : [];
    for (const k of stored) this.known.add(k);
    if (!wanted) {
      for (const k of keys) this.known.add(k);
      return;
    }
    if (stored.length === 0 || !this.source.fromCache) {
      for (const k of keys) this.known.add(k);
      await this.persist(keys.filter((k) => !stored.includes(k)));
      this.core.log.info({ articles: keys.length }, 'new-article posts: the articles there now are taken as seen');
      return;
    }
    this.persisted = true;
    await this.post(articles);
  }

  private async persist(keys: string[]): Promise<void> {
    await this.state.addKnownArticles(keys, new Date());
    this.persisted = true;
  }

  private async post(articles: readonly Article[]): Promise<void> {
    const fresh = new Map<string, Article>();
    for (const a of articles) {
      const key = articleKey(a);
      if (!this.known.has(key) && !fresh.has(key)) fresh.set(key, a);
    }
    if (fresh.size === 0) return;
    for (const key of fresh.keys()) this.known.add(key);
    const targets: Target[] = [
      ...this.channels.map((c) => ({ chat: c.chat, words: c.words })),
      ...(await this.state.subscriptions()).map((s) => ({ chat: s.chatId, words: s.words })),
    ];
    if (targets.length === 0 && !this.persisted) return;
    await this.persist([...fresh.keys()]);
    if (targets.length === 0) return;
    // A burst (hundreds of articles) is matched in turns, so questions keep being answered meanwhile.
    const items: NewArticle[] = [];
    for (const a of fresh.values()) {
      items.push(newArticle(a));
      await giveWay();
    }
    const byChat = new Map<number | string, Map<string, Match>>();
    const options = { ...this.source.models };
    for (const t of targets) {
      for (const item of items) {
        const matches = byChat.get(t.chat) ?? new Map<string, Match>();
        if (matches.has(item.key)) continue;
        const passage = t.words === undefined ? leadPassage(item.article) : matchNewArticle(item, t.words, options);
        if (!passage) continue;
        matches.set(item.key, { item, passage, words: t.words });
        byChat.set(t.chat, matches);
      }
      await giveWay();
    }
    for (const [chat, matches] of byChat) await this.postTo(chat, [...matches.values()]);
  }

  private async postTo(chat: number | string, matches: Match[]): Promise<void> {
    const chatId = await this.chatId(chat);
    if (chatId === undefined) return;
    const claimed = new Set(
      await this.state.claimPosted(
        chatId,
        matches.map((m) => m.item.key),
        new Date(),
      ),
    );
    const toSend = matches.filter((m) => claimed.has(m.item.key));
    if (toSend.length === 0) return;
    this.core.counters.newsPosted = (this.core.counters.newsPosted ?? 0) + toSend.length;
    const messages =
      toSend.length > DIGEST_OVER
        ? [
            renderDigest(
              toSend.map((m) => m.item.article),
              toSend[0]!.item.index.language,
            ),
          ]
        : toSend.map(renderPost);
    for (const html of messages) {
      this.core.sender
        .send(chatId, 'sendMessage', { chat_id: chatId, text: html, parse_mode: 'HTML', link_preview_options: { is_disabled: true } })
        .catch((err: unknown) => this.core.log.warn({ chatId, error: this.core.safe(err) }, 'could not post a new article'));
    }
  }

  /** A chat's numeric id: "@name" channels are looked up once (getChat), as posts are kept per numeric id. */
  private async chatId(chat: number | string): Promise<number | undefined> {
    if (typeof chat === 'number') return chat;
    const known = this.channelIds.get(chat);
    if (known !== undefined) return known;
    try {
      const id = (await this.core.telegram.getChat(chat)).id;
      this.channelIds.set(chat, id);
      return id;
    } catch (err) {
      this.core.log.warn({ channel: chat, error: this.core.safe(err) }, 'CHANNELS: cannot find this chat (is the bot an admin there?)');
      return undefined;
    }
  }
}

/** One new article: 🔔 the subscription's words, the best-matching passage, then title, source and date with the link. HTML. */
export function renderPost(m: Match): string {
  const head = articleHead(m.passage.article);
  const label = m.words === undefined ? '' : `🔔 <i>${escapeTruncated(sanitize(m.words), 100)}</i>\n`;
  return `${label}${passageHtml(m.passage, POST_PASSAGE)}\n\n${head}`;
}

/** Many new articles at once: their titles and links in one message. HTML. */
export function renderDigest(articles: readonly Article[], language: Language | undefined): string {
  const say = phrasesFor(language);
  const lines = articles.slice(0, DIGEST_MAX).map((a, i) => {
    const title = escapeHtml(truncate(sanitize(a.title || a.file), 150));
    const url = linkableUrl(a.url);
    return `${i + 1}. ${url ? `<a href="${escapeHtml(url)}">${title}</a>` : title}`;
  });
  const more = articles.length > DIGEST_MAX ? `\n… ${articles.length - DIGEST_MAX}+` : '';
  let text = `🔔 <b>${escapeHtml(say.newArticles(articles.length))}</b>\n${lines.join('\n')}${more}`;
  while (text.length > MAX_MESSAGE_LENGTH) text = text.slice(0, text.lastIndexOf('\n'));
  return text;
}
