/** The search backend's database did not answer (SEARCH_BACKEND=postgres): the reader is asked to try again shortly. */
export class SearchUnavailable extends Error {
  override name = 'SearchUnavailable';
  constructor(cause: unknown) {
    super('the articles database did not answer', { cause });
  }
}
