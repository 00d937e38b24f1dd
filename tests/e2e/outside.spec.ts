import { expect, test } from '@playwright/test';
import { repositoryLibrary } from './site.ts';

// What search engines and chat previews read from the built site (here built without a site
// address, so addresses are paths; tests/unit/outside.test.ts builds with one).

test('every kind of page names its canonical address, itself, and copies inside releases and the draft are noindex', async ({ request }) => {
  const library = await repositoryLibrary();
  const oldest = library.releases[0];
  const id = library.latest.pages[0].id;
  const cases: Array<[path: string, noindex: boolean]> = [
    ['/', false],
    [`/latest/${id}/`, false],
    [`/v/${oldest.release}/`, false],
    [`/v/${library.latest.release}/`, false],
    [`/v/${oldest.release}/${oldest.pages[0].id}/`, true],
    [`/v/${library.latest.release}/${id}/`, true],
    [`/v/${library.latest.release}/print/`, true],
    [`/draft/${library.draft!.pages[0].id}/`, true],
    ['/changelog/', false],
    ['/search/', false],
  ];
  for (const [path, noindex] of cases) {
    const html = await (await request.get(path)).text();
    expect(html.match(/<link rel="canonical" href="([^"]*)">/g), path).toEqual([`<link rel="canonical" href="${path}">`]);
    expect(html.includes('<meta name="robots" content="noindex">'), path).toBe(noindex);
  }
  const missing = await request.get('/no-such-page/');
  expect(missing.status()).toBe(404);
  expect(await missing.text()).not.toContain('rel="canonical"');
});

test('a pasted link previews with the page’s title, summary, release and the site’s name', async ({ page }) => {
  const library = await repositoryLibrary();
  const first = library.latest.pages[0];
  await page.goto(`/latest/${first.id}/`);
  const meta = (selector: string) => page.locator(selector).getAttribute('content');
  expect(await meta('meta[property="og:site_name"]')).toBe('Peer Support Playbook');
  expect(await meta('meta[property="og:title"]')).toBe(`${first.title} (Release ${library.latest.release}, ${library.latest.date})`);
  expect(await meta('meta[property="og:description"]')).toBe(first.summary);
  expect(await meta('meta[name="twitter:card"]')).toBe('summary');
  expect(await meta('meta[name="twitter:data1"]')).toBe(`Release ${library.latest.release}, ${library.latest.date}`);
});

test('robots.txt and sitemap.xml answer; without a site address the sitemap says what to set', async ({ request }) => {
  const robots = await request.get('/robots.txt');
  expect(robots.status()).toBe(200);
  expect(await robots.text()).toContain('User-agent: *');
  const sitemap = await request.get('/sitemap.xml');
  expect(sitemap.status()).toBe(200);
  expect(await sitemap.text()).toContain('Set site in playbook.config.ts (or PLAYBOOK_SITE)');
});
