import { expect, test } from '@playwright/test';
import { repositoryLibrary } from './site.ts';

/** The data page of the newest release that has data: the latest, or else the draft. */
async function dataPage(): Promise<string | undefined> {
  const library = await repositoryLibrary();
  if (library.latest.data.length) return '/latest/data/';
  return library.draft?.data.length ? '/draft/data/' : undefined;
}

test('a program manager reads the data: the published total, a worked example marked illustrative, hidden counts in words, and the CSV of exactly what is shown', async ({ page }) => {
  const url = await dataPage();
  test.skip(!url, 'no release has data');
  await page.goto(url!);
  await expect(page.getByRole('heading', { level: 1, name: 'Program data' })).toBeVisible();

  // The published figure, alone, with what it cannot show.
  const published = page.locator('.data-set--published');
  await expect(published.getByRole('cell', { name: '139' })).toBeVisible();
  await expect(published.getByRole('heading', { name: 'What this shows, and what it cannot show' })).toBeVisible();
  await expect(published).not.toContainText('fewer than');

  // The worked example is flagged as invented, and its small counts are hidden.
  const example = page.locator('.data-set--illustrative');
  await expect(example.getByText('Illustrative: invented numbers.')).toBeVisible();
  await expect(example.getByRole('cell', { name: 'fewer than 5' }).first()).toBeVisible();

  // Each chart is an image with a name and a description, and is followed by its table.
  const chart = example.getByRole('img').first();
  await expect(chart).toHaveAccessibleName(/Illustrative: encounters by quarter/);
  await expect(chart).toHaveAccessibleDescription(/table that follows it/);

  // The CSV is the table as shown, cell for cell.
  const figure = example.locator('figure', { has: page.getByRole('columnheader', { name: 'Area' }) });
  const shown = await figure.locator('tr').evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent!.trim()).join(',')));
  const href = await figure.getByRole('link', { name: 'Download this table (CSV)' }).getAttribute('href');
  const response = await page.request.get(href!);
  expect(response.headers()['content-type']).toMatch(/^text\/csv/);
  expect((await response.text()).trim().split('\r\n')).toEqual(shown);
});
