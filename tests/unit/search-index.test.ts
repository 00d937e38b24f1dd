import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { VersionsManifest } from '../../src/lib/manifest.ts';
import { bundleKey, bundleSources, searchCatalogue, searchableHtml, sortBundleFiles, writeSearchIndex } from '../../src/lib/search-index.ts';

const manifest: VersionsManifest = {
  latest: '1.1',
  releases: [
    { version: '1.1', date: '2024-11-18', title: 'B', url: '/v/1.1/', digest: 'x', pages: [{ id: 'a', title: 'A', url: '/v/1.1/a/' }, { id: 'b', title: 'B', url: '/v/1.1/b/' }] },
    { version: '1.0', date: '2024-01-10', title: 'A', url: '/v/1.0/', digest: 'y', pages: [{ id: 'a', title: 'A', url: '/v/1.0/a/' }] },
  ],
  draft: { url: '/draft/', pages: [{ id: 'a', title: 'A', url: '/draft/a/' }] },
};

function builtPage(release: string, title: string, body: string, around = ''): string {
  return `<!doctype html><html lang="en" data-release="${release}"><head><title>${title}</title></head><body>
<header><nav><a href="/v/${release}/">Release ${release}</a> ${around}</nav></header>
<main><article class="page" data-release="${release}" data-pagefind-body data-pagefind-meta="part:Foundations, and more">
<h1>${title}</h1><div class="page-meta" data-pagefind-ignore><ul><li data-pagefind-filter="audience:peer-supporter">Peer supporter</li></ul></div>
<div class="prose">${body}</div></article></main></body></html>`;
}

describe('searchableHtml', () => {
  test('keeps only the element marked data-pagefind-body, with the page language', () => {
    const html = builtPage('1.1', 'Listening', '<h2 id="what-to-say">What to say</h2><p>Listen more.</p>', 'Switcher: 1.0 1.1');
    const slim = searchableHtml(html, 'v/1.1/a/index.html');
    expect(slim.startsWith('<!doctype html><html lang="en"><body><article class="page"')).toBe(true);
    expect(slim.endsWith('</article></body></html>')).toBe(true);
    expect(slim).toContain('<h2 id="what-to-say">What to say</h2>');
    expect(slim).not.toContain('Switcher');
  });

  test('is the same for a page whose surroundings changed (a new release in the switcher)', () => {
    const body = '<p>Same words.</p>';
    expect(searchableHtml(builtPage('1.0', 'A', body, '1.0'), 'f')).toBe(searchableHtml(builtPage('1.0', 'A', body, '1.0 1.1 2.0'), 'f'));
  });

  test('finds the end of the body past nested elements of the same name', () => {
    const html = '<html lang="en"><body><div data-pagefind-body><div><p>inner</p></div><p>after</p></div><div>outside</div></body></html>';
    expect(searchableHtml(html, 'f')).toBe('<!doctype html><html lang="en"><body><div data-pagefind-body><div><p>inner</p></div><p>after</p></div></body></html>');
  });

  test('leaves out what Pagefind skips entirely (ignore="all"), so page furniture cannot force a re-index', () => {
    const tools = (latest: string) => `<div class="tools" data-pagefind-ignore="all"><div><fieldset data-latest="${latest}"><input type="radio" data-pagefind-ignore="all"></fieldset></div></div>`;
    const slim = searchableHtml(builtPage('1.0', 'A', `${tools('/latest/a/')}<p>Words.</p><input data-pagefind-ignore="all"><p>More.</p>`), 'f');
    expect(slim).not.toContain('tools');
    expect(slim).not.toContain('<input');
    expect(searchableHtml(builtPage('1.0', 'A', '<p>W</p><script type="module" src="/_astro/x.1a.js"></script><style>p{}</style>'), 'f')).toBe(
      searchableHtml(builtPage('1.0', 'A', '<p>W</p><script type="module" src="/_astro/x.2b.js"></script>'), 'f'),
    );
    expect(slim).toContain('<div class="prose"><p>Words.</p><p>More.</p></div>');
    // Ignored for the index only (the default): kept, since the filters inside it still count.
    expect(slim).toContain('data-pagefind-filter="audience:peer-supporter"');
    expect(searchableHtml(builtPage('1.0', 'A', `${tools('/latest/a/')}<p>Words.</p>`), 'f')).toBe(searchableHtml(builtPage('1.0', 'A', `${tools('')}<p>Words.</p>`), 'f'));
  });

  test('reads script text as text: a tag inside a script does not move the end of the body', () => {
    const html = `<html lang="en"><body><div data-pagefind-body><p>a</p><script>const t = '<div>';</script></div><div>outside</div></body></html>`;
    expect(searchableHtml(html, 'f')).toBe('<!doctype html><html lang="en"><body><div data-pagefind-body><p>a</p></div></body></html>');
  });

  test('refuses a body element the page never closes, naming the file', () => {
    expect(() => searchableHtml('<html><body><article data-pagefind-body><p>x</p></body></html>', 'v/1.0/a/index.html')).toThrow(
      'v/1.0/a/index.html: found <article data-pagefind-body> without its closing </article>; expected well-formed HTML',
    );
  });

  test('refuses a page without a body element, naming the file', () => {
    expect(() => searchableHtml('<html><body><p>x</p></body></html>', 'v/1.0/a/index.html')).toThrow(
      "v/1.0/a/index.html: found no element with data-pagefind-body; expected the page's article to carry it",
    );
  });

  test('refuses a filter or meta outside the body, where it would be lost', () => {
    const html = builtPage('1.0', 'A', '<p>x</p>', '<span data-pagefind-filter="tier:2">Tier 2</span>');
    expect(() => searchableHtml(html, 'v/1.0/a/index.html')).toThrow(
      "v/1.0/a/index.html: found data-pagefind-filter outside the data-pagefind-body element; expected every search attribute inside the page's article",
    );
  });
});

