import { computeChanges, type ReleaseChanges } from './changes.ts';
import { DRAFT, notInReleaseHash, pageUrl, releaseLabel, releaseName, releasePhrase, releaseUrl } from './addresses.ts';
import type { LoadedContent } from './content.ts';
import { effectiveDate, isoToday, isWithdrawn, releaseStatuses, type NoticeRecord, type ReleaseStatus } from './document-control.ts';
import { recordsFromContent, type PageRecord, type ReleaseRecord } from './records.ts';
import type { Part } from './schema.ts';
import { compareVersions } from './version.ts';

export interface Page extends PageRecord {
  url: string;
  /** Index in the release's reading order. */
  index: number;
  partTitle: string;
}

export interface PartOfRelease extends Part {
  pages: Page[];
}

export interface Release extends ReleaseRecord {
  isDraft: boolean;
  /** The release's front page. */
  url: string;
  /** Label for people: "1.1" or "Draft". */
  label: string;
  /** As a title or breadcrumb: "Release 1.1" or "Draft". */
  name: string;
  /** Inside a sentence: "release 1.1" or "the draft". */
  phrase: string;
  /** Upcoming, in effect or superseded on the build's day; the draft has none. */
  status?: ReleaseStatus;
  /** The day it takes effect (its effective date, else its publication date). */
  effective?: string;
  /** The notice that withdrew the whole release, if one did: it stays readable, clearly marked. */
  withdrawn?: NoticeRecord;
  /** Every page in reading order: by part, then order, then title. */
  pages: Page[];
  parts: PartOfRelease[];
  page(id: string): Page | undefined;
}

/** Reading speed used for estimates; 200 words a minute is a common plain-language planning figure. */
export const WORDS_PER_MINUTE = 200;

export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

function buildRelease(record: ReleaseRecord, records: PageRecord[]): Release {
  const partIndex = new Map(record.parts.map((part, index) => [part.id, index]));
  const sorted = [...records].sort(
    (a, b) =>
      (partIndex.get(a.part) ?? Infinity) - (partIndex.get(b.part) ?? Infinity) || a.order - b.order || a.title.localeCompare(b.title) || a.id.localeCompare(b.id),
  );
  const partTitle = new Map(record.parts.map((part) => [part.id, part.title]));
  const pages: Page[] = sorted.map((page, index) => ({
    ...page,
    url: pageUrl(record.release, page.id),
    index,
    partTitle: partTitle.get(page.part) ?? page.part,
  }));
  const byId = new Map(pages.map((page) => [page.id, page]));
  const isDraft = record.release === DRAFT;
  return {
    ...record,
    isDraft,
    url: releaseUrl(record.release),
    label: releaseLabel(record.release),
    name: releaseName(record.release),
    phrase: releasePhrase(record.release),
    pages,
    parts: record.parts.map((part) => ({ ...part, pages: pages.filter((page) => page.part === part.id) })),
    page: (id) => byId.get(id),
  };
}

/** Where a page id went in a given release, and why. */
export type Resolution =
  | { kind: 'same'; page: Page }
  | { kind: 'successor'; page: Page; via: string[] }
  | { kind: 'predecessor'; page: Page }
  | { kind: 'missing' };

/** What became of a page that the latest release no longer has. */
export interface RemovedPage {
  id: string;
  /** The last release that had it, and the page as it was there. */
  lastRelease: Release;
  lastPage: Page;
  /** The first release without it. */
  removedIn: Release;
  /** The page of the latest release that replaced it, if any. */
  successor?: Page;
}

export interface Library {
  /** Frozen releases, oldest first. */
  releases: Release[];
  /** Newest first, for switchers and lists. */
  newestFirst: Release[];
  /** The release in effect on the build's day: what /latest/ and the front page show. */
  latest: Release;
  /** The newest frozen release: the latest, or an upcoming one not in effect yet. */
  newest: Release;
  /** Frozen releases published ahead of their effective date, oldest first. */
  upcoming: Release[];
  /** Notices on frozen releases, newest first. */
  notices: NoticeRecord[];
  /** The build's day (YYYY-MM-DD) that decided each release's status. */
  today: string;
  draft?: Release;
  /** Frozen releases and the draft. */
  all: Release[];
  release(key: string): Release | undefined;
  /** The release just before this one (for the draft: the newest frozen release). */
  previous(release: Release): Release | undefined;
  /** Every page id any frozen release has ever had. */
  releasedIds: string[];
  /** Finds the page for `id` in `target`: itself, what superseded it, or what it superseded. */
  resolve(id: string, target: Release): Resolution;
  /** Pages once released that the latest release no longer has. */
  removed: RemovedPage[];
  isLatest(release: Release): boolean;
  /** What changed from one release to another (memoized; used by the changelog, compare and release script). */
  changes(from: Release, to: Release): ReleaseChanges;
  /** For a version switcher on page `id` (or a front page when absent): where each release would take you. */
  switchTargets(id: string | undefined): SwitchTarget[];
}

/** One entry of the version switcher. */
export interface SwitchTarget {
  release: Release;
  url: string;
  /** How the page was found there; `front` when the reader lands on the release's front page. */
  kind: Resolution['kind'] | 'front';
}


/** A page of another release that a release does not have, for its front page's notice naming it. */
export interface MissingPage {
  id: string;
  title: string;
  /** Where to read it: the newest release that has it (or the draft). */
  url: string;
  releaseName: string;
}

