import { expect, test, type Page } from '@playwright/test';
import type { VersionsManifest } from '../../src/lib/manifest.ts';
import { repositoryLibrary } from './site.ts';
import { axeFor } from './axe.ts';

async function manifest(request: import('@playwright/test').APIRequestContext): Promise<VersionsManifest> {
  const response = await request.get('/versions.json');
  expect(response.ok()).toBe(true);
  return response.json();
}

async function expectNoAxeViolations(page: Page, url: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto(url);
    const results = await axeFor(page, colorScheme).analyze();
    expect(results.violations.map((v) => `${url} (${colorScheme}): ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
}

test('the changelog lists every release, newest first, with its figures, and the header links to it', async ({ page, request }) => {
  const { releases } = await manifest(request);
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Changelog' }).click();
  await expect(page).toHaveURL(/\/changelog\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Changelog');
  const entries = page.locator('.changelog__release');
  await expect(entries).toHaveCount(releases.length);
  expect(await entries.evaluateAll((items) => items.map((item) => item.getAttribute('data-release')))).toEqual(releases.map((release) => release.version));
  for (const [index, release] of releases.entries()) {
    const entry = entries.nth(index);
    await expect(entry.getByRole('heading', { level: 2 })).toContainText(`Release ${release.version}: ${release.title}`);
    await expect(entry.locator('.release-date time').first()).toHaveAttribute('datetime', release.date);
    if (index < releases.length - 1) await expect(entry.locator('.changelog__totals')).toContainText(/\d+ pages? added, \d+ changed, \d+ moved, \d+ removed/);
  }
});

test('a release’s entry shows its written notes and the computed changes, each linking to the page and its diff', async ({ page, request }) => {
  const { releases } = await manifest(request);
  const [latest, previous] = releases;
  await page.goto('/changelog/');
  await page.getByRole('link', { name: `Release ${latest.version}: ${latest.title}` }).click();
  await expect(page).toHaveURL(`/changelog/${latest.version}/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Release ${latest.version}: ${latest.title}`);
  await expect(page.locator('.release-notes')).not.toBeEmpty();
  await expect(page.getByRole('heading', { name: `Pages changed since ${previous.version}` })).toBeVisible();
  const items = page.locator('.change-list__item');
  expect(await items.count()).toBeGreaterThan(0);
  const first = items.first();
  const pageHref = await first.locator('.change-list__page').getAttribute('href');
  expect([...latest.pages, ...previous.pages].map((p) => p.url)).toContain(pageHref);
  const id = (await first.locator('.change-list__diff').getAttribute('href'))!.split('#')[1];
  await first.locator('.change-list__diff').click();
  await expect(page).toHaveURL(`/compare/${previous.version}...${latest.version}/#${id}`);
  await expect(page.locator(`section#${id}`)).toBeInViewport();
});

test('the first release’s entry lists its pages', async ({ page, request }) => {
  const { releases } = await manifest(request);
  const first = releases.at(-1)!;
  await page.goto(`/changelog/${first.version}/`);
  await expect(page.getByRole('heading', { name: 'Pages of the first release' })).toBeVisible();
  await expect(page.locator('.changelog-changes li')).toHaveCount(first.pages.length);
});

test('an Atom feed lists every release and every notice, and every page points to it', async ({ page, request }) => {
  const { releases, notices = [] } = await manifest(request);
  await page.goto('/versions/');
  const href = await page.locator('head link[rel="alternate"][type="application/atom+xml"]').getAttribute('href');
  expect(href).toBe('/changelog/feed.xml');
  const response = await request.get(href!);
  expect(response.ok()).toBe(true);
  expect(response.headers()['content-type']).toContain('xml');
  const xml = await response.text();
  expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
  expect([...xml.matchAll(/<entry>/g)]).toHaveLength(releases.length + notices.length);
  for (const release of releases) expect(xml).toContain(`/changelog/${release.version}/`);
  expect(xml).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
});

test('the review page groups pages by owner, computes overdue on the reader\'s day, and links each page to its changes since review', async ({ page }) => {
  const library = await repositoryLibrary();
  // The reader's day, not the build's, decides: far ahead, every page is overdue; long ago, none is.
  await page.clock.setFixedTime(new Date('2040-06-01T12:00:00'));
  await page.goto('/review/');
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
  if (library.draft) {
    const changes = library.changes(library.newest, library.draft);
    await expect(page.locator('.change-list__item')).toHaveCount(changes.changes.length);
    const diff = page.locator('.change-list__diff').first();
    if (changes.changes.length) await expect(diff).toHaveAttribute('href', `/compare/${library.newest.release}...draft/#${changes.changes[0].id}`);
  }
  const pages = (library.draft ?? library.newest).pages;
  const rows = page.locator('.review-table tbody tr[data-page-id]');
  await expect(rows).toHaveCount(pages.length);
  await expect(page.locator('main')).not.toContainText('PLAYBOOK_');
  await expect(page.locator('main')).not.toContainText(/as of/i);
  const table = await rows.evaluateAll((trs) =>
    trs.map((tr) => ({
      owner: tr.closest('[data-owner]')!.getAttribute('data-owner'),
      reviewed: tr.querySelector('td:nth-of-type(1) time')!.getAttribute('datetime')!,
      status: tr.querySelector('td:nth-of-type(3)')!.textContent!.trim(),
      since: tr.querySelector('td:nth-of-type(4)')!.textContent!.trim(),
    })),
  );
  for (const row of table) expect(row.status).toMatch(/^Overdue by \d+ days$/);
  await expect(page.locator('[data-review-summary]')).toHaveText(`Today, ${pages.length} pages are overdue.`);
  // Oldest review first within each owner's group.
  for (const owner of new Set(table.map((row) => row.owner))) {
    const dates = table.filter((row) => row.owner === owner).map((row) => row.reviewed);
    expect(dates).toEqual([...dates].sort());
  }
  expect(table.every((row) => /^(Changes since \d+\.\d+|No change since \d+\.\d+|New page, not yet released)/.test(row.since))).toBe(true);

  await page.clock.setFixedTime(new Date('2000-01-01T12:00:00'));
  await page.reload();
  await expect(page.locator('[data-review-summary]')).toHaveText('Today, no page is overdue.');
  await expect(page.locator('.review-status--overdue')).toHaveCount(0);
});

const PAGES: Record<string, (releases: VersionsManifest['releases']) => string> = {
  changelog: () => '/changelog/',
  'latest release entry': (releases) => `/changelog/${releases[0].version}/`,
  'first release entry': (releases) => `/changelog/${releases.at(-1)!.version}/`,
  'review page': () => '/review/',
};

for (const [name, urlOf] of Object.entries(PAGES)) {
  test(`${name}: no axe-core violations, light and dark`, async ({ page, request }) => {
    await expectNoAxeViolations(page, urlOf((await manifest(request)).releases));
  });
}
