import { createHash } from 'node:crypto';
import type { Root as HastRoot } from 'hast';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { NO_ASSETS, type ReleaseAssets } from './assets.ts';
import { issuesOf, type CompileIssue, type Heading, type TextBlock } from './compile-file.ts';
import { remarkComponents } from './components/index.ts';
import { glossaryKey, rehypeGlossary, type GlossaryEntry } from './glossary.ts';
import { rehypeHeadings, rehypeTaskListLabels } from './headings.ts';
import { remarkLinks, type FileLink, type PageLink } from './links.ts';
import { BoundedCache, DISTINCT_INPUTS } from './memo.ts';
import { remarkShape, shapeIssues } from './shape.ts';
import { rehypeTextBlocks } from './text-blocks.ts';

export type { CompileIssue, Heading, TextBlock } from './compile-file.ts';
export type { FileLink, PageLink } from './links.ts';

/** Bump when the output of `compilePage` changes shape, so cached results are not reused. */
export const COMPILER_VERSION = 8;

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
  const file = new VFile({ value: body });
  let result: CompileResult;
  try {
    // One plugin per concern; each reports through file.message() and leaves its results on file.data (compile-file.ts).
    const processor = unified()
      .use(remarkParse)
      .use(remarkMdx)
      .use(remarkGfm)
      .use(remarkShape)
      .use(remarkComponents, { assets })
      .use(remarkLinks)
      .use(remarkRehype, { footnoteLabel: 'Notes', footnoteBackLabel: 'Back to the text' })
      .use(rehypeTaskListLabels)
      .use(rehypeHeadings, anchors)
      .use(rehypeGlossary, glossary)
      .use(rehypeTextBlocks);
    const tree = processor.runSync(processor.parse(file), file) as HastRoot;
    const html = unified().use(rehypeStringify).stringify(tree);
    const { headings = [], blocks = [], words = 0, pageLinks = [], fileLinks = [], assets: shown = [], localKeys = [] } = file.data;
    result = { page: { html, headings, blocks, links: pageLinks, files: fileLinks, words, assets: shown, localKeys }, issues: issuesOf(file) };
  } catch (error) {
    result = { issues: [syntaxIssue(error)] };
  }
  cache.set(key, result);
  return result;
}
