import { describe, expect, it } from 'vitest';
import { pageHistory } from '../../src/lib/history.ts';
import { GOOD_FIXTURE, libraryOf } from './helpers.ts';

const library = await libraryOf(GOOD_FIXTURE);
const v10 = library.release('1.0')!;
const v11 = library.release('1.1')!;
const draft = library.draft!;

function summary(release = v11) {
  return Object.fromEntries(
    release.pages.map((page) => {
      const history = pageHistory(library, release, page);
      const detail =
        history.kind === 'unchanged' ? `since ${history.since.release}` : history.kind === 'changed' ? history.compareUrl : (history.compareUrl ?? 'first release');
      return [page.id, `${history.kind} ${detail}`];
    }),
  );
}

describe('what the release being read did to a page', () => {
  it('calls every page of the first release new, with nothing to compare it to', () => {
    expect(summary(v10)).toEqual({
      introduction: 'new first release',
      tiers: 'new first release',
      'old-workflow': 'new first release',
      listening: 'new first release',
      retired: 'new first release',
    });
  });

  it('finds changed text or title, new pages, and pages only moved as unchanged', () => {
    expect(summary(v11)).toEqual({
      introduction: 'changed /compare/1.0...1.1/#introduction',
      tiers: 'changed /compare/1.0...1.1/#tiers',
      'encounter-workflow': 'new /compare/1.0...1.1/#encounter-workflow',
      listening: 'unchanged since 1.0',
    });
  });

  it('names the page a new page replaced', () => {
    const history = pageHistory(library, v11, v11.page('encounter-workflow')!);
    expect(history.kind === 'new' && history.replaces.map((page) => page.url)).toEqual(['/v/1.0/old-workflow/']);
  });

  it('dates an unchanged page from the first release in which it read as it does now', () => {
    expect(summary(draft)).toEqual({
      introduction: 'unchanged since 1.1',
      tiers: 'unchanged since 1.1',
      'encounter-workflow': 'unchanged since 1.1',
      listening: 'changed /compare/1.1...draft/#listening',
      threats: 'new /compare/1.1...draft/#threats',
    });
  });

  it('refuses a page of another release', () => {
    expect(() => pageHistory(library, v11, v10.page('retired')!)).toThrow(/"retired" is not part of release 1.1/);
  });
});

describe('a page’s history across every release', () => {
  it('lists each release a page was first published or changed in, with the link to that change', async () => {
    const { pageTimeline } = await import('../../src/lib/page-timeline.ts');
    const timeline = pageTimeline(library, 'tiers').map((entry) => [entry.release.release, entry.what, entry.diffUrl]);
    expect(timeline[0]).toEqual(['1.0', 'first published', undefined]);
    expect(timeline[1]).toEqual(['1.1', 'text changed', '/compare/1.0...1.1/#tiers']);
    // Unchanged releases are not listed.
    expect(timeline.every(([release]) => release === '1.0' || library.release(release!)!.page('tiers')!.bodyHash !== library.previous(library.release(release!)!)!.page('tiers')!.bodyHash)).toBe(true);
    expect(pageTimeline(library, 'encounter-workflow')[0]).toMatchObject({ what: 'added, replacing Old workflow', diffUrl: '/compare/1.0...1.1/#encounter-workflow' });
    // The draft's change is listed to a reader of the draft only.
    expect(pageTimeline(library, 'listening', draft).map((entry) => entry.what)).toEqual(['first published', 'moved', 'text changed']);
    expect(pageTimeline(library, 'listening', v11).map((entry) => entry.what)).toEqual(['first published', 'moved']);
  });

  it('tells a reader of an older release what changed since in the latest one', async () => {
    const { sinceThisRelease } = await import('../../src/lib/page-timeline.ts');
    expect(sinceThisRelease(library, v10, v10.page('tiers')!)).toMatchObject({ kind: 'changed', diffUrl: '/compare/1.0...1.1/#tiers' });
    expect(sinceThisRelease(library, v10, v10.page('old-workflow')!)).toMatchObject({ kind: 'replaced', page: { id: 'encounter-workflow' } });
    expect(sinceThisRelease(library, v10, v10.page('retired')!)).toMatchObject({ kind: 'removed' });
    expect(sinceThisRelease(library, v11, v11.page('tiers')!)).toBeUndefined();
    expect(sinceThisRelease(library, draft, draft.page('tiers')!)).toBeUndefined();
  });
});
