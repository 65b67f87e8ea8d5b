import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { ConfigError } from '../src/errors.js';

describe.each([
  { setting: 'WORD_VECTORS', field: 'wordVectors', byDefault: true },
  { setting: 'SENTENCE_MODEL', field: 'sentenceModel', byDefault: false },
  { setting: 'FEEDS_ALLOW_PRIVATE_ADDRESSES', field: 'feedsAllowPrivateAddresses', byDefault: false },
  { setting: 'STORE_ASKER_IDS', field: 'storeAskerIds', byDefault: false },
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
