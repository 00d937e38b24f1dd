import { spawnBuildSync } from './build-lock.ts';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileInRepository, isNoindex, readingOf, robotsTxt, sitemapEntries, sitemapXml, suggestChangeUrl, withAbsoluteUrls } from '../../src/lib/outside.ts';
import { xmlError } from '../xml.ts';
import { copyFixture, GOOD_FIXTURE, libraryOf } from './helpers.ts';

describe('what search engines are told', () => {
  it('indexes the latest pages and release fronts, not the copies inside releases nor the draft', () => {
    const cases: Array<[string, string, ReturnType<typeof readingOf>, boolean]> = [
      ['/latest/tiers/', '/', 'latest', false],
      ['/v/2.0/', '/', 'release-front', false],
      ['/v/2.0/tiers/', '/', 'release', true],
      ['/v/2.0/print/', '/', 'release', true],
      ['/draft/tiers/', '/', 'draft', true],
      ['/draft/', '/', 'draft', true],
      ['/changelog/', '/', 'other', false],
      ['/peer-support/v/1.0/tiers/', '/peer-support/', 'release', true],
      ['/peer-support/latest/tiers/', '/peer-support/', 'latest', false],
    ];
    for (const [path, base, reading, noindex] of cases) {
      expect(readingOf(path, base), path).toBe(reading);
      expect(isNoindex(readingOf(path, base)), path).toBe(noindex);
    }
  });

  it('lists the front page, the latest pages, the release fronts and the changelog in the sitemap, absolute', async () => {
    const library = await libraryOf(GOOD_FIXTURE);
    const xml = sitemapXml(sitemapEntries(library), 'https://playbook.example.org');
    expect(xmlError(xml)).toBeUndefined();
    const locs = [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((match) => match[1]);
    expect(locs).toContain('https://playbook.example.org/');
    for (const page of library.latest.pages) expect(locs).toContain(`https://playbook.example.org/latest/${page.id}/`);
    for (const release of library.releases) {
      expect(locs).toContain(`https://playbook.example.org/v/${release.release}/`);
      expect(locs).toContain(`https://playbook.example.org/changelog/${release.release}/`);
    }
    expect(locs.some((loc) => loc.includes('/draft/'))).toBe(false);
    expect(new Set(locs).size).toBe(locs.length);
  });

  it('writes an empty sitemap without a site address, and robots.txt names the sitemap only with one', () => {
    expect(sitemapXml([{ path: '/' }], undefined)).not.toContain('<url>');
    expect(robotsTxt('/', undefined)).not.toContain('Sitemap');
    expect(robotsTxt('/peer-support/', 'https://example.org')).toContain('Sitemap: https://example.org/peer-support/sitemap.xml');
    expect(robotsTxt('/peer-support/', undefined)).toContain('Disallow: /peer-support/pagefind/');
  });
});

describe('addresses for tools outside the site', () => {
  it('makes every url field absolute, and leaves the rest', () => {
    const manifest = { latest: '2.0', releases: [{ url: '/v/2.0/', title: '/not-a-url', pages: [{ id: 'a', url: '/v/2.0/a/' }] }] };
    expect(withAbsoluteUrls(manifest, 'https://playbook.example.org')).toEqual({
      latest: '2.0',
      releases: [{ url: 'https://playbook.example.org/v/2.0/', title: '/not-a-url', pages: [{ id: 'a', url: 'https://playbook.example.org/v/2.0/a/' }] }],
    });
    expect(withAbsoluteUrls(manifest, undefined)).toBe(manifest);
  });

  it('links a page’s file in the repository for editing', () => {
    expect(suggestChangeUrl('https://github.com/example/playbook/', 'main', 'content/draft/pages/a b.mdx')).toBe('https://github.com/example/playbook/edit/main/content/draft/pages/a%20b.mdx');
    expect(fileInRepository('content/draft/pages/a.mdx', 'content')).toBe('content/draft/pages/a.mdx');
    expect(fileInRepository('../../tmp/x/content/draft/pages/a.mdx', resolve('../../tmp/x/content'))).toBe('content/draft/pages/a.mdx');
  });
});

describe('a build with the site’s address and repository set', () => {
  it('gives absolute canonical links, previews, versions.json and sitemap, and suggest-change links on the draft and latest only', () => {
    const root = copyFixture();
    const outDir = join(root, 'dist');
    const project = join(import.meta.dirname, '..', '..');
    const build = spawnBuildSync(process.execPath, [join(project, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], {
      cwd: project,
      encoding: 'utf8',
      env: {
        ...process.env,
        PLAYBOOK_CONTENT: join(root, 'content'),
        PLAYBOOK_OUT_DIR: outDir,
        PLAYBOOK_CACHE_DIR: join(root, 'cache'),
        PLAYBOOK_SITE: 'https://playbook.example.org',
        PLAYBOOK_REPOSITORY: 'https://github.com/example/playbook',
        // No Chromium and no copies made: the site still builds, and its log says why there are no PDFs.
        PLAYBOOK_CHROMIUM: join(root, 'no-chromium'),
        PLAYBOOK_COPIES_DIR: join(root, 'copies'),
        ASTRO_TELEMETRY_DISABLED: '1',
      },
    });
    expect(build.status, `${build.stdout}${build.stderr}`).toBe(0);
    expect(build.stdout).toContain(`Chromium is not at ${join(root, 'no-chromium')} (PLAYBOOK_CHROMIUM), so no PDF can be made here: the site is built without them.`);
    expect(build.stdout).toMatch(/not made yet, so not linked: 1\.1 PDF, 1\.1 offline copy/);
    const read = (path: string) => readFileSync(join(outDir, path), 'utf8');
    const versions = JSON.parse(read('versions.json')) as { releases: Array<{ version: string; url: string; pages: Array<{ id: string; url: string }> }> };
    for (const release of versions.releases) {
      expect(release.url).toBe(`https://playbook.example.org/v/${release.version}/`);
      for (const page of release.pages) expect(page.url).toBe(`https://playbook.example.org/v/${release.version}/${page.id}/`);
    }
    const [oldest] = versions.releases.slice(-1);
    const [newest] = versions.releases;
    const id = newest.pages[0].id;
    const latest = read(`latest/${id}/index.html`);
    expect(latest).toContain(`<link rel="canonical" href="https://playbook.example.org/latest/${id}/">`);
    expect(latest).toContain(`<meta property="og:url" content="https://playbook.example.org/latest/${id}/">`);
    expect(latest).not.toContain('name="robots"');
    expect(latest).toMatch(/href="https:\/\/github\.com\/example\/playbook\/edit\/main\/content\/draft\/pages\/[a-z-]+\.mdx"/);
    const frozen = read(`v/${oldest.version}/${oldest.pages[0].id}/index.html`);
    expect(frozen).toContain(`<link rel="canonical" href="https://playbook.example.org/v/${oldest.version}/${oldest.pages[0].id}/">`);
    expect(frozen).toContain('<meta name="robots" content="noindex">');
    expect(frozen).not.toContain('github.com/example');
    const draftPage = read(`draft/${id}/index.html`);
    expect(draftPage).toContain('<meta name="robots" content="noindex">');
    expect(draftPage).toContain('Suggest a change to this page');
    expect(read('sitemap.xml')).toContain(`<loc>https://playbook.example.org/latest/${id}/</loc>`);
    expect(read('robots.txt')).toContain('Sitemap: https://playbook.example.org/sitemap.xml');
    expect(read('changelog/feed.xml')).toContain('<link rel="self" href="https://playbook.example.org/changelog/feed.xml"/>');
  }, 120_000);
});
