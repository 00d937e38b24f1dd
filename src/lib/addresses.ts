/**
 * Every address of the site and every name of a release, in one place. Addresses are a public
 * interface (pasted into chats, handouts and feed readers), so routes, components, the model and
 * the browser islands all build them here, and none glues `/v/${x}/` by hand.
 *
 * No Node or DOM APIs and no value imports: the islands bundle this file.
 *
 * The base path. A site may be published under a path (`https://example.org/peer-support/`, Astro's
 * `base`). Every address built here starts with it. Where Vite runs (the build, `astro dev`, the
 * islands, Vitest) it is `import.meta.env.BASE_URL`; plain Node (the check and release scripts, the
 * Playwright runner) has no Vite, so the base is `/` there unless a caller that knows better sets it
 * with `useSiteBase()` (the e2e tests do, from PLAYBOOK_BASE). Functions that take a release's own
 * address (`release.url`) keep whatever base that address already has.
 */

/** The draft's key, beside the release numbers. */
export const DRAFT = 'draft';

/** The path `/latest/` stands for the newest release in effect. */
export const LATEST = 'latest';

function normaliseBase(base: string): string {
  const leading = base.startsWith('/') ? base : `/${base}`;
  return leading.endsWith('/') ? leading : `${leading}/`;
}

let siteBasePath = normaliseBase(import.meta.env?.BASE_URL ?? '/');

/** The site's base path, always with a slash at both ends: `/` or `/peer-support/`. */
export function siteBase(): string {
  return siteBasePath;
}

/**
 * Sets the base path where no Vite tells it (plain Node: the e2e tests read a site built under
 * PLAYBOOK_BASE). The build and the islands never call it.
 */
export function useSiteBase(base: string): void {
  siteBasePath = normaliseBase(base);
}

/** A path of the site (`/v/2.0/`, `v/2.0/`) at its address under the base path: `/peer-support/v/2.0/`. */
export function sitePath(path: string): string {
  return `${siteBasePath}${path.replace(/^\//, '')}`;
}

/** The path as the route table knows it (`/v/2.0/`), from an address under the base path; other addresses unchanged. */
export function withoutBase(path: string): string {
  return siteBasePath !== '/' && path.startsWith(siteBasePath) ? `/${path.slice(siteBasePath.length)}` : path;
}

// ---------------------------------------------------------------- releases and their pages

/**
 * A release's folder in the built site, as the route table knows it (no base path): `/v/2.0/` or
 * `/draft/`. For tools that read `dist/`; links use `releaseUrl`.
 */
export function releasePath(release: string): string {
  return release === DRAFT ? `/${DRAFT}/` : `/v/${release}/`;
}

/** The folder of a release's notes in the built site (no base path): `/changelog/2.0/`. */
export function changelogPath(release: string): string {
  return `/changelog/${release}/`;
}

/** A release's front page: `/v/2.0/`, or `/draft/`. */
export function releaseUrl(release: string): string {
  return sitePath(releasePath(release));
}

/** A page of a release: `/v/2.0/<id>/`, or `/draft/<id>/`. */
export function pageUrl(release: string, id: string, anchor?: string): string {
  return pageAt(releaseUrl(release), id, anchor);
}

/** A page under the prefix a release is read through (`/v/2.0/`, `/latest/`, `/draft/`). */
export function pageAt(prefix: string, id: string, anchor?: string): string {
  return `${prefix}${id}/${anchor ? `#${anchor}` : ''}`;
}

/** Where `/latest/` pages live: the newest release in effect, at addresses that follow it into every new release. */
export function latestRoot(): string {
  return sitePath(`${LATEST}/`);
}

/** The page in the newest release (or, for a removed page, where it went). */
export function latestUrl(id: string): string {
  return pageAt(latestRoot(), id);
}

/** The site's front page: the latest release. */
export function homeUrl(): string {
  return sitePath('');
}

/** A page (or, without a page, the release) where a notice's correction can be read: the correcting release, or the draft until it is released. */
export function correctionUrl(correctedIn: { release: string; page?: string; inDraft?: boolean }): string {
  const release = correctedIn.inDraft ? DRAFT : correctedIn.release;
  if (!correctedIn.page) return releaseUrl(release);
  const [page, anchor] = correctedIn.page.split('#');
  return pageUrl(release, page, anchor);
}

/** The fragment a release's front page answers with a notice: the page is not part of this release. */
export const NOT_IN_RELEASE = 'not-in-release';

