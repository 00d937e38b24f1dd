import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Library } from './model.ts';
import { changelogUrl, latestUrl } from './addresses.ts';

/**
 * How the site presents itself to the outside world: search engines (canonical links, noindex, the
 * sitemap, robots.txt), link previews in chats, and absolute addresses in what leaves the site (the
 * feed, versions.json). docs/deploying.md explains the choices.
 *
 * Which address is canonical, and what is indexed:
 * - `/latest/<id>/` is the address a page is found at: canonical to itself, indexed, in the sitemap.
 * - `/v/<version>/<id>/` (and every other page inside a release: glossary, print view, tracks) is
 *   canonical to itself and `noindex`, the newest release's pages too: a frozen page never changes
 *   when a release is added (CONTRACTS3.md rule 4), so it cannot be the indexed copy only until then.
 * - `/v/<version>/`, a release's front page, is indexed: it is the one page about that release.
 * - The draft, and the author's and approver's pages, are `noindex`.
 */

/** What a path of the site is, for indexing and for the "suggest a change" link. */
export type Reading = 'latest' | 'release-front' | 'release' | 'draft' | 'other';

/** The kind of a page from its path, under the site's base path (`/` or `/peer-support/`). */
export function readingOf(pathname: string, base = '/'): Reading {
  const path = pathname.startsWith(base) ? `/${pathname.slice(base.length)}` : pathname;
  if (/^\/draft(\/|$)/.test(path)) return 'draft';
  if (/^\/latest\/./.test(path)) return 'latest';
  if (/^\/v\/[^/]+\/?$/.test(path)) return 'release-front';
  if (/^\/v\/[^/]+\/./.test(path)) return 'release';
  return 'other';
}

/** Whether search engines are asked not to index a page: copies inside a release, and the draft. */
export function isNoindex(reading: Reading): boolean {
  return reading === 'release' || reading === 'draft';
}

/**
 * A path as a full address when the site's address is configured, else the path itself. Canonical
 * links and Open Graph addresses are best absolute; without a site address a canonical link is
 * still right relative to the page.
 */
export function outsideUrl(path: string, site: URL | string | undefined): string {
  return site ? new URL(path, site).href : path;
}

/**
 * The same JSON with every `url` field made absolute (versions.json for tools outside the site,
 * which cannot resolve a bare path).
 */
export function withAbsoluteUrls<T>(value: T, site: URL | string | undefined): T {
  if (!site) return value;
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (node && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([key, inner]) => [key, key === 'url' && typeof inner === 'string' ? new URL(inner, site).href : walk(inner)]));
    }
    return node;
  };
  return walk(value) as T;
}

export interface SitemapEntry {
  path: string;
  /** YYYY-MM-DD. */
  lastmod?: string;
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * sitemap.xml (sitemaps.org 0.9). Its addresses must be absolute, so without a site address the
 * sitemap is empty, with a comment saying what to set.
 */
export function sitemapXml(entries: readonly SitemapEntry[], site: URL | string | undefined): string {
  const head = '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n';
  if (!site) return `${head}<!-- Empty: a sitemap needs absolute addresses. Set site in playbook.config.ts (or PLAYBOOK_SITE) when building. -->\n</urlset>\n`;
  const urls = entries.map((entry) => `<url><loc>${escapeXml(new URL(entry.path, site).href)}</loc>${entry.lastmod ? `<lastmod>${entry.lastmod}</lastmod>` : ''}</url>`);
  return `${head}${urls.join('\n')}\n</urlset>\n`;
}

/** robots.txt: everything may be crawled except the data files behind search and compare; the sitemap when there is one. */
export function robotsTxt(base: string, site: URL | string | undefined): string {
  const lines = ['User-agent: *', `Disallow: ${base}pagefind/`, `Disallow: ${base}search-words/`, `Disallow: ${base}compare-data/`];
  if (site) lines.push('', `Sitemap: ${new URL(`${base}sitemap.xml`, site).href}`);
  return `${lines.join('\n')}\n`;
}

/**
 * The repository's page for editing a file ("Suggest a change to this page"): GitHub's, which
 * Gitea and Forgejo share, `<repository>/edit/<branch>/<file>`.
 */
export function suggestChangeUrl(repository: string, branch: string, file: string): string {
  return `${repository.replace(/\/+$/, '')}/edit/${branch}/${file.split('/').map(encodeURIComponent).join('/')}`;
}

/**
 * What the sitemap lists: the front page, the latest release's pages at their lasting `/latest/`
 * addresses, each release's front page and the changelog. Everything else is a copy (noindex) or a tool.
 */
export function sitemapEntries(library: Library, home = '/'): SitemapEntry[] {
  const latestDate = library.latest.date;
  return [
    { path: home, lastmod: latestDate },
    ...library.latest.pages.map((page) => ({ path: latestUrl(page.id), lastmod: latestDate })),
    ...library.newestFirst.map((release) => ({ path: release.url, lastmod: release.date })),
    { path: changelogUrl(), lastmod: library.newest.date },
    ...library.newestFirst.map((release) => ({ path: changelogUrl(release.release), lastmod: release.date })),
  ];
}

/**
 * The inverse of withAbsoluteUrls: every `url` field as a path of the site (`/v/2.0/a/`), for the
 * build's own readers of versions.json (the search indexer, the benchmark), which find pages in dist.
 */
export function withSitePaths<T>(value: T): T {
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (node && typeof node === 'object') {
      return Object.fromEntries(
        Object.entries(node).map(([key, inner]) => {
          if (key !== 'url' || typeof inner !== 'string' || !/^https?:/.test(inner)) return [key, walk(inner)];
          const url = new URL(inner);
          return [key, `${url.pathname}${url.search}${url.hash}`];
        }),
      );
    }
    return node;
  };
  return walk(value) as T;
}

/**
 * A content file's path in the repository: under the content folder as the repository has it
 * (`content/` unless the folder is configured inside the project), whatever folder the build read.
 */
export function fileInRepository(file: string, contentDir: string): string {
  const inContent = relative(resolve(contentDir), resolve(file)).split(sep).join('/');
  const folder = isAbsolute(contentDir) ? 'content' : contentDir.replace(/^\.\//, '').replace(/\/+$/, '');
  return `${folder}/${inContent}`;
}
