import { notInReleaseHash } from './addresses.ts';
import type { Library, SwitchTarget } from './model.ts';
import { pageTimeline, sinceThisRelease } from './page-timeline.ts';

/**
 * What a frozen page learns about later releases, loaded on use instead of written into it (issue 16):
 * a page of release N is byte-identical whether or not N+1 exists, so the version switcher, the
 * "newer release" banner, the release's status and the page's timeline come from two small files
 * outside `/v/`, rebuilt with every release: `/releases.json` (every release, a few hundred bytes
 * each) and `/page-releases/<id>.json` (one page in every release).
 */

/** One release as the browser needs it to switch, label and warn. */
export interface ReleaseEntry {
  /** A release number, or `draft`. */
  release: string;
  date?: string;
  url: string;
  /** Upcoming, in effect or superseded on the build's day (effective.ts re-checks upcoming ones); absent for the draft. */
  status?: string;
  effective?: string;
  /** The onboarding tracks it has (ids), so the switcher of a track page knows where the track is. */
  tracks: string[];
  /** Whether it has a data page. */
  data: boolean;
}

/** `/releases.json`: newest release first, the draft last (as the switcher lists them). */
export interface ReleasesData {
  /** The release in effect, which `/latest/` reads. */
  latest: string;
  releases: ReleaseEntry[];
}

export function releasesData(library: Library): ReleasesData {
  return {
    latest: library.latest.release,
    releases: library.switchTargets(undefined).map(({ release }) => ({
      release: release.release,
      date: release.date,
      url: release.url,
      status: release.status,
      effective: release.effective,
      tracks: release.tracks.map((track) => track.id),
      data: release.data.length > 0,
    })),
  };
}

/** Where one page is in one release, for the switcher. */
export interface PageTarget {
  release: string;
  url: string;
  kind: SwitchTarget['kind'];
}

/** For a reader of an older release: the page in the latest one, and how it differs. */
export interface PageSince {
  kind: 'changed' | 'same' | 'replaced' | 'removed';
  /** The page in the latest release (absent when removed). */
  url?: string;
  title?: string;
  diffUrl?: string;
}

/** A release in which the page was first published or changed. */
export interface PageTimelineEntry {
  release: string;
  date?: string;
  url: string;
  what: string;
  diffUrl?: string;
}

/** `/page-releases/<id>.json`. */
export interface PageReleasesData {
  id: string;
  /** Newest release first, the draft last: the same page, what replaced it, or the release's front page. */
  targets: PageTarget[];
  /** By release read (frozen releases older than the latest only). */
  since: Record<string, PageSince>;
  /** Oldest first; frozen releases only (the draft's own pages list the draft). */
  timeline: PageTimelineEntry[];
}

/**
 * Every page id that has a page of its own somewhere: the ids of every release and the draft, sorted.
 */
export function pageReleaseIds(library: Library): string[] {
  return [...new Set(library.all.flatMap((release) => release.pages.map((page) => page.id)))].sort();
}

export function pageReleasesData(library: Library, id: string): PageReleasesData {
  const since: Record<string, PageSince> = {};
  for (const release of library.releases) {
    const page = release.page(id);
    if (!page) continue;
    const found = sinceThisRelease(library, release, page);
    if (!found) continue;
    since[release.release] =
      found.kind === 'removed' ? { kind: 'removed' }
      : found.kind === 'same' ? { kind: 'same', url: found.page.url, title: found.page.title }
      : { kind: found.kind, url: found.page.url, title: found.page.title, diffUrl: found.diffUrl };
  }
  return {
    id,
    // A release without the page: its front page's notice, which says so (a notice naming the page would
    // have to list pages of later releases, and so change the frozen front page with every release).
    targets: library.switchTargets(id).map(({ release, url, kind }) => ({ release: release.release, url: kind === 'missing' ? notInReleaseHash(release.url) : url, kind })),
    since,
    timeline: pageTimeline(library, id).map((entry) => ({ release: entry.release.release, date: entry.release.date, url: entry.page.url, what: entry.what, diffUrl: entry.diffUrl })),
  };
}
