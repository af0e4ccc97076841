/**
 * A browser's cache-buster: jQuery's `cache: false` (and many hand-written clients) append
 * `_=<timestamp>` to every GET. Every GET of every API accepts it and ignores it, here once, before
 * any route's query schema runs; the API document lists it on every GET.
 */
export const CACHE_BUSTER = '_';

/** The query string parameters a route's schema sees: on a GET, all but the cache-buster. */
export function withoutCacheBuster<Q extends Readonly<Record<string, string | undefined>>>(method: string, query: Q): Q {
  if (method !== 'GET' || !Object.prototype.hasOwnProperty.call(query, CACHE_BUSTER)) return query;
  const { [CACHE_BUSTER]: _ignored, ...rest } = query;
  return rest as Q;
}
