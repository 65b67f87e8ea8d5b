import { readFile } from 'node:fs/promises';
import type { Logger } from '../log.js';
import { parseCustomTexts, type CustomTexts } from '../replies/custom-texts.js';

/**
 * The operator's texts (TEXTS_FILE). A missing or broken file is one warning naming the problem,
 * and the built-in texts are used: a typo in a greeting must not stop the bot.
 */
export async function loadTextsFile(file: string, log: Logger): Promise<CustomTexts | undefined> {
  let json: string;
  try {
    json = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    log.warn({ file }, `TEXTS_FILE: cannot read ${file} (${code === 'ENOENT' ? 'no such file' : (code ?? String(err))}); using the built-in texts`);
    return undefined;
  }
  const parsed = parseCustomTexts(json);
  if ('problem' in parsed) {
    log.warn({ file }, `TEXTS_FILE: ${file}: ${parsed.problem}; using the built-in texts`);
    return undefined;
  }
  const counts = [...parsed.texts].map(([key, byLanguage]) => `${key} (${[...byLanguage.keys()].join(', ')})`);
  log.info({ file }, `TEXTS_FILE: replacing ${counts.join(', ') || 'nothing'}`);
  return parsed.texts;
}
