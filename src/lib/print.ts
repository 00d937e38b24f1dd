import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { BoundedCache, DISTINCT_INPUTS } from './memo.ts';

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

/**
 * A page of a print document that holds only some pages of the release ("print this part", "print
 * this track"): links within the document to a page it does not hold go to that page on the site,
 * and the release's figures and downloads, linked `../figures/` from the print view one folder below
 * the release, are linked from the release's address (this document is deeper).
 * @param held the page ids the document holds (and `glossary` when it prints the glossary)
 * @param pageUrl the address of a page of the release on the site
 * @param releaseUrl the release's address, `/v/2.0/`
 */
export function printSelectionHtml(html: string, held: ReadonlySet<string>, pageUrl: (id: string) => string, releaseUrl: string): string {
  return html
    .replace(/\b(href|src)="\.\.\//g, `$1="${releaseUrl}`)
    .replace(/\bsrcset="([^"]*)"/g, (_, value: string) => `srcset="${value.replace(/(^|,\s*)\.\.\//g, `$1${releaseUrl}`)}"`)
    .replace(/href="#([a-z0-9]+(?:-[a-z0-9]+)*)(?:--([^"]*))?"/g, (link, id: string, anchor: string | undefined) =>
      held.has(id) ? link : `href="${pageUrl(id)}${anchor ? `#${anchor}` : ''}"`,
    );
}
