import { basename } from 'node:path';
import { pageUrl, releaseUrl } from './addresses.ts';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { compilePage, type CompileIssue } from './compile.ts';
import { issuesOf } from './compile-file.ts';
import { remarkComponents } from './components/index.ts';
import { remarkLinks, type FileLink, type PageLink } from './links.ts';
import type { ContentProblem } from './problems.ts';
import { remarkShape } from './shape.ts';
import { isVersion } from './version.ts';

/**
 * Release notes are held to the rules of pages (no import, export, expressions or raw HTML beyond the
 * allowed components; links checked): the same rules run in `npm run check` over the notes' bodies
 * and inside @astrojs/mdx, which renders them, so notes can never run code at build time.
 */

/** The draft of the next release's notes, frozen by `npm run release` as content/releases/<version>.mdx. */
export const DRAFT_NOTES = 'release-notes.mdx';

/** Placeholder words the release template leaves; allowed while the notes are a draft, refused on release. */
const PLACEHOLDER = /\b(TODO|TBD|FIXME|XXX)\b/;

export interface NotesBodyCheck {
  issues: CompileIssue[];
  pages: PageLink[];
  files: FileLink[];
}

/** Checks a notes body with the page compiler's rules; lines are 1-based within the body. */
export function checkNotesBody(body: string): NotesBodyCheck {
  const result = compilePage(body);
  return { issues: result.issues, pages: result.page?.links ?? [], files: result.page?.files ?? [] };
}

/** Every placeholder left in the notes' frontmatter text fields and body, as problems naming field and line. */
export function placeholderProblems(file: string, frontmatter: Record<string, unknown>, body: string, bodyLine: number): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const walk = (value: unknown, field: string) => {
    if (typeof value === 'string') {
      const found = PLACEHOLDER.exec(value);
      if (found) problems.push({ file, field, message: `found the placeholder "${found[1]}"; expected the finished text (placeholders are allowed only in the draft)` });
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => walk(item, `${field}[${index}]`));
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) walk(item, field ? `${field}.${key}` : key);
    }
  };
  walk(frontmatter, '');
  body.split('\n').forEach((text, index) => {
    const found = PLACEHOLDER.exec(text);
    if (found) problems.push({ file, field: 'body', line: bodyLine + index, message: `found the placeholder "${found[1]}"; expected the finished text (placeholders are allowed only in the draft)` });
  });
  return problems;
}

/** Node types MDX would turn into JavaScript; none may reach its compiler. */
const MDX_NODES = new Set(['mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression', 'mdxJsxFlowElement', 'mdxJsxTextElement']);

/**
 * Remark plugin for @astrojs/mdx (astro.config.mjs): applies the page rules to every MDX file it
 * compiles (only release notes are MDX there), fails the build naming file and line on any breach,
 * and hands MDX plain elements only, so nothing in the notes is compiled as code. Links point at
 * the notes' own release (`/v/<version>/...`), since notes are shown on /changelog/<version>/.
 */
export function remarkReleaseNotes() {
  return (tree: Root, file: VFile) => {
    const version = basename(file.path ?? '').replace(/\.mdx$/, '');
    const base = isVersion(version) ? releaseUrl(version) : undefined;
    remarkShape()(tree, file);
    remarkComponents()(tree, file);
    remarkLinks(base ? { pageHref: (page: string, anchor?: string) => pageUrl(version, page, anchor), fileHref: (path: string) => `${base}${path}` } : {})(tree, file);
    const issues = issuesOf(file);
    if (issues.length) {
      const where = (issue: CompileIssue) => `${file.path}${issue.line ? `:${issue.line}` : ''}: ${issue.field}: ${issue.message}`;
      throw new Error(`Release notes break the rules of pages:\n${issues.map(where).join('\n')}`);
    }
    // The allowed components became plain elements (data.hName); a type MDX does not know makes
    // mdast-util-to-hast build them as such instead of passing them to MDX as JSX.
    visit(tree, (node) => {
      if (!MDX_NODES.has(node.type)) return;
      if (!(node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') || !node.data?.hName) {
        throw new Error(`${file.path}:${node.position?.start.line ?? '?'}: body: found ${node.type} after the page rules ran; expected none`);
      }
      (node as { type: string }).type = 'playbookElement';
    });
  };
}
