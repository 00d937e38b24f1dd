import { at, atPattern, expect, test } from './base-path.ts';
import type { VersionsManifest } from '../../src/lib/manifest.ts';

async function manifest(request: import('@playwright/test').APIRequestContext): Promise<VersionsManifest> {
  const response = await request.get('/versions.json');
  expect(response.ok()).toBe(true);
  return response.json();
}

test('the front page is the latest release', async ({ page, request }) => {
  const { latest, releases } = await manifest(request);
  await page.goto('/');
  await expect(page.locator('.release-label')).toContainText(`Release ${latest}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(releases[0].title);
  await expect(page.locator('.banner')).toHaveCount(0);
});

test('every release front page and page renders with the right release label', async ({ page, request }) => {
  const { releases } = await manifest(request);
  for (const release of releases) {
    await page.goto(release.url);
    await expect(page.locator('.release-label')).toContainText(`Release ${release.version}`);
    const first = release.pages[0];
    await page.goto(first.url);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(first.title);
    await expect(page.locator('article.page')).toHaveAttribute('data-release', release.version);
    await expect(page.getByRole('navigation', { name: `Pages of release ${release.version}` }).locator('[aria-current="page"]')).toHaveText(first.title);
  }
});

test('a page has breadcrumbs, badges, a review date, a table of contents and previous/next', async ({ page, request }) => {
  const { releases } = await manifest(request);
  const second = releases[0].pages[1];
  await page.goto(second.url);
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText(second.title);
  await expect(page.getByRole('list', { name: 'Written for' }).locator('li').first()).toBeVisible();
  await expect(page.locator('.page-meta time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}$/);
  const toc = page.getByRole('navigation', { name: 'On this page' });
  const firstEntry = toc.getByRole('link').first();
  const anchor = (await firstEntry.getAttribute('href'))!;
  await expect(page.locator(anchor)).toHaveCount(1);
  const prevNext = page.getByRole('navigation', { name: 'Previous and next page' });
  await expect(prevNext.getByRole('link', { name: new RegExp(releases[0].pages[0].title) })).toHaveAttribute('href', releases[0].pages[0].url);
  await expect(prevNext.getByRole('link', { name: new RegExp(releases[0].pages[2].title) })).toHaveAttribute('href', releases[0].pages[2].url);
});

test('an old release says so and links the same page in the latest release', async ({ page, request }) => {
  const { latest, releases } = await manifest(request);
  const old = releases.at(-1)!;
  const shared = old.pages.find((p) => releases[0].pages.some((q) => q.id === p.id))!;
  await page.goto(shared.url);
  const banner = page.locator('.banner--old');
  await expect(banner).toContainText(`You are reading ${old.version}; the latest is ${latest}`);
  await banner.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/latest/${shared.id}/$`));
  await expect(page.locator('article.page')).toHaveAttribute('data-release', latest);
});

test('the draft is marked unreleased and kept out of search engines', async ({ page, request }) => {
  const { draft } = await manifest(request);
  test.skip(!draft, 'no draft');
  await page.goto(draft!.pages[0].url);
  await expect(page.locator('.banner--draft')).toContainText('Unreleased draft');
  await expect(page.locator('.release-label')).toHaveText(/Unreleased draft/);
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
});

test('reading a page needs no JavaScript', async ({ browser, request }) => {
  const { releases } = await manifest(request);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(releases[0].pages[0].url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(releases[0].pages[0].title);
  await page.locator('.version-switcher summary').click();
  await expect(page.locator('.version-switcher__panel')).toBeVisible();
  await context.close();
});

test('the 404 page offers the pages of the latest release', async ({ page }) => {
  const response = await page.goto('/latest/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page.locator('#not-found-pages a').first()).toHaveAttribute('href', atPattern('/latest/'));
});

test('the 404 page offers the latest version of a mistyped or outdated address', async ({ page, request }) => {
  const { releases } = await manifest(request);
  const target = releases[0].pages.find((p) => p.id.length > 8)!;
  const typo = `${target.id.slice(0, 3)}${target.id[4]}${target.id[3]}${target.id.slice(5)}`;
  await page.goto(`/v/${releases[0].version}/${typo}/`);
  const suggestions = page.locator('#suggestions');
  await expect(suggestions).toContainText('Did you mean');
  await expect(suggestions.getByRole('link', { name: target.title })).toHaveAttribute('href', at(`/latest/${target.id}/`));
  await page.goto(`/v/0.1/${target.id}/`);
  await expect(suggestions).toContainText('This page in the latest release');
  await suggestions.getByRole('link', { name: target.title }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(target.title);
});
