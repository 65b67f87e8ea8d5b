import type { CallbackQuery, Message, Update } from 'telegraf/types';
import { userLanguage } from '../replies/phrases/index.js';
import type { Language } from '../search/language.js';
import { addressed, type BotIdentity } from './addressed.js';

/** The question an answer message replied to (Telegram sends it along with a button press), and its asker's app language. */
export function repliedQuestion(
  message: CallbackQuery['message'],
  me: BotIdentity,
): { question: string; language: Language | undefined } | undefined {
  const replied = message && 'reply_to_message' in message ? message.reply_to_message : undefined;
  if (!replied) return undefined;
  const d = addressed({ update_id: 0, message: replied as Update.New & Update.NonChannel & Message }, me);
  const question = d.kind === 'question' ? d.text : d.kind === 'command' && d.command === 'ask' ? d.args : undefined;
  return question ? { question, language: userLanguage(replied.from?.language_code) } : undefined;
}
