import { ArticleError } from '../../errors.js';
import type { RawArticle } from '../types.js';

// Placeholder until the HTML reader lands (issue 5).
export function readHtml(_content: string, file: string): RawArticle[] {
  throw new ArticleError(file, 'HTML pages are not supported yet');
}
