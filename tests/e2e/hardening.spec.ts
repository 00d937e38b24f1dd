import { expect, test } from '@playwright/test';
import { xmlError } from '../xml.ts';

// Hostile addresses a reader can be sent (issue 19.7): the page must still do its job, with no error shown or logged.

test('a comparison link ending in a malformed fragment (#%) still shows the comparison, with no error', async ({ page }) => {
  await page.goto('/compare/?from=1.0&to=2.0#%');
  const status = page.locator('[data-compare-status]');
  await expect(status).toContainText('Showing the changes from');
  await expect(status).not.toContainText('could not be loaded');
});

test('searching every release (all=1) logs no Pagefind warning', async ({ page }) => {
  const logged: string[] = [];
  page.on('console', (message) => logged.push(message.text()));
  await page.goto('/search/?q=peer+support&all=1');
  await expect(page.locator('[data-search-page]').getByRole('status')).toContainText('in all releases');
  expect(logged.filter((text) => /Unknown Pagefind option/.test(text))).toEqual([]);
});

test('the release feed is well-formed XML', async ({ request }) => {
  const response = await request.get('/changelog/feed.xml');
  expect(response.ok()).toBe(true);
  const xml = await response.text();
  expect(xmlError(xml)).toBeUndefined();
  expect(xmlError(xml.replace('</title>', '\u0000</title>'))).toMatch(/disallowed character/);
});
