import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { unzipSync } from 'fflate';
import { DIST, repositoryLibrary } from './site.ts';

test('the offline copy of a release opens from disk, and its links lead from page to page', async ({ page }) => {
  // Makes the zip first (about a second, more on a busy machine).
  test.setTimeout(60_000);
  const library = await repositoryLibrary();
  const release = library.latest;
  // Made from the built site into a folder of its own (npm run offline), leaving dist as it is.
  const copies = mkdtempSync(join(tmpdir(), 'playbook-copies-'));
  const made = spawnSync(process.execPath, ['scripts/offline.ts', release.release, '--cache-only'], {
    encoding: 'utf8',
    env: { ...process.env, PLAYBOOK_COPIES_DIR: copies, PLAYBOOK_OUT_DIR: DIST },
  });
  expect(made.status, `${made.stdout}${made.stderr}`).toBe(0);
  const zip = readdirSync(copies).find((name) => name.endsWith('-offline.zip'))!;
  const disk = mkdtempSync(join(tmpdir(), 'playbook-unzipped-'));
  for (const [name, bytes] of Object.entries(unzipSync(readFileSync(join(copies, zip))))) {
    if (name.endsWith('/')) continue;
    mkdirSync(dirname(join(disk, name)), { recursive: true });
    writeFileSync(join(disk, name), bytes);
  }
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(pathToFileURL(join(disk, `peer-support-playbook-${release.release}`, 'index.html')).href);
  await page.getByRole('link', { name: `Open release ${release.release}` }).click();
  await expect(page.locator('h1')).toContainText(release.title);
  const first = release.pages[0];
  await page.locator(`main a[href="../${first.id}/index.html"], main a[href="${first.id}/index.html"]`).first().click();
  await expect(page.locator('h1')).toHaveText(first.title);
  expect(page.url()).toMatch(/^file:\/\/.*\/index\.html$/);
  // The site's stylesheet applies from disk: the skip link is moved off screen until focused.
  expect(await page.locator('.skip-link').evaluate((link) => getComputedStyle(link).position)).toBe('absolute');
  await page.locator('.prev-next__link--next').click();
  await expect(page.locator('h1')).toHaveText(release.pages[1].title);
  // Nothing is asked of the network.
  expect(requests.filter((url) => !url.startsWith('file:'))).toEqual([]);
});
