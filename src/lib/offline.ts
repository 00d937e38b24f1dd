import { posix } from 'node:path';

/**
 * The offline copy of a release: its pages, figures, downloads and the site's styles in a zip that
 * opens from disk, for a site visit without network. A browser reading `file://` finds no folder's
 * index.html and no site root, so every address inside the copy becomes a relative link to a file
 * (`../tiers/index.html`), and every address outside it (the changelog, the compare view, search)
 * points to the site when its address is known.
 */

/** Attributes that hold addresses. */
const ADDRESS = /\b(href|src|action|poster)="([^"]*)"/g;
const SRCSET = /\bsrcset="([^"]*)"/g;

export interface OfflineLinks {
  /** The site's base path: `/` or `/peer-support/`. */
  base: string;
  /** Paths (under the base, without it, e.g. `v/2.0/tiers/index.html`) of the files the copy holds. */
  has: (file: string) => boolean;
  /** The site's address, for links that leave the copy; without it they keep their path. */
  site?: string;
}

/** The file an address asks for, under the base: `/v/2.0/tiers/` -> `v/2.0/tiers/index.html`. */
export function fileOfAddress(pathname: string, base: string): string | undefined {
  if (!pathname.startsWith(base)) return undefined;
  const inside = pathname.slice(base.length);
  return inside === '' || inside.endsWith('/') ? `${inside}index.html` : inside;
}

/** One address of the file `from` (a path in the copy), as the copy needs it. */
export function offlineAddress(address: string, from: string, links: OfflineLinks): string {
  // Other schemes (mailto:, https:), protocol-relative addresses and in-page anchors stay as they are.
  if (/^[a-z][a-z0-9+.-]*:/i.test(address) || address.startsWith('//') || address.startsWith('#') || address === '') return address;
  // Relative addresses (`../tiers/`, `cite.ris`) resolve against the address the file had on the site.
  const url = new URL(address, `http://copy.invalid${links.base}${from.replace(/(^|\/)index\.html$/, '$1')}`);
  const file = fileOfAddress(decodeURIComponent(url.pathname), links.base);
  if (file && links.has(file)) {
    const relative = posix.relative(posix.dirname(from), file) || posix.basename(file);
    return `${relative}${url.search}${url.hash}`;
  }
  return links.site ? new URL(`${url.pathname}${url.search}${url.hash}`, links.site).href : `${url.pathname}${url.search}${url.hash}`;
}

/** An HTML file of the copy with every address rewritten (see offlineAddress). */
export function offlineHtml(html: string, from: string, links: OfflineLinks): string {
  return html
    .replace(ADDRESS, (_, name: string, value: string) => `${name}="${offlineAddress(value.replace(/&amp;/g, '&'), from, links).replace(/&/g, '&amp;')}"`)
    .replace(SRCSET, (_, value: string) => `srcset="${value.split(',').map((entry) => entry.trim().replace(/^\S+/, (url) => offlineAddress(url, from, links))).join(', ')}"`);
}

/** A stylesheet of the copy with its `url(/...)` references made relative. */
export function offlineCss(css: string, from: string, links: OfflineLinks): string {
  return css.replace(/url\((['"]?)([^)'"]*)\1\)/g, (_, quote: string, value: string) => `url(${quote}${offlineAddress(value, from, links)}${quote})`);
}
