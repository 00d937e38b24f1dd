import { UNDER_BASE, at, expect, test } from './base-path.ts';
import { type Page } from '@playwright/test';
import type { VersionsManifest } from '../../src/lib/manifest.ts';
import { repositoryLibrary } from './site.ts';
import { axeFor } from './axe.ts';

async function manifest(request: import('@playwright/test').APIRequestContext): Promise<VersionsManifest> {
  const response = await request.get('/versions.json');
  expect(response.ok()).toBe(true);
  return response.json();
}

/** Every rule in light, the colour rules in dark (the page must be shown in that scheme: the markup is the same). */
async function expectNoAxeViolations(page: Page, label: string, colorScheme: 'light' | 'dark' = 'light') {
  if (UNDER_BASE) return;
  const results = await axeFor(page, colorScheme).analyze();
  expect(results.violations.map((v) => `${label}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Picks two releases in the picker with the keyboard alone and submits. */
async function pickWithKeyboard(page: Page, from: string, to: string) {
  await page.getByLabel('From', { exact: true }).focus();
  await page.getByLabel('From', { exact: true }).selectOption(from);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('To', { exact: true })).toBeFocused();
  await page.getByLabel('To', { exact: true }).selectOption(to);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Compare' })).toBeFocused();
  await page.keyboard.press('Enter');
}

test('the oldest against the latest release lists added, removed and changed pages, with inserted and deleted words', async ({ page, request }) => {
  // axe over a whole comparison is slow on a busy machine: allow it more than the default time.
  test.slow();
  const { releases } = await manifest(request);
  const latest = releases[0];
  const oldest = releases.at(-1)!;
  await page.goto('/compare/');
  await pickWithKeyboard(page, oldest.version, latest.version);
  await expect(page.locator('.compare-summary')).toBeVisible();
  const oldIds = new Set(oldest.pages.map((p) => p.id));
  const newIds = new Set(latest.pages.map((p) => p.id));
  const added = latest.pages.filter((p) => !oldIds.has(p.id));
  const removed = oldest.pages.filter((p) => !newIds.has(p.id));
  for (const p of added) await expect(page.locator(`section#${p.id} .page-diff__kinds`)).toContainText('Added');
  for (const p of removed) await expect(page.locator(`section#${p.id} .page-diff__kinds`)).toContainText('Removed');
  const edited = page.locator('section.page-diff').filter({ has: page.locator('.diff > .diff-row--changed') });
  expect(await edited.count()).toBeGreaterThan(0);
  const diff = edited.first().locator('.diff');
  await expect(diff.locator('ins, del').first()).toBeVisible();
  await expect(diff.locator('ins .visually-hidden, del .visually-hidden').first()).toHaveText(/^(inserted|deleted): $/);
  await expect(page.locator('.change-list__item')).toHaveCount(await page.locator('section.page-diff').count());
  await expectNoAxeViolations(page, `${oldest.version} to ${latest.version}`);
});

test('any pair is computed in the browser with a shareable address that lands on one page’s diff', async ({ page, baseURL }) => {
  // axe over a whole comparison is slow on a busy machine: allow it more than the default time.
  test.slow();
  const library = await repositoryLibrary();
  const oldest = library.releases[0];
  const to = library.draft ?? library.latest;
  test.skip(library.previous(to) === oldest, 'every pair of this content is prebuilt');
  const changes = library.changes(oldest, to);
  const target = changes.changes.at(-1)!;
  const outside: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).origin !== new URL(baseURL!).origin) outside.push(r.url());
  });
  await page.goto(`/compare/?from=${oldest.release}&to=${to.release}#${target.id}`);
  await expect(page.locator('[data-compare-status]')).toContainText('Showing the changes');
  await expect(page).toHaveURL(new RegExp(`/compare/\\?from=${oldest.release}&to=${to.release}#${target.id}$`));
  await expect(page.locator('section.page-diff')).toHaveCount(changes.changes.length);
  await expect(page.locator(`section#${target.id}`)).toBeInViewport();
  await expect(page.getByLabel('From', { exact: true })).toHaveValue(oldest.release);
  await expect(page.getByLabel('To', { exact: true })).toHaveValue(to.release);
  expect(outside).toEqual([]);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoAxeViolations(page, `computed ${oldest.release} to ${to.release} (${colorScheme})`, colorScheme);
  }
});