/** The same notice naming the page the reader came from: `not-in-release--<page-id>`. */
export function notInReleaseId(id: string): string {
  return `${NOT_IN_RELEASE}--${id}`;
}

/** A release's front page (`release.url`) at its notice that the page (or, without an id, the page asked for) is not in it. */
export function notInReleaseHash(releaseAddress: string, id?: string): string {
  return `${releaseAddress}#${id ? notInReleaseId(id) : NOT_IN_RELEASE}`;
}

// ---------------------------------------------------------------- pages made per release

/**
 * Where a release's onboarding lives, from the prefix its pages are read through (`release.url`,
 * or `latestRoot()`): `/latest/` reads the newest release, whose tracks are the site-wide `/onboarding/`.
 */
export function onboardingUrl(prefix: string, trackId?: string): string {
  const root = prefix === latestRoot() ? sitePath('onboarding/') : `${prefix}onboarding/`;
  return trackId ? `${root}${trackId}/` : root;
}

/** The glossary of the release read through `prefix` (`/v/2.0/`, `/latest/`, `/draft/`). */
export function glossaryUrl(prefix: string, termId?: string): string {
  return `${prefix}glossary/${termId ? `#${termId}` : ''}`;
}

/** The whole release as one printable document. */
export function printUrl(prefix: string): string {
  return `${prefix}print/`;
}

/** A release's data page: its data sets as tables and charts. */
export function dataUrl(prefix: string): string {
  return `${prefix}data/`;
}

/** One table of a data set as CSV, exactly as the data page shows it. */
export function dataCsvUrl(prefix: string, set: string, table: string): string {
  return `${prefix}data/${set}/${table}.csv`;
}

/**
 * The id of a part's section in the print view. Ids of the document itself start `print--`: no page
 * can have the id `print`, and page ids never contain `--`, so none collide with a page's.
 */
export function printPartId(partId: string): string {
  return `print--part-${partId}`;
}

/**
 * One part of a release to print ("print this part"): the print view at the part's section, which
 * then shows (and prints) that part alone (src/styles/print-release.css), so no part is stored twice.
 */
export function printPartUrl(prefix: string, partId: string): string {
  return `${printUrl(prefix)}#${printPartId(partId)}`;
}

/** The id of a track's heading in the print view (`print--`, as printPartId). */
export function printTrackId(trackId: string): string {
  return `print--track-${trackId}`;
}

/**
 * The pages of one onboarding track, in its order, to print ("print this track"): the print view at the
 * track's heading, which then shows (and prints) the track's pages alone, in the track's order (the
 * release's print/tracks.css), so no page is stored twice.
 */
export function printTrackUrl(prefix: string, trackId: string): string {
  return `${printUrl(prefix)}#${printTrackId(trackId)}`;
}

/** The stylesheet that orders and selects each track's pages in the print view of a release. */
export function printTracksCssUrl(prefix: string): string {
  return `${printUrl(prefix)}tracks.css`;
}

/** A release's parts and page titles, for the sidebar's parts that expand in place (loaded on use). */
export function releaseContentsUrl(prefix: string): string {
  return `${prefix}contents.json`;
}

/** The two copies of a frozen release made to read away from the site. */
export type CopyKind = 'pdf' | 'offline';

/** The file name of a release's copy on the site and on the reader's disk. */
export function copyFileName(release: string, kind: CopyKind): string {
  return `peer-support-playbook-${release}${kind === 'pdf' ? '.pdf' : '-offline.zip'}`;
}

/** A frozen release's PDF or offline zip, in its `copies/` folder (cached for a year: src/lib/hosting.ts). */
export function releaseCopyUrl(release: string, kind: CopyKind): string {
  return `${releaseUrl(release)}copies/${copyFileName(release, kind)}`;
}

// ---------------------------------------------------------------- site-wide pages

/** Every release, and the changelog of one (`#anchor` for a section of it). */
export function changelogUrl(release?: string, anchor?: string): string {
  return `${sitePath(release ? changelogPath(release) : 'changelog/')}${anchor ? `#${anchor}` : ''}`;
}

/** The Atom feed of releases and notices. */
export function feedUrl(): string {
  return sitePath('changelog/feed.xml');
}

/** The list of every release, for people. */
export function versionsUrl(): string {
  return sitePath('versions/');
}

/** The machine-readable list of releases and their pages. */
export function versionsJsonUrl(): string {
  return sitePath('versions.json');
}

/** The approver's view of the draft. */
export function reviewUrl(): string {
  return sitePath('review/');
}

