import type { Library, Page, Release } from './model.ts';
import { readingMinutes } from './model.ts';
import type { StepChange, TrackData } from './progress.ts';
import { ROLES } from './roles.ts';
import type { Track } from './schema.ts';
import { pageDiffUrl } from './addresses.ts';
import { isEditorialIn } from './material.ts';

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
 * now (or that replaced a page of that release), each with the diff of that page.
 *
 * Read from `library.changes`, the one change computation, release by release: what changed since
 * an older release is what changed since the release after it, plus what that step changed. Those
 * are the changelog's own (memoized) comparisons, so this costs nothing more at 20 releases, where
 * comparing every pair of releases outright took seconds. A page edited and later restored counts
 * as changed: the reader is told once too often, never once too few.
 */
export function trackData(library: Library, release: Release, track: Track): TrackData {
  // Every page of a track asks for its track's data: compute it once per (release, track).
  const known = trackDataCache.get(release)?.get(track.id);
  if (known) return known;
  const order = library.all.map((candidate) => candidate.release);
  const steps = new Set(track.steps.map((step) => step.page));
  /** Step pages changed since the release being walked back to, with the pages they replaced on the way. */
  const since = new Map<string, Set<string>>();
  const changed: Record<string, StepChange[]> = {};
  const older: string[] = [];
  let later = release;
  for (const from of releasesBefore(library, release).reverse()) {
    for (const change of library.changes(from, later).changes) {
      if (!steps.has(change.id) || !change.kinds.some((kind) => kind === 'edited' || kind === 'renamed' || kind === 'added')) continue;
      // A wording-only (editorial) change is not news to a reader who already read the page.
      if (isEditorialIn(library, later, change.id)) continue;
      const replaced = since.get(change.id) ?? new Set<string>();
      for (const id of change.replaces) replaced.add(id);
      since.set(change.id, replaced);
    }
    later = from;
    // Only a release that had the track can hold a reader's progress on it.
    if (!from.tracks.some((other) => other.id === track.id)) continue;
    older.unshift(from.release);
    for (const [id, replaced] of since) {
      // Read under its own id, or (for a page new since) under the ids of pages it replaced.
      const ids = from.page(id) ? undefined : [...replaced].filter((old) => from.page(old));
      if (ids?.length === 0) continue;
      const entry: StepChange = { release: from.release, diff: pageDiffUrl(from.release, release.release, order, id), ...(ids ? { ids } : {}) };
      (changed[id] ??= []).unshift(entry);
    }
  }
  const data: TrackData = { track: track.id, release: release.release, older, changed };
  if (!trackDataCache.has(release)) trackDataCache.set(release, new Map());
  trackDataCache.get(release)!.set(track.id, data);
  return data;
}

const trackDataCache = new WeakMap<Release, Map<string, TrackData>>();

