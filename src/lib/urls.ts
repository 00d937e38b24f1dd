import { latestUrl, notInReleaseHash, pageUrl } from './addresses.ts';
import type { Library, Release, SwitchTarget } from './model.ts';

/**
 * Addresses that need the model of releases. Every address itself is built in addresses.ts; this
 * file only re-exports it for the builders other branches append below (the lead moves them).
 */
export * from './addresses.ts';

/**
 * The version switcher for a page the site makes for each release (glossary, print view, a track):
 * the same page in every release that has it, else that release's front page with its notice.
 */
export function switchTargetsTo(library: Library, urlIn: (release: Release) => string | undefined): SwitchTarget[] {
  return library.switchTargets(undefined).map(({ release }) => {
    const url = urlIn(release);
    return url ? { release, url, kind: 'same' } : { release, url: notInReleaseHash(release.url), kind: 'missing' };
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
