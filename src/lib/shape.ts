import type { Root } from 'mdast';
import type { Node } from 'unist';
import type { VFile } from 'vfile';
import { report, type CompileIssue } from './compile-file.ts';

/**
 * Limits on the shape of a page body, checked before it is parsed. Markdown's parser slows down
 * sharply on deep nesting (a list nested 400 deep took 13 s here, 1,000 deep 36 s) and the
 * renderers recurse into it (the print view overflowed its stack), while no real page nests more
 * than a few levels. Each limit is far above what a writer needs and far below what hurts.
 */
export const SHAPE_LIMITS = {
  /** Columns of indentation of one line (tabs count 4): lists nested about 12 deep. */
  indent: 48,
  /** Nested containers opened on one line: `> > - 1.` opens four. */
  containers: 8,
  /** Runs of `*` or `_` in one paragraph: emphasis is matched pairwise, so many unmatched runs are slow. */
  emphasisRuns: 200,
  /** Depth of the parsed tree: every real page is well under it. */
  depth: 40,
} as const;

const CONTAINER = /^(?:>|[-*+](?=\s)|\d{1,9}[.)](?=\s))\s*/;

/** Problems with the shape of a body's text, found in one pass over its lines (fast on any input). */
export function shapeIssues(body: string): CompileIssue[] {
  const issues: CompileIssue[] = [];
  let emphasisRuns = 0;
  let paragraphLine = 1;
  const lines = body.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const text = lines[index];
    const line = index + 1;
    const indentText = /^[ \t]*/.exec(text)![0];
    const indent = [...indentText].reduce((sum, char) => sum + (char === '\t' ? 4 : 1), 0);
    if (indent > SHAPE_LIMITS.indent) {
      issues.push({ field: 'body', line, message: `found a line indented ${indent} columns; expected at most ${SHAPE_LIMITS.indent} (lists nested a few levels deep at most)` });
    }
    let rest = text.slice(indentText.length);
    let containers = 0;
    for (let match = CONTAINER.exec(rest); match && match[0].length; match = CONTAINER.exec(rest)) {
      containers++;
      rest = rest.slice(match[0].length);
      if (containers > SHAPE_LIMITS.containers) break;
    }
    if (containers > SHAPE_LIMITS.containers) {
      issues.push({ field: 'body', line, message: `found more than ${SHAPE_LIMITS.containers} lists or quotes opened on one line; expected them nested a few levels deep at most` });
    }
    // Emphasis never spans a blank line or a new list item, quote line or heading.
    if (!text.trim() || containers > 0 || rest.startsWith('#')) {
      emphasisRuns = 0;
      paragraphLine = text.trim() ? line : line + 1;
    }
    emphasisRuns += rest.match(/[*_]+/g)?.length ?? 0;
    if (emphasisRuns > SHAPE_LIMITS.emphasisRuns) {
      issues.push({ field: 'body', line: paragraphLine, message: `found more than ${SHAPE_LIMITS.emphasisRuns} runs of * or _ in one paragraph; expected ordinary emphasis (escape literal ones as \\* and \\_)` });
      emphasisRuns = Number.NEGATIVE_INFINITY;
    }
    if (issues.length >= 10) break;
  }
  return issues;
}

/**
 * Remark plugin: refuses a parsed tree deeper than the limit, naming the line where it gets too
 * deep, and a spread attribute on a component (`<Callout {...props}>`), which would be dropped silently.
 */
export function remarkShape() {
  return (tree: Root, file: VFile) => {
    const stack: Array<{ node: Node; depth: number }> = [{ node: tree, depth: 0 }];
    let tooDeep = false;
    while (stack.length) {
      const { node, depth } = stack.pop()!;
      const line = node.position?.start.line;
      if (depth > SHAPE_LIMITS.depth && !tooDeep) {
        tooDeep = true;
        report(file, 'body', `found content nested more than ${SHAPE_LIMITS.depth} levels deep; expected it nested a few levels deep at most`, line);
      }
      for (const attribute of (node as { attributes?: Array<{ type: string; value?: unknown }> }).attributes ?? []) {
        if (attribute.type === 'mdxJsxExpressionAttribute') {
          report(file, 'body', `found the spread attribute {${String(attribute.value)}}; expected each attribute written name="value"`, line);
        }
      }
      for (const child of (node as { children?: Node[] }).children ?? []) stack.push({ node: child, depth: depth + 1 });
    }
  };
}
