import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import dotenv from 'dotenv';
import { z } from 'zod';
import { ConfigError } from './errors.js';

/**
 * The only reader of process.env. Every setting is documented in `.env.example`; a bad value stops
 * start-up with one `ConfigError` naming the setting.
 */

const optionalString = z
  .string()
  .trim()
  .transform((s) => (s === '' ? undefined : s))
  .optional();

const positiveInt = (fallback: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((s, ctx) => {
      if (s === undefined || s === '') return fallback;
      const n = Number(s);
      if (!Number.isInteger(n) || n <= 0) {
        ctx.addIssue({ code: 'custom', message: `must be a positive whole number, got "${s}"` });
        return z.NEVER;
      }
      return n;
    });

const optionalPositiveInt = z
  .string()
  .trim()
  .optional()
  .transform((s, ctx) => {
    if (s === undefined || s === '') return undefined;
    const n = Number(s);
    if (!Number.isInteger(n) || n <= 0) {
      ctx.addIssue({ code: 'custom', message: `must be a positive whole number, got "${s}"` });
      return z.NEVER;
    }
    return n;
  });

/** A TCP port to listen on: 1 to 65535. */
const port = <F extends number | undefined>(fallback: F) =>
  z
    .string()
    .trim()
    .optional()
    .transform((s, ctx): number | F => {
      if (s === undefined || s === '') return fallback;
      const n = Number(s);
      if (!Number.isInteger(n) || n < 1 || n > 65535) {
        ctx.addIssue({ code: 'custom', message: `must be a port number from 1 to 65535, got "${s}"` });
        return z.NEVER;
      }
      return n;
    });

const httpUrl = z
  .string()
  .trim()
  .optional()
  .transform((s, ctx) => {
    if (s === undefined || s === '') return undefined;
    try {
      const u = new URL(s);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error();
      return u.toString().replace(/\/$/, '');
    } catch {
      ctx.addIssue({ code: 'custom', message: `must be an http(s) URL, got "${s}"` });
      return z.NEVER;
    }
  });

/** A switch: "on"/"off" (or true/false, yes/no, 1/0); empty or unset gives `byDefault`. */
function onOff(byDefault: boolean) {
  return z
    .string()
    .trim()
    .optional()
    .transform((s, ctx) => {
      if (s === undefined || s === '') return byDefault;
      const v = s.toLowerCase();
      if (['on', 'true', 'yes', '1'].includes(v)) return true;
      if (['off', 'false', 'no', '0'].includes(v)) return false;
      ctx.addIssue({ code: 'custom', message: `must be "on" or "off", got "${s}"` });
      return z.NEVER;
    });
}

/**
 * A list of Telegram ids separated by commas or spaces; empty gives []. The error names the first
 * bad entry, not the whole list.
 */
function telegramIds(what: string, valid: (n: number) => boolean) {
  return z
    .string()
    .trim()
    .optional()
    .transform((s, ctx) => {
      if (s === undefined || s === '') return [] as number[];
      const entries = s.split(/[\s,]+/).filter(Boolean);
      const bad = entries.find((e) => !/^-?\d+$/.test(e) || !Number.isSafeInteger(Number(e)) || !valid(Number(e)));
      if (bad !== undefined) {
        ctx.addIssue({ code: 'custom', message: `must be ${what} separated by commas; "${bad}" is not one` });
        return z.NEVER;
      }
      return entries.map(Number);
    });
}

/** A chat the operator has new articles posted to (CHANNELS): all of them, or those matching `words`. */
export interface Channel {
  /** A numeric chat id, or a public "@name". */
  chat: number | string;
  words: string | undefined;
}

/**
 * CHANNELS: entries separated by ";", each a chat ("@name" or a numeric id, a channel's starts with
 * -100) alone (every new article) or followed by ":" and words (new articles matching them, as
 * /subscribe matches). The error names the first bad entry.
 */
export function parseChannels(s: string | undefined): { channels: Channel[]; bad?: string } {
  const channels: Channel[] = [];
  for (const entry of (s ?? '')
    .split(';')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const colon = entry.indexOf(':');
    const chat = (colon < 0 ? entry : entry.slice(0, colon)).trim();
    const words = colon < 0 ? undefined : entry.slice(colon + 1).trim() || undefined;
    if (/^@[A-Za-z][A-Za-z0-9_]{3,31}$/.test(chat)) channels.push({ chat, words });
    else if (/^-?\d+$/.test(chat) && Number.isSafeInteger(Number(chat)) && Number(chat) !== 0) channels.push({ chat: Number(chat), words });
    else return { channels, bad: entry };
  }
  return { channels };
}

/**
 * http(s)://[user:password@]host:port of a proxy. The error never repeats the value: it may hold a
 * password.
 */
const proxyUrl = z
  .string()
  .trim()
  .optional()
  .transform((s, ctx) => {
    if (s === undefined || s === '') return undefined;
    let u: URL | undefined;
    try {
      u = new URL(s);
    } catch {
      // reported below
    }
    if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:') || u.hostname === '' || (u.pathname !== '/' && u.pathname !== '')) {
      ctx.addIssue({ code: 'custom', message: 'must be http://host:port or https://host:port (user:password@ allowed before the host)' });
      return z.NEVER;
    }
    try {
      decodeURIComponent(u.username + u.password);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'the user or password has a "%" that starts no %XX code: write "%" as %25' });
      return z.NEVER;
    }
    return u.href;
  });

