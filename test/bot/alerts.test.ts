import { describe, expect, it } from 'vitest';
import { AdminAlerts } from '../../src/bot/alerts.js';
import { createLogger } from '../../src/log.js';

const log = createLogger({ level: 'silent' });

describe('AdminAlerts', () => {
  it('keeps the newest alert of each kind raised before the bot runs, and sends it once the bot is there', () => {
    const sent: Array<[number, string]> = [];
    const alerts = new AdminAlerts({ adminIds: [1, 2], log, windowMs: 0 });
    alerts.raise('index', 'first');
    alerts.raise('index', 'second <b>');
    expect(sent).toEqual([]);
    alerts.attach(async (chatId, html) => sent.push([chatId, html]));
    expect(sent).toEqual([
      [1, '⚠️ second &lt;b&gt;'],
      [2, '⚠️ second &lt;b&gt;'],
    ]);
  });

  it('tells nobody when there are no admins (or ADMIN_ALERTS is off, which main.ts passes as none)', () => {
    const sent: unknown[] = [];
    const alerts = new AdminAlerts({ adminIds: [], log });
    alerts.attach(async (...args) => sent.push(args));
    expect(alerts.raise('index', 'broken')).toBe(false);
    expect(sent).toEqual([]);
  });

  it('keeps the windows of different kinds apart', () => {
    const sent: string[] = [];
    const alerts = new AdminAlerts({ adminIds: [1], log, now: () => 0 });
    alerts.attach(async (_id, html) => sent.push(html));
    expect(alerts.raise('index', 'a')).toBe(true);
    expect(alerts.raise('feeds', 'b')).toBe(true);
    expect(alerts.raise('index', 'c')).toBe(false);
    expect(sent).toEqual(['⚠️ a', '⚠️ b']);
  });
});
