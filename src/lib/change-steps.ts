import type { ChangeKind, ComparablePage, ComparableRelease, ReleaseChanges } from './changes.ts';

/**
 * In which release each change of a comparison happened. Comparing 1.0 with the draft jumps over 1.1
 * and 2.0; a page added in 1.1 must read "added in 1.1", not "new in the draft". The answer walks the
 * releases from one to the other, each against the one before, using only what every release's data
 * file already has (ids, titles, places, body hashes): no page text is needed.
 */

/** For one changed page: the releases, oldest first, in which each of its kinds of change happened. */
export type ChangeReleases<R> = Partial<Record<ChangeKind, R[]>>;

/**
 * `releases` runs from the comparison's `from` to its `to`, oldest first, with every release between
 * (so `[from, to]` for neighbours). Returns, by page id, where each of the change's kinds happened.
 */
export function changeReleases<P extends ComparablePage, R extends ComparableRelease<P>>(
  changes: ReleaseChanges<P, R>,
  releases: readonly R[],
): Map<string, ChangeReleases<R>> {
  if (releases[0] !== changes.from || releases.at(-1) !== changes.to) {
    throw new Error('changeReleases: expected the releases to run from the comparison’s first release to its last');
  }
  const result = new Map<string, ChangeReleases<R>>();
  for (const change of changes.changes) {
    const found: ChangeReleases<R> = {};
    const add = (kind: ChangeKind, release: R) => (found[kind] ??= []).push(release);
    for (let index = 1; index < releases.length; index++) {
      const before = releases[index - 1].page(change.id);
      const after = releases[index].page(change.id);
      if (!before && after) {
        // Added (again) here: only the last arrival counts, an earlier one was undone by a removal.
        found.added = [releases[index]];
      } else if (before && !after) {
        found.removed = [releases[index]];
      } else if (before && after) {
        if (before.title !== after.title) add('renamed', releases[index]);
        if (before.part !== after.part || before.order !== after.order) add('moved', releases[index]);
        if (before.bodyHash !== after.bodyHash) add('edited', releases[index]);
      }
    }
    // Keep only what the comparison as a whole reports: a title changed and changed back is no rename.
    const kept: ChangeReleases<R> = {};
    for (const kind of change.kinds) kept[kind] = found[kind] ?? [changes.to];
    result.set(change.id, kept);
  }
  return result;
}

/** The releases from `from` to `to`, both included, in the order given (oldest first); empty when `to` is before `from`. */
export function releasesBetween<R>(ordered: readonly R[], from: R, to: R): R[] {
  const start = ordered.indexOf(from);
  const end = ordered.indexOf(to);
  if (start < 0 || end < 0 || end < start) return [];
  return ordered.slice(start, end + 1);
}
