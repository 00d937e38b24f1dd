import { UNDER_BASE, at, atPattern, expect, test } from './base-path.ts';
import { type Locator, type Page } from '@playwright/test';
import { repositoryLibrary } from './site.ts';
import { axeAll } from './axe.ts';

/** The search a reader of the special situations page in the latest release would make. */
const TERM = 'marital';

const dialog = (page: Page) => page.getByRole('dialog', { name: /^Search/ });
const results = (scope: Locator) => scope.locator('.search-result');
const status = (scope: Locator) => scope.getByRole('status');

async function openAndSearch(page: Page, words: string): Promise<Locator> {
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const search = dialog(page);
  await expect(search).toBeVisible();
  await search.getByLabel('Words to find').fill(words);
  await expect(status(search)).toContainText(`for “${words}”`);
  return search;
}

/** How many results the live region announces (the list shows the first ten). */
async function announced(scope: Locator): Promise<number> {
  const text = (await status(scope).textContent()) ?? '';
  const count = /^(\d+|No) results?/.exec(text)?.[1];
  if (!count) throw new Error(`the status says "${text}"; expected a count of results`);
  return count === 'No' ? 0 : Number(count);
}

/** The addresses of every result and section link shown. */
async function resultUrls(scope: Locator): Promise<string[]> {
  return scope.locator('.search-results a').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).pathname));
}

