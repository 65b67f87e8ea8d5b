import { readFile } from 'node:fs/promises';
import type { Logger } from '../log.js';
import { parseCustomTexts, type CustomTexts } from '../replies/custom-texts.js';

/**
 * The operator's texts (TEXTS_FILE). A missing or broken file is one warning naming the problem,
 * and the built-in texts are used: a typo in a greeting must not stop the bot. `status` is that
 * line (or what was replaced), for the admin's /reload.
 */
export async function loadTextsFile(file: string, log: Logger): Promise<{ texts: CustomTexts | undefined; status: string }> {
  const refuse = (problem: string) => {
    const status = `TEXTS_FILE: ${problem}; using the built-in texts`;
    log.warn({ file }, status);
    return { texts: undefined, status };
  };
  let json: string;
  try {
    json = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return refuse(`cannot read ${file} (${code === 'ENOENT' ? 'no such file' : (code ?? String(err))})`);
  }
  const parsed = parseCustomTexts(json);
  if ('problem' in parsed) return refuse(`${file}: ${parsed.problem}`);
  const replaced = [...parsed.texts].map(([key, byLanguage]) => `${key} (${[...byLanguage.keys()].join(', ')})`);
  const status = `TEXTS_FILE: replacing ${replaced.join(', ') || 'nothing'}`;
  log.info({ file }, status);
  return { texts: parsed.texts, status };
}
