import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pagesFromArgs, parseArgs, readReleasePages, releaseFolder } from '../../scripts/lib/release-pages.ts';
import { GOOD_FIXTURE } from './helpers.ts';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
  vi.restoreAllMocks();
});

function release(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'release-pages-'));
  roots.push(root);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, 'pages', name, '..'), { recursive: true });
    writeFileSync(join(root, 'pages', name), text);
  }
  return root;
}

describe('readReleasePages', () => {
  it('reads id, tags, body and the body line of every page in sub-folders, sorted by file', () => {
    const folder = release({
      'b/second.mdx': '---\nid: second\ntags: [safety]\n---\nBody two.\n',
      'a/first.mdx': '---\nid: first\ntitle: First\n---\n\nBody one.\n',
      'a/notes.txt': 'not a page',
    });
    const pages = readReleasePages(folder, folder);
    expect(pages.map((page) => [page.id, page.file, page.tags, page.bodyLine])).toEqual([
      ['first', 'pages/a/first.mdx', [], 5],
      ['second', 'pages/b/second.mdx', ['safety'], 5],
    ]);
    expect(pages[1].body).toBe('Body two.\n');
  });

  it('skips a file without frontmatter and says which', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const folder = release({ 'broken.mdx': 'No frontmatter here.\n', 'ok.mdx': '---\nid: ok\n---\nText.\n' });
    expect(readReleasePages(folder, folder).map((page) => page.id)).toEqual(['ok']);
    expect(error.mock.calls.join(' ')).toContain('pages/broken.mdx');
  });

  it('refuses a folder with no pages folder', () => {
    const root = mkdtempSync(join(tmpdir(), 'release-pages-'));
    roots.push(root);
    expect(() => readReleasePages(root, root)).toThrow(/found no pages folder/);
  });
});

describe('releaseFolder and parseArgs', () => {
  // The content folder is a setting (src/settings.ts, parsed once): PLAYBOOK_CONTENT, else `content`.
  it('maps draft and versions to their folders, under the content folder setting', () => {
    expect(releaseFolder('/repo', 'draft', 'content')).toBe(join('/repo', 'content', 'draft'));
    expect(releaseFolder('/repo', '2.0', 'content')).toBe(join('/repo', 'content', 'versions', '2.0'));
    expect(releaseFolder('/repo', '2.0', '/elsewhere')).toBe(join('/elsewhere', 'versions', '2.0'));
  });

  it('splits options from positional arguments', () => {
    const { positional, options } = parseArgs(['2.0', '--ids=a,b', '--strict']);
    expect(positional).toEqual(['2.0']);
    expect(options.get('ids')).toBe('a,b');
    expect(options.get('strict')).toBe('true');
  });
});

describe('pagesFromArgs', () => {
  it('takes the release, narrows to --ids and keeps the other options', () => {
    const all = pagesFromArgs(['1.0'], GOOD_FIXTURE);
    expect(all.release).toBe('1.0');
    expect(all.pages.length).toBeGreaterThan(1);
    const some = pagesFromArgs(['1.0', `--ids=${all.pages[0].id}`, '--strict'], GOOD_FIXTURE);
    expect(some.pages.map((page) => page.id)).toEqual([all.pages[0].id]);
    expect(some.options.has('strict')).toBe(true);
    expect(pagesFromArgs([], GOOD_FIXTURE).release).toBe('draft');
  });
});