async function expectNoAxeViolations(page: Page, label: string) {
  if (UNDER_BASE) return;
  const found = await axeAll(page).analyze();
  expect(found.violations.map((v) => `${label}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test(`searching “${TERM}” from a page of the latest release finds its section, and only pages of that release`, async ({ page }) => {
  const { latest } = await repositoryLibrary();
  await page.goto(latest.pages[0].url);
  const search = await openAndSearch(page, TERM);
  await expect(status(search)).toHaveText(new RegExp(`^\\d+ results? for “${TERM}” in release ${latest.release}\\.$`));
  const section = search.locator('.search-result__sections a', { hasText: new RegExp(TERM, 'i') }).first();
  await expect(section).toBeVisible();
  await expect(section).toHaveAttribute('href', atPattern(`/v/${latest.release}/[a-z0-9-]+/\\?pagefind-highlight=${TERM}#[a-z0-9-]+$`));
  const urls = await resultUrls(search);
  expect(urls.length).toBeGreaterThan(0);
  // Its pages, glossary and tracks, and its release notes.
  for (const url of urls) expect(url).toMatch(atPattern(`/(v|changelog)/${latest.release.replace('.', '\\.')}/`));
});

test('a result lands on its section with the searched word highlighted', async ({ page }) => {
  const { latest } = await repositoryLibrary();
  await page.goto(latest.url);
  const search = await openAndSearch(page, TERM);
  const section = search.locator('.search-result__sections a', { hasText: new RegExp(TERM, 'i') }).first();
  const href = (await section.getAttribute('href'))!;
  await section.click();
  await expect(page).toHaveURL(href);
  const anchor = decodeURIComponent(href.split('#')[1]);
  await expect(page.locator(`[id="${anchor}"]`)).toBeInViewport();
  const marks = page.locator('article mark.pagefind-highlight');
  await expect(marks.first()).toBeVisible();
  await expect(marks.first()).toHaveText(new RegExp(TERM, 'i'));
  // Dark text on yellow: readable in both colour schemes.
  await expectNoAxeViolations(page, 'highlighted page');
});

test('searching from an old release returns that release’s pages', async ({ page }) => {
  const { releases } = await repositoryLibrary();
  const oldest = releases[0];
  await page.goto(oldest.pages[1].url);
  const search = await openAndSearch(page, 'peer');
  await expect(status(search)).toContainText(`in release ${oldest.release}`);
  const urls = await resultUrls(search);
  expect(urls.length).toBeGreaterThan(0);
  for (const url of urls) expect(url.startsWith(oldest.url) || url === at(`/changelog/${oldest.release}/`)).toBe(true);
});

test('the audience filter narrows the results to pages written for that reader', async ({ page }) => {
  const library = await repositoryLibrary();
  const { latest } = library;
  await page.goto(latest.pages[0].url);
  const search = await openAndSearch(page, 'peer');
  const unfiltered = await announced(search);
  // A role that some pages are written for and some are not.
  const roles = [...new Set(latest.pages.flatMap((p) => p.audience))];
  const role = roles.find((r) => latest.pages.some((p) => !p.audience.includes(r)))!;
  await search.getByLabel('Written for').selectOption(role);
  await expect.poll(() => announced(search)).toBeLessThan(unfiltered);
  const ids = new Set((await resultUrls(search)).map((url) => url.split('/').at(-2)!));
  for (const id of ids) expect(latest.page(id)?.audience).toContain(role);
});

test('all releases merges every release’s bundle and labels each result with its release', async ({ page }) => {
  const { latest, releases } = await repositoryLibrary();
  await page.goto(latest.pages[0].url);
  const search = await openAndSearch(page, 'peer');
  await search.getByLabel('Search all releases').check();
  await expect(status(search)).toContainText('in all releases');
  // Each result names its release; the same page in other releases is listed under it ("Also in").
  const labels = [...(await search.locator('.search-result__where').allTextContents()), ...(await search.locator('.search-result__also a').allTextContents())];
  const named = new Set(labels.map((label) => /Release (\S+)$/.exec(label)?.[1]));
  expect(named.size).toBeGreaterThan(1);
  for (const release of named) expect(releases.map((r) => r.release)).toContain(release);
  expect((await resultUrls(search)).some((url) => url.startsWith(at('/draft/')))).toBe(false);
});

test('the draft is not in the default search, and is searched from the draft', async ({ page }) => {
  const { latest, draft, releases } = await repositoryLibrary();
  test.skip(!draft, 'no draft');
  // A word of a draft page's title (the draft's newest page, where there is one).
  const released = new Set(releases.flatMap((r) => r.pages.map((p) => p.id)));
  const page0 = draft!.pages.find((p) => !released.has(p.id)) ?? draft!.pages[0];
  const word = page0.title.split(/\s+/).sort((a, b) => b.length - a.length)[0].replace(/[^\p{L}\p{N}-]/gu, '');
  await page.goto(`/search/?q=${encodeURIComponent(word)}`);
  const onPage = page.locator('[data-search-page]');
  await expect(status(onPage)).toContainText(`in release ${latest.release}`);
  expect((await resultUrls(onPage)).some((url) => url.startsWith(at('/draft/')))).toBe(false);
  await page.goto(`/search/?q=${encodeURIComponent(word)}&all=1`);
  await expect(status(onPage)).toContainText('in all releases');
  expect((await resultUrls(onPage)).some((url) => url.startsWith(at('/draft/')))).toBe(false);

  await page.goto(page0.url);
  const search = await openAndSearch(page, word);
  await expect(status(search)).toContainText('in the draft');
  await expect(search.locator('.search-result__title a', { hasText: page0.title })).toHaveAttribute('href', atPattern(`/draft/${page0.id}/`));
});

test('/search/?q=tier renders results, and the form keeps the address shareable', async ({ page }) => {
  const { latest, releases } = await repositoryLibrary();
  await page.goto('/search/?q=tier');
  const onPage = page.locator('[data-search-page]');
  await expect(page.getByText('Search needs JavaScript')).toBeHidden();
  await expect(status(onPage)).toHaveText(new RegExp(`^\\d+ results? for “tier” in release ${latest.release}\\.$`));
  expect(await results(onPage).count()).toBeGreaterThan(0);
  await expect(onPage.getByLabel('Words to find')).toHaveValue('tier');
  // The first results load at once; more on request, with focus on the first added.
  const total = await announced(onPage);
  const shown = await results(onPage).count();
  if (total > shown) {
    await onPage.getByRole('button', { name: 'Show more results' }).click();
    await expect(results(onPage)).toHaveCount(Math.min(total, shown * 2));
    await expect(results(onPage).nth(shown).locator('a').first()).toBeFocused();
  }
  const oldest = releases[0];
  await onPage.getByLabel('Release', { exact: true }).selectOption(oldest.release);
  await expect(status(onPage)).toContainText(`in release ${oldest.release}`);
  await expect(page).toHaveURL(at(`/search/?q=tier&release=${oldest.release}`));
  for (const url of await resultUrls(onPage)) expect(url.startsWith(oldest.url)).toBe(true);
  await expectNoAxeViolations(page, 'search page with results');
});

test('without JavaScript the search page says why and links every release', async ({ browser }) => {
  const { newestFirst } = await repositoryLibrary();
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(at('/search/?q=tier'));
  await expect(page.getByText('Search needs JavaScript')).toBeVisible();
  for (const release of newestFirst) await expect(page.locator(`a[href="${release.url}"]`).first()).toBeVisible();
  // The header link leads here rather than to a dead button.
  await page.goto(newestFirst[0].pages[0].url);
  await expect(page.getByRole('link', { name: 'Search', exact: true })).toHaveAttribute('href', at(`/search/?release=${newestFirst[0].release}`));
  await context.close();
});

test('a content page loads no search code until search is opened, and search stays on this origin', async ({ page, baseURL }) => {
  const { latest } = await repositoryLibrary();
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  const cspErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') cspErrors.push(message.text());
  });
  await page.goto(latest.pages[1].url, { waitUntil: 'networkidle' });
  const searchCode = (url: string) => /\/pagefind\/|search-(ui|dialog|highlight|page)|\/search\.[\w-]+\.js/.test(url);
  expect(requests.filter(searchCode)).toEqual([]);

  await page.keyboard.press('/');
  const search = dialog(page);
  await expect(search).toBeVisible();
  await expect(search.getByLabel('Words to find')).toBeFocused();
  await search.getByLabel('Words to find').fill('peer');
  await expect(status(search)).toContainText('for “peer”');
  const loaded = requests.filter(searchCode).map((url) => new URL(url).pathname);
  expect(loaded).toContain(at('/pagefind/pagefind.js'));
  expect(loaded).toContain(at(`/pagefind/${latest.release}/pagefind-entry.json`));
  expect(loaded.filter((path) => path.startsWith(at('/pagefind/')) && !path.startsWith(at(`/pagefind/${latest.release}/`)) && path.split('/').length > at('/pagefind/').split('/').length)).toEqual([]);
  expect(requests.filter((url) => new URL(url).origin !== new URL(baseURL!).origin)).toEqual([]);
  expect(cspErrors).toEqual([]);
});

