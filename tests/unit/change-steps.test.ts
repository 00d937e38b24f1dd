import { describe, expect, it } from 'vitest';
import { changeReleases, releasesBetween, type ChangeReleases } from '../../src/lib/change-steps.ts';
import type { Release } from '../../src/lib/model.ts';
import { GOOD_FIXTURE, libraryOf } from './helpers.ts';

const library = await libraryOf(GOOD_FIXTURE);
const v10 = library.release('1.0')!;
const v11 = library.release('1.1')!;
const draft = library.draft!;

const releasesOf = (found: Map<string, ChangeReleases<Release>>, id: string) =>
  Object.fromEntries(Object.entries(found.get(id) ?? {}).map(([kind, releases]) => [kind, releases!.map((release) => release.release)]));

describe('in which release each change was made', () => {
  const found = changeReleases(library.changes(v10, draft), [v10, v11, draft]);

  it('credits a page added in 1.1 to 1.1, not to the draft, when comparing 1.0 with the draft', () => {
    expect(releasesOf(found, 'encounter-workflow')).toEqual({ added: ['1.1'] });
    expect(releasesOf(found, 'threats')).toEqual({ added: ['draft'] });
  });

  it('credits removals, renames, moves and edits to the release that made them', () => {
    expect(releasesOf(found, 'retired')).toEqual({ removed: ['1.1'] });
    expect(releasesOf(found, 'old-workflow')).toEqual({ removed: ['1.1'] });
    expect(releasesOf(found, 'introduction')).toEqual({ renamed: ['1.1'] });
    expect(releasesOf(found, 'tiers')).toEqual({ edited: ['1.1'] });
    // Moved in 1.1, its text changed in the draft: each kind names its own release.
    expect(releasesOf(found, 'listening')).toEqual({ moved: ['1.1'], edited: ['draft'] });
  });

  it('between neighbours credits everything to the newer release', () => {
    const next = changeReleases(library.changes(v11, draft), [v11, draft]);
    for (const kinds of next.values()) for (const releases of Object.values(kinds)) expect(releases!.map((r) => r.release)).toEqual(['draft']);
  });

  it('refuses releases that do not run from the first compared to the last', () => {
    expect(() => changeReleases(library.changes(v10, draft), [v11, draft])).toThrow(/from the comparison’s first release/);
  });

  it('lists the releases from one to another, and none for a reversed pair', () => {
    expect(releasesBetween(library.all, v10, draft).map((release) => release.release)).toEqual(['1.0', '1.1', 'draft']);
    expect(releasesBetween(library.all, draft, v10)).toEqual([]);
  });
});
