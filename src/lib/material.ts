import type { PageChange } from './changes.ts';
import { changeClassOf } from './document-control.ts';
import type { Library, Page, Release } from './model.ts';

/**
 * Material and editorial changes (GOV.UK's change notes and minor changes): what a release changed
 * in meaning, announced in the feed, the tracks and each page's history line; and what it changed
 * only in wording, listed quietly in the changelog. Read from the one change computation
 * (`library.changes`) and the release's document control.
 */

export interface ClassedChange {
  page: Page;
  change: PageChange;
  /** The approver's one-line note; for a new page, absent. */
  note?: string;
  /** False when the release does not class this page (it then counts as material). */
  declared: boolean;
}

export interface ClassedChanges {
  /** Pages added, or edited (text or title) with a material change, in reading order. */
  material: ClassedChange[];
  /** Pages edited in wording only. */
  editorial: ClassedChange[];
  /** Pages removed (with what replaced them, if anything). */
  removed: PageChange[];
}

const cache = new WeakMap<Release, ClassedChanges>();

/** What a release changed since the release before it, by class. The first release changed nothing. */
export function classedChanges(library: Library, release: Release): ClassedChanges {
  const known = cache.get(release);
  if (known) return known;
  const result: ClassedChanges = { material: [], editorial: [], removed: [] };
  const previous = library.previous(release);
  if (previous) {
    for (const change of library.changes(previous, release).changes) {
      if (change.kinds.includes('removed')) {
        result.removed.push(change);
        continue;
      }
      const page = change.after!;
      if (change.kinds.includes('added')) {
        result.material.push({ page, change, declared: true, note: release.control?.changes[page.id]?.note });
        continue;
      }
      if (!change.kinds.includes('edited') && !change.kinds.includes('renamed')) continue;
      const classed = changeClassOf(release.control, page.id);
      result[classed.class].push({ page, change, note: classed.note, declared: classed.declared });
    }
  }
  cache.set(release, result);
  return result;
}

/** True when the page changed in meaning in this release: added, or edited and classed material (or not classed). */
export function isMaterialIn(library: Library, release: Release, pageId: string): boolean {
  return classedChanges(library, release).material.some((entry) => entry.page.id === pageId);
}

/** True when this release changed the page in wording only. */
export function isEditorialIn(library: Library, release: Release, pageId: string): boolean {
  return classedChanges(library, release).editorial.some((entry) => entry.page.id === pageId);
}

/** The approver's note on a material change to the page in this release, if one was written. */
export function materialNote(library: Library, release: Release, pageId: string): string | undefined {
  return classedChanges(library, release).material.find((entry) => entry.page.id === pageId)?.note;
}

/**
 * The last release up to `release` in which the page was new or changed materially: what "changed in"
 * means to a reader. Editorial edits in between do not count.
 */
export function lastMaterialRelease(library: Library, release: Release, pageId: string): Release | undefined {
  const chain = library.all.slice(0, library.all.indexOf(release) + 1);
  for (let index = chain.length - 1; index >= 0; index--) {
    const candidate = chain[index];
    if (!candidate.page(pageId)) return chain[index + 1];
    if (index === 0 || isMaterialIn(library, candidate, pageId)) return candidate;
  }
  return undefined;
}
