import { expect, test, type Locator, type Page } from '@playwright/test';
import { repositoryLibrary } from './site.ts';
import { axeAll } from './axe.ts';

// Search finds what readers type: kinds of result beyond pages, synonyms, spelling, numbers, and a
// search driven by keyboard and filters. The share of real queries answered is measured by
// `npm run search-quality`, not here.

const dialog = (page: Page) => page.getByRole('dialog', { name: /^Search/ });
const status = (scope: Locator) => scope.getByRole('status');
const titles = (scope: Locator) => scope.locator('.search-result__title a');

async function openAndSearch(page: Page, words: string): Promise<Locator> {
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const search = dialog(page);
  await search.getByLabel('Words to find').fill(words);
  await expect(status(search)).toContainText(`for “${words}”`);
  return search;
}

test('the glossary, onboarding tracks and release notes are results of their own kind', async ({ page }) => {
  const { latest } = await repositoryLibrary();
  // Words of a definition: only the glossary has them.
  const term = latest.glossary[0];
  await page.goto(latest.url);
  const search = await openAndSearch(page, term.definition.split(/\s+/).slice(0, 8).join(' ').replace(/[^\p{L}\p{N}\s-]/gu, ''));
  const glossary = search.locator('.search-result', { has: page.locator(`a[href^="/v/${latest.release}/glossary/"]`) });
  await expect(glossary.locator('.search-result__where')).toHaveText('Glossary');
  const track = latest.tracks[0];
  await search.getByLabel('Words to find').fill(track.title);
  await expect(search.locator('.search-result', { has: page.locator(`a[href^="/v/${latest.release}/onboarding/${track.id}/"]`) }).locator('.search-result__where')).toHaveText('Onboarding track');
  await search.getByLabel('Words to find').fill(`release notes ${latest.title}`);
  await expect(search.locator('.search-result', { has: page.locator(`a[href^="/changelog/${latest.release}/"]`) }).first()).toBeVisible();
});

test('synonyms and a misspelling find the playbook’s own words', async ({ page }) => {
  const { latest } = await repositoryLibrary();
  test.skip(!latest.page('litigation') || !latest.page('confidentiality'), 'the real playbook’s pages');
  await page.goto(latest.url);
  const search = await openAndSearch(page, 'lawsuit');
  await expect(titles(search).first()).toHaveAttribute('href', /\/litigation\//);
  await search.getByLabel('Words to find').fill('confidentallity');
  await expect(search.locator('.search-suggestion')).toContainText('Showing results for confidentiality');
  await expect(titles(search).first()).toHaveAttribute('href', /\/confidentiality\//);
  await search.getByRole('button', { name: 'confidentiality' }).click();
  await expect(search.getByLabel('Words to find')).toHaveValue('confidentiality');
  await expect(search.locator('.search-suggestion')).toBeHidden();
});

test('“tier 2” finds a Tier 2 section first, not citation numbers', async ({ page }) => {
  const { latest } = await repositoryLibrary();
  await page.goto(latest.url);
  // Pages marked Tier 2, or with a section headed "Tier 2".
  const tier2 = latest.pages.filter((p) => p.tier === 2 || p.headings.some((heading) => /\bTier 2\b/.test(heading.text))).map((p) => p.url);
  test.skip(tier2.length === 0, 'no Tier 2 page or section');
  const search = await openAndSearch(page, 'tier 2');
  const first = await titles(search).first().evaluate((link) => (link as HTMLAnchorElement).pathname);
  expect(tier2).toContain(first);
});

test('arrow keys move through the results and Enter opens one', async ({ page }) => {
  const { latest } = await repositoryLibrary();
  await page.goto(latest.url);
  const search = await openAndSearch(page, 'peer');
  const input = search.getByLabel('Words to find');
  await input.press('ArrowDown');
  const links = search.locator('.search-results a');
  await expect(links.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(links.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(input).toBeFocused();
  await input.press('ArrowDown');
  const href = (await links.nth(0).getAttribute('href'))!;
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(href);
});

test('a filter with no words lists the pages it matches', async ({ page }) => {
  const { latest } = await repositoryLibrary();
  const tiered = latest.pages.filter((p) => p.tier === 2);
  test.skip(tiered.length === 0, 'no page is marked Tier 2');
  await page.goto('/search/?tier=2');
  const onPage = page.locator('[data-search-page]');
  await expect(status(onPage)).toHaveText(`${tiered.length} ${tiered.length === 1 ? 'page matches' : 'pages match'} the filters in release ${latest.release}.`);
  await expect(titles(onPage).first()).toBeVisible();
  for (const href of await titles(onPage).evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).pathname))) {
    expect(tiered.map((p) => p.url)).toContain(href);
  }
});

test('all releases shows one page once, with its other releases under it', async ({ page }) => {
  const { latest, releases } = await repositoryLibrary();
  test.skip(releases.length < 2, 'one release');
  await page.goto(`/search/?q=peer&all=1`);
  const onPage = page.locator('[data-search-page]');
  await expect(status(onPage)).toContainText('in all releases');
  const keys = await titles(onPage).evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).pathname.replace(/^\/v\/[^/]+\//, '')));
  expect(new Set(keys).size).toBe(keys.length);
  const also = onPage.locator('.search-result__also:visible').first();
  await expect(also).toContainText(/Also in Release \d/);
  await expect(also.locator('a').first()).toHaveAttribute('href', /^\/v\/\d/);
  void latest;
});

test('searching from /latest/ lands on /latest/ addresses', async ({ page }) => {
  const { latest } = await repositoryLibrary();
  await page.goto(`/latest/${latest.pages[0].id}/`);
  const search = await openAndSearch(page, 'peer');
  const hrefs = await titles(search).evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).pathname));
  expect(hrefs.length).toBeGreaterThan(0);
  for (const href of hrefs) expect(href).toMatch(/^\/(latest|changelog)\//);
});

test('on a phone the filters fold behind one line, and open', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/search/?q=peer');
  const onPage = page.locator('[data-search-page]');
  const filters = onPage.locator('details.search-form__filters');
  await expect(filters).not.toHaveAttribute('open');
  await expect(onPage.getByLabel('Written for')).toBeHidden();
  await filters.locator('summary').click();
  await expect(onPage.getByLabel('Written for')).toBeVisible();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const found = await axeAll(page).analyze();
    expect(found.violations.map((v) => `${colorScheme}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
});
