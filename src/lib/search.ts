/**
 * Search scope, addresses and result shapes: plain data shared by the indexer (at build time) and
 * the search islands (in the browser), so both agree on which bundle holds which release.
 * No Node or DOM APIs here.
 */

import { DRAFT, latestRoot, releasePhrase, releaseUrl, searchBundleUrl, searchUrl, withoutBase } from './addresses.ts';

/**
 * The folder of the search files inside the built site (the Pagefind runtime here, one index bundle
 * per release below), for the tools that read `dist/`; the browser asks `searchRoot()` (addresses.ts).
 */
export const SEARCH_ROOT = '/pagefind/';

/** The query parameter Pagefind adds to result links, and the highlighter reads on the target page. */
export const HIGHLIGHT_PARAM = 'pagefind-highlight';

/**
 * Results the islands show at first, and add per "Show more": each loads its fragment (about
 * 1.5 KB). Five, as Pagefind's own UI shows; with their sections they fill the dialog.
 */
export const RESULTS_SHOWN = 5;

/** What the islands need to know about the releases, written beside the bundles at build time. */
export interface SearchCatalogue {
  latest: string;
  /** Frozen releases, newest first. */
  releases: string[];
  /** Present when the site has a draft. */
  draft: boolean;
}

/** The release a result belongs to, read from its permanent address (`/v/2.0/…`, `/draft/…`). */
export function releaseOfUrl(url: string): string | undefined {
  const path = withoutBase(url.replace(/^[a-z]+:\/\/[^/]+/i, ''));
  if (path.startsWith(`/${DRAFT}/`)) return DRAFT;
  return /^\/v\/([^/]+)\//.exec(path)?.[1];
}

/** A search as a reader asked for it: in the dialog, or from a shared `/search/?q=` link. */
export interface SearchQuery {
  q: string;
  /** The release to search; absent means the latest. */
  release?: string;
  /** Search every release instead of one. */
  all: boolean;
  /** A role id (`peer-supporter`); absent means every audience. */
  audience?: string;
  /** `1`, `2` or `3`; absent means any tier (or none). */
  tier?: string;
}

/** Reads a search from the query string of `/search/`; unknown or empty parameters are left out. */
export function parseSearchQuery(params: URLSearchParams): SearchQuery {
  const value = (name: string) => params.get(name)?.trim() || undefined;
  const all = params.get('all');
  return {
    q: value('q') ?? '',
    release: value('release'),
    all: all === '1' || all === 'true' || all === 'on',
    audience: value('audience'),
    tier: value('tier'),
  };
}

/** The shareable address of a search: `/search/?q=marital&release=2.0&audience=peer-supporter`. */
export function searchPageUrl(query: SearchQuery): string {
  const params = new URLSearchParams();
  params.set('q', query.q);
  if (query.release) params.set('release', query.release);
  if (query.all) params.set('all', '1');
  if (query.audience) params.set('audience', query.audience);
  if (query.tier) params.set('tier', query.tier);
  return searchUrl(params);
}

/** The Pagefind filters for a search: only what the reader chose, so no filter means no narrowing. */
export function pagefindFilters(query: Pick<SearchQuery, 'audience' | 'tier'>): Record<string, string> {
  const filters: Record<string, string> = {};
  if (query.audience) filters.audience = query.audience;
  if (query.tier) filters.tier = query.tier;
  return filters;
}

/** Which bundles one search reads: the first loads Pagefind's WebAssembly, the others are merged into it. */
export interface SearchPlan {
  /** The release searched (for one release), or the one whose bundle leads (for all). */
  release: string;
  all: boolean;
  bundles: string[];
  /** Set when the asked-for release does not exist and the latest was searched instead. */
  unknownRelease?: string;
}

/**
 * Scopes a search. One release reads one bundle, however many releases exist. "All releases"
 * reads every frozen release, led by the one being read; the draft joins only when the reader is
 * in the draft, so unapproved text never shows up in a search of the released playbook.
 */
