import type { Update } from 'telegraf/types';
import { describe, expect, it } from 'vitest';
import { addressed } from '../../src/bot/addressed.js';

/** Edge cases of who the bot answers in groups, and the reason it logs (at trace level) when it stays quiet. */
const me = { id: 42, username: 'NewsBot' };
const user = { id: 7, is_bot: false, first_name: 'Ann' };
const botUser = { id: 42, is_bot: true, first_name: 'News' };
const otherBot = { id: 99, is_bot: true, first_name: 'Other' };
const privateChat = { id: 7, type: 'private', first_name: 'Ann' };
const group = { id: -100, type: 'supergroup', title: 'Readers' };

function msg(fields: Record<string, unknown>, chat: object = group): Update {
  return { update_id: 1, message: { message_id: 50, date: 0, chat, from: user, ...fields } } as unknown as Update;
}
const ours = (fields: Record<string, unknown> = {}) => ({ message_id: 5, date: 0, chat: group, from: botUser, text: 'answer', ...fields });

describe('addressed: why it stays quiet', () => {
  it.each([
    [
      'an edited message',
      { update_id: 1, edited_message: { message_id: 1, date: 0, chat: privateChat, from: user, text: 'who won?' } },
      'edited message',
    ],
    [
      'a channel post',
      { update_id: 1, channel_post: { message_id: 1, date: 0, chat: { id: -5, type: 'channel' }, text: '@NewsBot hi' } },
      'channel post',
    ],
    [
      'an edited channel post',
      { update_id: 1, edited_channel_post: { message_id: 1, date: 0, chat: { id: -5, type: 'channel' }, text: '@NewsBot hi' } },
      'channel post',
    ],
    ['a button press', { update_id: 1, callback_query: { id: '1', from: user, chat_instance: '1', data: 'x' } }, 'not a message'],
    ['a message in a channel', msg({ text: '@NewsBot hi' }, { id: -5, type: 'channel', title: 'c' }), 'channel'],
    ['its own inline result', msg({ text: 'answer', via_bot: botUser }, privateChat), 'our own inline result'],
    ['its own message', msg({ text: 'x', from: botUser }), 'our own message'],
    ['a photo in a group', msg({ photo: [] }), 'not text'],
    ['a pinned message in private', msg({ pinned_message: {} }, privateChat), 'service message'],
    ['a forward in a group', msg({ text: '@NewsBot true?', forward_origin: { type: 'hidden_user', sender_user_name: 'X', date: 0 } }), 'forwarded'],
    ['an old-style forward in a group', msg({ text: '@NewsBot true?', forward_date: 1 }), 'forwarded'],
    ['a command for another bot', msg({ text: '/ask@OtherBot who won?' }), 'command for another bot'],
    ['a command from a bot in private', msg({ text: '/start', from: otherBot }, privateChat), 'bot in private'],
    ['a bare command in a group', msg({ text: '/start' }), 'bare command in a group'],
    ['a bot writing in private', msg({ text: 'news?', from: otherBot }, privateChat), 'bot in private'],
    ['group chatter', msg({ text: 'nice weather' }), 'not addressed to us'],
  ])('ignores %s, saying why', (_name, update, reason) => {
    expect(addressed(update as unknown as Update, me)).toEqual({ kind: 'ignore', reason });
  });
});

describe('addressed: mentions', () => {
  it('answers a mention by name (text_mention of its id), without the mention; not one of someone else', () => {
    const text = 'News, who won?';
    expect(addressed(msg({ text, entities: [{ type: 'text_mention', offset: 0, length: 4, user: botUser }] }), me)).toEqual({
      kind: 'question',
      text: 'who won?',
    });
    expect(addressed(msg({ text, entities: [{ type: 'text_mention', offset: 0, length: 4, user: { ...user, first_name: 'News' } }] }), me).kind).toBe(
      'ignore',
    );
  });

  it('reads the handle in the text when the client sent no mention entities, and trusts them when it did', () => {
    const bold = [{ type: 'bold', offset: 0, length: 3 }];
    expect(addressed(msg({ text: 'Hey @NewsBot who won?', entities: bold }), me)).toEqual({ kind: 'question', text: 'Hey who won?' });
    // "@NewsBot" in a code span next to a real mention of Ann is quoted, not addressed to the bot.
    const quoted = 'see `@NewsBot` @Ann';
    const entities = [
      { type: 'code', offset: 4, length: 10 },
      { type: 'mention', offset: 15, length: 4 },
    ];
    expect(addressed(msg({ text: quoted, entities }), me).kind).toBe('ignore');
    const exact = [
      { type: 'code', offset: 5, length: 8 },
      { type: 'mention', offset: 15, length: 4 },
    ];
    expect(addressed(msg({ text: quoted, entities: exact }), me).kind).toBe('ignore');
  });

  it('removes every mention of the bot, wherever it is, and the punctuation that led to the question', () => {
    const text = '@NewsBot, who won? @NewsBot';
    const entities = [
      { type: 'mention', offset: 0, length: 8 },
      { type: 'mention', offset: 19, length: 8 },
    ];
    expect(addressed(msg({ text, entities }), me)).toEqual({ kind: 'question', text: 'who won?' });
    expect(addressed(msg({ text: 'who won? @NewsBot ' }), me)).toEqual({ kind: 'question', text: 'who won?' });
    expect(addressed(msg({ text: '@NewsBot - who won?' }), me)).toEqual({ kind: 'question', text: 'who won?' });
  });

  it('takes a slash inside a sentence as text, not as a command', () => {
    expect(addressed(msg({ text: 'is /help useful?' }, privateChat), me)).toEqual({ kind: 'question', text: 'is /help useful?' });
  });

  it("answers a message from a sender Telegram does not name, and another bot's inline result sent to it in private", () => {
    const anonymous = { update_id: 1, message: { message_id: 50, date: 0, chat: group, text: '@NewsBot who won?' } } as unknown as Update;
    expect(addressed(anonymous, me)).toEqual({ kind: 'question', text: 'who won?' });
    expect(addressed(msg({ text: 'bridge reopens', via_bot: otherBot }, privateChat), me)).toEqual({ kind: 'question', text: 'bridge reopens' });
  });

  it('trims a forwarded question in private', () => {
    expect(addressed(msg({ text: '  Bridge to reopen  ', forward_date: 1 }, privateChat), me)).toEqual({
      kind: 'question',
      text: 'Bridge to reopen',
    });
  });
});

describe('addressed: replies', () => {
  it('answers a plain reply to its message in a group, trimmed, even though the reply starts a thread', () => {
    // Outside forum topics, a reply's message_thread_id is the id of the message it started from.
    expect(addressed(msg({ text: ' and then? ', reply_to_message: ours(), message_thread_id: 5 }), me)).toEqual({
      kind: 'question',
      text: 'and then?',
    });
  });

  it('ignores a reply to a message with no known sender', () => {
    const { from: _from, ...anonymous } = ours();
    expect(addressed(msg({ text: 'and then?', reply_to_message: anonymous }), me)).toEqual({ kind: 'ignore', reason: 'not addressed to us' });
  });

  it('does not take a reply to the topic the bot opened, or to the root of a topic, as addressed to it', () => {
    const created = ours({ forum_topic_created: { name: 'News', icon_color: 1 }, text: undefined });
    expect(addressed(msg({ text: 'hello all', reply_to_message: created }), me).kind).toBe('ignore');
    expect(addressed(msg({ text: 'hello all', is_topic_message: true, message_thread_id: 5, reply_to_message: ours() }), me).kind).toBe('ignore');
  });
});
