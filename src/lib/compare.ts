import { pairKey } from './addresses.ts';
import type { Library, Release } from './model.ts';

/**
 * Which comparisons the site prebuilds. Their addresses (addresses.ts) are a public interface:
 * `/compare/<from>...<to>/` is prebuilt for every pair of consecutive releases and for latest...draft;
 * `/compare/?from=<a>&to=<b>` is any other pair, computed in the browser.
 */

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
