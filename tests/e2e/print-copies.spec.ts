import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { DIST, repositoryLibrary } from './site.ts';

test('the trainer tools link to the print views of the page’s part, its tracks and the release, and a part shows and prints alone', async ({ page }) => {
  const library = await repositoryLibrary();
  const release = library.latest;
  const track = release.tracks[0];
  const stepPage = release.page(track.steps[0].page)!;
  const part = release.parts.find((candidate) => candidate.id === stepPage.part)!;
  await page.goto(`/latest/${stepPage.id}/`);
  await page.locator('.trainer-tools > summary').click();
  const tools = page.locator('.trainer-tools .print-links');
  await expect(tools.getByRole('link', { name: 'Print this part' })).toHaveAttribute('href', `${release.url}print/#print--part-${part.id}`);
  await expect(tools.getByRole('link', { name: 'Print this track' }).first()).toHaveAttribute('href', new RegExp(`^${release.url.replace(/\./g, '\\.')}print/#print--track-`));
  await expect(tools.getByRole('link', { name: `Print every page of release ${release.release}` })).toHaveAttribute('href', `${release.url}print/`);
  await tools.getByRole('link', { name: 'Print this part' }).click();
  await expectPartAlone(page, part.id, part.title, part.pages.length);
  // On paper too: what shows is what prints.
  await page.emulateMedia({ media: 'print' });
  await expectPartAlone(page, part.id, part.title, part.pages.length);
  await page.emulateMedia({ media: 'screen' });
  // "Show every page" shows the whole document again.
  await page.getByRole('link', { name: 'show every page' }).locator('visible=true').click();
  await expect(page.locator('article.print-page:visible')).toHaveCount(release.pages.length);
  await expect(page.locator('.print-toc')).toBeVisible();
});

test('a part’s former print address, /v/<version>/print/part/<part>/, sends the reader on to the part in the print view', async ({ page }) => {
  const library = await repositoryLibrary();
  const release = library.releases.at(-1)!;
  const part = release.parts.find((candidate) => candidate.pages.length > 0)!;
  await page.goto(`${release.url}print/part/${part.id}/`);
  await expect(page).toHaveURL(new RegExp(`${release.url.replace(/\./g, '\\.')}print/#print--part-${part.id}$`));
  await expectPartAlone(page, part.id, part.title, part.pages.length);
});

async function expectPartAlone(page: Page, partId: string, title: string, pages: number): Promise<void> {
  await expect(page.locator(`#print--part-${partId} > .print-part__cover h2`)).toHaveText(title);
  await expect(page.locator('article.print-page:visible')).toHaveCount(pages);
  expect(await page.locator('article.print-page:visible').evaluateAll((articles, id) => articles.every((article) => article.closest('.print-part')?.id === id), `print--part-${partId}`)).toBe(true);
  // The cover (with the release's document-control record) stays; the contents and the glossary go.
  await expect(page.locator('.print-cover h1')).toBeVisible();
  await expect(page.locator('.print-toc')).toBeHidden();
  await expect(page.locator('#glossary')).toBeHidden();
}

test('a track shows and prints its pages alone, in the track’s order', async ({ page }) => {
  const library = await repositoryLibrary();
  const release = library.latest;
  const track = release.tracks[0];
  await page.goto(`${release.url}print/#print--track-${track.id}`);
  await expectTrackAlone(page, track.id, track.title, [...new Set(track.steps.map((step) => step.page))]);
  await page.emulateMedia({ media: 'print' });
  await expectTrackAlone(page, track.id, track.title, [...new Set(track.steps.map((step) => step.page))]);
});

test('a track’s former print address, /v/<version>/print/track/<track>/, sends the reader on to the track in the print view', async ({ page }) => {
  const library = await repositoryLibrary();
  const release = library.releases.find((candidate) => candidate.tracks.length > 0)!;
  const track = release.tracks.at(-1)!;
  await page.goto(`${release.url}print/track/${track.id}/`);
  await expect(page).toHaveURL(new RegExp(`${release.url.replace(/\./g, '\\.')}print/#print--track-${track.id}$`));
  await expectTrackAlone(page, track.id, track.title, [...new Set(track.steps.map((step) => step.page))]);
});

/** The track's heading and its pages only, in the track's order as the reader sees them (top to bottom). */
async function expectTrackAlone(page: Page, trackId: string, title: string, order: string[]): Promise<void> {
  await expect(page.locator(`#print--track-${trackId} h2`)).toHaveText(title);
  await expect(page.locator('article.print-page:visible')).toHaveCount(order.length);
  const shown = await page.locator('article.print-page:visible').evaluateAll((articles) =>
    articles.map((article) => ({ id: article.getAttribute('data-page-id')!, top: article.getBoundingClientRect().top })).sort((a, b) => a.top - b.top).map((article) => article.id),
  );
  expect(shown).toEqual(order);
  await expect(page.locator('.print-cover h1')).toBeVisible();
  await expect(page.locator('.print-toc')).toBeHidden();
  await expect(page.locator('#glossary')).toBeHidden();
}

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
