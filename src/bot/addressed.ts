import type { Message, Update } from 'telegraf/types';

/**
 * Decides whether an incoming update is meant for the bot, and as what. Pure, so the rules that keep
 * the bot quiet in groups are tested without Telegram.
 */

export interface BotIdentity {
  id: number;
  username: string;
}

export type Decision =
  | { kind: 'ignore'; reason: string }
  /** A command addressed to us: name in lower case without "/" or "@bot", and the rest of the text. */
  | { kind: 'command'; command: string; args: string }
  | { kind: 'question'; text: string }
  /** A photo, sticker, voice… sent to us in private: worth a hint. */
  | { kind: 'non-text' };

const ignore = (reason: string): Decision => ({ kind: 'ignore', reason });

const COMMAND = /^\/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]{3,64}))?(?=\s|$)/;

/** Commands answered in groups without "@BotName" (others need it, so several bots can share a group). */
const BARE_GROUP_COMMANDS = new Set(['ask']);

/** True when the message is a forward (Bot API 7: forward_origin; older: forward_date). */
function isForwarded(m: Message): boolean {
  return 'forward_origin' in m || 'forward_date' in m;
}

/** Mentions of the bot (by @username or a text_mention of its id), as [offset, length] spans. */
function mentionSpans(text: string, m: Message.TextMessage, bot: BotIdentity): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const handle = `@${bot.username}`.toLowerCase();
  for (const e of m.entities ?? []) {
    if (e.type === 'mention' && text.slice(e.offset, e.offset + e.length).toLowerCase() === handle) spans.push([e.offset, e.length]);
    if (e.type === 'text_mention' && e.user.id === bot.id) spans.push([e.offset, e.length]);
  }
  if (spans.length === 0 && !m.entities?.some((e) => e.type === 'mention')) {
    // Without entities (some clients, test tools), fall back to the text itself.
    const re = new RegExp(`@${bot.username}\\b`, 'gi');
    for (const match of text.matchAll(re)) spans.push([match.index, match[0].length]);
  }
  return spans;
}

function removeSpans(text: string, spans: Array<[number, number]>): string {
  let out = text;
  for (const [offset, length] of [...spans].sort((a, b) => b[0] - a[0])) {
    out = out.slice(0, offset) + ' ' + out.slice(offset + length);
  }
  return out
    .replace(/\s+/g, ' ')
    .replace(/ ([,;:.!?])/g, '$1')
    .replace(/^[\s,:;.!?-]+/, '')
    .trim();
}

/**
 * A reply to one of our messages, but not the implicit "reply" every forum-topic message carries to
 * the topic's creation message (which may well be ours if the bot opened the topic).
 */
function isReplyToBot(m: Message, bot: BotIdentity): boolean {
  const replied = 'reply_to_message' in m ? m.reply_to_message : undefined;
  if (!replied || replied.from?.id !== bot.id) return false;
  if ('forum_topic_created' in replied) return false;
  if ('is_topic_message' in m && m.is_topic_message && replied.message_id === m.message_thread_id) return false;
  return true;
}

/** What to do with `update` (only `message` updates can be questions; others are handled elsewhere). */
export function addressed(update: Update, bot: BotIdentity): Decision {
  if ('edited_message' in update) return ignore('edited message');
  if ('channel_post' in update || 'edited_channel_post' in update) return ignore('channel post');
  if (!('message' in update)) return ignore('not a message');
  const m = update.message;
  const chatType = m.chat.type;
  if ((chatType as string) === 'channel') return ignore('channel');
  if ('via_bot' in m && m.via_bot?.id === bot.id) return ignore('our own inline result');
  if (m.from?.id === bot.id) return ignore('our own message');
  const isPrivate = chatType === 'private';
  // Other bots (and anonymous group admins, who appear as a bot) must address us explicitly.
  const fromBot = m.from?.is_bot === true;
  const forwarded = isForwarded(m);

  if (!('text' in m) || typeof m.text !== 'string') {
    if (isPrivate && !fromBot && !('new_chat_members' in m) && !('left_chat_member' in m)) {
      const service = Object.keys(m).some((k) => /_chat_|^pinned_message$|^forum_topic_|^migrate_|^write_access/.test(k));
      return service ? ignore('service message') : { kind: 'non-text' };
    }
    return ignore('not text');
  }
  const text = m.text;

  // A forward carries someone else's words: its commands and mentions are not addressed to us.
  // In private the user chose to send it to us, so its text is the question.
  if (forwarded) return isPrivate && !fromBot ? { kind: 'question', text: text.trim() } : ignore('forwarded');

  const command = COMMAND.exec(text);
  if (command) {
    const name = command[1]!.toLowerCase();
    const target = command[2];
    const args = text.slice(command[0].length).trim();
    if (target !== undefined && target.toLowerCase() !== bot.username.toLowerCase()) return ignore('command for another bot');
    if (isPrivate) return fromBot ? ignore('bot in private') : { kind: 'command', command: name, args };
    if (target !== undefined || BARE_GROUP_COMMANDS.has(name)) return { kind: 'command', command: name, args };
    return ignore('bare command in a group');
  }

  const mentions = mentionSpans(text, m, bot);
  if (mentions.length > 0) return { kind: 'question', text: removeSpans(text, mentions) };
  if (isPrivate) return fromBot ? ignore('bot in private') : { kind: 'question', text: text.trim() };
  if (isReplyToBot(m, bot)) return { kind: 'question', text: text.trim() };
  return ignore('not addressed to us');
}