export function planSearch(query: Pick<SearchQuery, 'release' | 'all'>, catalogue: SearchCatalogue): SearchPlan {
  const known = (release: string) => catalogue.releases.includes(release) || (release === DRAFT && catalogue.draft);
  const asked = query.release;
  const release = asked && known(asked) ? asked : catalogue.latest;
  const unknownRelease = asked && !known(asked) ? asked : undefined;
  if (!query.all) return { release, all: false, bundles: [searchBundleUrl(release)], unknownRelease };
  const releases = release === DRAFT ? [DRAFT, ...catalogue.releases] : [release, ...catalogue.releases.filter((r) => r !== release)];
  return { release, all: true, bundles: releases.map(searchBundleUrl), unknownRelease };
}

/** One section of a result: a heading of the page (or the page's opening) that matched. */
export interface ResultSection {
  title: string;
  url: string;
  /** Pagefind's excerpt: text with HTML entities escaped and matches wrapped in `<mark>`. */
  excerpt: string;
}

/** A result as the islands show it: the page, its part and release, and the sections that matched. */
export interface ResultView {
  title: string;
  url: string;
  part?: string;
  /** For what is not a page of the playbook: "Glossary", "Onboarding track", "Release notes". */
  kind?: string;
  release?: string;
  excerpt: string;
  sections: ResultSection[];
}

/** The fields of Pagefind's result data that the islands use. */
export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results?: Array<{ title: string; url: string; excerpt: string; anchor?: unknown }>;
}

/**
 * Shapes one Pagefind result: the title links the page, and up to `maxSections` of its headings
 * whose sections matched link straight to those sections (the page's opening is not a section).
 */
export function resultView(data: PagefindResultData, maxSections = 3): ResultView {
  const headings = (data.sub_results ?? []).filter((sub) => sub.anchor !== undefined);
  return {
    title: data.meta.title ?? data.url,
    url: data.url,
    part: data.meta.part,
    kind: data.meta.kind,
    release: releaseOfUrl(data.url) ?? /^\/changelog\/([^/]+)\//.exec(withoutBase(data.url))?.[1],
    excerpt: data.excerpt,
    sections: headings.slice(0, maxSections).map(({ title, url, excerpt }) => ({ title, url, excerpt })),
  };
}

/** "3 results for “marital” in release 2.0", as the live region announces it. */
export function resultSummary(count: number, q: string, plan: Pick<SearchPlan, 'release' | 'all'>): string {
  const where = plan.all ? 'all releases' : releasePhrase(plan.release);
  const noun = count === 1 ? 'result' : 'results';
  return `${count === 0 ? 'No' : count} ${noun} for “${q}” in ${where}`;
}

/** "4 pages match the filters in release 2.0": a search by filter alone, with no words. */
export function filterSummary(count: number, plan: Pick<SearchPlan, 'release' | 'all'>): string {
  const where = plan.all ? 'all releases' : releasePhrase(plan.release);
  return `${count === 0 ? 'No' : count} ${count === 1 ? 'page matches' : 'pages match'} the filters in ${where}`;
}

/**
 * What one page is called in every release, to group its hits in "all releases": the address
 * without its release (`/v/2.0/litigation/` and `/v/1.1/litigation/` are both `litigation/`).
 */
export function pageKey(url: string): string {
  const path = withoutBase(url.replace(/^[a-z]+:\/\/[^/]+/i, '').split(/[?#]/)[0]);
  return path.replace(/^\/v\/[^/]+\//, '').replace(new RegExp(`^/${DRAFT}/`), '');
}

/** A result of the latest release at its /latest/ address, for a reader searching from /latest/. */
export function latestAddress(url: string, latest: string): string {
  const prefix = releaseUrl(latest);
  return url.startsWith(prefix) ? `${latestRoot()}${url.slice(prefix.length)}` : url;
}
