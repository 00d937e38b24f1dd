import { DRAFT, LATEST, dataCsvUrl, dataUrl, glossaryUrl, latestRoot, latestUrl, onboardingUrl, pageAt, pageUrl, printUrl, withoutBase } from './addresses.ts';
import type { Library, Release } from './model.ts';

/**
 * The route table: every kind of page the site makes for a release, and the prefixes it is read
 * through. `/v/<version>/` is a release's permanent address, `/latest/` follows the newest release
 * in effect, `/draft/` is the unreleased draft. The route files' `getStaticPaths`, the page ids a
 * page may not take, the version switcher's targets and the reading context all come from here, so
 * a new kind of page is one entry (and its route files), not five places that must agree.
 */

/** How a release is reached. */
export type Prefix = 'v' | 'latest' | 'draft';

export const PREFIXES: readonly Prefix[] = ['v', 'latest', 'draft'];

/** A kind of page (or file) the site makes for each release. */
export interface ReleaseRoute {
  /** The folder under the prefix (`glossary` in `/v/2.0/glossary/`); none for the front page and the pages themselves. */
  segment?: string;
  /** The prefixes it is made under; a prefix without it reads the release's permanent address instead. */
  prefixes: readonly Prefix[];
  /** What a reader calls it, for the gates and the guide. */
  title: string;
  /**
   * Which releases have it, and for each its parameter values (a page id, a track id): one
   * `undefined` when the kind takes no parameter. No entry means the release has none.
   */
  params(release: Release, library: Library, prefix: Prefix): Array<string | undefined>;
  /**
   * What a release must have for the version switcher to offer this kind there (checked in the
   * reader's browser against /releases.json: `tracks`, `track:<id>` or `data`); none: every release has it.
   */
  needs?(param?: string): string;
}

const always = () => [undefined];

/** Every kind of page per release. Route files live at `src/pages/<prefix>/<segment>/…` for each prefix listed. */
export const RELEASE_ROUTES = {
  home: { prefixes: PREFIXES, title: 'release front page', params: always },
  page: {
    prefixes: PREFIXES,
    title: 'page',
    // Every id ever released answers at /latest/: the latest release's pages, and a notice for removed ones.
    params: (release, library, prefix) =>
      prefix === 'latest'
        ? library.releasedIds.filter((id) => library.latest.page(id) || library.removed.some((entry) => entry.id === id))
        : release.pages.map((page) => page.id),
  },
  glossary: { segment: 'glossary', prefixes: PREFIXES, title: 'glossary', params: always },
  // Every release has the page (it says when there are no tracks); the switcher offers it only where there are some.
  onboarding: { segment: 'onboarding', prefixes: PREFIXES, title: 'onboarding tracks', params: always, needs: () => 'tracks' },
  track: { segment: 'onboarding', prefixes: PREFIXES, title: 'onboarding track', params: (release) => release.tracks.map((track) => track.id), needs: (id) => `track:${id}` },
  print: { segment: 'print', prefixes: ['v', 'draft'], title: 'print view', params: always },
  data: { segment: 'data', prefixes: PREFIXES, title: 'program data', params: (release) => (release.data.length ? [undefined] : []), needs: () => 'data' },
  figures: { segment: 'figures', prefixes: PREFIXES, title: 'figure', params: (release) => release.assets.filter((asset) => asset.kind === 'figure').map((asset) => asset.name) },
  files: { segment: 'files', prefixes: PREFIXES, title: 'download', params: (release) => release.assets.filter((asset) => asset.kind === 'download').map((asset) => asset.name) },
  writing: { segment: 'writing', prefixes: ['draft'], title: "writer's pages", params: always },
} as const satisfies Record<string, ReleaseRoute>;

export type ReleaseRouteKind = keyof typeof RELEASE_ROUTES;

/**
 * Ids a page may not take, and why: the folders of the route table (a page `glossary` would hide
 * `/v/2.0/glossary/`), the site-wide pages a mistyped `/latest/` address is taken for by the 404
 * page, and the ids of the page furniture that anchors would collide with.
 */
