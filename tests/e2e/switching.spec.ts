import { expect, test } from '@playwright/test';
import { repositoryLibrary } from './site.ts';

/** A page of the latest release that an older release has too, with a section (h2) both share. */
async function sharedSection() {
  const library = await repositoryLibrary();
  const old = library.releases[0];
  for (const page of library.latest.pages) {
    const before = old.page(page.id);
    const heading = page.headings.find((h) => h.depth === 2 && before?.headings.some((o) => o.id === h.id));
    if (before && heading) return { library, old, page, before, anchor: heading.id };
  }
  throw new Error('no section shared by the oldest and the latest release');
}

test('the switcher keeps the section being read, and closes on Escape and when the focus leaves it', async ({ page }) => {
  const { old, page: current, before, anchor } = await sharedSection();
  await page.goto(`${current.url}#${anchor}`);
  const summary = page.locator('.version-switcher summary');
  const panel = page.locator('.version-switcher__panel');
  await summary.click();
  await expect(panel).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(summary).toBeFocused();

  await summary.click();
  await panel.getByRole('link').last().focus();
  await page.keyboard.press('Tab');
  await expect(panel).toBeHidden();

  await summary.click();
  await panel.locator(`a[data-release="${old.release}"]`).click();
  await expect(page).toHaveURL(`${before.url}#${anchor}`);
});

test('the old-release banner keeps the section, and explains a page removed since like /latest/ does', async ({ page }) => {
  const { library, before, anchor } = await sharedSection();
  await page.goto(`${before.url}#${anchor}`);
  await page.locator('.banner--old').getByRole('link', { name: `Read this in ${library.latest.release}` }).click();
  await expect(page).toHaveURL(`/latest/${before.id}/#${anchor}`);

  const removed = library.removed.find((entry) => !entry.successor) ?? library.removed[0];
  test.skip(!removed, 'no page was removed');
  await page.goto(removed.lastPage.url);
  const banner = page.locator('.banner--old');
  if (removed.successor) {
    await banner.getByRole('link', { name: `Read the page that replaced it in ${library.latest.release}` }).click();
    await expect(page).toHaveURL(`/latest/${removed.successor.id}/`);
  } else {
    await expect(banner).toContainText(`This page is not in ${library.latest.release}`);
    await banner.getByRole('link', { name: 'see what became of it' }).click();
    await expect(page).toHaveURL(`/latest/${removed.id}/`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(removed.lastPage.title);
  }
});

test('the notice of a removed page keeps the section when following it to its successor or last release', async ({ page }) => {
  const library = await repositoryLibrary();
  const removed = library.removed.find((entry) => entry.successor && entry.lastPage.headings.some((h) => h.depth === 2));
  test.skip(!removed, 'no removed page with a successor and sections');
  const anchor = removed!.lastPage.headings.find((h) => h.depth === 2)!.id;
  await page.goto(`/latest/${removed!.id}/#${anchor}`);
  await page.locator(`a[data-successor="${removed!.successor!.id}"]`).click();
  await expect(page).toHaveURL(`/latest/${removed!.successor!.id}/#${anchor}`);
  await page.goto(`/latest/${removed!.id}/#${anchor}`);
  await page.locator('a[data-last-release]').click();
  await expect(page).toHaveURL(`${removed!.lastPage.url}#${anchor}`);
});
