// The prose of a page body, block by block, as a reader sees it: frontmatter gone, component tags
// gone (their Markdown content kept), links reduced to their text. Used by the readability and
// number-audit scripts, so both read a page the same way. No Node or Astro imports.
import type { Nodes, Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

export interface ProseBlock {
  /** The block's text as a reader sees it (link text kept, URLs dropped). */
  text: string;
  /** The text outside links and inline code: where a figure would be a claim, not a citation. */
  claimText: string;
  kind: 'paragraph' | 'heading' | 'tableRow';
  /** 1-based line in the body. */
  line: number;
  /** Link targets in the block. */
  links: string[];
  /** Inside a Scenario, or a Callout with kind="illustrative". */
  illustrative: boolean;
  /** Blocks of one table, or of one (outermost) list, share a group number. */
  group?: number;
}

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);

/** Parses an MDX page body (without frontmatter) into its prose blocks, in document order. */
export function proseBlocks(body: string): ProseBlock[] {
  const tree = parser.parse(body) as Root;
  const blocks: ProseBlock[] = [];
  let groups = 0;
  const walk = (node: Nodes, illustrative: boolean, group: number | undefined): void => {
    if (node.type === 'mdxJsxFlowElement') {
      const here = illustrative || isIllustrative(node);
      for (const child of node.children) walk(child as Nodes, here, group);
      return;
    }
    if ((node.type === 'table' || node.type === 'list') && group === undefined) {
      groups += 1;
      for (const child of node.children) walk(child as Nodes, illustrative, groups);
      return;
    }
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableRow') {
      const parts = collect(node);
      blocks.push({
        text: tidy(parts.text),
        claimText: tidy(parts.claim),
        kind: node.type,
        line: node.position?.start.line ?? 1,
        links: parts.links,
        illustrative,
        ...(group === undefined ? {} : { group }),
      });
      return;
    }
    if (node.type === 'code' || node.type === 'html' || node.type === 'mdxjsEsm' || node.type === 'mdxFlowExpression') return;
    if ('children' in node) for (const child of node.children as RootContent[]) walk(child, illustrative, group);
  };
  walk(tree, false, undefined);
  return blocks;
}

function isIllustrative(node: MdxJsxFlowElement): boolean {
  if (node.name === 'Scenario') return true;
  if (node.name !== 'Callout') return false;
  return node.attributes.some((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === 'kind' && attribute.value === 'illustrative');
}

function collect(node: Nodes): { text: string; claim: string; links: string[] } {
  let text = '';
  let claim = '';
  const links: string[] = [];
  const walk = (current: Nodes, inLink: boolean): void => {
    switch (current.type) {
      case 'text':
        text += current.value;
        if (!inLink) claim += current.value;
        return;
      case 'inlineCode':
        text += current.value;
        claim += ' ';
        return;
      case 'break':
        text += ' ';
        claim += ' ';
        return;
      case 'image':
      case 'imageReference':
      case 'mdxTextExpression':
        return;
      case 'link':
        links.push(current.url);
        for (const child of current.children) walk(child, true);
        return;
      case 'tableCell':
        for (const child of current.children) walk(child, inLink);
        text += '. ';
        claim += '. ';
        return;
      default:
        if ('children' in current) for (const child of current.children as Nodes[]) walk(child, inLink);
    }
  };
  walk(node, false);
  return { text, claim, links };
}

function tidy(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/([.!?])(?:\s*\.)+/g, '$1')
    .trim();
}
