import type { Node } from 'unist';
import type { VFile } from 'vfile';
import type { FileLink, PageLink } from './links.ts';

/**
 * What the compiler's plugins share, in unified's own terms: each plugin reports problems with
 * `file.message()` and leaves its results on `file.data`, under the keys declared here, so the
 * plugins know nothing of each other and compilePage (src/lib/compile.ts) reads one file.
 */

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

declare module 'vfile' {
  interface DataMap {
    /** Every heading with its anchor, in order (rehypeHeadings). */
    headings: Heading[];
    /** The readable text, block by block, and its word count (rehypeTextBlocks). */
    blocks: TextBlock[];
    words: number;
    /** `page:` links, to be checked against the pages of the same release (remarkLinks). */
    pageLinks: PageLink[];
    /** Links to figures and downloads of the same release (remarkLinks). */
    fileLinks: FileLink[];
    /** The figures and downloads the page shows (`figures/a.svg`), in order of first use (remarkComponents). */
    assets: string[];
    /** The area details the page shows through `<Local key="…" />`, in order of first use (remarkComponents). */
    localKeys: string[];
  }
}

/** Marks the messages of the playbook's own rules among whatever else a processor reports. */
export const RULES_SOURCE = 'playbook';

/** A problem found while compiling: the field a writer fixes (`body`, `anchors.<old>`, `<Component>.<prop>`), what is wrong, and the 1-based line. */
export interface CompileIssue {
  field: string;
  message: string;
  line?: number;
}

/**
 * Reports one problem on the file. The field travels as the message's `ruleId` (what a writer fixes,
 * e.g. `anchors.old-name` or `Callout.kind`); `at` is the node or the line it is about.
 */
export function report(file: VFile, field: string, message: string, at?: Node | number): void {
  const place = typeof at === 'number' ? { line: at, column: 1 } : at?.position;
  file.message(message, { place, ruleId: field, source: RULES_SOURCE });
}

/** The playbook's problems reported on a file, in the order found, as `npm run check` names them. */
export function issuesOf(file: VFile): CompileIssue[] {
  return file.messages
    .filter((message) => message.source === RULES_SOURCE)
    .map((message) => ({ field: message.ruleId ?? 'body', message: message.reason, ...(message.line ? { line: message.line } : {}) }));
}
