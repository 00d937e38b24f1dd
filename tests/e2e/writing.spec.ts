import { expect, test } from '@playwright/test';
import { compareUrl } from '../../src/lib/addresses.ts';
import { repositoryLibrary } from './site.ts';

test("an author sees what the draft changes, with each page's file and a link to its diff", async ({ page }) => {
  const library = await repositoryLibrary();
  test.skip(!library.draft, 'this content has no draft');
  const changes = library.changes(library.latest, library.draft!);
  await page.goto('/draft/writing/');
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
  const rows = page.locator('.writing-table tbody tr');
  await expect(rows).toHaveCount(changes.changes.length);
  test.skip(changes.changes.length === 0, 'the draft changes nothing yet');
  const first = changes.changes[0];
  const row = page.locator(`tr[data-page-id="${first.id}"]`);
  if (first.after) await expect(row).toContainText(first.after.file);
  await row.getByRole('link', { name: /Show changes/ }).click();
  await expect(page).toHaveURL(new RegExp(`${compareUrl(library.latest.release, 'draft').replace(/\./g, '\\.')}#${first.id}$`));
  await expect(page.locator(`section#${first.id}`)).toBeVisible();
});

test('the component gallery shows every component, its figure loaded and its download served', async ({ page }) => {
  const library = await repositoryLibrary();
  test.skip(!library.draft, 'this content has no draft');
  await page.goto('/draft/writing/components/');
  await expect(page.locator('.writing-example__result').getByText('Illustrative scenario', { exact: true })).toBeVisible();
  const figure = page.getByRole('img', { name: /Three boxes side by side/ });
  await expect(figure).toBeVisible();
  expect(await figure.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  const link = page.getByRole('link', { name: 'De-identified encounter log (CSV)' });
  const response = await page.request.get(await link.evaluate((a: HTMLAnchorElement) => a.href));
  expect(response.status()).toBe(200);
  await expect(page.locator('.download-meta')).toContainText('encounter-log.csv · CSV spreadsheet ·');
  // Details opens from the keyboard, with no JavaScript of its own.
  const result = page.locator('.writing-example__result');
  await result.locator('summary', { hasText: 'Why we ask directly about suicide' }).focus();
  await page.keyboard.press('Enter');
  await expect(result.getByText('Asking directly does not put the idea')).toBeVisible();
});
