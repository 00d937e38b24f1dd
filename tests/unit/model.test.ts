import { describe, expect, it } from 'vitest';
import { notInReleaseId } from '../../src/lib/addresses.ts';
import { versionsManifest } from '../../src/lib/manifest.ts';
import { pagesMissingFrom } from '../../src/lib/model.ts';
import { GOOD_FIXTURE, libraryOf } from './helpers.ts';

const library = await libraryOf(GOOD_FIXTURE);
const v10 = library.release('1.0')!;
const v11 = library.release('1.1')!;
const draft = library.draft!;

describe('the library of releases', () => {
  it('orders releases oldest first, names the latest, keeps the draft apart', () => {
    expect(library.releases.map((release) => release.release)).toEqual(['1.0', '1.1']);
    expect(library.newestFirst.map((release) => release.release)).toEqual(['1.1', '1.0']);
    expect(library.latest).toBe(v11);
    expect(library.all.at(-1)).toBe(draft);
    expect(library.previous(draft)).toBe(v11);
    expect(library.previous(v11)).toBe(v10);
  });

  it('orders pages by part, then order, and links previous and next', () => {
    expect(v11.pages.map((page) => page.id)).toEqual(['introduction', 'tiers', 'encounter-workflow', 'listening']);
    expect(v11.parts.map((part) => part.pages.length)).toEqual([2, 2]);
    expect(v11.page('tiers')!.url).toBe('/v/1.1/tiers/');
    expect(draft.page('tiers')!.url).toBe('/draft/tiers/');
  });

  it('resolves a page id in another release: itself, its successor, its predecessor or nothing', () => {
    expect(library.resolve('tiers', v10)).toMatchObject({ kind: 'same', page: { url: '/v/1.0/tiers/' } });
    expect(library.resolve('old-workflow', v11)).toMatchObject({ kind: 'successor', page: { id: 'encounter-workflow' } });
    expect(library.resolve('encounter-workflow', v10)).toMatchObject({ kind: 'predecessor', page: { id: 'old-workflow' } });
    expect(library.resolve('retired', v11)).toEqual({ kind: 'missing' });
    expect(library.resolve('threats', v10)).toEqual({ kind: 'missing' });
  });

  it('lists every id ever released and what became of the removed ones', () => {
    expect(library.releasedIds).toEqual(['encounter-workflow', 'introduction', 'listening', 'old-workflow', 'retired', 'tiers']);
    expect(library.removed.map((entry) => ({ id: entry.id, last: entry.lastRelease.release, removedIn: entry.removedIn.release, successor: entry.successor?.id }))).toEqual([
      { id: 'old-workflow', last: '1.0', removedIn: '1.1', successor: 'encounter-workflow' },
      { id: 'retired', last: '1.0', removedIn: '1.1', successor: undefined },
    ]);
  });

  it('gives the switcher a target in every release, newest first, draft last', () => {
    const targets = library.switchTargets('retired');
    expect(targets.map((target) => [target.release.release, target.kind, target.url])).toEqual([
      ['1.1', 'missing', `/v/1.1/#${notInReleaseId('retired')}`],
      ['1.0', 'same', '/v/1.0/retired/'],
      ['draft', 'missing', `/draft/#${notInReleaseId('retired')}`],
    ]);
    expect(library.switchTargets('old-workflow')[0]).toMatchObject({ kind: 'successor', url: '/v/1.1/encounter-workflow/' });
  });

  it('lists for each release the pages of other releases it has nothing for, named, with where to read them', () => {
    const release = library.release('1.1')!;
    expect(pagesMissingFrom(library, release).map((page) => [page.id, page.url, page.releaseName])).toEqual([
      ['retired', '/v/1.0/retired/', 'Release 1.0'],
      ['threats', '/draft/threats/', 'Draft'],
    ]);
    expect(pagesMissingFrom(library, release)[0].title).toBe(library.release('1.0')!.page('retired')!.title);
  });
});

describe('/versions.json', () => {
  it('has exactly the promised shape', () => {
    const manifest = versionsManifest(library);
    expect(Object.keys(manifest)).toEqual(['latest', 'statusAsBuilt', 'releases', 'notices', 'draft']);
    expect(manifest.latest).toBe('1.1');
    expect(manifest.releases.map((release) => Object.keys(release))).toEqual([
      ['version', 'date', 'title', 'url', 'digest', 'status', 'effective', 'approved', 'approvedBy', 'notices', 'withdrawn', 'pages'],
      ['version', 'date', 'title', 'url', 'digest', 'status', 'effective', 'notices', 'withdrawn', 'pages'],
    ]);
    expect(manifest.releases[1]).toMatchObject({ version: '1.0', date: '2024-02-05', title: 'Program launch', url: '/v/1.0/' });
    expect(manifest.releases[1].digest).toMatch(/^sha256-[0-9a-f]{64}$/);
    expect(manifest.releases[1].pages[0]).toEqual({ id: 'introduction', title: 'Introduction', url: '/v/1.0/introduction/' });
    expect(manifest.draft!.url).toBe('/draft/');
    expect(manifest.draft!.pages.map((page) => page.id)).toContain('threats');
  });
});