describe('bundles', () => {
  test('one per release and one for the draft, of permanent addresses only', () => {
    expect(bundleSources(manifest)).toEqual([
      { release: '1.1', urls: ['/v/1.1/a/', '/v/1.1/b/'] },
      { release: '1.0', urls: ['/v/1.0/a/'] },
      { release: 'draft', urls: ['/draft/a/'] },
    ]);
    expect(searchCatalogue(manifest)).toEqual({ latest: '1.1', releases: ['1.1', '1.0'], draft: true });
  });

  test('a bundle key changes with what Pagefind reads, and with Pagefind', () => {
    const pages = [{ url: '/v/1.0/a/', html: '<p>x</p>' }];
    expect(bundleKey('1.6.0', pages)).toBe(bundleKey('1.6.0', [{ ...pages[0] }]));
    expect(bundleKey('1.6.0', pages)).not.toBe(bundleKey('1.6.0', [{ url: '/v/1.0/a/', html: '<p>y</p>' }]));
    expect(bundleKey('1.6.0', pages)).not.toBe(bundleKey('1.6.0', [{ url: '/v/1.0/b/', html: '<p>x</p>' }]));
    expect(bundleKey('1.6.0', pages)).not.toBe(bundleKey('1.7.0', pages));
  });

  test('sorts Pagefind output into the bundle, the shared runtime, and what is dropped', () => {
    const entry = JSON.stringify({ version: '1.6.0', languages: { en: { hash: 'en_1', wasm: 'en', page_count: 2 } } });
    const { bundle, runtime } = sortBundleFiles(
      [
        'pagefind-entry.json',
        'pagefind.en_1.pf_meta',
        'index/en_2.pf_index',
        'fragment/en_3.pf_fragment',
        'filter/en_4.pf_filter',
        'wasm.en.pagefind',
        'wasm.unknown.pagefind',
        'pagefind.js',
        'pagefind-highlight.js',
        'pagefind-worker.js',
        'pagefind-ui.js',
        'pagefind-component-ui.css',
      ],
      entry,
    );
    expect(bundle).toEqual(['pagefind-entry.json', 'pagefind.en_1.pf_meta', 'index/en_2.pf_index', 'fragment/en_3.pf_fragment', 'filter/en_4.pf_filter', 'wasm.en.pagefind']);
    expect(runtime).toEqual(['pagefind.js', 'pagefind-highlight.js']);
  });
});

