import type { Language } from '../search/language.js';
import { REPLY_LANGUAGES } from './phrases/index.js';

/**
 * Texts an operator may replace (TEXTS_FILE): whole messages, by key and language. A command
 * looks its key up with `customText` and falls back to its built-in text; a new key is one entry
 * here and that one call where the message is made.
 */
export const CUSTOM_TEXT_KEYS = ['welcome', 'help', 'privacy'] as const;
export type CustomTextKey = (typeof CUSTOM_TEXT_KEYS)[number];

/** Key → language → text (Telegram HTML, with `{articles}` and `{bot}` filled in when sent). */
export type CustomTexts = ReadonlyMap<CustomTextKey, ReadonlyMap<Language, string>>;

/** Telegram's own limit is 4,096 characters; a little room is left for the placeholders. */
const MAX_LENGTH = 4000;
const TAGS = new Set(['b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'a', 'code', 'pre', 'tg-spoiler', 'blockquote']);

/**
 * The operator's file, checked whole: any problem (not JSON, an unknown key or language, a text
 * Telegram would refuse) rejects all of it, so a half-applied file never surprises anyone.
 */
export function parseCustomTexts(json: string): { texts: CustomTexts } | { problem: string } {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (err) {
    return { problem: `not valid JSON (${err instanceof Error ? err.message : String(err)})` };
  }
  if (!isObject(data)) return { problem: 'must be a JSON object like {"welcome": {"en": "…"}}' };
  const texts = new Map<CustomTextKey, Map<Language, string>>();
  for (const [key, byLanguage] of Object.entries(data)) {
    if (!(CUSTOM_TEXT_KEYS as readonly string[]).includes(key)) return { problem: `unknown text "${key}" (known: ${CUSTOM_TEXT_KEYS.join(', ')})` };
    if (!isObject(byLanguage)) return { problem: `"${key}" must be an object of languages, like {"en": "…"}` };
    const languages = new Map<Language, string>();
    for (const [language, text] of Object.entries(byLanguage)) {
      const where = `"${key}" in "${language}"`;
      if (!(REPLY_LANGUAGES as string[]).includes(language))
        return { problem: `${where}: unknown language (the bot speaks ${REPLY_LANGUAGES.join(', ')})` };
      if (typeof text !== 'string' || text.trim() === '') return { problem: `${where}: must be a non-empty string` };
      if (text.length > MAX_LENGTH) return { problem: `${where}: ${text.length} characters, over the ${MAX_LENGTH} a message may have` };
      const html = htmlProblem(text);
      if (html) return { problem: `${where}: ${html}` };
      languages.set(language as Language, text);
    }
    texts.set(key as CustomTextKey, languages);
  }
  return { texts };
}

/**
 * The operator's text for `key` in `language` (English when the bot does not speak the reader's),
 * with each `{name}` of `values` filled in (`{articles}` and `{bot}` everywhere; a text may add its
 * own, such as a retention period); undefined: use the built-in one.
 */
export function customText(
  texts: CustomTexts | undefined,
  key: CustomTextKey,
  language: Language | undefined,
  values: Record<string, string | number | undefined>,
): string | undefined {
  const text = texts?.get(key)?.get(language ?? 'en');
  if (text === undefined) return undefined;
  return Object.entries(values).reduce((t, [name, value]) => t.replaceAll(`{${name}}`, String(value ?? '')), text);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What Telegram's HTML mode would refuse: an unsupported or unclosed tag, a bare <, > or &. */
function htmlProblem(text: string): string | undefined {
  const open: string[] = [];
  for (const m of text.matchAll(/<(\/?)([a-z][a-z0-9-]*)((?:\s+[a-z-]+="[^"<>]*")*)\s*>|[<>]|&(?!(?:lt|gt|amp|quot|#\d{1,7}|#x[0-9a-f]{1,6});)/gi)) {
    const [all, closing, tag, attributes] = m;
    if (tag === undefined || tag === '') {
      return all === '&' ? 'a bare "&" (write &amp;)' : `a bare "${all[0]}" (write &lt; or &gt;, or use a tag Telegram knows)`;
    }
    const name = tag.toLowerCase();
    if (!TAGS.has(name)) return `<${name}> is not a tag Telegram's HTML knows (b, i, u, s, a, code, pre, blockquote, tg-spoiler)`;
    if (closing) {
      if (open.pop() !== name) return `</${name}> closes a tag that is not open`;
    } else {
      if (name === 'a' && !/\shref="[^"]+"/.test(attributes ?? '')) return '<a> needs href="…"';
      open.push(name);
    }
  }
  return open.length > 0 ? `<${open.at(-1)}> is never closed` : undefined;
}
