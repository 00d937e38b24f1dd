import { expect, test } from '@playwright/test';
import { repositoryLibrary } from './site.ts';

test('an address without its trailing slash is redirected to it, query kept', async ({ request }) => {
  const library = await repositoryLibrary();
  for (const [asked, expected] of [
    [`/v/${library.latest.release}`, `/v/${library.latest.release}/`],
    [`/latest/${library.latest.pages[0].id}`, `/latest/${library.latest.pages[0].id}/`],
    ['/search?q=tier', '/search/?q=tier'],
  ]) {
    const response = await request.get(asked, { maxRedirects: 0 });
    expect(response.status(), asked).toBe(301);
    expect(new URL(response.headers().location, 'http://x').pathname + new URL(response.headers().location, 'http://x').search).toBe(expected);
  }
});

test('an unknown address answers 404 with the site’s own page, with or without a trailing slash', async ({ request }) => {
  for (const asked of ['/no-such-page/', '/no-such-page', '/v/2.0/no-such-page', '/v/9.9/x/index.html']) {
    const response = await request.get(asked, { maxRedirects: 0 });
    expect(response.status(), asked).toBe(404);
    expect(await response.text(), asked).toContain('<h1>Page not found</h1>');
  }
});

test('the 404 page suggests the right page for addresses readers guess', async ({ page }) => {
  const library = await repositoryLibrary();
  const latest = library.latest.release;
  const older = library.releases[0].release;
  const track = library.latest.tracks[0];
  const cases: Array<[string, string]> = [
    ['/glossary/', '/latest/glossary/'],
    ['/print/', `/v/${latest}/print/`],
    ['/latest/print/', `/v/${latest}/print/`],
    [`/compare/${older}...${latest}/`, `/compare/?from=${older}&to=${latest}`],
    [`/onboarding/${track.id}s/`, `/onboarding/${track.id}/`],
  ];
  for (const [asked, suggested] of cases) {
    const response = await page.goto(asked);
    expect(response?.status(), asked).toBe(404);
    await expect(page.locator('#suggestions a').first(), asked).toHaveAttribute('href', suggested);
  }
  // The compare picker opens with both releases filled in.
  await page.goto(`/compare/${older}...${latest}/`);
  await page.locator('#suggestions a').first().click();
  await expect(page).toHaveURL(`/compare/?from=${older}&to=${latest}`);
});
