import { parseDocument } from 'yaml';
import type { ContentProblem } from './problems.ts';

export interface SplitFile {
  data: unknown;
  body: string;
  /** 1-based line of the file where the body starts, so body errors can point into the file. */
  bodyLine: number;
}

const FENCE = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Parses YAML with the problems pinned to the line of the file they are on. */
export function parseYaml(file: string, text: string, firstLine = 1): { value: unknown; problems: ContentProblem[] } {
  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const problems: ContentProblem[] = document.errors.map((error) => ({
    file,
    field: 'yaml',
    line: (error.linePos?.[0]?.line ?? 1) + firstLine - 1,
    message: `found invalid YAML (${error.message.split('\n')[0]}); expected valid YAML`,
  }));
  return { value: problems.length ? undefined : document.toJS(), problems };
}

/** Splits a page or release-notes file into its YAML frontmatter and its MDX body. */
export function splitFrontmatter(file: string, source: string): { split?: SplitFile; problems: ContentProblem[] } {
  const match = FENCE.exec(source);
  if (!match) {
    return {
      problems: [{ file, field: 'frontmatter', line: 1, message: 'found no frontmatter; expected the file to start with a --- fenced YAML block' }],
    };
  }
  const { value, problems } = parseYaml(file, match[1], 2);
  if (problems.length) return { problems };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { problems: [{ file, field: 'frontmatter', line: 2, message: 'found frontmatter that is not a map of fields; expected "field: value" lines' }] };
  }
  const bodyLine = match[0].split('\n').length - (match[0].endsWith('\n') ? 0 : 1);
  return { split: { data: value, body: source.slice(match[0].length), bodyLine }, problems: [] };
}
