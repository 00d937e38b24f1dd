import { parseDocument } from 'yaml';
import type { ContentProblem } from './problems.ts';

export interface SplitFile {
  data: unknown;
  body: string;
  /** 1-based line of the file where the body starts, so body errors can point into the file. */
  bodyLine: number;
}

const FENCE = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/**
 * Characters no text field may hold: control characters (they make the feed's XML ill-formed),
 * bidirectional overrides and isolates (they make a title read differently from what it says), and
 * zero-width characters (they make two titles that look the same differ).
 */
const HIDDEN_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;
/** Keys that would reach an object's prototype instead of being a field. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function describeCharacter(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Problems no schema sees: hidden characters in any text, and keys that name the prototype. */
function valueProblems(file: string, value: unknown, field = ''): ContentProblem[] {
  if (typeof value === 'string') {
    const found = HIDDEN_CHARACTER.exec(value);
    return found
      ? [{ file, field: field || '(whole file)', message: `found the invisible or control character ${describeCharacter(found[0])}; expected plain text (delete it)` }]
      : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, index) => valueProblems(file, item, `${field}[${index}]`));
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.entries(value).flatMap(([key, item]) => {
      const name = field ? `${field}.${key}` : key;
      if (PROTOTYPE_KEYS.has(key)) return [{ file, field: name, message: `found the key "${key}"; expected a field name (this one would be ignored)` }];
      return [...valueProblems(file, key, name), ...valueProblems(file, item, name)];
    });
  }
  return [];
}

/** Parses YAML with the problems pinned to the line of the file they are on. */
export function parseYaml(file: string, text: string, firstLine = 1): { value: unknown; problems: ContentProblem[] } {
  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const problems: ContentProblem[] = document.errors.map((error) => ({
    file,
    field: 'yaml',
    line: (error.linePos?.[0]?.line ?? 1) + firstLine - 1,
    message: `found invalid YAML (${error.message.split('\n')[0]}); expected valid YAML`,
  }));
  if (problems.length) return { value: undefined, problems };
  let value: unknown;
  try {
    // yaml refuses aliases that expand beyond a limit (a "billion laughs" bomb) by throwing.
    value = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return { value: undefined, problems: [{ file, field: 'yaml', line: firstLine, message: `found YAML that cannot be read (${(error as Error).message}); expected plain YAML without aliases that expand this much` }] };
  }
  const hidden = valueProblems(file, value);
  return hidden.length ? { value: undefined, problems: hidden } : { value, problems: [] };
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
