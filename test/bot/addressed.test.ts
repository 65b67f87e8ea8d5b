import type { Update } from 'telegraf/types';
import { describe, expect, it } from 'vitest';
import { addressed } from '../../src/bot/addressed.js';

const me = { id: 42, username: 'NewsBot' };
const user = { id: 7, is_bot: false, first_name: 'Ann' };
const privateChat = { id: 7, type: 'private', first_name: 'Ann' };
const group = { id: -100, type: 'supergroup', title: 'Readers' };

let nextId = 1;
function msg(fields: Record<string, unknown>, chat: object = group): Update {
  return { update_id: nextId, message: { message_id: nextId++, date: 0, chat, from: user, ...fields } } as unknown as Update;
}
const cmd = (text: string, chat: object = group) =>
  msg({ text, entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]!.length }] }, chat);

describe('addressed', () => {
  it('treats any text in a private chat as a question', () => {
    expect(addressed(msg({ text: '  who won the vote? ' }, privateChat), me)).toEqual({ kind: 'question', text: 'who won the vote?' });
  });

  it('routes commands in private, with or without @BotName', () => {
    expect(addressed(cmd('/start', privateChat), me)).toEqual({ kind: 'command', command: 'start', args: '' });
    expect(addressed(cmd('/ask@NewsBot who won?', privateChat), me)).toEqual({ kind: 'command', command: 'ask', args: 'who won?' });
  });

  it('hints on non-text messages in private, and stays quiet about them in groups', () => {
    expect(addressed(msg({ sticker: { file_id: 'x' } }, privateChat), me)).toEqual({ kind: 'non-text' });
    expect(addressed(msg({ photo: [], caption: '@NewsBot what is this?' }), me).kind).toBe('ignore');
  });

  it('answers /ask and /ask@BotName in groups, ignores /ask@OtherBot and bare other commands', () => {
    expect(addressed(cmd('/ask who won?'), me)).toEqual({ kind: 'command', command: 'ask', args: 'who won?' });
    expect(addressed(cmd('/ask@newsbot who won?'), me)).toEqual({ kind: 'command', command: 'ask', args: 'who won?' });
    expect(addressed(cmd('/ask@OtherBot who won?'), me).kind).toBe('ignore');
    expect(addressed(cmd('/help'), me).kind).toBe('ignore');
    expect(addressed(cmd('/help@NewsBot'), me)).toEqual({ kind: 'command', command: 'help', args: '' });
  });

  it('answers a group message that mentions the bot, without the mention', () => {
    const text = 'hey @NewsBot, when did the bridge reopen?';
    const update = msg({ text, entities: [{ type: 'mention', offset: 4, length: 8 }] });
    expect(addressed(update, me)).toEqual({ kind: 'question', text: 'hey, when did the bridge reopen?' });
    expect(addressed(msg({ text: '@newsbot is it open' }), me)).toEqual({ kind: 'question', text: 'is it open' });
  });

  it('ignores mentions of other users and plain chatter in groups', () => {
    expect(addressed(msg({ text: 'ask @NewsBotFan', entities: [{ type: 'mention', offset: 4, length: 11 }] }), me).kind).toBe('ignore');
    expect(addressed(msg({ text: 'what a day' }), me)).toEqual({ kind: 'ignore', reason: 'not addressed to us' });
  });

  it('answers replies to its own messages, not replies to other people', () => {
    const ours = { message_id: 1, date: 0, chat: group, from: { id: 42, is_bot: true, first_name: 'News' }, text: 'answer' };
    const theirs = { ...ours, from: user };
    expect(addressed(msg({ text: 'and then?', reply_to_message: ours }), me)).toEqual({ kind: 'question', text: 'and then?' });
    expect(addressed(msg({ text: 'and then?', reply_to_message: theirs }), me).kind).toBe('ignore');
  });

  it('does not take a forum topic message as a reply to the bot because the bot created the topic', () => {
    const created = {
      message_id: 5,
      date: 0,
      chat: group,
      from: { id: 42, is_bot: true, first_name: 'News' },
      forum_topic_created: { name: 'News', icon_color: 1 },
    };
    const update = msg({ text: 'hello all', is_topic_message: true, message_thread_id: 5, reply_to_message: created });
    expect(addressed(update, me).kind).toBe('ignore');
    const realReply = msg({
      text: 'more?',
      is_topic_message: true,
      message_thread_id: 5,
      reply_to_message: { message_id: 9, date: 0, chat: group, from: { id: 42, is_bot: true, first_name: 'News' }, text: 'answer' },
    });
    expect(addressed(realReply, me)).toEqual({ kind: 'question', text: 'more?' });
  });

  it('ignores other bots unless they address it explicitly', () => {
    const bot = { id: 99, is_bot: true, first_name: 'Other' };
    expect(addressed(msg({ text: 'news?', from: bot }, privateChat), me).kind).toBe('ignore');
    expect(addressed(msg({ text: 'chatter', from: bot }), me).kind).toBe('ignore');
    expect(
      addressed(
        {
          ...(cmd('/ask@NewsBot who won?') as object),
          message: { ...(cmd('/ask@NewsBot who won?') as Update.MessageUpdate).message, from: bot },
        } as Update,
        me,
      ).kind,
    ).toBe('command');
  });

  it("ignores forwards in groups (their mentions are someone else's) but answers them in private", () => {
    const text = '@NewsBot is this true?';
    expect(addressed(msg({ text, forward_origin: { type: 'hidden_user', sender_user_name: 'X', date: 0 } }), me).kind).toBe('ignore');
    expect(addressed(msg({ text: 'Bridge to reopen', forward_date: 1 }, privateChat), me)).toEqual({ kind: 'question', text: 'Bridge to reopen' });
  });

  it('ignores edited messages, channel posts, its own messages and its own inline results', () => {
    const edited = {
      update_id: 1,
      edited_message: { message_id: 1, date: 0, edit_date: 1, chat: privateChat, from: user, text: 'who won?' },
    } as unknown as Update;
    expect(addressed(edited, me).kind).toBe('ignore');
    const post = {
      update_id: 1,
      channel_post: { message_id: 1, date: 0, chat: { id: -5, type: 'channel', title: 'c' }, text: '@NewsBot hi' },
    } as unknown as Update;
    expect(addressed(post, me).kind).toBe('ignore');
    expect(addressed(msg({ text: 'x', from: { id: 42, is_bot: true, first_name: 'News' } }), me).kind).toBe('ignore');
    expect(addressed(msg({ text: 'answer', via_bot: { id: 42, is_bot: true, first_name: 'News' } }, privateChat), me).kind).toBe('ignore');
  });

  it('ignores service messages such as new members', () => {
    expect(addressed(msg({ new_chat_members: [user] }), me).kind).toBe('ignore');
    expect(addressed(msg({ pinned_message: {} }, privateChat), me).kind).toBe('ignore');
  });
});
