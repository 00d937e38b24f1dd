import { createHash } from 'node:crypto';
import GithubSlugger from 'github-slugger';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { toText } from 'hast-util-to-text';
import type { Root as MdastRoot } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { NO_ASSETS, type ReleaseAssets } from './assets.ts';
import { applyComponent, type ComponentContext } from './components/index.ts';
import { glossaryKey, rehypeGlossary, type GlossaryEntry } from './glossary.ts';
import { remarkLinks, type FileLink, type PageLink } from './links.ts';
import { remarkShape, shapeIssues } from './shape.ts';
import { BoundedCache, DISTINCT_INPUTS } from './memo.ts';

export type { FileLink, PageLink } from './links.ts';

/** Bump when the output of `compilePage` changes shape, so cached results are not reused. */
export const COMPILER_VERSION = 8;

export interface Heading {
  depth: number;
  /** The anchor: the heading's text slugged. */
  id: string;
  text: string;
}

/** A readable unit of the rendered text, in order: what the compare view diffs and search indexes. */
export interface TextBlock {
  kind: 'heading' | 'text';
  text: string;
  /** For a heading: its depth and anchor. */
  depth?: number;
  anchor?: string;
}

export interface CompileIssue {
  /** `body`, or `anchors.<old>` for a declared anchor. */
  field: string;
  message: string;
  /** 1-based line within the body. */
  line?: number;
}

export interface CompiledPage {
  html: string;
  headings: Heading[];
  blocks: TextBlock[];
  links: PageLink[];
  /** Links to figures and downloads of the same release (`figures/<name>`, `files/<name>`). */
  files: FileLink[];
  words: number;
  /** The figures and downloads the page shows (`figures/a.svg`), in order of first use. */
  assets: string[];
  /** The area details the page shows through `<Local key="…" />`, in order of first use. */
  localKeys: string[];
}


/**
 * Checks what MDX allows beyond Markdown (components, expressions, imports) and turns what the
 * playbook permits into plain HTML elements, so a page compiles to static HTML with no runtime.
 */
export function remarkPlaybook(issues: CompileIssue[], components: { assets?: ReleaseAssets; used?: Set<string>; locals?: Set<string> } = {}) {
  const { assets = NO_ASSETS, used = new Set<string>(), locals = new Set<string>() } = components;
  const context: ComponentContext = { assets, report: (issue) => issues.push(issue), use: (path) => used.add(path), useLocal: (key) => locals.add(key) };
  return (tree: MdastRoot) => {
    visit(tree, (node, index, parent) => {
      const line = node.position?.start.line;
      switch (node.type) {
        case 'mdxjsEsm':
          issues.push({ field: 'body', line, message: 'found an import or export; expected none (components need no import)' });
          if (parent && index !== undefined) parent.children.splice(index, 1);
          return [SKIP, index];
        case 'mdxFlowExpression':
        case 'mdxTextExpression':
          issues.push({ field: 'body', line, message: `found the expression {${node.value}}; expected plain text (write \\{ and \\} for literal braces)` });
          if (parent && index !== undefined) parent.children.splice(index, 1);
          return [SKIP, index];
        case 'mdxJsxFlowElement':
        case 'mdxJsxTextElement': {
          const parentName = parent && (parent.type === 'mdxJsxFlowElement' || parent.type === 'mdxJsxTextElement') ? (parent.name ?? undefined) : undefined;
          if (applyComponent(node, parentName, context)) return undefined;
          if (parent && index !== undefined) parent.children.splice(index, 1);
          return [SKIP, index];
        }
        default:
          return undefined;
      }
    });
  };
}

const HEADING = /^h([2-6])$/;

/**
 * Gives every heading a stable anchor from its text, and lets declared old anchors keep landing on
 * renamed headings (an empty element carrying the old id inside the heading: no script needed).
 */
function rehypePlaybook(anchors: Record<string, string>, issues: CompileIssue[], headings: Heading[]) {
  return (tree: HastRoot) => {
    const slugger = new GithubSlugger();
    const byId = new Map<string, Element>();
    visit(tree, 'element', (node, _index, parent) => {
      // GFM task lists render bare checkboxes: each is named by its item, so none is an unlabelled control.
      if (node.tagName === 'input' && parent?.type === 'element' && parent.tagName === 'li') node.properties.ariaLabel = toText(parent).trim();
      const depth = HEADING.exec(node.tagName);
      // Headings that already carry an id (the footnotes label) belong to the renderer, not the author.
      if (!depth || node.properties.id) return;
      const text = toText(node).trim();
      const id = slugger.slug(text);
      node.properties.id = id;
      headings.push({ depth: Number(depth[1]), id, text });
      byId.set(id, node);
    });
    for (const [old, current] of Object.entries(anchors)) {
      const target = byId.get(current);
      if (!target) {
        issues.push({
          field: `anchors.${old}`,
          message: `found "${current}", which no heading of this page has; expected one of ${[...byId.keys()].join(', ') || '(no headings)'}`,
        });
      } else if (byId.has(old)) {
        issues.push({ field: `anchors.${old}`, message: `found "${old}" is still the anchor of a heading; expected an old anchor no heading uses now` });
      } else {
        target.children.unshift({ type: 'element', tagName: 'span', properties: { id: old, className: ['anchor-alias'] }, children: [] });
      }
    }
  };
}

