import path from 'node:path';
import type { Reader } from './types.js';
import { readText } from './readers/text.js';
import { readHtml } from './readers/html.js';
import { readJson, readJsonLines } from './readers/json.js';

/** Which reader handles a file, by extension; files with other extensions are not articles. */
export const READERS: Readonly<Record<string, Reader>> = {
  '.md': readText,
  '.markdown': readText,
  '.txt': readText,
  '.html': readHtml,
  '.htm': readHtml,
  '.json': readJson,
  '.jsonl': readJsonLines,
};

export function readerFor(file: string): Reader | undefined {
  return READERS[path.extname(file).toLowerCase()];
}
