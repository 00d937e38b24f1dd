import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { DIST, repositoryLibrary } from './site.ts';

test('the trainer tools link to the print views of the page’s part, its tracks and the release, and a part prints alone', async ({ page }) => {
  const library = await repositoryLibrary();
  const release = library.latest;
  const track = release.tracks[0];
  const stepPage = release.page(track.steps[0].page)!;
  const part = release.parts.find((candidate) => candidate.id === stepPage.part)!;
  await page.goto(`/latest/${stepPage.id}/`);
  await page.locator('.trainer-tools > summary').click();
  const tools = page.locator('.trainer-tools .print-links');
  await expect(tools.getByRole('link', { name: 'Print this part' })).toHaveAttribute('href', `${release.url}print/part/${part.id}/`);
  await expect(tools.getByRole('link', { name: 'Print this track' }).first()).toHaveAttribute('href', new RegExp(`^${release.url.replace(/\./g, '\\.')}print/track/`));
  await expect(tools.getByRole('link', { name: `Print every page of release ${release.release}` })).toHaveAttribute('href', `${release.url}print/`);
  await tools.getByRole('link', { name: 'Print this part' }).click();
  await expect(page.locator('h1')).toHaveText(`${part.title} (release ${release.release})`);
  await expect(page.locator('article.print-page')).toHaveCount(part.pages.length);
  // A link to a page outside the part leaves the document for the page on the site.
  const outside = release.pages.filter((candidate) => candidate.part !== part.id).map((candidate) => candidate.id);
  for (const href of await page.locator('.print-page .prose a[href^="#"]').evaluateAll((links) => links.map((link) => link.getAttribute('href')!))) {
    expect(outside.some((id) => href === `#${id}` || href.startsWith(`#${id}--`)), href).toBe(false);
  }
});

test('a track prints its pages in the track’s order', async ({ page }) => {
  const library = await repositoryLibrary();
  const release = library.latest;
  const track = release.tracks[0];
  await page.goto(`${release.url}print/track/${track.id}/`);
  const order = [...new Set(track.steps.map((step) => step.page))];
  expect(await page.locator('article.print-page').evaluateAll((articles) => articles.map((article) => article.getAttribute('data-page-id')))).toEqual(order);
});

test('a release’s PDF and offline copy are linked from its front page and print view exactly when they were made', async ({ page, request }) => {
  const library = await repositoryLibrary();
  for (const release of library.releases) {
    const pdf = `${release.url}copies/peer-support-playbook-${release.release}.pdf`;
    const made = existsSync(join(DIST, 'v', release.release, 'copies', `peer-support-playbook-${release.release}.pdf`));
    for (const path of [release.url, `${release.url}print/`]) {
      await page.goto(path);
      await expect(page.locator(`a[href="${pdf}"]`), `${path} (PDF ${made ? '' : 'not '}made)`).toHaveCount(made ? 1 : 0);
    }
    if (!made) continue;
    const response = await request.get(pdf);
    expect(response.status()).toBe(200);
    const bytes = (await response.body()).toString('latin1');
    expect(bytes.startsWith('%PDF-')).toBe(true);
    // Tagged (a structure tree for screen readers) and with bookmarks (an outline).
    expect(bytes).toContain('/StructTreeRoot');
    expect(bytes).toContain('/Outlines');
  }
});
