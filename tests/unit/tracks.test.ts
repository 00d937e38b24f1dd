import { describe, expect, it } from 'vitest';
import { readingMinutes } from '../../src/lib/model.ts';
import { jsonData } from '../../src/lib/json-data.ts';
import { trackData, trackPositions, trackView } from '../../src/lib/tracks.ts';
import { GOOD_FIXTURE, libraryOf } from './helpers.ts';

const library = await libraryOf(GOOD_FIXTURE);
const v10 = library.release('1.0')!;
const v11 = library.release('1.1')!;
const draft = library.draft!;

describe('a track in a release', () => {
  it('resolves its steps to the pages of that release, with why and reading time', () => {
    const view = trackView(v11, v11.tracks[0]);
    expect(view.name).toBe('Peer supporter track');
    expect(view.steps.map((step) => [step.number, step.page.url, step.why])).toEqual([
      [1, '/v/1.1/introduction/', 'The basics.'],
      [2, '/v/1.1/tiers/', 'Where you fit.'],
    ]);
    expect(view.steps[1].minutes).toBe(readingMinutes(v11.page('tiers')!.words));
    expect(view.minutes).toBe(view.steps[0].minutes + view.steps[1].minutes);
  });

  it('places a page in every track that contains it, with the step after it', () => {
    const [position] = trackPositions(draft, 'tiers');
    expect([position.step.number, position.view.steps.length, position.next?.page.id]).toEqual([2, 3, 'encounter-workflow']);
    expect(trackPositions(draft, 'encounter-workflow')[0].next).toBeUndefined();
    expect(trackPositions(draft, 'listening')).toEqual([]);
  });
});

describe('what changed since a reader read a step', () => {
  it('lists, per older release, the steps whose text or title changed, with the diff of that page', () => {
    expect(trackData(library, v11, v11.tracks[0])).toEqual({
      track: 'peer-supporter',
      release: '1.1',
      older: ['1.0'],
      changed: {
        introduction: [{ release: '1.0', diff: '/compare/1.0...1.1/#introduction' }],
        tiers: [{ release: '1.0', diff: '/compare/1.0...1.1/#tiers' }],
      },
    });
  });

  it('uses the picker for releases further apart, and counts a replaced page as read under its old id', () => {
    const data = trackData(library, draft, draft.tracks[0]);
    expect(data.older).toEqual(['1.0', '1.1']);
    expect(data.changed).toEqual({
      introduction: [{ release: '1.0', diff: '/compare/?from=1.0&to=draft#introduction' }],
      tiers: [{ release: '1.0', diff: '/compare/?from=1.0&to=draft#tiers' }],
      'encounter-workflow': [{ release: '1.0', diff: '/compare/?from=1.0&to=draft#encounter-workflow', ids: ['old-workflow'] }],
    });
  });

  it('has nothing to say in the first release', () => {
    expect(trackData(library, v10, v10.tracks[0])).toEqual({ track: 'peer-supporter', release: '1.0', older: [], changed: {} });
  });

  it('finds, walking release by release, what comparing the two releases outright finds', () => {
    for (const release of library.all) {
      for (const track of release.tracks) {
        const data = trackData(library, release, track);
        const steps = new Set(track.steps.map((step) => step.page));
        for (const older of data.older) {
          const outright = library
            .changes(library.release(older)!, release)
            .changes.filter((change) => steps.has(change.id))
            .filter((change) => change.kinds.includes('edited') || change.kinds.includes('renamed') || change.replaces.length > 0)
            .map((change) => change.id);
          const walked = Object.entries(data.changed).filter(([, entries]) => entries.some((entry) => entry.release === older)).map(([id]) => id);
          expect(walked.sort(), `${older} to ${release.release}`).toEqual(outright.sort());
        }
      }
    }
  });

  it('agrees with the changes the changelog computes', () => {
    const changed = library.changes(v10, v11).changes.filter((change) => change.kinds.some((kind) => kind === 'edited' || kind === 'renamed'));
    const steps = new Set(v11.tracks[0].steps.map((step) => step.page));
    expect(Object.keys(trackData(library, v11, v11.tracks[0]).changed).sort()).toEqual(changed.map((change) => change.id).filter((id) => steps.has(id)).sort());
  });
});

describe('data blocks', () => {
  it('cannot close the script element that holds them', () => {
    expect(jsonData({ why: '</script><b>' })).toBe('{"why":"\\u003c/script>\\u003cb>"}');
    expect(JSON.parse(jsonData({ why: '</script>' }))).toEqual({ why: '</script>' });
  });
});
