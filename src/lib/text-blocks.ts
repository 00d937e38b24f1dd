import type { ElementContent, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import type { VFile } from 'vfile';
import type { TextBlock } from './compile-file.ts';
import { HEADING } from './headings.ts';

function blocksOf(nodes: readonly ElementContent[] | Root['children'], blocks: TextBlock[]): void {
  for (const node of nodes) {
    if (node.type !== 'element') {
      if (node.type === 'text' && node.value.trim()) blocks.push({ kind: 'text', text: node.value.trim() });
      continue;
    }
    const depth = HEADING.exec(node.tagName);
    if (depth) {
      blocks.push({ kind: 'heading', depth: Number(depth[1]), anchor: String(node.properties.id), text: toText(node).trim() });
    } else if (node.tagName === 'ul' || node.tagName === 'ol' || node.tagName === 'tbody' || node.tagName === 'thead') {
      for (const item of node.children) {
        if (item.type === 'element') {
          const text = item.tagName === 'tr' ? item.children.filter((c) => c.type === 'element').map((c) => toText(c).trim()).join(' | ') : toText(item).trim();
          if (text) blocks.push({ kind: 'text', text: text.replace(/\s+/g, ' ') });
        }
      }
    } else if (['table', 'aside', 'blockquote', 'section', 'div', 'details', 'figure'].includes(node.tagName)) {
      blocksOf(node.children, blocks);
    } else {
      const text = toText(node).replace(/\s+/g, ' ').trim();
      if (text) blocks.push({ kind: 'text', text });
    }
  }
}

/**
 * Rehype plugin, last before stringifying: the page's readable text block by block (a heading, a
 * paragraph, a list item, a table row) and its word count, into `file.data.blocks` and `.words`:
 * what the compare view diffs, search indexes and reading time counts.
 */
export function rehypeTextBlocks() {
  return (tree: Root, file: VFile) => {
    const blocks: TextBlock[] = [];
    blocksOf(tree.children, blocks);
    file.data.blocks = blocks;
    file.data.words = blocks.reduce((sum, block) => sum + (block.text.match(/\S+/g)?.length ?? 0), 0);
  };
}
