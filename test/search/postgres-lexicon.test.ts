import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { PostgresSearch } from '../../src/search/postgres/backend.js';
import { migrateSearch } from '../../src/search/postgres/schema.js';
import { ingestFolder } from '../../src/search/postgres/store.js';
import { installedLexicon } from '../../src/search/lexicon.js';
import { openPostgres } from '../../src/state/postgres.js';
import { postgresUnavailable, throwawayDatabase } from '../state/stores.js';
import { NEWS } from './fixture.js';

vi.mock('../../src/search/lexicon.js', async (original) => {
  const real = await original<typeof import('../../src/search/lexicon.js')>();
  return { ...real, installedLexicon: vi.fn(real.installedLexicon) };
});

const unavailable = await postgresUnavailable();

describe.skipIf(unavailable !== undefined)('the PostgreSQL search backend and the word list', () => {
  it('reads the bilingual word list (over 100 MB in memory) only once a question needs translating', async () => {
    const { url, drop } = await throwawayDatabase();
    const db = await openPostgres(url);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pg-lexicon-'));
    try {
      await migrateSearch(db);
      for (const a of NEWS) writeFileSync(path.join(dir, a.file), `# ${a.title}\n\n${a.paragraphs.map((p) => p.text).join('\n\n')}\n`);
      await ingestFolder(db, dir);
      const search = new PostgresSearch(db);
      // In languages the articles are in: no translation, no word list.
      expect((await search.answer('How much will the tram line cost?')).passages[0]?.text).toContain('240 million dollars');
      await search.answer('Wie viele Radwege baut Hamburg?');
      expect(installedLexicon).not.toHaveBeenCalled();
      // French, which no article is in: translated to English through the word list.
      await search.answer('Combien de maisons ont perdu l’électricité pendant la tempête ?');
      expect(installedLexicon).toHaveBeenCalled();
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await db.close();
      await drop();
    }
  });
});
