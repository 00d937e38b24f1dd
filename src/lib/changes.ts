import { diffWords } from 'diff';
import type { Page, Release } from './model.ts';
import type { TextBlock } from './compile.ts';

export type ChangeKind = 'added' | 'removed' | 'renamed' | 'moved' | 'edited';

/**
 * What the computation reads of a page. The model's Page has it, and so do the pages the compare
 * island rebuilds in the browser from /compare-data/, so both run this same code.
 */
export interface ComparablePage {
  id: string;
  title: string;
  part: string;
  order: number;
  bodyHash: string;
  blocks: readonly TextBlock[];
  supersedes: readonly string[];
  /** The figures and downloads shown, by content hash: a changed figure is a changed page. */
  assets?: ReadonlyArray<{ path: string; hash: string }>;
}

/** What the computation reads of a release: its pages in reading order, and a lookup by id. */
export interface ComparableRelease<P extends ComparablePage = ComparablePage> {
  pages: readonly P[];
  page(id: string): P | undefined;
}

/** What happened to one page id between two releases. A page can be renamed, moved and edited at once. */
export interface PageChange<P extends ComparablePage = Page> {
  id: string;
  kinds: ChangeKind[];
  /** The page in the older release (absent when added). */
  before?: P;
  /** The page in the newer release (absent when removed). */
  after?: P;
  /** For a removed page: the page of the newer release that replaced it. */
  successor?: P;
  /** For an added page: the ids it replaced (from `supersedes`). */
  replaces: string[];
  /** Share of the words changed, 0 to 1, when the text changed. */
  changedShare?: number;
}

export interface ReleaseChanges<P extends ComparablePage = Page, R extends ComparableRelease = Release> {
  from: R;
  to: R;
  /** Every page that changed, in the newer release's reading order, then removed pages. */
  changes: PageChange<P>[];
  unchanged: P[];
  /** Changes by kind: a page renamed and edited counts once under each. */
  counts: Record<ChangeKind, number>;
  /** Pages by what a reader asks first: each page counted once in each group it belongs to. */
  totals: ChangeTotals;
}

/**
 * Pages added, changed (text or title), moved and removed: the figures the changelog and the compare
 * summary show, one per group of their lists. A page renamed and edited is one changed page, not
 * two; `moved` counts pages only moved (a page moved and edited is a changed page), so the four add
 * up to the pages that changed.
 */
export interface ChangeTotals {
  added: number;
  changed: number;
  moved: number;
  removed: number;
  unchanged: number;
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
export function computeChanges<P extends ComparablePage, R extends ComparableRelease<P>>(
  from: R,
  to: R,
  successorOf: (id: string) => P | undefined,
): ReleaseChanges<P, R> {
  const changes: PageChange<P>[] = [];
  const unchanged: P[] = [];
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
  const totals: ChangeTotals = {
    added: counts.added,
    changed: changes.filter((change) => change.kinds.includes('edited') || change.kinds.includes('renamed')).length,
    moved: changes.filter((change) => change.kinds.includes('moved') && !change.kinds.includes('edited') && !change.kinds.includes('renamed')).length,
    removed: counts.removed,
    unchanged: unchanged.length,
  };
  return { from, to, changes, unchanged, counts, totals };
}
