import { ArticleError } from '../../errors.js';
import type { RawArticle } from '../types.js';

// Placeholder until the JSON reader lands (issue 5).
export function readJson(_content: string, file: string): RawArticle[] {
  throw new ArticleError(file, 'JSON exports are not supported yet');
}

export function readJsonLines(_content: string, file: string): RawArticle[] {
  throw new ArticleError(file, 'JSON Lines exports are not supported yet');
}
