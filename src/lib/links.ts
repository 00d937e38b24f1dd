import type { Definition, Image, Link, Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { report } from './compile-file.ts';

/**
 * Every link a page or a release note may hold (contract C2), checked in one place for both:
 * - another page of the same release: `page:<id>` or `page:<id>#<anchor>`;
 * - a figure or download of the same release: `figures/<name>` or `files/<name>`;
 * - elsewhere on the web: `https://...` only.
 * Anything else is refused: relative paths break when a release is re-hosted under /v/<version>/,
 * `http:` leaks the reader's visit, and `javascript:`, `vbscript:`, `data:` run or smuggle content.
 * Images must come from the release's own figures, so reading a page sends no request elsewhere.
 */

/** A `page:` link found in a body, to be checked against the pages of the same release. */
export interface PageLink {
  page: string;
  anchor?: string;
  line?: number;
}

/** A link to a figure or download of the same release (`figures/x.svg`, `files/log.csv`), checked against its files. */
export interface FileLink {
  /** The path inside the release folder. */
  path: string;
  line?: number;
}

export interface LinkOptions {
  /** Where a page link points in the HTML; relative by default, so a page's HTML works under any release. */
  pageHref?: (page: string, anchor?: string) => string;
  /** Where a figure or download link points; relative to a page of the release by default. */
  fileHref?: (path: string) => string;
}

const PAGE_LINK = /^page:([a-z0-9]+(?:-[a-z0-9]+)*)(?:#([a-z0-9][a-z0-9-_]*))?$/;
const FILE_LINK = /^(figures|files)\/([A-Za-z0-9][A-Za-z0-9._-]*)$/;
/** ASCII whitespace and control characters, which browsers drop from a URL before reading its scheme. */
const IGNORED_BY_BROWSERS = /[\u0000-\u0020\u007f]/g;

export type LinkVerdict =
  | { kind: 'page'; page: string; anchor?: string }
  | { kind: 'file'; path: string }
  | { kind: 'external'; url: string }
  | { kind: 'refused'; expected: string };

const EXPECTED = 'expected page:<page-id>, page:<page-id>#<anchor>, figures/<name>, files/<name> or an https:// address';

/** What a link destination is, judged the way a browser would read it (case, spaces and control characters ignored). */
export function judgeLink(url: string, image = false): LinkVerdict {
  const page = PAGE_LINK.exec(url);
  if (page) return image ? { kind: 'refused', expected: 'expected an image from figures/<name>' } : { kind: 'page', page: page[1], anchor: page[2] };
  const file = FILE_LINK.exec(url);
  if (file) {
    if (image && file[1] !== 'figures') return { kind: 'refused', expected: 'expected an image from figures/<name>' };
    return { kind: 'file', path: url };
  }
  const plain = url.replace(IGNORED_BY_BROWSERS, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(plain)?.[1].toLowerCase();
  if (scheme === 'https' && !image) {
    try {
      const parsed = new URL(url);
      if (parsed.protocol === 'https:' && parsed.hostname && !/[\u0000-\u0020\u007f]/.test(url)) return { kind: 'external', url };
    } catch {
      // falls through to refused
    }
    return { kind: 'refused', expected: 'expected a well-formed https:// address' };
  }
  if (image) return { kind: 'refused', expected: 'expected an image from figures/<name> (images from other sites would send the reader\'s visit there)' };
  if (scheme === 'page') return { kind: 'refused', expected: 'expected page:<page-id> in lower case, e.g. page:three-tier-model or page:three-tier-model#tier-2' };
  if (scheme === 'http') return { kind: 'refused', expected: 'expected an https:// address (http is not private)' };
  if (scheme) return { kind: 'refused', expected: `expected no ${scheme}: link; ${EXPECTED}` };
  if (plain.startsWith('//')) return { kind: 'refused', expected: `expected no address without a scheme (//host); ${EXPECTED}` };
  if (plain.startsWith('#')) return { kind: 'refused', expected: `expected page:<this-page-id>${plain} for a heading of this page` };
  const guess = /([a-z0-9]+(?:-[a-z0-9]+)*)(?:\.mdx?)?\/?(#.*)?$/.exec(plain);
  const hint = guess ? `, e.g. page:${guess[1]}${guess[2] ?? ''}` : '';
  return { kind: 'refused', expected: `expected page:<page-id> for another page, not a relative path${hint}` };
}

function describe(node: Link | Image | Definition): string {
  return node.type === 'image' ? 'image' : node.type === 'definition' ? 'link definition' : 'link';
}

/**
 * Remark plugin: checks every link, image and link definition (problems through `file.message()`),
 * collects page and file links for the release-wide checks (`file.data.pageLinks`, `.fileLinks`), and
 * rewrites them to the site's addresses. Shared by pages (src/lib/compile.ts) and release notes (src/lib/notes.ts).
 */
export function remarkLinks(options: LinkOptions = {}) {
  const pageHref = options.pageHref ?? ((page, anchor) => `../${page}/${anchor ? `#${anchor}` : ''}`);
  const fileHref = options.fileHref ?? ((path) => `../${path}`);
  return (tree: Root, file: VFile) => {
    const pages: PageLink[] = [];
    const files: FileLink[] = [];
    file.data.pageLinks = pages;
    file.data.fileLinks = files;
    const images = new Set<string>();
    visit(tree, 'imageReference', (node) => {
      images.add(node.identifier);
    });
    visit(tree, (node) => {
      if (node.type !== 'link' && node.type !== 'image' && node.type !== 'definition') return;
      const line = node.position?.start.line;
      const image = node.type === 'image' || (node.type === 'definition' && images.has(node.identifier));
      const verdict = judgeLink(node.url, image);
      switch (verdict.kind) {
        case 'page':
          pages.push({ page: verdict.page, ...(verdict.anchor ? { anchor: verdict.anchor } : {}), line });
          node.url = pageHref(verdict.page, verdict.anchor);
          return;
        case 'file':
          files.push({ path: verdict.path, line });
          node.url = fileHref(verdict.path);
          return;
        case 'external':
          return;
        case 'refused':
          report(file, 'body', `found the ${describe(node)} "${printable(node.url)}"; ${verdict.expected}`, node);
          node.url = '#';
      }
    });
  };
}

/** A destination as it can be shown in a one-line message: control characters made visible, long ones cut. */
function printable(url: string): string {
  const shown = url.replace(/[\u0000-\u001f\u007f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return shown.length > 80 ? `${shown.slice(0, 77)}...` : shown;
}
