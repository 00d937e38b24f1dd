import { diffWords } from 'diff';
import type { Page, Release } from './model.ts';
import type { TextBlock } from './compile.ts';

export type ChangeKind = 'added' | 'removed' | 'renamed' | 'moved' | 'edited';

/** What happened to one page id between two releases. A page can be renamed, moved and edited at once. */
export interface PageChange {
  id: string;
  kinds: ChangeKind[];
  /** The page in the older release (absent when added). */
  before?: Page;
  /** The page in the newer release (absent when removed). */
  after?: Page;
  /** For a removed page: the page of the newer release that replaced it. */
  successor?: Page;
  /** For an added page: the ids it replaced (from `supersedes`). */
  replaces: string[];
  /** Share of the words changed, 0 to 1, when the text changed. */
  changedShare?: number;
}

export interface ReleaseChanges {
  from: Release;
  to: Release;
  /** Every page that changed, in the newer release's reading order, then removed pages. */
  changes: PageChange[];
  unchanged: Page[];
  counts: Record<ChangeKind, number>;
}

/** The words of a page's rendered text, headings included, as the diff sees them. */
export function pageText(blocks: readonly TextBlock[]): string {
  return blocks.map((block) => block.text).join('\n');
}

/** Share of words inserted or deleted between two texts: 0 when equal, 1 when nothing is shared. */
export function changedShare(before: string, after: string): number {
  let changed = 0;
  let total = 0;
  for (const part of diffWords(before, after)) {
    const words = part.value.match(/\S+/g)?.length ?? 0;
    total += words;
    if (part.added || part.removed) changed += words;
  }
  return total === 0 ? 0 : changed / total;
}

/**
 * The computed changes between two releases, by page id: the changelog, the release script and the
 * compare view all use this one function.
 */
export function computeChanges(from: Release, to: Release, successorOf: (id: string) => Page | undefined): ReleaseChanges {
  const changes: PageChange[] = [];
  const unchanged: Page[] = [];
  for (const after of to.pages) {
    const before = from.page(after.id);
    if (!before) {
      changes.push({ id: after.id, kinds: ['added'], after, replaces: after.supersedes.filter((id) => from.page(id)) });
      continue;
    }
    const kinds: ChangeKind[] = [];
    if (before.title !== after.title) kinds.push('renamed');
    // Position is part and order, not the index: adding a page must not "move" every page after it.
    if (before.part !== after.part || before.order !== after.order) kinds.push('moved');
    let share: number | undefined;
    if (before.bodyHash !== after.bodyHash) {
      kinds.push('edited');
      share = changedShare(pageText(before.blocks), pageText(after.blocks));
    }
    if (kinds.length) changes.push({ id: after.id, kinds, before, after, replaces: [], changedShare: share });
    else unchanged.push(after);
  }
  for (const before of from.pages) {
    if (!to.page(before.id)) changes.push({ id: before.id, kinds: ['removed'], before, successor: successorOf(before.id), replaces: [] });
  }
  const counts: Record<ChangeKind, number> = { added: 0, removed: 0, renamed: 0, moved: 0, edited: 0 };
  for (const change of changes) for (const kind of change.kinds) counts[kind]++;
  return { from, to, changes, unchanged, counts };
}
