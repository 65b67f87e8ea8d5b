/**
 * A strict checker for Telegram's HTML parse mode (https://core.telegram.org/bots/api#html-style):
 * only the supported tags, properly nested, `<a>` with an href, only the entities Telegram knows,
 * no bare `<`, `>` or `&`, no lone surrogates, and at most 4,096 characters of visible text.
 * Returns the problems found (empty when the text is valid).
 */
const TAGS = new Set([
  'b',
  'strong',
  'i',
  'em',
  'u',
  'ins',
  's',
  'strike',
  'del',
  'a',
  'code',
  'pre',
  'tg-spoiler',
  'span',
  'blockquote',
  'tg-emoji',
]);

export function telegramHtmlProblems(html: string): string[] {
  const problems: string[] = [];
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(html)) problems.push('lone surrogate');
  const stack: string[] = [];
  let visible = 0;
  let i = 0;
  while (i < html.length) {
    const ch = html[i]!;
    if (ch === '<') {
      const end = html.indexOf('>', i);
      if (end < 0) {
        problems.push(`unclosed tag at ${i}`);
        break;
      }
      const tag = html.slice(i + 1, end);
      const close = /^\/([a-z-]+)$/.exec(tag);
      const open = /^([a-z-]+)((?:\s+[a-z-]+="[^"<>]*")*)$/.exec(tag);
      if (close) {
        if (stack.pop() !== close[1]) problems.push(`mismatched </${close[1]}> at ${i}`);
      } else if (open) {
        const name = open[1]!;
        if (!TAGS.has(name)) problems.push(`unsupported tag <${name}>`);
        if (name === 'a') {
          const href = /\shref="([^"]*)"/.exec(open[2] ?? '');
          if (!href) problems.push('<a> without href');
          else problems.push(...entityProblems(href[1]!).map((p) => `href: ${p}`));
        }
        stack.push(name);
      } else problems.push(`malformed tag <${tag}>`);
      i = end + 1;
      continue;
    }
    if (ch === '>') problems.push(`bare > at ${i}`);
    if (ch === '&') {
      const m = /^&(lt|gt|amp|quot|#\d{1,7}|#x[0-9a-fA-F]{1,6});/.exec(html.slice(i, i + 12));
      if (!m) problems.push(`bad entity at ${i}`);
      else {
        i += m[0].length;
        visible++;
        continue;
      }
    }
    visible++;
    i++;
  }
  if (stack.length > 0) problems.push(`unclosed <${stack.join('>, <')}>`);
  if (visible > 4096) problems.push(`text is ${visible} characters`);
  if (html.length > 4096) problems.push(`html is ${html.length} characters`);
  if (html.trim().length === 0) problems.push('empty message');
  return problems;
}

function entityProblems(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '&' && !/^&(lt|gt|amp|quot|#\d{1,7}|#x[0-9a-fA-F]{1,6});/.test(text.slice(i, i + 12))) out.push(`bad entity at ${i}`);
    if (text[i] === '<' || text[i] === '>') out.push(`bare ${text[i]} at ${i}`);
  }
  return out;
}

/** The text a reader sees: tags removed, entities decoded. */
export function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}
