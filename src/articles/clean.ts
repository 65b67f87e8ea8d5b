import type { Article, Paragraph, RawArticle } from './types.js';

/**
 * Cleaning scraped article text: which lines and paragraphs are page furniture (navigation, teasers,
 * share footers, bylines…) rather than news. Every rule is generic and lives in `BOILERPLATE_RULES`;
 * add a rule there, with a test, when a new kind of junk shows up.
 */

/** What a rule may look at besides the text itself. */
export interface CleaningContext {
  /** The article title, normalised with `comparable()`; empty when not known yet. */
  title: string;
}

/** Drops a whole line or paragraph. */
export interface DropRule {
  kind: 'drop';
  name: string;
  /** One line: why this text never answers a reader's question. */
  why: string;
  /** True when `text` (one line, or a whole paragraph, whitespace already normalised) is junk. */
  test: (text: string, ctx: CleaningContext) => boolean;
}

/** Cuts furniture glued onto a real paragraph (a promo sentence at its end), keeping the rest. */
export interface TrimRule {
  kind: 'trim';
  name: string;
  why: string;
  /** The paragraph without the furniture (unchanged when there is none). */
  trim: (text: string, ctx: CleaningContext) => string;
}

export type BoilerplateRule = DropRule | TrimRule;

/**
 * Short labels are not answers. A block with fewer than MIN_WORDS words or MIN_CHARS characters is
 * dropped unless it reads as a sentence (ends in . ! ? …), because a one-line fact such as
 * "Schools reopen on Monday." can answer a question while "By Jane Doe", "Washington CNN —" or
 * "First team" cannot. Below SENTENCE_MIN_WORDS even a sentence ("Sorry, Harry.") carries no fact.
 */
export const MIN_WORDS = 6;
export const MIN_CHARS = 30;
export const SENTENCE_MIN_WORDS = 4;
/** Teaser/footer patterns only apply to text this short, so a real paragraph is never lost to them. */
const FURNITURE_MAX_WORDS = 40;
/** Titles longer than this are cut (at a word) for display. */
export const MAX_TITLE_CHARS = 120;

const UI_WORDS = new Set(
  (
    'share shares sharing bookmark bookmarks chevron close play pause mute muted unmute volume menu search ' +
    'login logout signin signup sign register subscribe follow like tweet email mail print comment comments ' +
    'copy link expand compress collapse fullscreen download upload edit filter flag tag tags trash move ' +
    'next prev previous back forward stepback stepfor skip swipe scroll top home reply more less open ' +
    'facebook twitter whatsapp telegram linkedin reddit pinterest instagram youtube tiktok vk ok fb tg ' +
    'gp ins tw yt wt fm rss toggle arrow caret icon icons svg button nav menu hamburger camera check'
  ).split(' '),
);

const MONTHS =
  'jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december';
const DAYS = 'mon|monday|tue|tues|tuesday|wed|wednesday|thu|thur|thurs|thursday|fri|friday|sat|saturday|sun|sunday';
const TIME_WORDS =
  'published|updated|posted|modified|last|on|at|ago|am|pm|a\\.m|p\\.m|gmt|utc|bst|cet|cest|msk|et|est|edt|ct|cst|cdt|mt|mst|mdt|pt|pst|pdt|' +
  'min|mins|minute|minutes|hour|hours|hr|hrs|day|days|week|weeks|month|months|year|years|read|today|yesterday|just|now|' +
  MONTHS +
  '|' +
  DAYS;
const ISO_DATE_TIME = /\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b/g;
const TIMESTAMP_FILLER = new RegExp(`\\b(?:${TIME_WORDS})\\b\\.?`, 'gi');

/**
 * A call to follow a link ending the sentence: an imperative ("See the best looks in the gallery
 * below.", after a label: "Utah primary results:Follow live results here") or one that speaks to the
 * reader ("… you can watch the livestream here", "…, click here."). "Police found nothing here." is news.
 */
