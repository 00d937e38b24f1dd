import type { Library, Page, Release } from './model.ts';
import { readingMinutes } from './model.ts';
import type { StepChange, TrackData } from './progress.ts';
import { ROLES } from './roles.ts';
import type { Track } from './schema.ts';
import { pageDiffUrl } from './urls.ts';

/** One step of a track as a reader sees it: the page of this release, why to read it, and for how long. */
export interface TrackStep {
  /** 1-based. */
  number: number;
  page: Page;
  why: string;
  minutes: number;
}

export interface TrackView {
  track: Track;
  release: Release;
  /** "Physician lead track": what the track is called in a sentence. */
  name: string;
  steps: TrackStep[];
  minutes: number;
}

/** A track with its steps resolved to this release's pages (the content checks guarantee they exist). */
export function trackView(release: Release, track: Track): TrackView {
  const steps = track.steps.flatMap((step, index): TrackStep[] => {
    const page = release.page(step.page);
    return page ? [{ number: index + 1, page, why: step.why, minutes: readingMinutes(page.words) }] : [];
  });
  return { track, release, name: `${ROLES[track.audience]} track`, steps, minutes: steps.reduce((sum, step) => sum + step.minutes, 0) };
}

export function trackViews(release: Release): TrackView[] {
  return release.tracks.map((track) => trackView(release, track));
}

/** Where a page stands in a track: for "Step 3 of 9 in the Physician lead track, next: …". */
export interface TrackPosition {
  view: TrackView;
  step: TrackStep;
  next?: TrackStep;
}

/** Every track of the release that contains the page, at the page's first step in each. */
export function trackPositions(release: Release, pageId: string): TrackPosition[] {
  return trackViews(release).flatMap((view) => {
    const index = view.steps.findIndex((step) => step.page.id === pageId);
    return index < 0 ? [] : [{ view, step: view.steps[index], next: view.steps[index + 1] }];
  });
}

/** The releases before `release` (for the draft: every release), oldest first. */
function releasesBefore(library: Library, release: Release): Release[] {
  return library.all.slice(0, library.all.indexOf(release));
}

/**
 * What the progress island needs to tell a returning reader which steps changed since they read
 * them: for each older release that had this track, the steps whose page has another text or title
 * now (or that replaced a page of that release). Read from `library.changes`, the one change
 * computation, so the track agrees with the changelog and the compare view.
 */
export function trackData(library: Library, release: Release, track: Track): TrackData {
  // Every page of a track asks for its track's data: compute it once per (release, track).
  const known = trackDataCache.get(release)?.get(track.id);
  if (known) return known;
  const order = library.all.map((candidate) => candidate.release);
  const older = releasesBefore(library, release).filter((candidate) => candidate.tracks.some((other) => other.id === track.id));
  const steps = new Set(track.steps.map((step) => step.page));
  const changed: Record<string, StepChange[]> = {};
  for (const from of older) {
    for (const change of library.changes(from, release).changes) {
      if (!steps.has(change.id)) continue;
      const diff = pageDiffUrl(from.release, release.release, order, change.id);
      let entry: StepChange | undefined;
      if (change.kinds.includes('edited') || change.kinds.includes('renamed')) entry = { release: from.release, diff };
      else if (change.kinds.includes('added') && change.replaces.length) entry = { release: from.release, diff, ids: change.replaces };
      if (entry) (changed[change.id] ??= []).push(entry);
    }
  }
  const data: TrackData = { track: track.id, release: release.release, older: older.map((candidate) => candidate.release), changed };
  if (!trackDataCache.has(release)) trackDataCache.set(release, new Map());
  trackDataCache.get(release)!.set(track.id, data);
  return data;
}

const trackDataCache = new WeakMap<Release, Map<string, TrackData>>();

/** A data block for `<script type="application/json">`: nothing in it can close the element. */
export function jsonData(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
