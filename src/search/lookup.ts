import type { SearchIndex } from './index.js';
import type { Language } from './language.js';

const languagesCache = new WeakMap<SearchIndex, Language[]>();

/** The languages an index's articles are written in, most paragraphs first. */
export function languagesOf(index: SearchIndex): Language[] {
  let languages = index.corpus ? [...index.corpus.languages] : languagesCache.get(index);
  if (!languages) {
    const counts = new Map<Language, number>();
    for (let doc = 0; doc < index.documentCount; doc++) {
      const l = index.articleLanguage(index.docArticle[doc]!);
      counts.set(l, (counts.get(l) ?? 0) + 1);
    }
    languages = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([l]) => l);
    languagesCache.set(index, languages);
  }
  return languages;
}

export function paragraphOf(index: SearchIndex, doc: number) {
  return index.articles[index.docArticle[doc]!]!.paragraphs[index.docParagraph[doc]!]!;
}