test('a prebuilt pair chosen in the picker goes to its static page', async ({ page }) => {
  const library = await repositoryLibrary();
  const latest = library.latest;
  const previous = library.previous(latest);
  test.skip(!previous, 'only one release');
  await page.goto('/compare/');
  await expect(page.getByText('needs JavaScript')).toBeHidden();
  await expect(page.getByLabel('From', { exact: true })).toHaveValue(previous!.release);
  await expect(page.getByLabel('To', { exact: true })).toHaveValue(latest.release);
  await page.getByRole('button', { name: 'Compare' }).click();
  await expect(page).toHaveURL(at(`/compare/${previous!.release}...${latest.release}/`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Changes from release ${previous!.release} to ${latest.release}`);
});

test('the draft against the latest release works, kept out of search engines', async ({ page }) => {
  // axe over a whole comparison is slow on a busy machine: allow it more than the default time.
  test.slow();
  const library = await repositoryLibrary();
  test.skip(!library.draft, 'no draft');
  const changes = library.changes(library.latest, library.draft!);
  await page.goto(`/compare/${library.latest.release}...draft/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Changes in the draft since release ${library.latest.release}`);
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
  await expect(page.locator('section.page-diff')).toHaveCount(changes.changes.length);
  await expect(page.locator('.compare-unchanged summary')).toHaveText(`${changes.unchanged.length} pages unchanged`);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoAxeViolations(page, `latest to draft (${colorScheme})`, colorScheme);
  }
});

test('prebuilt comparisons work without JavaScript, and the picker says what needs it', async ({ browser }) => {
  const library = await repositoryLibrary();
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(at('/compare/?from=1.0&to=2.0'));
  await expect(page.getByText('Comparing releases that are not next to each other needs JavaScript')).toBeVisible();
  const links = page.locator('#compare--prebuilt + ul a');
  await expect(links).toHaveCount(library.all.length - 1);
  await links.last().click();
  const first = library.releases[0];
  const second = library.all[1];
  await expect(page).toHaveURL(at(`/compare/${first.release}...${second.release}/`));
  const changes = library.changes(first, second);
  await expect(page.locator('section.page-diff')).toHaveCount(changes.changes.length);
  await expect(page.locator('.compare-summary')).toContainText(changes.changes[0].after?.title ?? changes.changes[0].before!.title);
  await context.close();
});

test('a page says what its release changed in it, and its link lands on that page’s diff', async ({ page }) => {
  const library = await repositoryLibrary();
  const latest = library.latest;
  const previous = library.previous(latest)!;
  const changes = library.changes(previous, latest);
  // A material edit: an editorial one says "Wording edited" instead (document control).
  const edited = changes.changes.find((change) => change.kinds.includes('edited') && latest.control?.changes[change.id]?.class !== 'editorial')!;
  await page.goto(edited.after!.url);
  const history = page.locator('.page-history');
  await expect(history).toContainText(`Changed in ${latest.release}`);
  await history.getByRole('link', { name: `See what changed since ${previous.release}` }).click();
  await expect(page).toHaveURL(at(`/compare/${previous.release}...${latest.release}/#${edited.id}`));
  const section = page.locator(`section#${edited.id}`);
  await expect(section).toBeInViewport();
  await expect(section.locator('.diff ins, .diff del').first()).toBeVisible();

  const unchanged = changes.unchanged[0];
  if (unchanged) {
    await page.goto(unchanged.url);
    await expect(page.locator('.page-history')).toContainText(/^Unchanged since \d+\.\d+\.$/);
  }
  const added = changes.changes.find((change) => change.kinds.includes('added'));
  if (added) {
    await page.goto(added.after!.url);
    await expect(page.locator('.page-history')).toContainText(`New in ${latest.release}`);
  }
});

test('the picker has no axe-core violations and is keyboard usable', async ({ page }) => {
  await page.goto('/compare/');
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoAxeViolations(page, `picker (${colorScheme})`, colorScheme);
  }
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('From', { exact: true })).toBeFocused();
});

