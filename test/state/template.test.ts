import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createPglite, openPglite } from '../../src/state/pglite.js';
import { SqlState } from '../../src/state/sql-state.js';
import { installedPgliteVersion, shippedTemplate, TEMPLATE_FILE, TEMPLATE_INFO } from '../../src/state/template.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'news-bot-template-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function systemIdentifier(dir: string): Promise<string> {
  const db = await openPglite(dir);
  try {
    return (await db.query<{ id: string }>('select system_identifier::text as id from pg_control_system()')).rows[0]!.id;
  } finally {
    await db.close();
  }
}

describe('the shipped empty store (models/pglite-empty.tar.br)', { timeout: 120_000 }, () => {
  it('was made by the installed PGlite version (after an upgrade: npm run build-state-template)', () => {
    const template = shippedTemplate();
    expect('problem' in template ? template.problem : undefined).toBeUndefined();
    expect('file' in template && template.info.pglite).toBe(installedPgliteVersion());
  });

  it('is what a new store is made from, without initdb: the store has its system identifier and takes the tables', async () => {
    const template = shippedTemplate();
    if (!('file' in template)) throw new Error(template.problem);
    const dir = tempDir();
    const warnings: string[] = [];
    await createPglite(dir, { warn: (m) => warnings.push(m) });
    expect(warnings).toEqual([]);
    expect(await systemIdentifier(dir)).toBe(template.info.systemIdentifier);
    const state = await SqlState.open(await openPglite(dir));
    try {
      expect(await state.addFeedback({ answer: 'a', voter: 'v', vote: 'up', at: new Date() })).toBe(true);
    } finally {
      await state.close();
    }
  });

  it('is not used when another PGlite version made it, and says why', () => {
    expect(shippedTemplate(TEMPLATE_FILE, TEMPLATE_INFO, '0.0.1')).toEqual({
      problem: `${TEMPLATE_FILE} was made by PGlite ${installedPgliteVersion()}, the installed one is 0.0.1 (npm run build-state-template makes a new one)`,
    });
    expect(shippedTemplate(path.join(os.tmpdir(), 'no-such-template.tar.br'))).toEqual({
      problem: `${path.join(os.tmpdir(), 'no-such-template.tar.br')} is missing`,
    });
  });

  it('when it cannot be used, the store is made by initdb instead, with a warning saying why', async () => {
    const dir = tempDir();
    const warnings: string[] = [];
    await createPglite(dir, { template: { problem: 'the template is from PGlite 0.0.1' }, warn: (m) => warnings.push(m) });
    expect(warnings).toEqual(['making the store with initdb (about 700 MB and several seconds): the template is from PGlite 0.0.1']);
    const template = shippedTemplate();
    expect(await systemIdentifier(dir)).not.toBe('file' in template ? template.info.systemIdentifier : '');
  });
});
