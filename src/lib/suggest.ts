import { distance } from 'fastest-levenshtein';

/** A page the 404 page can point to. */
export interface KnownPage {
  id: string;
  title: string;
}

export interface Suggestion {
  url: string;
  title: string;
  /** Why: the id exists (perhaps in another release) or it is spelt like one that does. */
  reason: 'same-id' | 'similar-id';
}

/** The page id a mistyped address was probably after: its last path segment. */
export function requestedId(pathname: string): string | undefined {
  const segments = pathname.split('/').filter(Boolean).map((segment) => decodeURIComponent(segment).toLowerCase());
  const last = segments.at(-1);
  if (!last || last.endsWith('.html')) return segments.at(-2);
  return last;
}

/**
 * What the 404 page offers for a mistyped address: the same id in the latest release when it exists
 * there, else up to three ids spelt nearly the same (a typo, a missing hyphen, a plural).
 */
export function suggestPages(pathname: string, latest: readonly KnownPage[], limit = 3): Suggestion[] {
  const id = requestedId(pathname);
  if (!id) return [];
  const exact = latest.find((page) => page.id === id);
  if (exact) return [{ url: `/latest/${exact.id}/`, title: exact.title, reason: 'same-id' }];
  const threshold = Math.max(2, Math.floor(id.length / 3));
  return latest
    .map((page) => ({ page, score: Math.min(distance(id, page.id), page.id.includes(id) || id.includes(page.id) ? 1 : Infinity) }))
    .filter(({ score }) => score <= threshold)
    .sort((a, b) => a.score - b.score || a.page.id.localeCompare(b.page.id))
    .slice(0, limit)
    .map(({ page }) => ({ url: `/latest/${page.id}/`, title: page.title, reason: 'similar-id' }));
}