test('1.0 against the draft credits each change to the release that made it, with counts that agree with the lists', async ({ page }) => {
  // Computed in the browser from two releases' pages: slow on a busy machine, so allow it more than the default time.
  test.slow();
  const library = await repositoryLibrary();
  const oldest = library.releases[0];
  const to = library.draft ?? library.latest;
  const releases = library.all.slice(0, library.all.indexOf(to) + 1);
  test.skip(releases.length < 3, 'every pair of this content is prebuilt');
  // A page added by a release in between, that the newer release still has.
  const middle = releases.slice(1, -1);
  const addedBetween = middle.flatMap((release) => release.pages.filter((p) => !library.previous(release)!.page(p.id) && !oldest.page(p.id) && to.page(p.id)).map((p) => ({ release, id: p.id })));
  test.skip(addedBetween.length === 0, 'no page was added between the oldest release and the newest');
  await page.goto(`/compare/?from=${oldest.release}&to=latest`);
  await expect(page.getByLabel('To', { exact: true })).toHaveValue(library.latest.release);
  await page.goto(`/compare/?from=${oldest.release}&to=${to.release}`);
  await expect(page.locator('[data-compare-status]')).toContainText('Showing the changes');
  // The last arrival of each page counts (a page may be removed and added again).
  const lastAdded = new Map(addedBetween.map(({ id, release }) => [id, release]));
  for (const [id, release] of lastAdded) {
    await expect(page.locator(`section#${id} .page-diff__kinds`)).toHaveText(new RegExp(`^Added in release ${release.release.replace('.', '\\.')}`));
  }
  const lead = await page.locator('.compare-lead').textContent();
  const [, added, changed, moved, removed] = /(\d+) pages? added, (\d+) changed, (\d+) moved, (\d+) removed/.exec(lead ?? '')!;
  await expect(page.locator('#compare--added + ul > li')).toHaveCount(Number(added));
  await expect(page.locator('#compare--changed + ul > li')).toHaveCount(Number(changed));
  await expect(page.locator('#compare--moved + ul > li')).toHaveCount(Number(moved));
  await expect(page.locator('#compare--removed + ul > li')).toHaveCount(Number(removed));
  await expect(page.locator('section.page-diff')).toHaveCount(Number(added) + Number(changed) + Number(moved) + Number(removed));
  await expect(page.locator('[data-compare-status]')).toContainText(`${added} ${added === '1' ? 'page' : 'pages'} added, ${changed} changed, ${moved} moved, ${removed} removed`);
});

test('a reversed pair is refused with a link the right way round', async ({ page }) => {
  // Computed in the browser from two releases' pages: slow on a busy machine, so allow it more than the default time.
  test.slow();
  const library = await repositoryLibrary();
  const oldest = library.releases[0];
  const to = library.draft ?? library.latest;
  await page.goto(`/compare/?from=${to.release}&to=${oldest.release}`);
  await expect(page.locator('[data-compare-status]')).toContainText(`is newer than release ${oldest.release}`);
  await expect(page.locator('section.page-diff')).toHaveCount(0);
  await page.getByRole('link', { name: /^Compare from release/ }).click();
  await expect(page).toHaveURL(new RegExp(`from=${oldest.release}&to=${to.release}`));
  await expect(page.locator('[data-compare-status]')).toContainText('Showing the changes');
});

test('an old page links to what changed since, and lists every release the page changed in', async ({ page }) => {
  // Computed in the browser from two releases' pages: slow on a busy machine, so allow it more than the default time.
  test.slow();
  const library = await repositoryLibrary();
  const oldest = library.releases[0];
  const latest = library.latest;
  test.skip(oldest === latest, 'one release');
  // A page of the oldest release that the latest release still has, changed.
  const changed = oldest.pages.find((p) => {
    const now = latest.page(p.id);
    return now && (now.bodyHash !== p.bodyHash || now.title !== p.title);
  });
  test.skip(!changed, 'no page of the oldest release changed');
  await page.goto(changed!.url);
  const since = page.getByRole('link', { name: `What changed in this page since release ${oldest.release}` });
  await since.click();
  // The comparison is computed once the page has loaded both releases' data: on a busy CI machine that took
  // longer than expect's default 5 s (seen once, December 2026).
  await expect(page.locator(`section#${changed!.id}`)).toBeInViewport({ timeout: 20_000 });
  await page.goto(changed!.url);
  const timeline = page.locator('.page-timeline__all');
  await timeline.locator('summary').click();
  const items = timeline.locator('li');
  await expect(items.first()).toContainText(`Release ${oldest.release}`);
  await expect(items.first()).toContainText('(this release)');
  await expect(timeline.locator('li[aria-current="true"]')).toHaveCount(1);
  const diff = items.nth(1).getByRole('link', { name: /^Show changes/ });
  const href = (await diff.getAttribute('href'))!;
  await diff.click();
  await expect(page).toHaveURL(href);
  await expect(page.locator(`section#${changed!.id}`)).toBeVisible({ timeout: 20_000 });
});