const LINK_POINTER =
  /(?:^(?:[^:]{1,60}:\s*)?(?:watch|read|follow|see|check out|find|listen|learn more)\b|\b(?:you can|you'll|click|tap)\b)[^.!?…]*\b(?:here|below)[.!]?$/i;
const LINK_POINTER_MAX_WORDS = 30;
/** A clock time, a time zone, a date, then the share button: the head of a live blog's entry. */
const LIVE_BLOG_STAMP = new RegExp(
  `^\\d{1,2}[:.]\\d{2}\\s*(?:[ap]\\.?m\\.?)?\\s*(?:[A-Z]{2,4}\\s+)?(?:(?:${MONTHS})\\.? \\d{1,2},? \\d{4}\\s+)?Share this (?:update|post|entry)\\s+`,
  'i',
);
const NEWSLETTER_PROMO = /\bnewsletters?\b/i;
/** The last sentence (or the whole text) when it asks the reader to sign up for a newsletter. */
const TRAILING_PROMO =
  /(?:^|(?<=[.!?…]["'”’]?)\s+)[^.!?…]*\b(?:sign[ -]?up|subscribe|get [^.!?…]* in your inbox)\b[^.!?…]*\bnewsletters?\b[^.!?…]*[.!?…]?\s*$/i;

let lastCounted = '';
let lastCount = 0;
/**
 * Words are space-separated tokens with a letter or digit, roughly: A-Z a-z 0-9 U+00C0-U+1FFF
 * U+2C00-U+FFFF (a plain test: Unicode properties are slow).
 */
function isWordish(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 0xc0 && c <= 0x1fff) || c >= 0x2c00;
}
/**
 * Every rule asks for the same text's word count in turn, so one remembered answer saves most of the work.
 * Counted in one pass over the characters (every paragraph is counted: splitting made a string per word).
 */
function wordCount(s: string): number {
  if (s !== lastCounted) {
    let n = 0;
    let wordish = false;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === 32) {
        if (wordish) n++;
        wordish = false;
      } else if (!wordish && isWordish(c)) wordish = true;
    }
    if (wordish) n++;
    lastCounted = s;
    lastCount = n;
  }
  return lastCount;
}
const short = (s: string, max = FURNITURE_MAX_WORDS) => wordCount(s) <= max;
/** Sentence ends and the closing quotes or brackets that may follow them. */
const SENTENCE_ENDS = new Set(['.', '!', '?', '…']);
const CLOSERS = new Set(['"', "'", '”', '’', '»', ')', ']']);
/**
 * Ends in . ! ? or … with only closing quotes or brackets after it. Read backwards from the end:
 * every paragraph is asked, and a regex anchored at the end tries every position of the text.
 */
function endsLikeSentence(s: string): boolean {
  let i = s.length - 1;
  while (i >= 0 && CLOSERS.has(s[i]!)) i--;
  return i >= 0 && SENTENCE_ENDS.has(s[i]!);
}

export const BOILERPLATE_RULES: readonly BoilerplateRule[] = [
  {
    kind: 'drop',
    name: 'no-words',
    why: 'separators and ornaments ("___", "♦", "* * *") hold no letters or digits',
    test: (t) => !/[\p{L}\p{N}]/u.test(t),
  },
  {
    kind: 'drop',
    name: 'icon-ui-line',
    why: 'icon names and UI controls leak into scraped text from the page chrome, not the story',
    test: (t) => {
      const sentence = endsLikeSentence(t);
      // Only the ASCII letters lower-case to "icon": without them there is no icon word to count.
      const iconish = /icon/i.test(t);
      if (sentence && !iconish) return false;
      const ws = t
        .toLowerCase()
        .split(/[\s/|·•]+/)
        .filter(Boolean);
      if (ws.length < 3) return false;
      const icons = iconish ? ws.filter((w) => /icon$/.test(w) || /^icon/.test(w)).length : 0;
      if (icons >= 3 && icons / ws.length >= 0.3) return true;
      if (sentence) return false;
      // Stops at the first word that leaves too few to reach the share (a story's line stops at once).
      let other = 0;
      for (const w of ws) if (!UI_WORDS.has(w.replace(/[^a-z]/g, '')) && (ws.length - ++other) / ws.length < 0.6) return false;
      return (ws.length - other) / ws.length >= 0.6;
    },
  },
  {
    kind: 'drop',
    name: 'title-line',
    why: 'pages print the headline again above the body (sometimes with " | Site" after it)',
    test: (t, ctx) => {
      // Cheap length check first: most lines are nowhere near the title's length.
      if (!ctx.title || t.length * 2 < ctx.title.length || t.length > ctx.title.length + 60) return false;
      const c = comparable(t);
      if (c === ctx.title) return true;
      return c.startsWith(ctx.title) && /^\s*[|\-–—:]\s*\S[^.!?]{0,40}$/.test(c.slice(ctx.title.length));
    },
  },
  {
    kind: 'drop',
    name: 'teaser',
    why: '"READ MORE: …", "Related: …", "See also …" point to other articles',
    test: (t) =>
      short(t, 30) &&
      /^(?:read more|read also|also read|see also|more on this|more from|more:|related(?: (?:stories|articles|coverage|content|reading|links|news|video|topics))?\s*(?:[:：\-–—]|$)|recommended(?: for you| reading)?\s*(?:[:：]|$)|you (?:may|might) also (?:like|be interested)|don[’']t miss\s*[:：]|must read\s*[:：]|watch\s*[:：]|listen\s*[:：]|trending\s*[:：]|top stories\s*$)/i.test(
        t,
      ),
  },
  {
    kind: 'drop',
    name: 'share-footer',
    why: 'social-sharing prompts ("Share this", "Like this story? Share it with a friend!")',
    test: (t) =>
      short(t) &&
      (/^(?:share|like|love|enjoy|liked|loved|enjoyed)(?:d)? (?:this|the) (?:story|article|post|page|video)\b/i.test(t) ||
        /^share (?:this|on|via|it)\b/i.test(t) ||
        /^(?:share|tweet|email|print)(?:\s*(?:[|/·•,]\s*)?(?:share|tweet|email|print|facebook|twitter|whatsapp|linkedin|reddit|copy link))+\s*$/i.test(
          t,
        )),
  },
  {
    kind: 'drop',
    name: 'follow-subscribe-footer',
    why: '"Follow us on …", "Subscribe …", "Sign up for …" and newsletter promos sell the site, not the news',
    test: (t) =>
      short(t) &&
      (/^(?:follow|like|find|join) us (?:on|at)\b/i.test(t) ||
        /^follow [\p{L}\p{N} .'’@_-]{1,40} on (?:twitter|x|facebook|instagram|threads|bluesky|linkedin|tiktok|youtube|telegram|mastodon)\b/iu.test(
          t,
        ) ||
        // The imperative only: "Register offices will close" and "Sign-up rates rose" are news.
        /^(?:subscribe|sign[ -]?up|register)(?:[.!:]?$|\s+(?:now|today|here|free|for|to|and|with|at|on)\b)/i.test(t) ||
        /^(?:become a (?:member|subscriber)|support our journalism|thank you for (?:reading|supporting))\b/i.test(t) ||
        (short(t, 25) && NEWSLETTER_PROMO.test(t) && t.replace(TRAILING_PROMO, '') === '')),
  },
  {
    kind: 'drop',
    name: 'click-here',
    why: '"Click here to …" is a call to action for a link the reader cannot follow from a reply',
    test: (t) => short(t) && /^(?:click|tap) here\b/i.test(t),
  },
  {
    kind: 'drop',
    name: 'link-pointer',
    why: 'one sentence sending the reader to a link ("You can watch the livestream here.", "See the best looks in the gallery below."): the page had the link, a reply has nothing',
    test: (t) => short(t, LINK_POINTER_MAX_WORDS) && !/[.!?…]["'”’»)]*\s/u.test(t) && LINK_POINTER.test(t),
  },
  {
    kind: 'drop',
    name: 'copyright',
    why: 'copyright and rights notices are legal footers; a sentence about copyright ("Copyright lawyers argued…") is news',
    test: (t) =>
      short(t) &&
      (/^(?:©|\(c\)\s)/i.test(t) ||
        (/^copyright\b/i.test(t) && (/\b(?:19|20)\d{2}\b|©|\(c\)/i.test(t) || wordCount(t) <= 6)) ||
        /\ball rights reserved\b/i.test(t)),
  },
  {
    kind: 'drop',
    name: 'advertisement',
    why: 'ad slot labels ("Advertisement", "Story continues below advertisement")',
    test: (t) =>
      /^(?:advertisement|advertising|ad|sponsored(?: content)?|paid content|promoted|story continues (?:below|after) (?:the )?(?:ad|advertisement)|continue reading(?: (?:below|the main story))?)[.:]?$/i.test(
        t,
      ),
  },
  {
    kind: 'drop',
    name: 'byline',
    why: 'a lone byline or credit line ("By Jane Doe", "Jane Doe, Reuters", "— Jane Doe") names the writer, not the news',
    test: (t) =>
      wordCount(t) <= 12 &&
      !endsLikeSentence(t.replace(/\b(?:Jr|Sr|Inc|Ltd|Co)\.$/, '')) &&
      (/^(?:by|By|BY)\s+\p{Lu}[\p{L}.'’-]*(?:\s+(?:and\s+|&\s+)?\p{Lu}[\p{L}.'’-]*){0,5}(?:\s*[,|/]\s*.{1,50})?$/u.test(t) ||
        /^\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,3}\s*[,|/]\s*[\p{L}&.'’]+(?: [\p{L}&.'’]+){0,4}$/u.test(t) ||
        /^[-–—−]{1,2}\s*\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){0,3}(?:\s*,.{1,50})?$/u.test(t) ||
        /^(?:contributing|contributors?|reporting by|additional reporting|editing by|edited by|writing by|compiled by)\b/i.test(t)),
  },
  {
    kind: 'drop',
    name: 'image-credit',
    why: 'photo captions credits ("Photo: Getty Images", "© Reuters / Jane Doe") describe pictures the reply cannot show',
    test: (t) =>
      short(t, 20) &&
      (/^\(?(?:photo|photos|image|images|picture|video|graphic|illustration|file photo|photograph|credit|caption)s?(?: credit| by)?\s*[:：]/i.test(
        t,
      ) ||
        (!endsLikeSentence(t) &&
          /\b(?:getty images|ap photo|afp|reuters|shutterstock|istock|epa|sputnik|tass|ria novosti)\b/i.test(t) &&
          wordCount(t) <= 8)),
  },
  {
    kind: 'drop',
    name: 'timestamp',
    why: 'a line that is only a date or time ("Published: 10 Sep, 2018 19:05", "3 hours ago") is page metadata',
    test: (t) => /\d/.test(t) && wordCount(t) <= 14 && !/[\p{L}]/u.test(t.replace(ISO_DATE_TIME, '').replace(TIMESTAMP_FILLER, '')),
  },
  {
    kind: 'trim',
    name: 'live-blog-stamp',
    why: 'a live blog opens each entry with its time and a share button ("7:50 pm ET June 3, 2026 Share this update"): page furniture, and a date that would satisfy a year asked about anything',
    trim: (t) => (t.includes('Share this') ? t.replace(LIVE_BLOG_STAMP, '') : t),
  },
  {
    kind: 'trim',
    name: 'trailing-newsletter-promo',
    why: '"For more odd news, sign up to our newsletter." glued after the last sentence of a real paragraph',
    trim: (t) => (NEWSLETTER_PROMO.test(t) ? t.replace(TRAILING_PROMO, '') : t),
  },
];

const DROP_RULES = BOILERPLATE_RULES.filter((r): r is DropRule => r.kind === 'drop');
const TRIM_RULES = BOILERPLATE_RULES.filter((r): r is TrimRule => r.kind === 'trim');

/** Which drop rule (if any) marks this text as junk. */
export function boilerplateRule(text: string, ctx: CleaningContext): DropRule | undefined {
  return DROP_RULES.find((r) => r.test(text, ctx));
}

/** Too short to answer anything (see MIN_WORDS). */
export function tooShort(text: string): boolean {
  const n = wordCount(text);
  if (n < SENTENCE_MIN_WORDS) return true;
  if (n >= MIN_WORDS && text.length >= MIN_CHARS) return false;
  return !endsLikeSentence(text);
}

/**
 * Spaces made uniform: NBSP and other space characters become plain spaces, invisible characters
 * (zero-width space, word joiner, BOM, soft hyphen) go, runs collapse. ZWJ/ZWNJ stay: emoji and
 * Persian or Indic spelling need them.
 */
export function normaliseWhitespace(text: string): string {
  if (isNormalised(text)) return text;
  return text
    .replace(/[\u200B\u2060\uFEFF\u00AD\u180E]/g, '')
    .replace(/[\s\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/g, ' ')
    .trim();
}

/**
 * Whether `normaliseWhitespace` would leave `text` as it is: no space but single plain ones inside
 * it, nothing invisible. Most text already is, and checking is cheaper than two replaces.
 */
function isNormalised(text: string): boolean {
  const last = text.length - 1;
  for (let i = 0; i <= last; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (i === 0 || i === last || text.charCodeAt(i + 1) === 32) return false;
    } else if (c <= 32 || (c >= 0x7f && c <= 0xad) || c === 0x1680 || c === 0x180e || (c >= 0x2000 && c <= 0x206f) || c === 0x3000 || c === 0xfeff) {
      // Other spaces, invisible characters (and a few harmless ones near them: the slow path decides).
      return false;
    }
  }
  return true;
}

/** Loose form for comparing lines with the title: case, quotes, dashes and spacing do not matter. */
export function comparable(text: string): string {
  return normaliseWhitespace(text.normalize('NFKC'))
    .toLowerCase()
    .replace(/[‘’‚‛′`´]/g, "'")
    .replace(/[“”„‟″«»]/g, '"')
    .replace(/[‐‑‒–—―−]/g, '-')
    .replace(/[\s.!?:;,]+$/, '');
}

/** What cleaning decided for one raw block: kept (with its cleaned text) or why it was dropped. */
export interface BlockDecision {
  index: number;
  raw: string;
  text: string | null;
  /** Rule names that removed the block or some of its lines; "too-short" for short leftovers. */
  dropped: string[];
  /** A heading (a question, or a lead-in ending in a colon) indexed together with the block after it: that block's index. */
  joinedWith?: number;
}

/** The longest block read as a heading: a question of more words is a paragraph that asks. */
const HEADING_MAX_WORDS = 20;

/**
 * One short sentence that ends in a question mark ("Who is Hakeem Jeffries?", "Q: What changes are
 * being made?") or a colon ("Highlights from the 76th Emmy Awards:"). A speaker's name on a line of
 * its own ("Taylor Wilson:") is dropped as too short before it could be read so.
 */
function isHeading(text: string): boolean {
  return /[?:]["'”’»)]*$/u.test(text) && !/[.!?…]["'”’»)]*\s+\S/u.test(text) && wordCount(text) <= HEADING_MAX_WORDS;
}

/**
 * A line that is only a short quoted name ("'The Zone of Interest'", "“Barbie”"), too short to keep
 * on its own: reviews and roundups head each section with the work's title, and the paragraph under
 * it says "Director Jonathan Glazer creates…" without naming it. Read with that paragraph, as a
 * heading is (figures in docs/benchmarks.md).
 */
function isTitleLine(text: string): boolean {
  return QUOTED_TITLE.test(text) && tooShort(text);
}

/** Opens and closes with a quote, holds a letter, no double quote inside, no sentence end before the close. */
const QUOTED_TITLE = /^["“‘'][^"“”]*\p{L}[^"“”]*[^.!?…"“”]["”’']$/u;

/**
 * Explainers put questions as headings over the paragraph that answers ("Who is Hakeem Jeffries?",
 * then "Hakeem Jeffries is a US representative…"), and lists open with a lead-in ("The companies that
 * cut the most jobs include:"). Alone, such a heading matches a reader's question word for word and
 * answers nothing; so it is read with the next kept block as one paragraph (the heading's number,
 * both texts), unless that block is a heading too.
 */
function joinHeadings(blocks: BlockDecision[]): BlockDecision[] {
  const kept = blocks.filter((b) => b.text !== null);
  const heads = (b: BlockDecision) => isHeading(b.text!) || isTitleLine(b.text!);
  for (let i = 0; i + 1 < kept.length; i++) {
    const [heading, body] = [kept[i]!, kept[i + 1]!];
    // A live blog's next entry is another story, not the answer to this one's heading.
    if (heads(heading) && !heads(body) && !body.dropped.includes('live-blog-stamp')) {
      heading.joinedWith = body.index;
      i++;
    }
  }
  // A title line with no paragraph of its own under it answers nothing: too short, as before.
  for (const b of kept) {
    if (b.joinedWith !== undefined || !isTitleLine(b.text!)) continue;
    b.text = null;
    b.dropped.push('too-short');
  }
  return blocks;
}

/**
 * Cleans each raw block: a block that is junk as a whole goes; otherwise junk lines are peeled off
 * its first and last lines only (a headline glued above the first paragraph, a footer glued below),
 * so a hard-wrapped paragraph is never cut in the middle. What is left is joined into one line.
 */
export function explainBlocks(blocks: readonly string[], ctx: CleaningContext): BlockDecision[] {
  return blocks.map((raw, index) => {
    const dropped: string[] = [];
    const whole = normaliseWhitespace(raw);
    const rule = boilerplateRule(whole, ctx);
    if (whole === '' || rule) return { index, raw, text: null, dropped: rule ? [rule.name] : ['empty'] };
    // One line (most blocks): that line is `whole`, normalised already.
    const lines = raw.includes('\n')
      ? raw
          .split('\n')
          .map(normaliseWhitespace)
          .filter((l) => l !== '')
      : [whole];
    while (lines.length > 1) {
      const r = boilerplateRule(lines[0]!, ctx);
      if (!r) break;
      dropped.push(r.name);
      lines.shift();
    }
    while (lines.length > 1) {
      const r = boilerplateRule(lines[lines.length - 1]!, ctx);
      if (!r) break;
      dropped.push(r.name);
      lines.pop();
    }
    let text = lines.join(' ');
    for (const r of TRIM_RULES) {
      const trimmed = r.trim(text, ctx).trim();
      if (trimmed !== text) {
        dropped.push(r.name);
        text = trimmed;
      }
    }
    if (text === '') return { index, raw, text: null, dropped };
    if (lines.length === 1 && dropped.length > 0) {
      const r = boilerplateRule(text, ctx);
      if (r) return { index, raw, text: null, dropped: [...dropped, r.name] };
    }
    // A title line is judged with the block after it (see `joinHeadings`).
    if (tooShort(text) && !QUOTED_TITLE.test(text)) return { index, raw, text: null, dropped: [...dropped, 'too-short'] };
    return { index, raw, text, dropped };
  });
}

/**
 * The title when front matter gives none: the first line that is not page furniture and has letters,
 * cut to a readable length.
 */
export function titleFromBody(blocks: readonly string[]): string | undefined {
  const none: CleaningContext = { title: '' };
  for (const block of blocks) {
    for (const line of block.split('\n')) {
      const t = normaliseWhitespace(line);
      if (!/\p{L}/u.test(t) || boilerplateRule(t, none)) continue;
      return truncateTitle(t);
    }
  }
  return undefined;
}

export function truncateTitle(title: string, max = MAX_TITLE_CHARS): string {
  const t = normaliseWhitespace(title);
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/, '')}…`;
}

/** An http(s) link as given, or null: anything else would make a broken "Open article" button. */
export function cleanUrl(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : null;
  } catch {
    return null;
  }
}

/** A raw article from a reader, made ready to index. `id` defaults to the file. */
export function cleanArticle(raw: RawArticle, file: string, id: string = file): Article {
  return explainArticle(raw, file, id).article;
}

/** `cleanArticle`, plus what happened to every raw block: for `npm run index -- --show FILE`. */
export function explainArticle(raw: RawArticle, file: string, id: string = file): { article: Article; blocks: BlockDecision[] } {
  const metaTitle = raw.meta.title ? normaliseWhitespace(raw.meta.title) : '';
  const title = metaTitle ? truncateTitle(metaTitle) : titleFromBody(raw.paragraphs);
  // A title taken from the body is a headline line, dropped from the paragraphs; but when that line
  // reads as a sentence the file simply starts with its story, and the paragraph must stay.
  const headline = metaTitle || (title && !endsLikeSentence(title) ? title : '');
  let blocks = explainBlocks(raw.paragraphs, { title: comparable(headline) });
  // Nor is it a headline when it is all the file says ("Federer needs knee surgery" alone in an
  // untitled export): a title line with no story under it is the story.
  if (!metaTitle && headline && blocks.every((d) => d.text === null)) blocks = explainBlocks(raw.paragraphs, { title: '' });
  blocks = joinHeadings(blocks);
  const paragraphs: Paragraph[] = [];
  const joined = new Map(blocks.filter((d) => d.joinedWith !== undefined).map((d) => [d.joinedWith!, d]));
  for (const d of blocks) {
    if (d.text === null || d.joinedWith !== undefined) continue;
    const heading = joined.get(d.index);
    paragraphs.push(heading ? { index: heading.index, text: `${heading.text} ${d.text}` } : { index: d.index, text: d.text });
  }
  const article: Article = {
    id,
    file,
    title: title ?? fileTitle(file),
    url: cleanUrl(raw.meta.url),
    published: raw.meta.published ?? null,
    source: raw.meta.source ? normaliseWhitespace(raw.meta.source) || null : null,
    paragraphs,
  };
  return { article, blocks };
}

/** Last resort: "2024/kim-letter.txt" → "kim letter". */
function fileTitle(file: string): string {
  const base = file.split('/').pop() ?? file;
  return (
    base
      .replace(/\.[^.]+$/, '')
      .replace(/[-_]+/g, ' ')
      .trim() || file
  );
}
