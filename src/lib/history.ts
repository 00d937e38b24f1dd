import { compareUrl } from './addresses.ts';
import type { Library, Page, Release } from './model.ts';

/** What a page's release did to it, for the line at the top of every page. */
export type PageHistory =
  /** Not in the release before (or the first release): `replaces` are pages of the release before that it superseded. */
  | { kind: 'new'; release: Release; previous?: Release; replaces: Page[]; compareUrl?: string }
  /** Its text or title differs from the release before. */
  | { kind: 'changed'; release: Release; previous: Release; compareUrl: string }
  /** Identical (same text and title) in every release from `since` to this one. */
  | { kind: 'unchanged'; release: Release; since: Release };

const histories = new WeakMap<Library, Map<Release, Map<string, PageHistory>>>();

/**
 * The history of every page of every release, walked once, oldest first: each release only looks
 * at the one before it, so this costs releases x pages once per build, not again for every route.
 */
function historyOf(library: Library): Map<Release, Map<string, PageHistory>> {
  let all = histories.get(library);
  if (all) return all;
  all = new Map();
  for (const release of library.all) {
    const previous = library.previous(release);
    const before = previous ? all.get(previous) : undefined;
    const pages = new Map<string, PageHistory>();
    for (const page of release.pages) {
      const old = previous?.page(page.id);
      if (!previous || !old) {
        const replaces = previous ? page.supersedes.flatMap((id) => previous.page(id) ?? []) : [];
        const url = previous && compareUrl(previous.release, release.release, page.id);
        pages.set(page.id, { kind: 'new', release, previous, replaces, compareUrl: url });
      } else if (old.bodyHash !== page.bodyHash || old.title !== page.title) {
        pages.set(page.id, { kind: 'changed', release, previous, compareUrl: compareUrl(previous.release, release.release, page.id) });
      } else {
        const earlier = before?.get(page.id);
        pages.set(page.id, { kind: 'unchanged', release, since: earlier?.kind === 'unchanged' ? earlier.since : previous });
      }
    }
    all.set(release, pages);
  }
  histories.set(library, all);
  return all;
}

/** What the release being read did to this page: new in it, changed in it, or unchanged since when. */
export function pageHistory(library: Library, release: Release, page: Page): PageHistory {
  const found = historyOf(library).get(release)?.get(page.id);
  if (!found) throw new Error(`Page "${page.id}" is not part of release ${release.release}; expected a page of that release`);
  return found;
}