test('the dialog works by keyboard: Ctrl+K opens it, Escape closes it, focus returns to the button', async ({ page }) => {
  const { latest } = await repositoryLibrary();
  await page.goto(latest.pages[1].url);
  const button = page.getByRole('button', { name: 'Search', exact: true });
  await expect(button).toHaveAttribute('aria-haspopup', 'dialog');
  await page.keyboard.press('Control+k');
  const search = dialog(page);
  await expect(search).toBeVisible();
  await expect(search.getByLabel('Words to find')).toBeFocused();
  await page.keyboard.type(TERM);
  await expect(results(search).first()).toBeVisible();
  await expectNoAxeViolations(page, 'open search dialog');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page, 'open search dialog, dark');
  // Escape closes straight from the filled field.
  await page.keyboard.press('Escape');
  await expect(search).toBeHidden();
  await expect(button).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(search).toBeVisible();
  await expect(search.getByLabel('Words to find')).toHaveValue(TERM);
  await expect(search.getByLabel('Words to find')).toBeFocused();
  // Tab reaches the filters (open on a wide screen), then the results; the down arrow goes straight to them.
  await page.keyboard.press('Tab');
  await expect(search.getByText('Filters', { exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(search.getByLabel('Search all releases')).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(results(search).first().getByRole('link').first()).toBeFocused();
  await search.getByLabel('Words to find').press('ArrowDown');
  await expect(results(search).first().getByRole('link').first()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(search).toBeHidden();
  await expect(button).toBeFocused();
  await page.keyboard.press('Enter');
  await search.getByRole('button', { name: 'Close' }).click();
  await expect(button).toBeFocused();
});