test('changes can be read side by side, the choice is remembered, and folded passages open in place', async ({ page }) => {
  // A whole comparison of two releases is a long page: each step took 1 to 6 s in CI, and the test passed
  // 90 s there twice (the steps and three scoped axe runs, each of which walks the whole page).
  test.setTimeout(180_000);
  const library = await repositoryLibrary();
  const latest = library.latest;
  const previous = library.previous(latest)!;
  await page.goto(`/compare/${previous.release}...${latest.release}/`);
  // A page with a passage edited within (not only added or removed).
  const section = page.locator('section.page-diff').filter({ has: page.locator('.diff > .diff-row--changed') }).first();
  const skip = section.locator('details.diff-skip').first();
  if (await skip.count()) {
    await skip.locator('summary').click();
    await expect(skip.locator('.diff-row--same').first()).toBeVisible();
  }
  const id = (await section.getAttribute('id'))!;
  await page.getByLabel('Side by side').check();
  const split = section.locator('.diff-split');
  await expect(split).toBeVisible();
  await expect(section.locator('.diff').first()).toBeHidden();
  // The older text keeps its deleted words only, the newer its inserted words only.
  const cells = split.locator('.diff-split__cell.diff-row--changed');
  await expect(cells.first()).toBeVisible();
  expect(await cells.nth(0).locator('ins').count()).toBe(0);
  expect(await cells.nth(1).locator('del').count()).toBe(0);
  await page.reload();
  await expect(page.getByLabel('Side by side')).toBeChecked();
  await expect(section.locator('.diff-split')).toBeVisible();
  // Every rule at each size in light (the two layouts differ), the colour rules in dark once (colours do not
  // depend on the size).
  const runs = [
    { size: { width: 1280, height: 800 }, colorScheme: 'light' as const },
    { size: { width: 390, height: 844 }, colorScheme: 'light' as const },
    { size: { width: 390, height: 844 }, colorScheme: 'dark' as const },
  ];
  for (const { size, colorScheme } of runs) {
    await page.setViewportSize(size);
    // axe runs at the root; under the base path only the sizes are walked (the phone's width is checked below).
    if (UNDER_BASE) continue;
    await page.emulateMedia({ colorScheme });
    // The new elements only: axe over a whole comparison is slow.
    const found = await axeFor(page, colorScheme).include('.compare-layout').include(`section#${id}`).analyze();
    expect(found.violations.map((v) => `side by side ${size.width} (${colorScheme}): ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.getByLabel('In one text').check();
  await expect(section.locator('.diff').first()).toBeVisible();
});

test('a table row is compared cell by cell', async ({ page }) => {
  const library = await repositoryLibrary();
  // The first prebuilt comparison with a table row edited within.
  let found = false;
  for (const to of library.all.slice(1)) {
    const from = library.previous(to)!;
    await page.goto(`/compare/${from.release}...${to.release}/`);
    const row = page.locator('.diff-cells.diff-row--changed').first();
    if (!(await row.count())) continue;
    found = true;
    await row.evaluate((element) => element.closest('details')?.setAttribute('open', ''));
    await expect(row.locator('.diff-cell').nth(1)).toBeVisible();
    expect(await row.locator('.diff-cell').count()).toBeGreaterThan(1);
    // Only some cells carry the change; the cells themselves are kept apart.
    expect(await row.locator('.diff-cell:has(ins, del)').count()).toBeGreaterThan(0);
    await expect(row).not.toContainText(' | ');
    break;
  }
  test.skip(!found, 'no table row was edited between two releases');
});
