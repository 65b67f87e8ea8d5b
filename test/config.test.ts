import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { ConfigError } from '../src/errors.js';

describe.each([
  { setting: 'WORD_VECTORS', field: 'wordVectors', byDefault: true },
  { setting: 'SENTENCE_MODEL', field: 'sentenceModel', byDefault: false },
  { setting: 'FEEDS_ALLOW_PRIVATE_ADDRESSES', field: 'feedsAllowPrivateAddresses', byDefault: false },
  { setting: 'STORE_ASKER_IDS', field: 'storeAskerIds', byDefault: false },
  { setting: 'ADMIN_ALERTS', field: 'adminAlerts', byDefault: true },
] as const)('the on/off setting $setting', ({ setting, field, byDefault }) => {
  const read = (value: string | undefined) => loadConfig({ [setting]: value }, { dotenvFile: false })[field];

  it(`is ${byDefault ? 'on' : 'off'} by default and takes on/off (and the usual synonyms)`, () => {
    expect(read(undefined)).toBe(byDefault);
    expect(read('')).toBe(byDefault);
    expect(read('on')).toBe(true);
    expect(read('1')).toBe(true);
    expect(read('off')).toBe(false);
    expect(read('OFF')).toBe(false);
    expect(read('FALSE')).toBe(false);
  });

  it('anything else is one clear error naming the setting', () => {
    expect(() => read('maybe')).toThrow(ConfigError);
    expect(() => read('maybe')).toThrow(new RegExp(`${setting}.*"on" or "off"`));
  });
});

describe('the listening settings', () => {
  const read = (env: Record<string, string>) => loadConfig(env, { dotenvFile: false });
  const webhook = { WEBHOOK_URL: 'https://bot.example.org/tg', WEBHOOK_SECRET: 'a-secret-of-16-chars' };

  it('refuse a port outside 1-65535 with one error naming the setting', () => {
    expect(() => read({ ...webhook, WEBHOOK_PORT: '70000' })).toThrow(ConfigError);
    expect(() => read({ ...webhook, WEBHOOK_PORT: '70000' })).toThrow(/WEBHOOK_PORT: must be a port number from 1 to 65535, got "70000"/);
    expect(() => read({ HEALTH_PORT: '65536' })).toThrow(/HEALTH_PORT: must be a port number/);
    expect(read({ ...webhook, WEBHOOK_PORT: '65535' }).webhook?.port).toBe(65535);
    expect(read({ HEALTH_PORT: '8080' }).healthPort).toBe(8080);
  });

  it('listen on 127.0.0.1 unless WEBHOOK_HOST says otherwise', () => {
    expect(read({}).listenHost).toBe('127.0.0.1');
    expect(read({ WEBHOOK_HOST: '0.0.0.0' }).listenHost).toBe('0.0.0.0');
    expect(read({ WEBHOOK_HOST: '::' }).listenHost).toBe('::');
    expect(read({ WEBHOOK_HOST: 'localhost' }).listenHost).toBe('localhost');
    expect(() => read({ WEBHOOK_HOST: 'http://0.0.0.0:80' })).toThrow(/WEBHOOK_HOST: must be an IP address/);
  });
});

describe('the rate limits', () => {
  it("by default fit a group's answers and its one notice in Telegram's 20 messages a minute, and give inline queries their own budget", () => {
    const c = loadConfig({}, { dotenvFile: false });
    expect(c.rateLimit).toEqual({ perUser: 10, perChat: 19, windowSeconds: 60 });
    expect((c.rateLimit.perChat + 1) * (60 / c.rateLimit.windowSeconds)).toBeLessThanOrEqual(20);
    expect(c.inlineRateLimit).toBe(60);
    expect(loadConfig({ RATE_LIMIT_INLINE_PER_USER: '5' }, { dotenvFile: false }).inlineRateLimit).toBe(5);
    expect(() => loadConfig({ RATE_LIMIT_INLINE_PER_USER: '0' }, { dotenvFile: false })).toThrow(/RATE_LIMIT_INLINE_PER_USER/);
  });
});

