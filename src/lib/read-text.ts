import { lstatSync, readFileSync } from 'node:fs';
import type { z } from 'astro/zod';
import { parseYaml } from './frontmatter.ts';
import { problemsFromZod, type ContentProblem } from './problems.ts';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A content file's text, read the one way every loader reads: never through a symbolic link (a
 * release's digest covers only what is in its folder), only valid UTF-8 (a Latin-1 file would be
 * published with replacement characters), a byte order mark accepted. `file` is the path as
 * messages name it. Undefined, with the problem recorded, when the file cannot be used.
 */
export function readContentText(file: string, path: string, problems: ContentProblem[]): string | undefined {
  if (lstatSync(path).isSymbolicLink()) {
    problems.push({ file, field: 'file', message: 'found a symbolic link; expected a plain file (nothing is read through a link, and the release digest would not cover it)' });
    return undefined;
  }
  const bytes = readFileSync(path);
  try {
    return UTF8.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    problems.push({ file, field: 'file', line: invalidUtf8Line(bytes), message: 'found bytes that are not UTF-8 (perhaps saved as Latin-1 or Windows-1252); expected the file saved as UTF-8' });
    return undefined;
  }
}

/** The 1-based line of the first byte sequence that is not UTF-8. */
function invalidUtf8Line(bytes: Buffer): number {
  let start = 0;
  let line = 1;
  for (let index = 0; index <= bytes.length; index++) {
    if (index === bytes.length || bytes[index] === 0x0a) {
      try {
        UTF8.decode(bytes.subarray(start, index));
      } catch {
        return line;
      }
      line++;
      start = index + 1;
    }
  }
  return line;
}

/**
 * A YAML content file read and checked against its schema: its data, or undefined with every
 * problem (link, encoding, YAML, schema) recorded against `file`.
 */
export function readYamlContent<T extends z.ZodType>(file: string, path: string, schema: T, problems: ContentProblem[]): z.output<T> | undefined {
  const text = readContentText(file, path, problems);
  if (text === undefined) return undefined;
  const { value, problems: yamlProblems } = parseYaml(file, text);
  if (yamlProblems.length) {
    problems.push(...yamlProblems);
    return undefined;
  }
  const parsed = schema.safeParse(value ?? {});
  if (!parsed.success) {
    problems.push(...problemsFromZod(file, value, parsed.error));
    return undefined;
  }
  return parsed.data;
}
