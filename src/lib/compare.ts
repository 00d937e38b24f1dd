import type { Library, Release } from './model.ts';

/**
 * Addresses of the compare view, a public interface: other pages link to them and readers share them.
 * `/compare/<from>...<to>/` is prebuilt for every pair of consecutive releases and for latest...draft;
 * `/compare/?from=<a>&to=<b>` is any other pair, computed in the browser.
 */

/** Between the two release keys of a pair in a compare address, as on GitHub. */
export const PAIR_SEPARATOR = '...';

/** The prebuilt comparison of two releases, or one page's diff in it (`#<page-id>`). */
export function compareUrl(from: string, to: string, pageId?: string): string {
  return `/compare/${from}${PAIR_SEPARATOR}${to}/${pageId ? `#${pageId}` : ''}`;
}

/** The picker's address for any pair. */
export function comparePickerUrl(from: string, to: string, pageId?: string): string {
  return `/compare/?${new URLSearchParams({ from, to })}${pageId ? `#${pageId}` : ''}`;
}

/** The route parameter of a prebuilt comparison: `1.1...2.0`. */
export function pairKey(from: string, to: string): string {
  return `${from}${PAIR_SEPARATOR}${to}`;
}

/** A pair of releases the site prebuilds a comparison for. */
export interface ComparePair {
  from: Release;
  to: Release;
}

/**
 * Every pair prebuilt as static HTML: each release against the one before, and the draft against the
 * latest. That is one page per release, so build cost grows with releases, not with their square.
 */
export function staticPairs(library: Library): ComparePair[] {
  return library.all.flatMap((to) => {
    const from = library.previous(to);
    return from ? [{ from, to }] : [];
  });
}

/** What the picker's island is told: every release key oldest first (the draft last), the prebuilt pairs, and which release `latest` is. */
export interface CompareConfig {
  order: string[];
  prebuilt: string[];
  latest: string;
}

export function compareConfig(library: Library): CompareConfig {
  return {
    order: library.all.map((release) => release.release),
    prebuilt: staticPairs(library).map(({ from, to }) => pairKey(from.release, to.release)),
    latest: library.latest.release,
  };
}