/** A built site as far as the indexer cares: /versions.json and the pages it lists. */
function fakeSite(words: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'playbook-search-'));
  writeFileSync(join(dir, 'versions.json'), JSON.stringify(manifest));
  const urls = [...manifest.releases.flatMap((r) => r.pages.map((p) => p.url)), ...manifest.draft!.pages.map((p) => p.url)];
  for (const url of urls) {
    mkdirSync(join(dir, url), { recursive: true });
    const release = url.split('/')[1] === 'draft' ? 'draft' : url.split('/')[2];
    writeFileSync(join(dir, url, 'index.html'), builtPage(release, `Page ${url}`, `<h2 id="section">Section</h2><p>${words[url] ?? 'colleagues notice and check in'}</p>`));
  }
  return dir;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

describe('writeSearchIndex', () => {
  test('writes a bundle per release, the runtime once, and the catalogue', async () => {
    const out = fakeSite({});
    const report = await writeSearchIndex({ outDir: out });
    expect(report.bundles).toEqual([
      { release: '1.1', pages: 2, cached: false },
      { release: '1.0', pages: 1, cached: false },
      { release: 'draft', pages: 1, cached: false },
    ]);
    const files = filesUnder(join(out, 'pagefind'));
    expect(files.filter((f) => !f.includes('/'))).toEqual(['pagefind-highlight.js', 'pagefind.js', 'releases.json']);
    for (const release of ['1.1', '1.0', 'draft']) {
      expect(files).toContain(`${release}/pagefind-entry.json`);
      expect(files).toContain(`${release}/wasm.en.pagefind`);
      expect(files.filter((f) => f.startsWith(`${release}/fragment/`))).toHaveLength(release === '1.1' ? 2 : 1);
      expect(files.filter((f) => f.startsWith(`${release}/filter/`)).length).toBeGreaterThan(0);
    }
    expect(files.some((f) => f.includes('worker') || f.includes('-ui') || f.includes('staging'))).toBe(false);
    expect(JSON.parse(readFileSync(join(out, 'pagefind', 'releases.json'), 'utf8'))).toEqual({ latest: '1.1', releases: ['1.1', '1.0'], draft: true });
  });

  test('reuses the bundles of unchanged releases from the cache, and re-indexes only what changed', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'playbook-search-cache-'));
    const first = fakeSite({});
    await writeSearchIndex({ outDir: first, cacheDir });
    const again = fakeSite({});
    const second = await writeSearchIndex({ outDir: again, cacheDir });
    expect(second.bundles.map((b) => b.cached)).toEqual([true, true, true]);
    expect(filesUnder(join(again, 'pagefind'))).toEqual(filesUnder(join(first, 'pagefind')));

    const edited = fakeSite({ '/draft/a/': 'trained peers reach out within a day' });
    const third = await writeSearchIndex({ outDir: edited, cacheDir });
    expect(third.bundles.map((b) => [b.release, b.cached])).toEqual([
      ['1.1', true],
      ['1.0', true],
      ['draft', false],
    ]);
    // The cache keeps one bundle per release: the draft's old bundle is gone.
    expect(readdirSync(cacheDir).filter((name) => name.startsWith('bundle-draft-'))).toHaveLength(1);
    expect(existsSync(join(edited, 'pagefind', 'pagefind.js'))).toBe(true);
  });
});
