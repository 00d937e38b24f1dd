import type { Element, ElementContent, Root, Text } from 'hast';
import { toText } from 'hast-util-to-text';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { visit, SKIP } from 'unist-util-visit';
import { BoundedCache, DISTINCT_INPUTS } from './memo.ts';

/**
 * What a page's compiled HTML gets on its own page (not in compare or print): a plain `#` link
 * beside each section heading, which works without JavaScript and from any origin; wide tables in
 * a labelled region (a section with a name) that scrolls by itself; dates in tables that never break at their hyphens.
 */

const SECTION = /^h[23]$/;
/** An ISO date or month, as tables write them: 2025-03 or 2025-03-14. */
const DATE = /\b\d{4}-\d{2}(?:-\d{2})?\b/g;

function sectionLink(heading: Element): Element {
  const id = String(heading.properties.id);
  const level = heading.tagName;
  const link: Element = {
    type: 'element',
    tagName: 'a',
    properties: { className: ['section-anchor'], href: `#${id}`, dataPagefindIgnore: '' },
    children: [
      { type: 'element', tagName: 'span', properties: { ariaHidden: 'true' }, children: [{ type: 'text', value: '#' }] },
      { type: 'element', tagName: 'span', properties: { className: ['visually-hidden'] }, children: [{ type: 'text', value: `Link to the section “${toText(heading).trim()}”` }] },
    ],
  };
  // Beside the heading, not inside it: the heading's name stays its text.
  return { type: 'element', tagName: 'div', properties: { className: ['section-heading', `section-heading--${level}`] }, children: [heading, link] };
}

function tableRegion(table: Element, index: number): Element {
  const headers: string[] = [];
  visit(table, 'element', (cell: Element) => {
    if (cell.tagName === 'th' && headers.length < 3) headers.push(toText(cell).trim());
  });
  const label = headers.filter(Boolean).length ? `Table ${index}: ${headers.filter(Boolean).join(', ')}` : `Table ${index}`;
  return {
    type: 'element',
    tagName: 'section',
    properties: { className: ['table-scroll'], ariaLabel: label, tabIndex: 0 },
    children: [table],
  };
}

function keepDates(cell: Element): void {
  visit(cell, 'text', (text: Text, index, parent) => {
    if (!parent || index === undefined || !DATE.test(text.value)) return;
    DATE.lastIndex = 0;
    const parts: ElementContent[] = [];
    let last = 0;
    for (const match of text.value.matchAll(DATE)) {
      if (match.index > last) parts.push({ type: 'text', value: text.value.slice(last, match.index) });
      parts.push({ type: 'element', tagName: 'span', properties: { className: ['nowrap'] }, children: [{ type: 'text', value: match[0] }] });
      last = match.index + match[0].length;
    }
    if (last < text.value.length) parts.push({ type: 'text', value: text.value.slice(last) });
    parent.children.splice(index, 1, ...parts);
    return [SKIP, index + parts.length];
  });
}

/** The rehype plugin behind `readingAidsHtml`. */
export function rehypeReadingAids() {
  return (tree: Root) => {
    let tables = 0;
    visit(tree, 'element', (node: Element, index, parent) => {
      if (!parent || index === undefined) return;
      if (SECTION.test(node.tagName) && typeof node.properties.id === 'string' && node.properties.id !== 'footnote-label') {
        parent.children[index] = sectionLink(node);
        return SKIP;
      }
      if (node.tagName === 'table') {
        for (const cell of node.children) visit(cell, 'element', (inner: Element) => (inner.tagName === 'td' || inner.tagName === 'th' ? (keepDates(inner), SKIP) : undefined));
        parent.children[index] = tableRegion(node, ++tables);
        return SKIP;
      }
    });
  };
}

const done = new BoundedCache<string, string>(DISTINCT_INPUTS);

/** A page's compiled HTML with its reading aids. Most pages repeat across releases, so each distinct body is processed once. */
export function readingAidsHtml(html: string): string {
  return done.getOrSet(html, () => String(unified().use(rehypeParse, { fragment: true }).use(rehypeReadingAids).use(rehypeStringify).processSync(html)));
}