const postgresUrl = optionalString.refine(
  (s) => {
    if (s === undefined) return true;
    try {
      return ['postgres:', 'postgresql:'].includes(new URL(s).protocol);
    } catch {
      return false;
    }
  },
  { message: 'must be a PostgreSQL URL: postgres://user:password@host:5432/database' },
);

const schema = z.object({
  BOT_TOKEN: optionalString.refine((t) => t === undefined || /^\d+:[A-Za-z0-9_-]{30,}$/.test(t), {
    message: 'does not look like a bot token from @BotFather (digits, a colon, then 30+ letters)',
  }),
  ARTICLES_DIR: z
    .string()
    .trim()
    .optional()
    .transform((s) => (s === undefined || s === '' ? 'articles' : s)),
  INDEX_CACHE_DIR: z
    .string()
    .trim()
    .optional()
    .transform((s) => (s === undefined || s === '' ? '.cache' : s)),
  TELEGRAM_API_ROOT: httpUrl,
  LOG_LEVEL: z
    .string()
    .trim()
    .optional()
    .transform((s) => (s === undefined || s === '' ? 'info' : s.toLowerCase()))
    .pipe(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])),
  ADMIN_IDS: telegramIds('Telegram user ids', () => true),
  ALLOWED_CHAT_IDS: telegramIds("Telegram chat ids (a group's starts with -)", (n) => n !== 0),
  ALLOWED_USER_IDS: telegramIds('Telegram user ids', (n) => n > 0),
  TELEGRAM_PROXY: proxyUrl,
  ADMIN_ALERTS: onOff(true),
  TEXTS_FILE: optionalString,
  MAX_QUESTION_LENGTH: positiveInt(500),
  RATE_LIMIT_PER_USER: positiveInt(10),
  // 19 answers and the one notice fit Telegram's 20 messages a minute to a group.
  RATE_LIMIT_PER_CHAT: positiveInt(19),
  RATE_LIMIT_WINDOW_SECONDS: positiveInt(60),
  RATE_LIMIT_INLINE_PER_USER: positiveInt(60),
  WEBHOOK_URL: httpUrl,
  WEBHOOK_PORT: port(8443),
  WEBHOOK_HOST: z
    .string()
    .trim()
    .optional()
    .transform((s) => (s === undefined || s === '' ? '127.0.0.1' : s))
    .refine((s) => isIP(s) !== 0 || /^[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$/.test(s), {
      message: 'must be an IP address of this machine (127.0.0.1, 0.0.0.0, ::) or a host name',
    }),
  WEBHOOK_PATH: optionalString,
  WEBHOOK_SECRET: optionalString.refine((s) => s === undefined || /^[A-Za-z0-9_-]{16,256}$/.test(s), {
    message: 'must be 16 to 256 characters of letters, digits, "_" and "-" (Telegram\'s rule)',
  }),
  HEALTH_PORT: port(undefined),
  CHANNELS: z
    .string()
    .optional()
    .transform((s, ctx) => {
      const { channels, bad } = parseChannels(s);
      if (bad === undefined) return channels;
      ctx.addIssue({
        code: 'custom',
        message: `must be chats separated by ";", each "@name" or a numeric id, optionally followed by ":" and words; "${bad}" is not one`,
      });
      return z.NEVER;
    }),
  FEEDS: z
    .string()
    .trim()
    .optional()
    .transform((s, ctx) => {
      if (s === undefined || s === '') return [] as string[];
      const urls = s.split(/[\s,]+/).filter(Boolean);
      for (const u of urls) {
        let protocol = '';
        try {
          protocol = new URL(u).protocol;
        } catch {
          // reported below
        }
        if (protocol !== 'http:' && protocol !== 'https:') {
          ctx.addIssue({ code: 'custom', message: `"${u}" is not an http(s) feed URL` });
          return z.NEVER;
        }
      }
      return urls;
    }),
  FEED_INTERVAL: z
    .string()
    .trim()
    .optional()
    .transform((s, ctx) => {
      if (s === undefined || s === '') return undefined;
      // Minutes, or a number with a unit: "30", "30m", "2h".
      const m = /^(\d+(?:\.\d+)?)\s*(m|min|minutes?|h|hours?)?$/i.exec(s);
      const minutes = m ? Number(m[1]) * (m[2]?.toLowerCase().startsWith('h') ? 60 : 1) : NaN;
      if (!(minutes >= 1)) {
        ctx.addIssue({ code: 'custom', message: `must be a number of minutes (at least 1), like "30" or "2h"; got "${s}"` });
        return z.NEVER;
      }
      return minutes;
    }),
  MAX_AGE_DAYS: optionalPositiveInt,
  STATE_DIR: z
    .string()
    .trim()
    .optional()
    .transform((s) => (s === undefined || s === '' ? '.state' : s)),
  DATABASE_URL: postgresUrl,
  DATABASE_READ_URL: postgresUrl,
  SEARCH_BACKEND: z
    .string()
    .trim()
    .optional()
    .transform((s) => (s === undefined || s === '' ? 'embedded' : s.toLowerCase()))
    .pipe(z.enum(['embedded', 'postgres'], { message: 'must be "embedded" (the folder in memory) or "postgres" (needs DATABASE_URL)' })),
  STORE_ASKER_IDS: onOff(false),
  QUESTION_RETENTION_DAYS: positiveInt(30),
  FEEDS_ALLOW_PRIVATE_ADDRESSES: onOff(false),
  WORD_VECTORS: onOff(true),
  SENTENCE_MODEL: onOff(false),
});

