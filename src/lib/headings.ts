import GithubSlugger from 'github-slugger';
import type { Element, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { report, type Heading } from './compile-file.ts';

export const HEADING = /^h([2-6])$/;

/**
 * Rehype plugin: gives every heading a stable anchor from its text (`file.data.headings`), and lets
 * declared old anchors keep landing on renamed headings (an empty element carrying the old id inside
 * the heading: no script needed). A declared anchor that points nowhere is a problem on `anchors.<old>`.
 */
export function rehypeHeadings(anchors: Record<string, string> = {}) {
  return (tree: Root, file: VFile) => {
    const slugger = new GithubSlugger();
    const headings: Heading[] = [];
    const byId = new Map<string, Element>();
    visit(tree, 'element', (node) => {
      const depth = HEADING.exec(node.tagName);
      // Headings that already carry an id (the footnotes label) belong to the renderer, not the author.
      if (!depth || node.properties.id) return;
      const text = toText(node).trim();
      const id = slugger.slug(text);
      node.properties.id = id;
      headings.push({ depth: Number(depth[1]), id, text });
      byId.set(id, node);
    });
    file.data.headings = headings;
    for (const [old, current] of Object.entries(anchors)) {
      const target = byId.get(current);
      if (!target) {
        report(file, `anchors.${old}`, `found "${current}", which no heading of this page has; expected one of ${[...byId.keys()].join(', ') || '(no headings)'}`);
      } else if (byId.has(old)) {
        report(file, `anchors.${old}`, `found "${old}" is still the anchor of a heading; expected an old anchor no heading uses now`);
      } else {
        target.children.unshift({ type: 'element', tagName: 'span', properties: { id: old, className: ['anchor-alias'] }, children: [] });
      }
    }
  };
}

/** Rehype plugin: GFM task lists render bare checkboxes; each is named by its item, so none is an unlabelled control. */
export function rehypeTaskListLabels() {
  return (tree: Root) => {
    visit(tree, 'element', (node, _index, parent) => {
      if (node.tagName === 'input' && parent?.type === 'element' && parent.tagName === 'li') node.properties.ariaLabel = toText(parent).trim();
    });
  };
}
