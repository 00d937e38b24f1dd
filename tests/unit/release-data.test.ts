import { describe, expect, it } from 'vitest';
import { releaseContents } from '../../src/lib/contents.ts';
import { pageReleaseIds, pageReleasesData, releasesData } from '../../src/lib/release-data.ts';
import { GOOD_FIXTURE, libraryOf } from './helpers.ts';

// What frozen pages load on use instead of carrying (issue 16), over the fixture: releases 1.0 and 1.1 and a draft.
describe('/releases.json', () => {
  it('lists every release newest first with its status, then the draft, and names the one in effect', async () => {
    const data = releasesData(await libraryOf(GOOD_FIXTURE));
    expect(data.latest).toBe('1.1');
    expect(data.releases.map((entry) => [entry.release, entry.url, entry.status])).toEqual([
      ['1.1', '/v/1.1/', 'in-effect'],
      ['1.0', '/v/1.0/', 'superseded'],
      ['draft', '/draft/', undefined],
    ]);
    expect(data.releases[0].tracks).toEqual(['peer-supporter']);
  });
});

describe('/page-releases/<id>.json', () => {
  it('has a file for every id of any release or the draft', async () => {
    expect(pageReleaseIds(await libraryOf(GOOD_FIXTURE))).toEqual(['encounter-workflow', 'introduction', 'listening', 'old-workflow', 'retired', 'threats', 'tiers']);
  });

  it('sends a release without the page to its front page notice for any page, never to one naming the page', async () => {
    const data = pageReleasesData(await libraryOf(GOOD_FIXTURE), 'retired');
    expect(data.targets).toEqual([
      { release: '1.1', url: '/v/1.1/#not-in-release', kind: 'missing' },
      { release: '1.0', url: '/v/1.0/retired/', kind: 'same' },
      { release: 'draft', url: '/draft/#not-in-release', kind: 'missing' },
    ]);
    expect(data.since).toEqual({ '1.0': { kind: 'removed' } });
  });

  it('follows a replaced page to its successor, with the diff since the release read', async () => {
    const data = pageReleasesData(await libraryOf(GOOD_FIXTURE), 'old-workflow');
    expect(data.targets[0]).toEqual({ release: '1.1', url: '/v/1.1/encounter-workflow/', kind: 'successor' });
    expect(data.since['1.0']).toEqual({ kind: 'replaced', url: '/v/1.1/encounter-workflow/', title: 'Encounter workflow', diffUrl: '/compare/1.0...1.1/#old-workflow' });
  });

  it('gives a changed page its timeline and what changed since each older release; nothing for the latest', async () => {
    const data = pageReleasesData(await libraryOf(GOOD_FIXTURE), 'tiers');
    expect(data.since).toEqual({ '1.0': { kind: 'changed', url: '/v/1.1/tiers/', title: 'The three tiers', diffUrl: '/compare/1.0...1.1/#tiers' } });
    expect(data.timeline.map((entry) => [entry.release, entry.what, entry.diffUrl])).toEqual([
      ['1.0', 'first published', undefined],
      ['1.1', 'text changed', '/compare/1.0...1.1/#tiers'],
    ]);
  });
});

describe("a release's contents.json", () => {
  it('lists its parts in order with their pages, for the sidebar parts that expand in place', async () => {
    const library = await libraryOf(GOOD_FIXTURE);
    expect(releaseContents(library.release('1.0')!)).toEqual({
      parts: [
        { id: 'foundations', pages: [['introduction', 'Introduction'], ['tiers', 'The three tiers']] },
        { id: 'running-support', pages: [['old-workflow', 'Old workflow'], ['listening', 'Listening'], ['retired', 'Retired page']] },
      ],
    });
  });
});
