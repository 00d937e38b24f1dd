import { describe, expect, it } from 'vitest';
import { changedShare, computeChanges, type ComparablePage } from '../../src/lib/changes.ts';
import { GOOD_FIXTURE, libraryOf } from './helpers.ts';

const library = await libraryOf(GOOD_FIXTURE);
const v10 = library.release('1.0')!;
const v11 = library.release('1.1')!;
const draft = library.draft!;

function kindsById(from = v10, to = v11) {
  return Object.fromEntries(library.changes(from, to).changes.map((change) => [change.id, change.kinds]));
}

describe('changes between two releases, by page id', () => {
  const changes = library.changes(v10, v11);

  it('finds an added page and what it replaces (supersede)', () => {
    const added = changes.changes.find((change) => change.id === 'encounter-workflow')!;
    expect(added.kinds).toEqual(['added']);
    expect(added.replaces).toEqual(['old-workflow']);
  });

  it('finds a removed page with its successor, and one without', () => {
    const removed = changes.changes.filter((change) => change.kinds.includes('removed'));
    expect(removed.map((change) => [change.id, change.successor?.id])).toEqual([
      ['old-workflow', 'encounter-workflow'],
      ['retired', undefined],
    ]);
  });

  it('finds a renamed page (title changed, text the same)', () => {
    expect(kindsById().introduction).toEqual(['renamed']);
  });

  it('finds a moved page (its order changed), without calling pages after an addition moved', () => {
    expect(kindsById().listening).toEqual(['moved']);
    expect(kindsById(v11, draft).tiers).toBeUndefined();
  });

  it('finds an edited page with the share of words changed', () => {
    const tiers = changes.changes.find((change) => change.id === 'tiers')!;
    expect(tiers.kinds).toEqual(['edited']);
    expect(tiers.changedShare).toBeGreaterThan(0);
    expect(tiers.changedShare).toBeLessThan(0.2);
  });

  it('lists unchanged pages and counts each kind', () => {
    const draftChanges = library.changes(v11, draft);
    expect(draftChanges.unchanged.map((page) => page.id)).toEqual(['introduction', 'tiers', 'encounter-workflow']);
    expect(draftChanges.counts).toEqual({ added: 1, removed: 0, renamed: 0, moved: 0, edited: 1 });
    expect(changes.counts).toEqual({ added: 1, removed: 2, renamed: 1, moved: 1, edited: 1 });
  });

  it('totals pages once per group: a renamed and an edited page are two changed pages', () => {
    expect(changes.totals).toEqual({ added: 1, changed: 2, moved: 1, removed: 2, unchanged: 0 });
    expect(library.changes(v11, draft).totals).toEqual({ added: 1, changed: 1, moved: 0, removed: 0, unchanged: 3 });
  });

  it('reports no change between a release and itself', () => {
    const same = library.changes(v11, v11);
    expect(same.changes).toEqual([]);
    expect(same.unchanged).toHaveLength(v11.pages.length);
  });
});

describe('changes computed from plain page data, as the compare island does in the browser', () => {
  const plain = (pages: readonly ComparablePage[]) => {
    const copies = pages.map(({ id, title, part, order, bodyHash, blocks, supersedes }) => ({ id, title, part, order, bodyHash, blocks, supersedes }));
    return { pages: copies, page: (id: string) => copies.find((page) => page.id === id) };
  };

  it('gives a page renamed, moved to another part and edited at once all three kinds, and counts it once as changed', () => {
    const before = plain(v11.pages);
    const tiers = before.page('tiers')!;
    const after = plain([
      ...before.pages.filter((page) => page.id !== 'tiers'),
      { ...tiers, title: 'Three tiers', part: 'elsewhere', blocks: [...tiers.blocks, { kind: 'text' as const, text: 'A new paragraph.' }], bodyHash: 'new' },
    ]);
    const computed = computeChanges(before, after, () => undefined);
    expect(computed.changes.map((change) => [change.id, change.kinds])).toEqual([['tiers', ['renamed', 'moved', 'edited']]]);
    // Counted once, as changed: `moved` is for pages only moved, so the figures add up to the pages changed.
    expect(computed.totals).toEqual({ added: 0, changed: 1, moved: 0, removed: 0, unchanged: 3 });
    const { added, changed, moved, removed } = computed.totals;
    expect(added + changed + moved + removed).toBe(computed.changes.length);
  });

  it('finds the same changes as the model', () => {
    const from = plain(v10.pages);
    const to = plain(v11.pages);
    const computed = computeChanges(from, to, (id) => (id === 'old-workflow' ? to.page('encounter-workflow') : undefined));
    const summary = (list: typeof computed.changes) => list.map((change) => [change.id, change.kinds, change.successor?.id, change.changedShare]);
    expect(summary(computed.changes)).toEqual(summary(library.changes(v10, v11).changes as typeof computed.changes));
    expect(computed.totals).toEqual(library.changes(v10, v11).totals);
  });
});

describe('share of words changed', () => {
  it('is 0 for equal texts, 1 for disjoint ones, and in between otherwise', () => {
    expect(changedShare('a b c', 'a b c')).toBe(0);
    expect(changedShare('a b', 'c d')).toBe(1);
    expect(changedShare('one two three four', 'one two three five')).toBeCloseTo(2 / 5);
  });
});
