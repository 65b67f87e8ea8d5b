import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadTextsFile } from '../../src/app/texts-file.js';
import { createLogger } from '../../src/log.js';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function load(content: string | undefined) {
  dir = await mkdtemp(path.join(tmpdir(), 'texts-'));
  const file = path.join(dir, 'texts.json');
  if (content !== undefined) await writeFile(file, content);
  const lines: Array<{ level: number; msg: string }> = [];
  const log = createLogger({
    level: 'info',
    destination: { write: (l: string) => lines.push(JSON.parse(l) as { level: number; msg: string }) } as never,
  });
  const { texts, status } = await loadTextsFile(file, log);
  return { texts, status, warnings: lines.filter((l) => l.level === 40).map((l) => l.msg), file };
}

describe('TEXTS_FILE', () => {
  it('missing: the built-in texts, with one warning naming the file', async () => {
    const { texts, warnings, file, status } = await load(undefined);
    expect(texts).toBeUndefined();
    expect(warnings).toEqual([`TEXTS_FILE: cannot read ${file} (no such file); using the built-in texts`]);
    expect(status).toBe(warnings[0]); // what /reload tells the admin
  });

  it('broken: the built-in texts, with one warning naming the problem', async () => {
    const { texts, warnings, file } = await load('{"welcome": {"en": "Hi", "de": "<b>Hallo"}}');
    expect(texts).toBeUndefined();
    expect(warnings).toEqual([`TEXTS_FILE: ${file}: "welcome" in "de": <b> is never closed; using the built-in texts`]);
  });

  it('fine: its texts, and no warning', async () => {
    const { texts, warnings, status } = await load('{"help": {"en": "Ask me.", "de": "Fragen Sie."}}');
    expect(texts?.get('help')?.get('en')).toBe('Ask me.');
    expect(warnings).toEqual([]);
    expect(status).toBe('TEXTS_FILE: replacing help (en, de)');
  });
});
