// Reads the pages of one release folder (the draft or a frozen version) for the content scripts.
// Not loadContent: a reviewer wants the reading level and the figures of a draft that may not yet
// pass `npm run check`, and these scripts need only the id, the tags and the raw body.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { splitFrontmatter } from '../../src/lib/frontmatter.ts';
import { settings } from '../../src/settings.ts';

export interface ReleasePage {
  id: string;
  file: string;
  tags: string[];
  body: string;
  /** 1-based line of the file where the body starts. */
  bodyLine: number;
}

/** The folder of a release: `draft` (the default) or a version such as `2.0`, in the content folder (settings.content, PLAYBOOK_CONTENT). */
export function releaseFolder(root: string, release = 'draft', contentDir = settings.content): string {
  const content = resolve(root, contentDir);
  return release === 'draft' ? join(content, 'draft') : join(content, 'versions', release);
}

/** Every page of a release folder, sorted by file; files whose frontmatter cannot be read are reported and skipped. */
export function readReleasePages(folder: string, root = process.cwd()): ReleasePage[] {
  const pagesDir = join(folder, 'pages');
  if (!statSync(pagesDir, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`found no pages folder at ${relative(root, pagesDir)}; expected a release folder`);
  const files = readdirSync(pagesDir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.mdx'))
    .sort();
  const pages: ReleasePage[] = [];
  for (const name of files) {
    const file = relative(root, join(pagesDir, name));
    const { split, problems } = splitFrontmatter(file, readFileSync(join(pagesDir, name), 'utf8'));
    if (!split) {
      for (const problem of problems) console.error(`${problem.file}:${problem.line}: ${problem.message}`);
      continue;
    }
    const data = split.data as { id?: unknown; tags?: unknown };
    pages.push({
      id: typeof data.id === 'string' ? data.id : name,
      file,
      tags: Array.isArray(data.tags) ? data.tags.filter((tag): tag is string => typeof tag === 'string') : [],
      body: split.body,
      bodyLine: split.bodyLine,
    });
  }
  return pages;
}

/** Parses `--name=value` options and positional arguments. */
export function parseArgs(argv: readonly string[]): { positional: string[]; options: Map<string, string> } {
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (const arg of argv) {
    const option = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (option) options.set(option[1], option[2] ?? 'true');
    else positional.push(arg);
  }
  return { positional, options };
}

/**
 * What the content scripts (readability, number-audit) take from their command line: the release
 * (`draft` unless one is given), its pages, narrowed by `--ids=a,b`, and the other options.
 */
export function pagesFromArgs(argv: readonly string[], root = process.cwd()): { release: string; pages: ReleasePage[]; options: Map<string, string> } {
  const { positional, options } = parseArgs(argv);
  const release = positional[0] ?? 'draft';
  const ids = options.get('ids')?.split(',').filter(Boolean);
  const pages = readReleasePages(releaseFolder(root, release), root);
  return { release, pages: ids ? pages.filter((page) => ids.includes(page.id)) : pages, options };
}