export const SITE_SEGMENTS = ['search', 'compare', 'changelog', 'review'] as const;
export const FURNITURE_IDS = ['main', 'contents'] as const;

export function reservedPageIds(): string[] {
  const segments = Object.values(RELEASE_ROUTES).flatMap((route: ReleaseRoute) => (route.segment ? [route.segment] : []));
  return [...new Set([...segments, ...SITE_SEGMENTS, ...FURNITURE_IDS])];
}

/** Kinds that are HTML pages a reader reads (the others are files: figures and downloads). */
export const PAGE_ROUTE_KINDS: readonly ReleaseRouteKind[] = ['home', 'page', 'glossary', 'onboarding', 'track', 'print', 'data', 'writing'];

/**
 * Which kind of the route table an address is, and under which prefix (`/onboarding/` is the
 * latest release's); nothing for the site-wide pages (changelog, compare, search, ...).
 */
export function routeOf(address: string): { prefix: Prefix; kind: ReleaseRouteKind } | undefined {
  const segments = withoutBase(address.split(/[?#]/)[0]).split('/').filter(Boolean);
  const [first, ...others] = segments;
  const under = (prefix: Prefix, rest: string[]) => {
    const [segment, param, more] = rest;
    if (!segment) return { prefix, kind: 'home' as const };
    const kinds = (Object.entries(RELEASE_ROUTES) as Array<[ReleaseRouteKind, ReleaseRoute]>).filter(([, route]) => route.segment === segment && route.prefixes.includes(prefix));
    if (!kinds.length) return param === undefined ? { prefix, kind: 'page' as const } : undefined;
    if (segment === 'data') return { prefix, kind: 'data' as const };
    // A folder with an index and items (onboarding and its tracks) or only items (figures, files).
    const [kind] = kinds.find(([name]) => (param === undefined ? RELEASE_ROUTES[name].params === always : RELEASE_ROUTES[name].params !== always)) ?? [];
    return kind && !more ? { prefix, kind } : undefined;
  };
  if (first === undefined) return { prefix: 'latest', kind: 'home' };
  if (first === 'v' && others.length) return under('v', others.slice(1));
  if (first === LATEST) return under('latest', others);
  if (first === DRAFT) return under('draft', others);
  if (first === 'onboarding') return under('latest', segments);
  return undefined;
}

/** Whether `kind` is made under `prefix`. */
export function routeHas(kind: ReleaseRouteKind, prefix: Prefix): boolean {
  return (RELEASE_ROUTES[kind].prefixes as readonly Prefix[]).includes(prefix);
}

/** The release a prefix reads: `releases` are those `/v/` makes pages for (src/data/library.ts decides). */
function releasesUnder(prefix: Prefix, library: Library, releases: readonly Release[]): Release[] {
  if (prefix === 'v') return [...releases];
  if (prefix === 'latest') return [library.latest];
  return library.draft ? [library.draft] : [];
}

/** One static path of a route file: the release key (`version` under /v/) and the kind's parameter. */
export interface RoutePath {
  release: Release;
  param?: string;
}

/** Every (release, parameter) a route file under `prefix` makes for `kind`. */
export function routePaths(kind: ReleaseRouteKind, prefix: Prefix, library: Library, releases: readonly Release[]): RoutePath[] {
  if (!routeHas(kind, prefix)) throw new Error(`The route table has no ${kind} under /${prefix}/; expected one of ${RELEASE_ROUTES[kind].prefixes.join(', ')}`);
  const route: ReleaseRoute = RELEASE_ROUTES[kind];
  return releasesUnder(prefix, library, releases).flatMap((release) => route.params(release, library, prefix).map((param) => ({ release, param })));
}

/**
 * What components need to link within the release being read, whichever prefix it is read
 * through: they ask the context instead of gluing `${base}${id}/`.
 */
export interface ReadingContext {
  release: Release;
  prefix: Prefix;
  /** Read through `/latest/`: links follow the newest release, and move on when an upcoming one takes effect. */
  follows: boolean;
  /** A released page at its permanent address (`/v/<version>/`): written once, nothing in it may depend on later releases (issue 16). */
  frozen: boolean;
  /** The release's front page as read: `/v/2.0/`, `/latest/` or `/draft/`. */
  homeUrl(): string;
  pageUrl(id: string, anchor?: string): string;
  glossaryUrl(termId?: string): string;
  onboardingUrl(trackId?: string): string;
  printUrl(): string;
  dataUrl(): string;
  dataCsvUrl(set: string, table: string): string;
  /** The address of any kind of the route table in this release (`param`: a page id, a track id, a file name). */
  urlOf(kind: ReleaseRouteKind, param?: string): string;
}

/** The reading context of `release` read through `prefix`. */
export function readingContext(release: Release, prefix: Prefix): ReadingContext {
  const root = prefix === 'latest' ? latestRoot() : release.url;
  // A kind the prefix lacks (the print view under /latest/) is read at the release's permanent address.
  const under = (kind: ReleaseRouteKind) => (routeHas(kind, prefix) ? root : release.url);
  const urls: Record<ReleaseRouteKind, (param?: string) => string> = {
    home: () => root,
    page: (id) => pageAt(root, id!),
    glossary: () => glossaryUrl(under('glossary')),
    onboarding: () => onboardingUrl(under('onboarding')),
    track: (id) => onboardingUrl(under('track'), id),
    print: () => printUrl(under('print')),
    data: () => dataUrl(under('data')),
    figures: (name) => `${under('figures')}figures/${name}`,
    files: (name) => `${under('files')}files/${name}`,
    writing: () => `${under('writing')}writing/`,
  };
  return {
    release,
    prefix,
    follows: prefix === 'latest',
    frozen: prefix === 'v' && !release.isDraft,
    homeUrl: () => root,
    pageUrl: (id, anchor) => pageAt(root, id, anchor),
    glossaryUrl: (termId) => glossaryUrl(under('glossary'), termId),
    onboardingUrl: (trackId) => onboardingUrl(under('onboarding'), trackId),
    printUrl: () => printUrl(under('print')),
    dataUrl: () => dataUrl(under('data')),
    dataCsvUrl: (set, table) => dataCsvUrl(under('data'), set, table),
    urlOf: (kind, param) => urls[kind](param),
  };
}

/** The prefix a release is read through at its permanent address. */
export function permanentPrefix(release: Release): Prefix {
  return release.release === DRAFT ? 'draft' : 'v';
}

/**
 * What the version switcher of a page of kind `kind` (a track: `param`, its id) switches between:
 * the same kind of page under each release's own address (`suffix`), where the release has it
 * (`needs`). The switcher lists the releases when it opens, from /releases.json, so a frozen page
 * names no later release (issue 16). Pages of the playbook themselves follow supersedes instead
 * (`{ pageId }`, from /page-releases/<id>.json).
 */
export function switchToFor(kind: Exclude<ReleaseRouteKind, 'page'>, param?: string): SwitchTo {
  const route: ReleaseRoute = RELEASE_ROUTES[kind];
  const suffix = route.segment ? `${route.segment}/${param ? `${param}/` : ''}` : '';
  const needs = route.needs?.(param);
  return needs ? { suffix, needs } : { suffix };
}

/** What a version switcher switches between: one page of the playbook, or a page every release makes for itself. */
export interface SwitchTo {
  /** A page of the playbook: its place in every release comes from /page-releases/<id>.json. */
  pageId?: string;
  /** Otherwise, the address of the same kind of page under each release's own ('' for the front page, 'glossary/', 'print/'). */
  suffix?: string;
  /** What a release needs to have that page: `tracks`, `track:<id>` or `data` (src/client/switcher.ts). */
  needs?: string;
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
