import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, redact } from '../src/log.js';

/** The configured token and webhook secret, and a token the logger was never told about. */
const TOKEN = '123456789:AAFakeTokenForTestsOnly_abcdefghijklmnop';
const SECRET = 'webhook-secret-0123456789';
const OTHER_TOKEN = '987654321:ZZanotherBotsToken-0123456789abcdef';

function capture(secrets: readonly string[]) {
  let text = '';
  const destination = new Writable({
    write(chunk, _enc, cb) {
      text += String(chunk);
      cb();
    },
  });
  return { log: createLogger({ level: 'trace', secrets, destination }), text: () => text };
}

describe('the logger', () => {
  it('never writes the token or the webhook secret, in a message, a field or an error', () => {
    const { log, text } = capture([TOKEN, SECRET]);
    log.error(`GET https://api.telegram.org/bot${TOKEN}/getMe failed`);
    log.warn({ url: `http://127.0.0.1:8081/bot${TOKEN}/sendMessage`, header: SECRET }, 'send failed');
    log.info({ err: new Error(`request to /bot${TOKEN}/getUpdates timed out (secret ${SECRET})`) }, 'polling error');
    const out = text();
    expect(out.split('\n').filter(Boolean)).toHaveLength(3);
    expect(out).not.toContain(TOKEN);
    expect(out).not.toContain(TOKEN.split(':')[1]);
    expect(out).not.toContain(SECRET);
    expect(out).toContain('/bot[REDACTED]/getMe failed');
  });

  it('hides anything shaped like a bot token, even one it was not given', () => {
    const { log, text } = capture([]);
    log.error({ url: `https://api.telegram.org/bot${OTHER_TOKEN}/getMe` }, `token ${OTHER_TOKEN} rejected`);
    expect(text()).not.toContain(OTHER_TOKEN.split(':')[1]);
    expect(text()).toContain('token [REDACTED] rejected');
  });
});

describe('redact', () => {
  it('catches the shortest token shape (5-digit id, 30 characters after the colon) and leaves shorter strings alone', () => {
    const shortest = `12345:${'a'.repeat(30)}`;
    expect(redact(`x ${shortest} y`)).toBe('x [REDACTED] y');
    expect(redact(`x 12345:${'a'.repeat(29)} y`)).toBe(`x 12345:${'a'.repeat(29)} y`);
    expect(redact('at 10:30 the minister said')).toBe('at 10:30 the minister said');
  });

  it('removes every occurrence of each given secret of 8 characters or more', () => {
    expect(redact(`${SECRET} and ${SECRET}`, [SECRET])).toBe('[REDACTED] and [REDACTED]');
    expect(redact('short abc', ['abc'])).toBe('short abc'); // too short to be a secret: would eat ordinary words
  });
});
