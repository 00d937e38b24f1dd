import { expect, test } from '@playwright/test';
import { NOT_IN_RELEASE, notInReleaseId } from '../../src/lib/addresses.ts';
import { repositoryLibrary } from './site.ts';

test('an old page shows the banner and the switcher keeps the reader on the same page in the latest release', async ({ page }) => {
  const library = await repositoryLibrary();
  const oldest = library.releases[0];
  const shared = oldest.pages.find((p) => library.latest.page(p.id))!;
  await page.goto(shared.url);
  await expect(page.locator('.banner--old')).toContainText(`You are reading ${oldest.release}; the latest is ${library.latest.release}`);
  await page.locator('.version-switcher summary').click();
  await page.locator(`.version-switcher a[data-release="${library.latest.release}"]`).click();
  await expect(page).toHaveURL(library.latest.page(shared.id)!.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(library.latest.page(shared.id)!.title);
  await expect(page.locator('.banner--old')).toHaveCount(0);
});

test('the switcher is usable with the keyboard alone', async ({ page }) => {
  const library = await repositoryLibrary();
  const target = library.latest.pages[1];
  await page.goto(target.url);
  const summary = page.locator('.version-switcher summary');
  await summary.focus();
  await page.keyboard.press('Enter');
  const older = page.locator(`.version-switcher a[data-release="${library.releases[0].release}"]`);
  await expect(older).toBeVisible();
  while (!(await older.evaluate((element) => element === document.activeElement))) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.locator('article.page')).toHaveAttribute('data-release', library.releases[0].release);
});

test('a page removed between releases switches to the page that superseded it', async ({ page }) => {
  const library = await repositoryLibrary();
  const removed = library.removed.find((entry) => entry.successor);
  test.skip(!removed, 'no superseded page in this content');
  await page.goto(removed!.lastPage.url);
  await page.locator('.version-switcher summary').click();
  const link = page.locator(`.version-switcher a[data-release="${library.latest.release}"]`);
  await expect(link).toContainText('replaced by a newer page');
  await link.click();
  await expect(page).toHaveURL(removed!.successor!.url);
});

test('a page with no counterpart in a release switches to that release front page with a notice', async ({ page }) => {
  const library = await repositoryLibrary();
  const added = library.latest.pages.find((p) => library.resolve(p.id, library.releases[0]).kind === 'missing')!;
  await page.goto(added.url);
  const notice = page.locator(`#${NOT_IN_RELEASE}`);
  await page.locator('.version-switcher summary').click();
  await page.locator(`.version-switcher a[data-release="${library.releases[0].release}"]`).click();
  // The notice that says the page is not part of the release: a frozen front page names no page of a later
  // release (issue 16: it would change with every release), so it is the notice for any page.
  await expect(page).toHaveURL(`${library.releases[0].url}#${NOT_IN_RELEASE}`);
  await expect(notice).toBeVisible();
  await expect(notice).toContainText(`The page you were reading is not part of release ${library.releases[0].release}`);
  await page.goto(library.releases[0].url);
  await expect(notice).toBeHidden();
  // Links made before, to a notice naming the page, get the same notice.
  await page.goto(`${library.releases[0].url}#${notInReleaseId(added.id)}`);
  await expect(notice).toBeVisible();
});

test('/latest/ of a removed page says where it went, in which release it was removed, and the last release that had it', async ({ page }) => {
  const library = await repositoryLibrary();
  for (const removed of library.removed) {
    await page.goto(`/latest/${removed.id}/`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(removed.lastPage.title);
    await expect(page.locator('main')).toContainText(`removed in release ${removed.removedIn.release}`);
    await expect(page.locator(`a[data-last-release="${removed.lastRelease.release}"]`)).toHaveAttribute('href', removed.lastPage.url);
    if (removed.successor) {
      await page.locator(`a[data-successor="${removed.successor.id}"]`).click();
      await expect(page).toHaveURL(`/latest/${removed.successor.id}/`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(removed.successor.title);
    }
  }
});

test("a renamed heading's old anchor still lands on it", async ({ page }) => {
  const library = await repositoryLibrary();
  const renamed = library.latest.pages.find((p) => Object.keys(p.anchors).length > 0);
  test.skip(!renamed, 'no renamed heading in this content');
  const [old, current] = Object.entries(renamed!.anchors)[0];
  await page.goto(`${renamed!.url}#${old}`);
  const heading = page.locator(`#${current}`);
  await expect(heading).toBeInViewport();
  await expect(page.locator(`#${current} #${old}`)).toHaveCount(1);
  // And in an older release where the heading still had its old name, the anchor is the heading itself.
  for (const release of library.releases) {
    const before = release.page(renamed!.id);
    if (before?.headings.some((h) => h.id === old)) {
      await page.goto(`${before.url}#${old}`);
      await expect(page.locator(`h2#${old}, h3#${old}`)).toBeInViewport();
    }
  }
});
