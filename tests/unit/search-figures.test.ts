import { mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { VersionsManifest } from '../../src/lib/manifest.ts';
import { commonWord, searchFigures } from '../../scripts/lib/search-figures.ts';
import { writeSearchIndex } from '../../src/lib/search-index.ts';

describe('commonWord', () => {
  test('is the most frequent word of five letters or more in the page bodies', () => {
    const page = (body: string) =>
      `<html><body><nav>navigation navigation navigation</nav><article data-pagefind-body><p data-pagefind-ignore>released released released</p>${body}</article></body></html>`;
    expect(commonWord([page('<p>Peer support helps. Support early.</p>'), page('<h2>Support</h2><p>Trained peers listen.</p>')])).toBe('support');
  });

  test('breaks ties alphabetically, so the choice is stable', () => {
    expect(commonWord(['<p data-pagefind-body>zebra apple</p>'])).toBe('apple');
  });

  test('refuses pages without words to search', () => {
    expect(() => commonWord(['<p data-pagefind-body>a b c</p>'])).toThrow('found no words of five letters or more');
  });
});

/** A built site of two releases whose pages share the word "listening". */
async function builtSite(): Promise<string> {
  const dist = mkdtempSync(join(tmpdir(), 'playbook-figures-'));
  const releases = ['1.1', '1.0'];
  const manifest: VersionsManifest = {
    latest: '1.1',
    releases: releases.map((version) => ({
      version,
      date: '2024-01-10',
      title: version,
      url: `/v/${version}/`,
      digest: 'x',
      pages: Array.from({ length: 8 }, (_, i) => ({ id: `page-${i}`, title: `Page ${i}`, url: `/v/${version}/page-${i}/` })),
    })),
  };
  writeFileSync(join(dist, 'versions.json'), JSON.stringify(manifest));
  for (const release of manifest.releases) {
    for (const [i, page] of release.pages.entries()) {
      mkdirSync(join(dist, page.url), { recursive: true });
      const body = `<h1>${page.title}</h1><h2 id="listening">Listening</h2><p>Listening to colleague ${i} after an event, listening again.</p>`;
      writeFileSync(join(dist, page.url, 'index.html'), `<html lang="en"><body><article data-pagefind-body>${body}</article></body></html>`);
    }
  }
  await writeSearchIndex({ outDir: dist });
  return dist;
}

describe('searchFigures', () => {
  test('counts what one search downloads, by kind, and each bundle on disk', async () => {
    const dist = await builtSite();
    const figures = await searchFigures(dist);
    expect(figures.term).toBe('listening');
    expect(figures.release).toBe('1.1');
    expect(figures.results).toBe(8);
    expect(figures.shown).toBe(5);
    const { bytes } = figures;
    expect(bytes.runtime).toBe(statSync(join(dist, 'pagefind', 'pagefind.js')).size);
    expect(bytes.wasm).toBe(statSync(join(dist, 'pagefind', '1.1', 'wasm.en.pagefind')).size);
    expect(bytes.meta).toBeGreaterThan(0);
    expect(bytes.index).toBeGreaterThan(0);
    expect(bytes.fragments).toBeGreaterThan(0);
    expect(bytes.filters).toBe(0);
    expect(bytes.total).toBe(bytes.runtime + bytes.wasm + bytes.meta + bytes.index + bytes.filters + bytes.fragments);
    // pagefind.js, the entry, the metadata, the WebAssembly, one index chunk and a fragment per result shown.
    expect(figures.requests).toBe(5 + figures.shown);
    expect(figures.bundles.map((b) => b.release)).toEqual(['1.1', '1.0']);
    for (const bundle of figures.bundles) expect(bundle.bytes).toBeGreaterThan(bytes.wasm);
    expect(figures.totalBytes).toBeGreaterThan(figures.bundles[0].bytes + figures.bundles[1].bytes);
  });

  test('searches the release and word it is given', async () => {
    const dist = await builtSite();
    const figures = await searchFigures(dist, { release: '1.0', term: 'colleague' });
    expect([figures.release, figures.term, figures.results]).toEqual(['1.0', 'colleague', 8]);
    await expect(searchFigures(dist, { release: '9.9' })).rejects.toThrow('found no release "9.9"; expected one of 1.1, 1.0');
  });
});