/** The author's overview of the draft, and the components they can use. */
export function writingUrl(components = false): string {
  return sitePath(`${DRAFT}/writing/${components ? 'components/' : ''}`);
}

/** The icon every page links. */
export function faviconUrl(): string {
  return sitePath('favicon.svg');
}

/** Every release, newest first, for what a frozen page loads on use (src/lib/release-data.ts). */
export function releasesDataUrl(): string {
  return sitePath('releases.json');
}

/** One page in every release: the switcher's targets, the page's timeline, what changed since. */
export function pageReleasesUrl(id: string): string {
  return sitePath(`page-releases/${id}.json`);
}

// ---------------------------------------------------------------- search

/** Where the search files live: the Pagefind runtime here, one index bundle per release below. */
export function searchRoot(): string {
  return sitePath('pagefind/');
}

/** The list of bundles the islands read to search every release: `/pagefind/releases.json`. */
export function searchCatalogueUrl(): string {
  return `${searchRoot()}releases.json`;
}

/** The index bundle of one release (or the draft): only what a query in that release downloads. */
export function searchBundleUrl(release: string): string {
  return `${searchRoot()}${release}/`;
}

/** The words the search of one release corrects and widens queries with. */
export function searchWordsUrl(release: string): string {
  return sitePath(`search-words/${release}.json`);
}

/** The shareable search page, optionally scoped to a release (`?release=2.0`) or carrying a query. */
export function searchUrl(params?: Record<string, string> | URLSearchParams): string {
  const query = params ? new URLSearchParams(params).toString() : '';
  return sitePath(`search/${query ? `?${query}` : ''}`);
}

// ---------------------------------------------------------------- compare

/** Between the two release keys of a pair in a compare address, as on GitHub. */
export const PAIR_SEPARATOR = '...';

/** The route parameter of a prebuilt comparison: `1.1...2.0`. */
export function pairKey(from: string, to: string): string {
  return `${from}${PAIR_SEPARATOR}${to}`;
}

/** The prebuilt comparison of two releases, or one page's diff in it (`#<page-id>`). */
export function compareUrl(from: string, to: string, pageId?: string): string {
  return sitePath(`compare/${pairKey(from, to)}/${pageId ? `#${pageId}` : ''}`);
}

/** The picker's address for any pair; without a pair, the picker itself. */
export function comparePickerUrl(from?: string, to?: string, pageId?: string): string {
  const query = from && to ? `?${new URLSearchParams({ from, to })}` : '';
  return sitePath(`compare/${query}${pageId ? `#${pageId}` : ''}`);
}

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

/** The release's data the compare island diffs in the browser. */
export function compareDataUrl(release: string): string {
  return sitePath(`compare-data/${release}.json`);
}

/** One page body's text blocks, shared by every release with that body. */
export function compareBodyUrl(bodyHash: string): string {
  return sitePath(`compare-data/body/${bodyHash}.json`);
}

// ---------------------------------------------------------------- areas

/** The directory of areas: the neutral text of every `<Local>` links here. */
export function areasUrl(areaId?: string): string {
  return sitePath(`areas/${areaId ? `${areaId}/` : ''}`);
}

/** Every area's values, by area id, for the Local island. */
export function localValuesUrl(): string {
  return sitePath('areas/local.json');
}

// ---------------------------------------------------------------- outside the site

/**
 * A path as a full address when the site's address is configured (PLAYBOOK_SITE), else the path
 * itself, which the browser completes with the origin it was read from (src/client/site.ts).
 */
export function absoluteUrl(path: string, site: URL | string | undefined): string {
  return site ? new URL(path, site).href : path;
}

// ---------------------------------------------------------------- names of releases

/** A release as a short label, in lists and switchers: "1.1" or "Draft". */
export function releaseLabel(release: string): string {
  return release === DRAFT ? 'Draft' : release;
}

/** A release as a title or breadcrumb: "Release 1.1" or "Draft". */
export function releaseName(release: string): string {
  return release === DRAFT ? 'Draft' : `Release ${release}`;
}

/** A release inside a sentence: "release 1.1" or "the draft". */
export function releasePhrase(release: string): string {
  return release === DRAFT ? 'the draft' : `release ${release}`;
}

/** A release as a page heading or header label: "Release 1.1: Its title" ("Release 1.1" without one), or "Unreleased draft" (the draft's title is no promise). */
export function releaseHeading(release: string, title?: string): string {
  return release === DRAFT ? 'Unreleased draft' : `Release ${release}${title ? `: ${title}` : ''}`;
}
