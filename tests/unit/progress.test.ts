import { describe, expect, it } from 'vitest';
import { clearTrack, emptyProgress, restoreRecords, trackRecords, markStep, parseProgress, stepState, type ProgressStore, type TrackData } from '../../src/lib/progress.ts';

const monday = new Date('2025-03-03T09:00:00.000Z');
const friday = new Date('2025-03-07T16:30:00.000Z');

describe('the stored format', () => {
  it('records per track the release, the pages done and when', () => {
    let store = markStep(emptyProgress(), 'physician-lead', '1.1', ['activation'], true, monday);
    store = markStep(store, 'physician-lead', '1.1', ['confidentiality'], true, friday);
    store = markStep(store, 'physician-lead', '2.0', ['activation'], true, friday);
    expect(JSON.parse(JSON.stringify(store))).toEqual({
      version: 1,
      tracks: {
        'physician-lead': [
          { release: '1.1', done: ['activation', 'confidentiality'], at: '2025-03-07T16:30:00.000Z' },
          { release: '2.0', done: ['activation'], at: '2025-03-07T16:30:00.000Z' },
        ],
      },
    });
  });

  it('reads back what it wrote', () => {
    const store = markStep(emptyProgress(), 'peer-supporter', 'draft', ['tiers'], true, monday);
    expect(parseProgress(JSON.stringify(store))).toEqual(store);
  });

  it('treats missing, damaged or foreign data as no progress', () => {
    for (const text of [null, '', '{', '[]', '{"version":2,"tracks":{}}', '{"version":1}', 'null']) expect(parseProgress(text)).toEqual(emptyProgress());
    const mixed = parseProgress('{"version":1,"tracks":{"a":[{"release":"1.0","done":["x"],"at":"t"},{"release":1}],"b":"no"}}');
    expect(mixed).toEqual({ version: 1, tracks: { a: [{ release: '1.0', done: ['x'], at: 't' }] } });
  });

  it('does not change the store it was given', () => {
    const before = markStep(emptyProgress(), 't', '1.0', ['a'], true, monday);
    const copy = structuredClone(before);
    markStep(before, 't', '1.0', ['b'], true, friday);
    markStep(before, 't', '1.0', ['a'], false, friday);
    clearTrack(before, 't', ['1.0']);
    restoreRecords(before, 't', [{ release: '1.0', done: ['z'], at: 'x' }]);
    expect(before).toEqual(copy);
  });

  it('marks a step not done in every release, forgetting empty records and tracks', () => {
    let store = markStep(emptyProgress(), 't', '1.0', ['old'], true, monday);
    store = markStep(store, 't', '1.1', ['new'], true, monday);
    store = markStep(store, 't', '1.1', ['other'], true, monday);
    store = markStep(store, 't', '1.1', ['new', 'old'], false, friday);
    expect(store.tracks.t).toEqual([{ release: '1.1', done: ['other'], at: friday.toISOString() }]);
    expect(markStep(store, 't', '1.1', ['other'], false, friday).tracks).toEqual({});
  });

  it('clears one track and keeps the others', () => {
    let store = markStep(emptyProgress(), 'a', '1.0', ['x'], true, monday);
    store = markStep(store, 'b', '1.0', ['x'], true, monday);
    expect(Object.keys(clearTrack(store, 'a', ['1.0']).tracks)).toEqual(['b']);
  });

  it('clears only the releases it is given: a newer release keeps its progress', () => {
    let store = markStep(emptyProgress(), 't', '1.0', ['x'], true, monday);
    store = markStep(store, 't', '1.1', ['y'], true, monday);
    store = markStep(store, 't', 'draft', ['z'], true, monday);
    expect(clearTrack(store, 't', ['1.1', '1.0']).tracks.t).toEqual([{ release: 'draft', done: ['z'], at: monday.toISOString() }]);
  });

  it('undoes a clearing, keeping what was marked in between', () => {
    let store = markStep(emptyProgress(), 't', '1.0', ['x'], true, monday);
    store = markStep(store, 't', '1.1', ['y'], true, monday);
    const cleared = trackRecords(store, 't', ['1.1', '1.0']);
    expect(cleared.map((record) => record.release)).toEqual(['1.0', '1.1']);
    let after = clearTrack(store, 't', ['1.1', '1.0']);
    expect(after.tracks).toEqual({});
    after = markStep(after, 't', '1.1', ['w'], true, friday);
    const restored = restoreRecords(after, 't', cleared);
    expect(stepState(restored, { track: 't', release: '1.1', older: ['1.0'], changed: {} }, 'x')).toEqual({ state: 'done', release: '1.0' });
    expect(restored.tracks.t.find((record) => record.release === '1.1')!.done.sort()).toEqual(['w', 'y']);
  });
});

describe('where a step stands for a returning reader', () => {
  const data: TrackData = {
    track: 'physician-lead',
    release: '2.0',
    older: ['1.0', '1.1'],
    changed: {
      activation: [
        { release: '1.0', diff: '/compare/?from=1.0&to=2.0#activation' },
        { release: '1.1', diff: '/compare/1.1...2.0/#activation' },
      ],
      confidentiality: [{ release: '1.0', diff: '/compare/?from=1.0&to=2.0#confidentiality' }],
      'encounter-workflow': [{ release: '1.0', diff: '/compare/?from=1.0&to=2.0#encounter-workflow', ids: ['old-workflow'] }],
    },
  };
  const progress = (...marks: Array<[string, string]>): ProgressStore =>
    marks.reduce((store, [release, page]) => markStep(store, 'physician-lead', release, [page], true, monday), emptyProgress());

  it('is to do when never marked', () => {
    expect(stepState(emptyProgress(), data, 'activation')).toEqual({ state: 'todo' });
  });

  it('is done when marked in this release, whatever happened before', () => {
    expect(stepState(progress(['1.0', 'activation'], ['2.0', 'activation']), data, 'activation')).toEqual({ state: 'done', release: '2.0' });
  });

  it('is done when marked in an older release and its page is unchanged since', () => {
    expect(stepState(progress(['1.0', 'tiers']), data, 'tiers')).toEqual({ state: 'done', release: '1.0' });
    expect(stepState(progress(['1.1', 'confidentiality']), data, 'confidentiality')).toEqual({ state: 'done', release: '1.1' });
  });

  it('says it changed, with the diff from the release it was read in', () => {
    expect(stepState(progress(['1.0', 'confidentiality']), data, 'confidentiality')).toEqual({
      state: 'changed',
      release: '1.0',
      diff: '/compare/?from=1.0&to=2.0#confidentiality',
    });
  });

  it('compares with the newest release the reader marked it in', () => {
    expect(stepState(progress(['1.0', 'activation'], ['1.1', 'activation']), data, 'activation')).toEqual({
      state: 'changed',
      release: '1.1',
      diff: '/compare/1.1...2.0/#activation',
    });
  });

  it('counts a page the step replaced as read, and as changed', () => {
    expect(stepState(progress(['1.0', 'old-workflow']), data, 'encounter-workflow')).toEqual({
      state: 'changed',
      release: '1.0',
      diff: '/compare/?from=1.0&to=2.0#encounter-workflow',
    });
  });

  it('ignores progress of other tracks and of newer releases', () => {
    const other = markStep(emptyProgress(), 'program-manager', '2.0', ['activation'], true, monday);
    expect(stepState(other, data, 'activation')).toEqual({ state: 'todo' });
    expect(stepState(progress(['draft', 'activation']), data, 'activation')).toEqual({ state: 'todo' });
  });
});
