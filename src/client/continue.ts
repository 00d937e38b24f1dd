/**
 * "Continue where you left off" on the front page and /onboarding/: the track the reader worked in
 * last, and its next step not yet read, from the progress kept in this browser.
 */
import { pageAt } from '../lib/addresses.ts';
import { islandData, islandRoot, requiredPart } from '../lib/islands.ts';
import { PROGRESS_KEY, parseProgress, stepState, type TrackData } from '../lib/progress.ts';

/** One track as the build describes it for this island. */
export interface ContinueTrack {
  data: TrackData;
  title: string;
  url: string;
  /** Page id and title of each step, in order; a step's address is under the root's `data-base` (`pageAt`). */
  steps: Array<[string, string]>;
}

const box = islandRoot<HTMLElement>(document, 'continue');
const text = box && requiredPart<HTMLElement>(box, 'continue', '[data-continue-text]');
const tracks = box ? islandData<ContinueTrack[]>(requiredPart<HTMLElement>(box, 'continue', '[data-continue-data]'), 'continue') : [];

function show(): void {
  if (!box || !text) return;
  let store;
  try {
    store = parseProgress(localStorage.getItem(PROGRESS_KEY));
  } catch {
    return;
  }
  // The track touched last: the newest change among its records.
  const last = (track: ContinueTrack) => Math.max(0, ...(store.tracks[track.data.track] ?? []).map((record) => Date.parse(record.at) || 0));
  const track = tracks.filter((candidate) => last(candidate) > 0).sort((a, b) => last(b) - last(a))[0];
  if (!track) return (box.hidden = true), undefined;
  const states = track.steps.map(([id]) => stepState(store, track.data, id).state);
  const done = states.filter((state) => state === 'done').length;
  const nextIndex = states.findIndex((state) => state !== 'done');
  const trackLink = document.createElement('a');
  trackLink.href = track.url;
  trackLink.textContent = track.title;
  if (nextIndex < 0) {
    text.replaceChildren('You have read every step of ', trackLink, '.');
  } else {
    const [id, title] = track.steps[nextIndex];
    const link = document.createElement('a');
    link.href = pageAt(box.dataset.base ?? '', id);
    link.textContent = title;
    const changed = states[nextIndex] === 'changed' ? ' (changed since you read it)' : '';
    text.replaceChildren(`${done} of ${track.steps.length} steps done in `, trackLink, `. Next, step ${nextIndex + 1}${changed}: `, link, '.');
  }
  box.hidden = false;
}

show();
// Back/Forward from a step page: read the progress again.
addEventListener('pageshow', (event) => event.persisted && show());
