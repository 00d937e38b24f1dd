import type { z } from 'astro/zod';

/** One thing wrong with the content, said so a writer can find and fix it. */
export interface ContentProblem {
  /** Path of the file, relative to the project root. */
  file: string;
  /** The field (frontmatter key, `body`, a YAML path such as `steps[2].page`), or `file` for the file as a whole. */
  field: string;
  /** What is wrong: what was found and what was expected. */
  message: string;
  /** 1-based line in the file, when known. */
  line?: number;
}

export function formatProblem(problem: ContentProblem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  return `${where}: ${problem.field}: ${problem.message}`;
}

export function formatProblems(problems: readonly ContentProblem[]): string {
  const lines = problems.map((problem) => `  - ${formatProblem(problem)}`);
  return `${problems.length} problem${problems.length === 1 ? '' : 's'} in the playbook content:\n${lines.join('\n')}`;
}

/** Thrown where content must stop the build; carries every problem found, not just the first. */
export class ContentError extends Error {
  readonly problems: ContentProblem[];
  constructor(problems: ContentProblem[]) {
    super(formatProblems(problems));
    this.name = 'ContentError';
    this.problems = problems;
  }
}

function fieldName(path: readonly PropertyKey[], prefix = ''): string {
  let name = prefix;
  for (const key of path) {
    if (typeof key === 'number') name += `[${key}]`;
    else name += name ? `.${String(key)}` : String(key);
  }
  return name || '(whole file)';
}

function valueAt(input: unknown, path: readonly PropertyKey[]): { present: boolean; value?: unknown } {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object' || !(key in (current as object))) return { present: false };
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return { present: true, value: current };
}

function describeValue(value: unknown): string {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid date' : value.toISOString().slice(0, 10);
  const text = JSON.stringify(value);
  if (text === undefined) return String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * Turns zod's issues into problems a writer understands: the field as written in the file, the value
 * found there, and what was expected (the schema's own message).
 */
export function problemsFromZod(file: string, input: unknown, error: z.ZodError, fieldPrefix = ''): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        problems.push({
          file,
          field: fieldName([...issue.path, key], fieldPrefix),
          message: 'found a field the schema does not know; expected only the documented fields (is it misspelt?)',
        });
      }
      continue;
    }
    const found = valueAt(input, issue.path);
    const foundText = found.present ? `found ${describeValue(found.value)}` : 'the field is missing';
    let expected = issue.message.replace(/^Invalid input: /, '');
    if (!expected.startsWith('expected')) expected = `expected ${expected.charAt(0).toLowerCase()}${expected.slice(1)}`;
    problems.push({ file, field: fieldName(issue.path, fieldPrefix), message: `${foundText}; ${expected}` });
  }
  return problems;
}