describe('the state settings', () => {
  const read = (env: Record<string, string>) => loadConfig(env, { dotenvFile: false, cwd: '/srv/bot' });

  it('keep the state in .state beside the bot unless STATE_DIR or DATABASE_URL says otherwise', () => {
    expect(read({}).state).toEqual({ dir: '/srv/bot/.state', databaseUrl: undefined });
    expect(read({ STATE_DIR: 'data/state' }).state.dir).toBe('/srv/bot/data/state');
    expect(read({ DATABASE_URL: 'postgres://bot:pw@db:5432/news' }).state.databaseUrl).toBe('postgres://bot:pw@db:5432/news');
  });

  it('refuse a DATABASE_URL that is not a PostgreSQL URL, without repeating it (it may hold a password)', () => {
    expect(() => read({ DATABASE_URL: 'mysql://bot:pw@db/news' })).toThrow(
      /^DATABASE_URL: must be a PostgreSQL URL: postgres:\/\/user:password@host:5432\/database$/,
    );
    expect(() => read({ DATABASE_URL: 'not a url' })).toThrow(ConfigError);
  });

  it('keep questions 30 days unless QUESTION_RETENTION_DAYS says otherwise', () => {
    expect(read({}).questionRetentionDays).toBe(30);
    expect(read({ QUESTION_RETENTION_DAYS: '7' }).questionRetentionDays).toBe(7);
    expect(() => read({ QUESTION_RETENTION_DAYS: '0' })).toThrow(/QUESTION_RETENTION_DAYS: must be a positive whole number/);
  });
});

describe('the access settings', () => {
  const read = (env: Record<string, string>) => loadConfig(env, { dotenvFile: false });

  it('let everyone in when empty, and read ids separated by commas or spaces', () => {
    expect(read({})).toMatchObject({ allowedChatIds: [], allowedUserIds: [] });
    const c = read({ ALLOWED_CHAT_IDS: '-1001234567890, 42', ALLOWED_USER_IDS: '7 8,9' });
    expect(c.allowedChatIds).toEqual([-1001234567890, 42]);
    expect(c.allowedUserIds).toEqual([7, 8, 9]);
  });

  it('refuse a bad id with one error naming the setting and the entry', () => {
    expect(() => read({ ALLOWED_CHAT_IDS: '-100123, @mygroup' })).toThrow(ConfigError);
    expect(() => read({ ALLOWED_CHAT_IDS: '-100123, @mygroup' })).toThrow(/ALLOWED_CHAT_IDS: must be Telegram chat ids .*"@mygroup" is not one/);
    expect(() => read({ ALLOWED_USER_IDS: '12, -5' })).toThrow(/ALLOWED_USER_IDS: must be Telegram user ids .*"-5" is not one/);
    expect(() => read({ ALLOWED_USER_IDS: '1.5' })).toThrow(/ALLOWED_USER_IDS: .*"1.5"/);
    expect(() => read({ ALLOWED_CHAT_IDS: '99999999999999999999' })).toThrow(/ALLOWED_CHAT_IDS/);
    expect(() => read({ ADMIN_IDS: '12,abc' })).toThrow(/ADMIN_IDS: must be Telegram user ids .*"abc" is not one/);
  });
});

describe('TELEGRAM_PROXY', () => {
  const read = (value: string) => loadConfig({ TELEGRAM_PROXY: value }, { dotenvFile: false }).telegramProxy;

  it('takes an http(s) proxy with or without credentials, and is off by default', () => {
    expect(read('')).toBeUndefined();
    expect(read('http://127.0.0.1:3128')).toBe('http://127.0.0.1:3128/');
    expect(read('https://bob:s3cret@proxy.example.org:8443')).toBe('https://bob:s3cret@proxy.example.org:8443/');
  });

  it('refuses anything else without repeating the value, which may hold a password', () => {
    expect(() => read('http://bob:s3cret%zz@proxy:3128')).toThrow(/TELEGRAM_PROXY: the user or password has a "%" that starts no %XX code/);
    expect(read('http://bob:s3cret%25@proxy:3128')).toBe('http://bob:s3cret%25@proxy:3128/');
    for (const bad of ['socks5://bob:s3cret@proxy:1080', 'bob:s3cret@proxy:3128', 'http://bob:s3cret@proxy:3128/some/path']) {
      let message = '';
      try {
        read(bad);
      } catch (err) {
        expect(err).toBeInstanceOf(ConfigError);
        message = (err as Error).message;
      }
      expect(message).toMatch(/^TELEGRAM_PROXY: must be http:\/\/host:port/);
      expect(message).not.toContain('s3cret');
    }
  });
});

