import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, redact } from '../src/log.js';

describe('log lines', () => {
  it('by default are JSON at info level and up, without pid or hostname', () => {
    let text = '';
    const destination = new Writable({
      write(chunk, _enc, cb) {
        text += String(chunk);
        cb();
      },
    });
    const log = createLogger({ destination });
    log.debug('hidden');
    log.info({ chat: 1 }, 'shown');
    const lines = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 30, chat: 1, msg: 'shown' });
    expect(Object.keys(lines[0]!)).not.toContain('pid');
    expect(Object.keys(lines[0]!)).not.toContain('hostname');
  });

  it('redacts a secret of exactly 8 characters', () => {
    expect(redact('key abcdefgh used', ['abcdefgh'])).toBe('key [REDACTED] used');
  });
});
