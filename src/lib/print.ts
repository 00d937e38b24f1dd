import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { printTrackId } from './addresses.ts';
import { BoundedCache, DISTINCT_INPUTS } from './memo.ts';
import type { Release } from './model.ts';
import { trackViews, type TrackView } from './tracks.ts';

/**
 * The print view puts every page of a release into one document. Each page keeps its own heading
 * and footnote ids, so they are prefixed with the page id to stay unique (`<page-id>--<anchor>`:
 * page ids never contain `--`), and links are rewritten to stay inside the document.
 */
export const PRINT_SEPARATOR = '--';

/** The id of a page (or of an anchor in it) within the print document. */
export function printId(pageId: string, anchor?: string): string {
  return anchor ? `${pageId}${PRINT_SEPARATOR}${anchor}` : pageId;
}

/** Properties (as hast names them) that hold ids of other elements. */
const ID_REFERENCES = ['htmlFor', 'headers', 'ariaDescribedBy', 'ariaLabelledBy', 'ariaControls', 'ariaOwns', 'ariaDetails', 'ariaFlowTo', 'ariaActiveDescendant', 'ariaErrorMessage'];

/** `../<id>/` or `../<id>/#<anchor>`: how compiled pages link to another page of the same release (and the glossary). */
const RELATIVE_PAGE = /^\.\.\/([a-z0-9]+(?:-[a-z0-9]+)*)\/(?:#(.+))?$/;

const HEADING = /^h([1-6])$/;

function rewriteHref(href: string, pageId: string): string {
  if (href.startsWith('#')) return href.length > 1 ? `#${printId(pageId, href.slice(1))}` : `#${pageId}`;
  const page = RELATIVE_PAGE.exec(href);
  return page ? `#${printId(page[1], page[2])}` : href;
}

/** A rehype plugin: makes one compiled page fit into the print document of its release. */
export function rehypePrintPage(pageId: string, headingShift: number) {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      const { properties } = node;
      if (typeof properties.id === 'string' && properties.id) properties.id = printId(pageId, properties.id);
      for (const name of ID_REFERENCES) {
        const value = properties[name];
        if (Array.isArray(value)) properties[name] = value.map((id) => printId(pageId, String(id)));
        else if (typeof value === 'string' && value) properties[name] = value.split(/\s+/).map((id) => printId(pageId, id)).join(' ');
      }
      if (node.tagName === 'a' && typeof properties.href === 'string') properties.href = rewriteHref(properties.href, pageId);
      // Callouts are labelled landmarks on their page; in one document many share a label ("Note"),
      // and landmarks must be unique, so here they are notes.
      if (node.tagName === 'aside' && !properties.role) properties.role = 'note';
      const depth = HEADING.exec(node.tagName);
      if (depth && headingShift) node.tagName = `h${Math.min(6, Number(depth[1]) + headingShift)}`;
    });
  };
}

const printed = new BoundedCache<string, string>(DISTINCT_INPUTS);

/**
 * A page's compiled HTML as it appears in the print document: ids prefixed with the page id,
 * in-page links and links to other pages turned into links within the document, and headings one
 * level down (the page's title is the document's h2). Most pages are identical from release to
 * release, so each distinct (page, HTML) is rewritten once.
 */
export function printPageHtml(html: string, pageId: string, headingShift = 1): string {
  const key = `${pageId}\0${headingShift}\0${html}`;
  return printed.getOrSet(key, () => {
    const processor = unified().use(rehypeParse, { fragment: true }).use(rehypePrintPage, pageId, headingShift).use(rehypeStringify);
    return String(processor.processSync(html));
  });
}

/** A track as the print view prints it: its id, and its pages in the track's order, each once. */
export interface PrintedTrack {
  id: string;
  pageIds: string[];
}

/** The tracks of a release as its print view prints them (its headings and print/tracks.css). */
export function printedTracks(release: Release): Array<PrintedTrack & { view: TrackView }> {
  return trackViews(release).map((view) => ({ view, id: view.track.id, pageIds: [...new Set(view.steps.map((step) => step.page.id))] }));
}

/**
 * The stylesheet that prints one track from the print view of its release (`print/#print--track-<id>`,
 * printTrackUrl): with the track's heading the target, only the track's pages show, in the track's order.
 * The document becomes a flex column and the parts' sections step aside (display: contents), so that
 * `order` can place a page of any part. The rules shared by every track are in print-release.css.
 * Pages are selected by `data-page-id` (a page id may start with a digit, which `#id` cannot).
 */
export function printTracksCss(tracks: readonly PrintedTrack[]): string {
  const checked = (id: string) => {
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) throw new Error(`printTracksCss: found the id "${id}"; expected a lowercase slug`);
    return id;
  };
  return tracks
    .map((track) => {
      const on = `.print-document:has(#${printTrackId(checked(track.id))}:target)`;
      const listed = track.pageIds.map((id) => `[data-page-id="${checked(id)}"]`).join(', ');
      const order = track.pageIds.map((id, index) => `${on} [data-page-id="${id}"] { order: ${index + 1}; }`);
      // A track without pages hides every page (`:not()` of nothing would hide none).
      return [`${on} .print-page${listed ? `:not(${listed})` : ''} { display: none; }`, ...order].join('\n');
    })
    .join('\n')
    .concat(tracks.length ? '\n' : '');
}
