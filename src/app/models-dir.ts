import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `models/` in the bot's folder (where its package.json is), whether the code runs from src/ or
 * compiled: the shipped word vectors, and the optional sentence model once installed.
 */
export const MODELS_DIR = path.join(packageRoot(), 'models');

function packageRoot(): string {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return process.cwd();
  }
}
