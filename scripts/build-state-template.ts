/**
 * npm run build-state-template
 *
 * Builds `models/pglite-empty.tar.br` and `models/pglite-empty.json`: a new, empty PGlite database
 * as files, which the bot copies out to make its store instead of running PGlite's initdb (about
 * 730 MB and 6-15 s of CPU) on the operator's machine. Run it again after upgrading
 * @electric-sql/pglite: the test in test/state/template.test.ts fails until then, and the bot
 * falls back to initdb meanwhile. The database is made in memory here, written out by PGlite's
 * own dumpDataDir, and packed again with relative names and Brotli, whose 16 MB window sees that
 * the three databases inside (template0, template1, postgres) are nearly the same: 1.3 MB, not
 * gzip's 4.5 MB.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { c as pack, x as unpack } from 'tar';
import { parseCommandLine } from '../src/cli/args.js';
import { runCli } from '../src/cli/run.js';
import { PGLITE_OPTIONS } from '../src/state/pglite.js';
import { installedPgliteVersion, TEMPLATE_FILE, TEMPLATE_INFO, type TemplateInfo } from '../src/state/template.js';
import { writeFileAtomic } from '../src/write-atomic.js';

const USAGE = 'usage: npm run build-state-template\n  -h, --help  this help';

async function main(argv: string[]): Promise<number> {
  parseCommandLine(argv, { usage: USAGE, options: {} });
  const db = await PGlite.create(PGLITE_OPTIONS);
  const { rows } = await db.query<{ id: string }>('select system_identifier::text as id from pg_control_system()');
  await db.exec('checkpoint');
  const dump = Buffer.from(await (await db.dumpDataDir('none')).arrayBuffer());
  await db.close();

  const work = await mkdtemp(path.join(os.tmpdir(), 'state-template-'));
  try {
    const files = path.join(work, 'pgdata');
    await writeFile(path.join(work, 'dump.tar'), dump);
    await mkdir(files);
    await unpack({ file: path.join(work, 'dump.tar'), cwd: files }); // its names start with /, taken off here
    const packed = path.join(work, 'pgdata.tar');
    await pack({ file: packed, cwd: files, portable: true, mtime: new Date(0) }, ['.']);
    const params = { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_LGWIN]: 24 };
    await writeFileAtomic(TEMPLATE_FILE, brotliCompressSync(await readFile(packed), { params }));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  const info: TemplateInfo = { pglite: installedPgliteVersion(), systemIdentifier: rows[0]!.id };
  await writeFileAtomic(TEMPLATE_INFO, `${JSON.stringify(info, null, 2)}\n`);
  process.stderr.write(`wrote ${TEMPLATE_FILE} (PGlite ${info.pglite}) and ${TEMPLATE_INFO}\n`);
  return 0;
}

runCli((argv) => main(argv), import.meta.url);