export type Config = Readonly<{
  botToken: string | undefined;
  articlesDir: string;
  indexCacheDir: string;
  telegramApiRoot: string | undefined;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  adminIds: readonly number[];
  /**
   * Who may use the bot (ALLOWED_CHAT_IDS, ALLOWED_USER_IDS): an update is served when its chat or
   * its sender is listed, or the sender is an admin. Both empty: everyone.
   */
  allowedChatIds: readonly number[];
  allowedUserIds: readonly number[];
  /** Every Bot API request goes through this proxy (TELEGRAM_PROXY), credentials and all; never log it. */
  telegramProxy: string | undefined;
  /** Admins are told in Telegram about problems they must act on (ADMIN_ALERTS). */
  adminAlerts: boolean;
  /** The operator's replacements for the welcome, help and privacy texts (TEXTS_FILE). */
  textsFile: string | undefined;
  maxQuestionLength: number;
  rateLimit: Readonly<{ perUser: number; perChat: number; windowSeconds: number }>;
  /** Inline queries one user may send per rate-limit window: a budget of their own, apart from questions. */
  inlineRateLimit: number;
  webhook: Readonly<{ url: string; port: number; path: string; secret: string }> | undefined;
  healthPort: number | undefined;
  /** Address the webhook server (or, with polling, the HEALTH_PORT server) listens on. */
  listenHost: string;
  feeds: readonly string[];
  feedIntervalMinutes: number | undefined;
  maxAgeDays: number | undefined;
  /** Feed item pages may come from loopback, private and unique-local addresses (intranet news). */
  feedsAllowPrivateAddresses: boolean;
  /** Match English questions by meaning too (word vectors), not only by their words. */
  wordVectors: boolean;
  /** Re-read English questions' best candidates with a sentence model (slower, more accurate). */
  sentenceModel: boolean;
  /** Where the bot keeps votes, wanted questions and blocked users: a folder (embedded), or PostgreSQL. */
  state: Readonly<{ dir: string; databaseUrl: string | undefined }>;
  /** A read-only copy of DATABASE_URL (a streaming replica) that the PostgreSQL search backend answers questions from. */
  databaseReadUrl: string | undefined;
  /** Where questions are answered from: the folder in memory, or the articles brought into PostgreSQL at DATABASE_URL. */
  searchBackend: 'embedded' | 'postgres';
  /** Keep the asker's user and chat id with a stored question (off: text, language and time only). */
  storeAskerIds: boolean;
  /** Stored questions older than this are deleted (on start and daily). */
  questionRetentionDays: number;
  /** Chats the operator has new articles posted to (CHANNELS). */
  channels: readonly Channel[];
}>;

