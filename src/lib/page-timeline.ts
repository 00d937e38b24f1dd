import { compareUrl, comparePickerUrl } from './addresses.ts';
import { pageHistory } from './history.ts';
import type { Library, Page, Release } from './model.ts';

/**
 * A page's history across every release, for reviewers and returning readers: each release it was
 * first published or changed in (with the link to that change), and, read in an older release, what
 * has changed since in the latest one.
 */

export interface TimelineEntry {
  release: Release;
  /** The page in that release. */
  page: Page;
  kind: 'new' | 'changed';
  /** What changed, in words: "first published", "text changed", "renamed", "moved". */
  what: string;
  /** The diff of this change (absent for the first release). */
  diffUrl?: string;
}

/**
 * Every release in which page `id` was new or changed, oldest first. The draft is listed only to a
 * reader of the draft: a released page does not announce unapproved text, nor change with each edit of it.
 */
export function pageTimeline(library: Library, id: string, reading?: Release): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const release of reading?.isDraft ? library.all : library.releases) {
    const page = release.page(id);
    if (!page) continue;
    const history = pageHistory(library, release, page);
    const previous = library.previous(release);
    const before = previous?.page(id);
    // Same text and title, but a new place in the book: a change for the timeline too.
    const movedOnly = history.kind === 'unchanged' && before && (before.part !== page.part || before.order !== page.order);
    if (history.kind === 'unchanged' && !movedOnly) continue;
    const what: string[] = [];
    if (history.kind === 'new') what.push(previous ? (history.replaces.length ? `added, replacing ${history.replaces.map((old) => old.title).join(', ')}` : 'added') : 'first published');
    if (before && before.title !== page.title) what.push('renamed');
    if (before && (before.part !== page.part || before.order !== page.order)) what.push('moved');
    if (before && before.bodyHash !== page.bodyHash) what.push('text changed');
    const diffUrl = history.kind === 'unchanged' ? compareUrl(previous!.release, release.release, id) : history.compareUrl;
    entries.push({ release, page, kind: history.kind === 'new' ? 'new' : 'changed', what: what.join(', ') || 'changed', diffUrl });
  }
  return entries;
}

/** For a page read in an older release: where it is in the latest release, and whether it changed since. */
export type SinceThisRelease =
  | { kind: 'changed'; latest: Release; page: Page; diffUrl: string }
  | { kind: 'same'; latest: Release; page: Page }
  | { kind: 'replaced'; latest: Release; page: Page; diffUrl: string }
  | { kind: 'removed'; latest: Release };

/**
 * What changed in the latest release since the one being read: undefined when reading the latest
 * release or the draft. The diff is the prebuilt pair when the two are neighbours, else the any-pair view.
 */
export function sinceThisRelease(library: Library, release: Release, page: Page): SinceThisRelease | undefined {
  const latest = library.latest;
  if (release.isDraft || release === latest) return undefined;
  const diff = (id: string) => (library.previous(latest) === release ? compareUrl(release.release, latest.release, id) : comparePickerUrl(release.release, latest.release, id));
  const resolution = library.resolve(page.id, latest);
  if (resolution.kind === 'same') {
    const now = resolution.page;
    if (now.bodyHash === page.bodyHash && now.title === page.title) return { kind: 'same', latest, page: now };
    return { kind: 'changed', latest, page: now, diffUrl: diff(page.id) };
  }
  if (resolution.kind === 'successor') return { kind: 'replaced', latest, page: resolution.page, diffUrl: diff(page.id) };
  return { kind: 'removed', latest };
}
