import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent, type LoadedContent } from '../../src/lib/content.ts';
import { compareHashes, hashFolder } from '../../src/lib/digest.ts';
import { writeSyntheticPlaybook, type SyntheticOptions } from '../../scripts/lib/synthetic.ts';

async function generate(options: SyntheticOptions): Promise<{ root: string; content: string }> {
  const root = mkdtempSync(join(tmpdir(), 'synthetic-'));
  const content = join(root, 'content');
  await writeSyntheticPlaybook(content, options);
  return { root, content };
}

describe('the synthetic playbook', () => {
  it('is byte-identical for the same seed, and different for another', async () => {
    const first = await hashFolder((await generate({ releases: 3, pagesPerRelease: 20, seed: 7 })).content);
    const again = await hashFolder((await generate({ releases: 3, pagesPerRelease: 20, seed: 7 })).content);
    const other = await hashFolder((await generate({ releases: 3, pagesPerRelease: 20, seed: 8 })).content);
    expect(Object.keys(first).length).toBeGreaterThan(60);
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
  });

  it('refuses to write into a folder that has files, so it can never overwrite a real playbook', async () => {
    const { content } = await generate({ releases: 1, pagesPerRelease: 20 });
    await expect(writeSyntheticPlaybook(content, { releases: 1 })).rejects.toThrow('found files in the folder; expected an empty or missing folder');
  });

  describe('of three releases and a draft', async () => {
    const { root, content } = await generate({ releases: 3 });
    const loaded: LoadedContent = await loadContent({ root });

    it('loads with no problems: schemas, links, tracks, supersedes, digests and locks all hold', () => {
      expect(loaded.problems).toEqual([]);
      expect(loaded.releases.map((release) => release.release)).toEqual(['1.0', '1.1', '1.2', 'draft']);
      expect(loaded.releases.map((release) => release.pages.length)).toEqual([100, 100, 100, 100]);
    });

    it('gives every page four h2 sections, a table, a bullet list, a link to another page and about 600 words', () => {
      for (const release of loaded.releases) {
        for (const page of release.pages) {
          const { html, headings, links, words } = page.compiled;
          expect(headings.filter((heading) => heading.depth === 2)).toHaveLength(4);
          expect(html.match(/<table>/g)).toHaveLength(1);
          expect(html.match(/<ul>/g)).toHaveLength(1);
          expect(links).toHaveLength(1);
          expect(links[0].page).not.toBe(page.frontmatter.id);
          expect(words).toBeGreaterThanOrEqual(510);
          expect(words).toBeLessThanOrEqual(690);
        }
      }
    });

    it('edits a paragraph in 4 pages, adds 1 page and removes 1 in each release after the first', async () => {
      const folders = ['versions/1.0', 'versions/1.1', 'versions/1.2', 'draft'].map((folder) => join(content, folder));
      for (let index = 1; index < folders.length; index++) {
        const changes = compareHashes(await hashFolder(folders[index - 1]), await hashFolder(folders[index]));
        expect(changes.changed.filter((file) => file.startsWith('pages/'))).toHaveLength(4);
        expect(changes.added).toHaveLength(1);
        expect(changes.removed).toHaveLength(1);
        for (const file of changes.changed) {
          const before = readFileSync(join(folders[index - 1], file), 'utf8').split('\n\n');
          const after = readFileSync(join(folders[index], file), 'utf8').split('\n\n');
          // The frontmatter (its review date) and exactly one paragraph differ.
          expect(after).toHaveLength(before.length);
          expect(after.filter((block, at) => block !== before[at])).toHaveLength(2);
        }
      }
    });

    it('has 100 distinct page bodies, then 5 new ones a release (4 edited, 1 added): what the build compiles', () => {
      const bodies = new Set(loaded.releases.flatMap((release) => release.pages.map((page) => page.bodyHash)));
      expect(bodies.size).toBe(100 + 3 * 5);
    });
  });
});