function blocksOf(nodes: readonly ElementContent[] | HastRoot['children'], blocks: TextBlock[]): void {
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

function countWords(blocks: readonly TextBlock[]): number {
  return blocks.reduce((sum, block) => sum + (block.text.match(/\S+/g)?.length ?? 0), 0);
}

/** An MDX parse error from micromark, pinned to its line. */
function syntaxIssue(error: unknown): CompileIssue {
  const message = error as { reason?: string; message?: string; line?: number; place?: { line?: number; start?: { line?: number } } };
  const line = message.line ?? message.place?.start?.line ?? message.place?.line;
  const reason = (message.reason ?? message.message ?? String(error)).split('\n')[0];
  return { field: 'body', line, message: `found invalid MDX syntax (${reason}); expected valid MDX (escape literal { } < as \\{ \\} &lt;)` };
}

export interface CompileResult {
  page?: CompiledPage;
  issues: CompileIssue[];
}

/** One compiled result per distinct input (src/lib/memo.ts). */
const cache = new BoundedCache<string, CompileResult>(DISTINCT_INPUTS);
let compilations = 0;

/** How many distinct bodies were compiled in this process; the benchmark and tests read it. */
export function compileCount(): number {
  return compilations;
}

/** The glossary is part of the key: the same body links different words under a different glossary. */
export function compileKey(body: string, anchors: Record<string, string>, glossary: readonly GlossaryEntry[] = [], assets: ReleaseAssets = NO_ASSETS): string {
  return createHash('sha256').update(`${COMPILER_VERSION}\0${JSON.stringify(anchors)}\0${glossaryKey(glossary)}\0${assets.fingerprint(body)}\0${body}`).digest('hex');
}

/**
 * Compiles an MDX page body to static HTML with its headings, text blocks and page links, the
 * first use of each term of the release's glossary linked to its entry, and the components checked
 * against their props and turned into HTML (figures and downloads looked up in the release's assets).
 * Most pages of a release are byte-identical to the release before, so identical inputs are
 * compiled once and shared: build cost follows new content, not releases times pages.
 */
export function compilePage(body: string, anchors: Record<string, string> = {}, glossary: readonly GlossaryEntry[] = [], assets: ReleaseAssets = NO_ASSETS): CompileResult {
  const key = compileKey(body, anchors, glossary, assets);
  const cached = cache.get(key);
  if (cached) return cached;
  compilations++;
  // Pathological nesting is refused before parsing, which it would slow to a crawl.
  const shape = shapeIssues(body);
  if (shape.length) {
    cache.set(key, { issues: shape });
    return { issues: shape };
  }
  const issues: CompileIssue[] = [];
  const links: PageLink[] = [];
  const files: FileLink[] = [];
  const headings: Heading[] = [];
  const used = new Set<string>();
  const locals = new Set<string>();
  let result: CompileResult;
  try {
    const processor = unified()
      .use(remarkParse)
      .use(remarkMdx)
      .use(remarkGfm)
      .use(remarkShape, issues)
      .use(remarkPlaybook, issues, { assets, used, locals })
      .use(remarkLinks, { issues, pages: links, files })
      .use(remarkRehype, { footnoteLabel: 'Notes', footnoteBackLabel: 'Back to the text' })
      .use(rehypePlaybook, anchors, issues, headings)
      .use(rehypeGlossary, glossary);
    const tree = processor.runSync(processor.parse(body)) as HastRoot;
    const blocks: TextBlock[] = [];
    blocksOf(tree.children, blocks);
    const html = unified().use(rehypeStringify).stringify(tree);
    result = { page: { html, headings, blocks, links, files, words: countWords(blocks), assets: [...used], localKeys: [...locals] }, issues };
  } catch (error) {
    result = { issues: [syntaxIssue(error)] };
  }
  cache.set(key, result);
  return result;
}
