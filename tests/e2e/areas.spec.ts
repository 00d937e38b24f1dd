import { expect, test } from '@playwright/test';

// The writer's gallery shows every component, <Local> included: the one page of the built site
// that is sure to use it, whatever the content workers' pages do.
const PAGE_WITH_LOCAL = '/draft/writing/components/';

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a <Local> reads as a neutral phrase that links to the areas, and each area lists its details', async ({ page }) => {
    await page.goto(PAGE_WITH_LOCAL);
    const local = page.locator('[data-local="activation-number"]').first();
    await expect(local).toHaveText("your area's activation number");
    await local.getByRole('link').click();
    await expect(page).toHaveURL(/\/areas\/$/);
    await expect(page.locator('.areas__list tbody tr')).toHaveCount(13);
    // The picker needs JavaScript, so it is not offered.
    await expect(page.getByRole('button', { name: /my area/ })).toHaveCount(0);
    await page.getByRole('link', { name: 'Area 3 (illustrative)' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Area 3 (illustrative)');
    await expect(page.getByText('555-0103')).toBeVisible();
    await expect(page.getByText('Illustrative details.')).toBeVisible();
  });
});

test('a reader picks their area once: every <Local> shows its value, marked local, after a reload, until they forget it', async ({ page }) => {
  await page.goto(PAGE_WITH_LOCAL);
  const local = page.locator('[data-local="activation-number"]').first();
  await expect(local).toHaveText("your area's activation number");

  await page.goto('/areas/area-03/');
  await page.getByRole('button', { name: 'Make Area 3 (illustrative) my area' }).click();
  await expect(page.getByRole('status')).toHaveText(/Your area: Area 3 \(illustrative\)/);
  await expect(page.getByRole('button', { name: 'Make Area 3 (illustrative) my area' })).toHaveAttribute('aria-pressed', 'true');

  await page.goto(PAGE_WITH_LOCAL);
  await expect(local).toHaveText('555-0103 (local: Area 3 (illustrative))');
  await expect(page.locator('[data-local="crisis-line"]').first()).toContainText('988');
  await expect(local.getByRole('link', { name: 'local: Area 3 (illustrative)' })).toHaveAttribute('href', '/areas/area-03/');

  await page.reload();
  await expect(local).toHaveText('555-0103 (local: Area 3 (illustrative))');

  // Another area, from the directory; then forget it.
  await page.goto('/areas/');
  await page.getByRole('button', { name: 'Make Area 11 (illustrative) my area' }).click();
  await page.goto(PAGE_WITH_LOCAL);
  await expect(local).toHaveText('555-0111 (local: Area 11 (illustrative))');
  await page.goto('/areas/');
  await page.getByRole('button', { name: 'Forget my area' }).click();
  await expect(page.getByRole('status')).toHaveText(/No area chosen/);
  await page.goto(PAGE_WITH_LOCAL);
  await expect(local).toHaveText("your area's activation number");
});

test('/review/ lists every area with the day its details fall due, overdue decided on the reader\'s day', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2099-01-01T12:00:00'));
  await page.goto('/review/');
  const rows = page.locator('tr[data-area-id]');
  await expect(rows).toHaveCount(13);
  await expect(page.locator('[data-review-areas-summary]')).toHaveText('Today, 13 areas are overdue.');
  await expect(rows.first().locator('[data-review-status]')).toContainText(/overdue/i);
  // The pages' own summary counts pages only.
  await expect(page.locator('[data-review-summary]')).not.toContainText('area');

  await page.clock.setFixedTime(new Date('2000-01-01T12:00:00'));
  await page.reload();
  await expect(page.locator('[data-review-areas-summary]')).toHaveText('Today, no area is overdue.');
});