/**
 * Reads `.env` (if present in `cwd`) under the process environment, validates, and returns the
 * settings. Throws `ConfigError` for the first bad setting.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, options: { cwd?: string; dotenvFile?: boolean } = {}): Config {
  const cwd = options.cwd ?? process.cwd();
  const c = parseSettings(withDotenv(env, cwd, options.dotenvFile !== false));
  const webhook = webhookOf(c);
  checkDatabaseSettings(c);
  return {
    botToken: c.BOT_TOKEN,
    articlesDir: path.resolve(cwd, c.ARTICLES_DIR),
    indexCacheDir: path.resolve(cwd, c.INDEX_CACHE_DIR),
    telegramApiRoot: c.TELEGRAM_API_ROOT,
    logLevel: c.LOG_LEVEL,
    adminIds: c.ADMIN_IDS,
    allowedChatIds: c.ALLOWED_CHAT_IDS,
    allowedUserIds: c.ALLOWED_USER_IDS,
    telegramProxy: c.TELEGRAM_PROXY,
    adminAlerts: c.ADMIN_ALERTS,
    textsFile: c.TEXTS_FILE === undefined ? undefined : path.resolve(cwd, c.TEXTS_FILE),
    maxQuestionLength: c.MAX_QUESTION_LENGTH,
    rateLimit: {
      perUser: c.RATE_LIMIT_PER_USER,
      perChat: c.RATE_LIMIT_PER_CHAT,
      windowSeconds: c.RATE_LIMIT_WINDOW_SECONDS,
    },
    inlineRateLimit: c.RATE_LIMIT_INLINE_PER_USER,
    webhook,
    healthPort: c.HEALTH_PORT,
    listenHost: c.WEBHOOK_HOST,
    feeds: c.FEEDS,
    feedIntervalMinutes: c.FEED_INTERVAL,
    maxAgeDays: c.MAX_AGE_DAYS,
    feedsAllowPrivateAddresses: c.FEEDS_ALLOW_PRIVATE_ADDRESSES,
    wordVectors: c.WORD_VECTORS,
    sentenceModel: c.SENTENCE_MODEL,
    state: { dir: path.resolve(cwd, c.STATE_DIR), databaseUrl: c.DATABASE_URL },
    databaseReadUrl: c.DATABASE_READ_URL,
    searchBackend: c.SEARCH_BACKEND,
    storeAskerIds: c.STORE_ASKER_IDS,
    questionRetentionDays: c.QUESTION_RETENTION_DAYS,
    channels: c.CHANNELS,
  };
}

type Settings = z.infer<typeof schema>;

/** The environment over `.env` in `cwd` (when wanted and present): the real environment wins over the file. */
function withDotenv(env: NodeJS.ProcessEnv, cwd: string, dotenvFile: boolean): Record<string, string | undefined> {
  const envFile = path.join(cwd, '.env');
  if (!dotenvFile || !existsSync(envFile)) return { ...env };
  const parsed = dotenv.config({ path: envFile, processEnv: {}, quiet: true }).parsed ?? {};
  return { ...parsed, ...env };
}

/** The settings validated; throws `ConfigError` naming the first bad one. */
function parseSettings(merged: Record<string, string | undefined>): Settings {
  const result = schema.safeParse(merged);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ConfigError(String(issue.path[0] ?? 'settings'), issue.message);
  }
  return result.data;
}

function webhookOf(c: Settings): Config['webhook'] {
  if (c.WEBHOOK_URL === undefined) return undefined;
  if (c.WEBHOOK_SECRET === undefined) {
    throw new ConfigError('WEBHOOK_SECRET', 'is required when WEBHOOK_URL is set');
  }
  const urlPath = new URL(c.WEBHOOK_URL).pathname;
  return {
    url: c.WEBHOOK_URL,
    port: c.WEBHOOK_PORT,
    path: c.WEBHOOK_PATH ?? (urlPath === '/' ? '/telegram' : urlPath),
    secret: c.WEBHOOK_SECRET,
  };
}

function checkDatabaseSettings(c: Settings): void {
  // DATABASE_URL alone is the state store (issue 18): search moves only when asked to.
  if (c.SEARCH_BACKEND === 'postgres' && c.DATABASE_URL === undefined) {
    throw new ConfigError('SEARCH_BACKEND', 'postgres needs DATABASE_URL (the PostgreSQL server to keep the articles in)');
  }
  if (c.DATABASE_READ_URL !== undefined && c.DATABASE_URL === undefined) {
    throw new ConfigError('DATABASE_READ_URL', 'needs DATABASE_URL (the primary server it is a read-only copy of)');
  }
}

/** What log redaction must hide: the proxy's password, as written and decoded. */
export function proxySecrets(url: string | undefined): string[] {
  if (!url) return [];
  const { password } = new URL(url);
  if (password === '') return [];
  let decoded = password;
  try {
    decoded = decodeURIComponent(password);
  } catch {
    // written with a stray "%": only the raw form can appear
  }
  return [...new Set([password, decoded])];
}