describe('ADMIN_ALERTS and TEXTS_FILE', () => {
  it('alerts are on by default; the texts file is read from the working folder', () => {
    const c = loadConfig({ TEXTS_FILE: 'texts.json' }, { dotenvFile: false, cwd: '/srv/bot' });
    expect(c.adminAlerts).toBe(true);
    expect(c.textsFile).toBe('/srv/bot/texts.json');
    expect(loadConfig({ ADMIN_ALERTS: 'off' }, { dotenvFile: false })).toMatchObject({ adminAlerts: false, textsFile: undefined });
  });
});

describe('CHANNELS', () => {
  const read = (value: string | undefined) => loadConfig({ CHANNELS: value }, { dotenvFile: false }).channels;

  it('is empty by default and reads chats, each with the words it wants or none (every new article)', () => {
    expect(read(undefined)).toEqual([]);
    expect(read('')).toEqual([]);
    expect(read('@city_news; -1001234567890: harbour bridge, ferry ;@sport_desk:football')).toEqual([
      { chat: '@city_news', words: undefined },
      { chat: -1001234567890, words: 'harbour bridge, ferry' },
      { chat: '@sport_desk', words: 'football' },
    ]);
  });

  it('refuses a bad chat with one error naming the setting and the entry', () => {
    expect(() => read('@ok_name; news')).toThrow(ConfigError);
    expect(() => read('@ok_name; news')).toThrow(/CHANNELS: must be chats separated by ";".*"news" is not one/);
    expect(() => read('0:words')).toThrow(/"0:words" is not one/);
  });
});

describe('SEARCH_BACKEND', () => {
  const read = (env: Record<string, string>) => loadConfig(env, { dotenvFile: false });
  const url = 'postgres://bot@127.0.0.1:5432/news';

  it('is embedded by default, and DATABASE_URL alone (the state store) does not switch it', () => {
    expect(read({}).searchBackend).toBe('embedded');
    expect(read({ DATABASE_URL: url }).searchBackend).toBe('embedded');
    expect(read({ SEARCH_BACKEND: 'Postgres', DATABASE_URL: url }).searchBackend).toBe('postgres');
  });

  it('refuses postgres without DATABASE_URL, and unknown backends, with one message naming the setting', () => {
    expect(() => read({ SEARCH_BACKEND: 'postgres' })).toThrow(ConfigError);
    expect(() => read({ SEARCH_BACKEND: 'postgres' })).toThrow(/^SEARCH_BACKEND: postgres needs DATABASE_URL/);
    expect(() => read({ SEARCH_BACKEND: 'elastic', DATABASE_URL: url })).toThrow(/^SEARCH_BACKEND: must be "embedded" .* or "postgres"/);
  });
});

describe('DATABASE_READ_URL', () => {
  const read = (env: Record<string, string>) => loadConfig(env, { dotenvFile: false });
  const url = 'postgres://bot@127.0.0.1:5432/news';

  it('is a read-only copy of DATABASE_URL questions are answered from: none by default', () => {
    expect(read({ DATABASE_URL: url }).databaseReadUrl).toBeUndefined();
    expect(read({ DATABASE_URL: url, DATABASE_READ_URL: 'postgres://bot@replica:5432/news' }).databaseReadUrl).toBe(
      'postgres://bot@replica:5432/news',
    );
  });

  it('is refused without DATABASE_URL, or when not a PostgreSQL URL, with one message naming the setting', () => {
    expect(() => read({ DATABASE_READ_URL: url })).toThrow(/^DATABASE_READ_URL: needs DATABASE_URL/);
    expect(() => read({ DATABASE_URL: url, DATABASE_READ_URL: 'mysql://bot:pw@db/news' })).toThrow(/^DATABASE_READ_URL: must be a PostgreSQL URL/);
  });
});