/** Every page id of any release that resolves to nothing in `release` (no same, successor or predecessor page). */
export function pagesMissingFrom(library: Library, release: Release): MissingPage[] {
  const newest = new Map<string, Page>();
  for (const other of library.all) for (const page of other.pages) newest.set(page.id, page);
  return [...newest.values()]
    .filter((page) => library.resolve(page.id, release).kind === 'missing')
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((page) => {
      const home = library.all.find((candidate) => candidate.release === page.release)!;
      return { id: page.id, title: page.title, url: page.url, releaseName: home.name };
    });
}

/**
 * One model of every release, built once: routes, the manifest and the scripts all ask it, so no
 * two of them compute the same thing differently.
 */
export interface LibraryOptions {
  notices?: NoticeRecord[];
  /** The day that decides which release is in effect (YYYY-MM-DD); today in UTC when absent. */
  today?: string;
}

export function buildLibrary(releaseRecords: ReleaseRecord[], pageRecords: PageRecord[], options: LibraryOptions = {}): Library {
  const today = options.today ?? isoToday();
  const notices = [...(options.notices ?? [])].sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
  const byRelease = new Map<string, PageRecord[]>();
  for (const page of pageRecords) {
    const list = byRelease.get(page.release) ?? [];
    list.push(page);
    byRelease.set(page.release, list);
  }
  const frozen = releaseRecords.filter((record) => record.release !== DRAFT).sort((a, b) => compareVersions(a.release, b.release));
  if (frozen.length === 0) throw new Error('The playbook has no releases: expected at least one folder under content/versions/.');
  const { statuses, inEffect } = releaseStatuses(frozen, today);
  const releases: Release[] = frozen.map((record, index) => ({
    ...buildRelease(record, byRelease.get(record.release) ?? []),
    status: statuses[index],
    effective: effectiveDate(record),
    withdrawn: isWithdrawn(notices, record.release),
  }));
  const draftRecord = releaseRecords.find((record) => record.release === DRAFT);
  const draft = draftRecord ? buildRelease(draftRecord, byRelease.get(DRAFT) ?? []) : undefined;
  // A release published ahead of its effective date does not become the latest until that day.
  const latest = releases[Math.max(inEffect, 0)];
  const newest = releases[releases.length - 1];
  const current = releases.slice(0, releases.indexOf(latest) + 1);
  const all = draft ? [...releases, draft] : releases;
  const byKey = new Map(all.map((release) => [release.release, release]));

  // Who replaced whom, as declared by the newest page to claim it.
  const supersededBy = new Map<string, string>();
  for (const release of all) for (const page of release.pages) for (const old of page.supersedes) supersededBy.set(old, page.id);

  const resolve = (id: string, target: Release): Resolution => {
    const same = target.page(id);
    if (same) return { kind: 'same', page: same };
    const via: string[] = [];
    const seen = new Set([id]);
    for (let next = supersededBy.get(id); next && !seen.has(next); next = supersededBy.get(next)) {
      seen.add(next);
      const found = target.page(next);
      if (found) return { kind: 'successor', page: found, via };
      via.push(next);
    }
    // Going back in time: the page this one replaced may be in the older release.
    const queue = [id];
    const visited = new Set(queue);
    while (queue.length) {
      const current = queue.shift() as string;
      for (const release of all) {
        for (const old of release.page(current)?.supersedes ?? []) {
          const found = target.page(old);
          if (found) return { kind: 'predecessor', page: found };
          if (!visited.has(old)) {
            visited.add(old);
            queue.push(old);
          }
        }
      }
    }
    return { kind: 'missing' };
  };

  const releasedIds = [...new Set(releases.flatMap((release) => release.pages.map((page) => page.id)))].sort();
  const removed: RemovedPage[] = [];
  // Removed from the latest: only releases up to it count (a page new in an upcoming release was never removed).
  for (const id of releasedIds) {
    if (latest.page(id)) continue;
    let lastIndex = -1;
    current.forEach((release, index) => {
      if (release.page(id)) lastIndex = index;
    });
    if (lastIndex < 0) continue;
    const lastRelease = releases[lastIndex];
    const resolution = resolve(id, latest);
    removed.push({
      id,
      lastRelease,
      lastPage: lastRelease.page(id) as Page,
      removedIn: releases[lastIndex + 1],
      successor: resolution.kind === 'successor' ? resolution.page : undefined,
    });
  }

  const changeCache = new Map<string, ReleaseChanges>();
  const changes = (from: Release, to: Release): ReleaseChanges => {
    const key = `${from.release}..${to.release}`;
    let result = changeCache.get(key);
    if (!result) {
      result = computeChanges(from, to, (id) => {
        const resolution = resolve(id, to);
        return resolution.kind === 'successor' ? resolution.page : undefined;
      });
      changeCache.set(key, result);
    }
    return result;
  };

  return {
    changes,
    releases,
    newestFirst: [...releases].reverse(),
    latest,
    newest,
    upcoming: releases.filter((release) => release.status === 'upcoming'),
    notices,
    today,
    draft,
    all,
    release: (key) => byKey.get(key),
    previous: (release) => (release.isDraft ? newest : releases[releases.indexOf(release) - 1]),
    releasedIds,
    resolve,
    removed,
    isLatest: (release) => release === latest,
    switchTargets: (id) =>
      [...releases].reverse().concat(draft ? [draft] : []).map((release): SwitchTarget => {
        if (id === undefined) return { release, url: release.url, kind: 'front' };
        const resolution = resolve(id, release);
        if (resolution.kind === 'missing') return { release, url: notInReleaseHash(release.url, id), kind: 'missing' };
        return { release, url: resolution.page.url, kind: resolution.kind };
      }),
  };
}

/** The model straight from validated files, for the scripts and tests that read content without a build. */
export function libraryFromContent(content: LoadedContent): Library {
  const records = recordsFromContent(content);
  return buildLibrary(records.releases, records.pages, { notices: records.notices });
}
