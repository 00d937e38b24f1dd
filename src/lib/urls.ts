import { comparePickerUrl, compareUrl } from './compare.ts';
import { NOT_IN_RELEASE, latestUrl, pageUrl, type Library, type Release, type SwitchTarget } from './model.ts';

/**
 * Addresses the onboarding, trainer and compare features link to. They are a public interface
 * (pasted into chats and handouts), so they are built in one place.
 */

/**
 * The diff of one page between two releases, as the compare view shows it. Neighbouring releases
 * (and the latest with the draft) have a prebuilt page, `/compare/<from>...<to>/#<page-id>`; any
 * other pair goes through the picker, `/compare/?from=<from>&to=<to>#<page-id>`.
 * @param order every release key, oldest first, the draft last (the order of `library.all`)
 */
export function pageDiffUrl(from: string, to: string, order: readonly string[], pageId?: string): string {
  const index = order.indexOf(from);
  const adjacent = index >= 0 && order[index + 1] === to;
  return adjacent ? compareUrl(from, to, pageId) : comparePickerUrl(from, to, pageId);
}

/**
 * Where a release's onboarding lives, from the prefix its pages are read through: `/latest/` reads
 * the newest release, whose tracks are the site-wide `/onboarding/`.
 */
export function onboardingUrl(base: string, trackId?: string): string {
  const root = base === '/latest/' ? '/onboarding/' : `${base}onboarding/`;
  return trackId ? `${root}${trackId}/` : root;
}

/** The glossary of the release read through `base` (`/v/2.0/`, `/latest/`, `/draft/`). */
export function glossaryUrl(base: string, termId?: string): string {
  return `${base}glossary/${termId ? `#${termId}` : ''}`;
}

/** The whole release as one printable document. */
export function printUrl(releaseUrl: string): string {
  return `${releaseUrl}print/`;
}

/**
 * The version switcher for a page the site makes for each release (glossary, print view, a track):
 * the same page in every release that has it, else that release's front page with its notice.
 */
export function switchTargetsTo(library: Library, urlIn: (release: Release) => string | undefined): SwitchTarget[] {
  return library.switchTargets(undefined).map(({ release }) => {
    const url = urlIn(release);
    return url ? { release, url, kind: 'same' } : { release, url: `${release.url}#${NOT_IN_RELEASE}`, kind: 'missing' };
  });
}

/** What a trainer's copy-link control can copy for the sections of one page. */
export interface SectionLinkBases {
  /** `/latest/<id>/`, which follows the page into every new release; absent when the latest release lacks the page. */
  latest?: string;
  /** The page in the release being read: `/v/<version>/<id>/` (or the draft's address). */
  pinned: string;
}

/** The page addresses that a section anchor is appended to by the copy-link control. */
export function sectionLinkBases(library: Library, release: Release, pageId: string): SectionLinkBases {
  return { latest: library.latest.page(pageId) ? latestUrl(pageId) : undefined, pinned: pageUrl(release.release, pageId) };
}

/**
 * A path as a full address when the site's address is configured (PLAYBOOK_SITE), else the path
 * itself, which the browser completes with the origin it was read from (src/client/site.ts).
 */
export function absoluteUrl(path: string, site: URL | string | undefined): string {
  return site ? new URL(path, site).href : path;
}

/** A release's data page: its data sets as tables and charts. */
export function dataUrl(base: string): string {
  return `${base}data/`;
}

/** One table of a data set as CSV, exactly as the data page shows it. */
export function dataCsvUrl(base: string, set: string, table: string): string {
  return `${base}data/${set}/${table}.csv`;
}

// from publish
import { copyFileName } from './copies.ts';
/** The changelog, or one release's notes and computed changes. */
export function changelogUrl(release?: string): string {
  return release ? `/changelog/${release}/` : '/changelog/';
}

/** A frozen release's PDF and offline copy live in its `copies/` folder, cached for a year (src/lib/hosting.ts). */
export function releasePdfUrl(release: string): string {
  return `/v/${release}/copies/${copyFileName(release, 'pdf')}`;
}

/** A zip of one release's pages and assets, which opens from disk. */
export function releaseOfflineUrl(release: string): string {
  return `/v/${release}/copies/${copyFileName(release, 'offline')}`;
}

/** One part of a release, or one onboarding track, as a document for printing. */
export function printPartUrl(releaseUrl: string, partId: string): string {
  return `${releaseUrl}print/part/${partId}/`;
}

export function printTrackUrl(releaseUrl: string, trackId: string): string {
  return `${releaseUrl}print/track/${trackId}/`;
}

// from cost-output
/** Every release, newest first, for what a frozen page loads on use (src/lib/release-data.ts). */
export function releasesDataUrl(): string {
  return '/releases.json';
}

/** One page in every release: the switcher's targets, the page's timeline, what changed since. */
export function pageReleasesUrl(id: string): string {
  return `/page-releases/${id}.json`;
}

/** A release's parts and page titles, for the sidebar's parts that expand in place (loaded on use). */
export function releaseContentsUrl(releaseUrl: string): string {
  return `${releaseUrl}contents.json`;
}
