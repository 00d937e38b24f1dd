import { expect, test } from '@playwright/test';
import { classedChanges } from '../../src/lib/material.ts';
import { repositoryLibrary } from './site.ts';
import { axeAll } from './axe.ts';

/** Document control of the releases in the repository, as an approver and a reader meet it. */

test('an approver sees who approved a release, when it took effect, and its status, on its front page and in the footer of its pages', async ({ page }) => {
  const library = await repositoryLibrary();
  const release = library.latest;
  test.skip(!release.control, 'the latest release has no document control');
  await page.goto(release.url);
  const record = page.locator('.dc-record');
  await expect(record.getByRole('heading', { name: 'Document control' })).toBeVisible();
  await expect(record).toContainText('In effect');
  for (const approver of release.control!.approvedBy) await expect(record).toContainText(`${approver.role}: ${approver.name}`);
  // Approved, effective and published may fall on one day: the approval date is among them.
  await expect(record.locator(`time[datetime="${release.control!.approved}"]`).first()).toBeVisible();
  if (release.control!.note) await expect(record).toContainText(release.control!.note);
  await page.goto(release.pages[0].url);
  await expect(page.locator('.site-footer .dc-line')).toContainText(`Release ${release.release} · In effect · approved`);
  const older = library.releases[0];
  if (older !== release) {
    await page.goto(older.pages[0].url);
    await expect(page.locator('.site-footer .dc-line')).toContainText('Superseded');
  }
});

test('the changelog lists material changes with their notes and editorial ones apart; the feed carries only material ones', async ({ page, request }) => {
  const library = await repositoryLibrary();
  const release = library.releases.find((candidate) => classedChanges(library, candidate).editorial.length > 0);
  test.skip(!release, 'no release has an editorial change');
  const { material, editorial } = classedChanges(library, release!);
  await page.goto(`/changelog/${release!.release}/`);
  const materialItems = page.locator('[data-change-class="material"] > li');
  await expect(materialItems).toHaveCount(material.length);
  const withNote = material.find((entry) => entry.note)!;
  await expect(page.locator(`[data-change-class="material"] > li[data-page-id="${withNote.page.id}"]`)).toContainText(withNote.note!);
  await expect(page.locator('[data-change-class="editorial"] > li')).toHaveCount(editorial.length);
  const feed = await (await request.get('/changelog/feed.xml')).text();
  const entry = feed.split('<entry>').find((part) => part.includes(`/changelog/${release!.release}/`) && part.includes(`Release ${release!.release}:`))!;
  expect(entry).toContain(withNote.note!.replace(/"/g, '&quot;').slice(0, 40));
  for (const quiet of editorial) expect(entry).not.toContain(quiet.page.title);
  // The page's own history line says the edit was editorial, not "Changed in".
  await page.goto(editorial[0].page.url);
  await expect(page.locator('.page-history')).toContainText(`Wording edited in ${release!.release}, with no change in meaning`);
  await page.goto(withNote.page.url);
  await expect(page.locator('.page-history')).toContainText(`Changed in ${release!.release}: ${withNote.note}`);
});

test('section stamps show when each section was added or amended: on by default in the latest release, a checkbox away in older ones', async ({ page }) => {
  const library = await repositoryLibrary();
  const latest = library.latest;
  const stamped = latest.pages.find((candidate) => classedChanges(library, latest).material.some((entry) => entry.page.id === candidate.id && entry.change.kinds.includes('edited')));
  test.skip(!stamped, 'no page of the latest release changed materially');
  await page.goto(`/latest/${stamped!.id}/`);
  const stamps = page.locator('.prose .section-stamp');
  await expect(stamps.first()).toBeVisible();
  await expect(stamps.first()).toHaveText(new RegExp(`^(New|Amended) in ${latest.release.replace('.', '\\.')}`));
  // Pinned to the same release but not the latest? Only older releases hide them.
  const older = library.previous(latest);
  const olderPage = older?.pages.find((candidate) => candidate.id === stamped!.id);
  if (older && olderPage) {
    await page.goto(olderPage.url);
    const toggle = page.getByLabel('Show when each section was added or amended');
    if (await toggle.count()) {
      await expect(page.locator('.prose .section-stamp').first()).toBeHidden();
      await toggle.check();
      await expect(page.locator('.prose .section-stamp').first()).toBeVisible();
    }
  }
});

test('a reader cites a page: the reference has the release, date, pinned address and today as access date, copies or selects, and downloads as BibTeX and RIS', async ({ page, request }) => {
  const library = await repositoryLibrary();
  const target = library.latest.pages[1];
  // No clipboard here: the copy button falls back to selecting the reference.
  await page.addInitScript(() => Object.defineProperty(navigator, 'clipboard', { value: undefined }));
  await page.clock.setFixedTime(new Date('2031-03-04T10:00:00'));
  await page.goto(`/latest/${target.id}/`);
  await page.getByText('Cite this page').click();
  const text = page.locator('[data-cite-text]');
  await expect(text).toContainText(`${target.title}. In Peer Support Playbook, release ${library.latest.release}.`);
  await expect(text).toContainText(`Retrieved March 4, 2031, from http://127.0.0.1:`);
  await expect(text).toContainText(`${target.url}`);
  await page.getByRole('button', { name: 'Copy the reference' }).click();
  await expect(page.getByRole('button', { name: /Selected: press Ctrl\+C/ })).toBeVisible();
  expect(await page.evaluate(() => getSelection()?.toString().replace(/\s+/g, ' ').trim())).toBe((await text.textContent())!.replace(/\s+/g, ' ').trim());
  const bib = await request.get(`${target.url}cite.bib`);
  expect(bib.ok()).toBe(true);
  expect(await bib.text()).toMatch(new RegExp(`^@misc\\{playbook-${library.latest.release.replace('.', '-')}-${target.id},`));
  const risFile = await (await request.get(`${target.url}cite.ris`)).text();
  expect(risFile).toContain(`UR  - ${target.url}`);
  expect(risFile).toMatch(/ER {2}- \r\n$/);
  await expect(page.getByRole('link', { name: 'BibTeX file' })).toHaveAttribute('href', `${target.url}cite.bib`);
  const results = await axeAll(page).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('/versions.json carries each release\'s status, effective date, approval and notices', async ({ request }) => {
  const library = await repositoryLibrary();
  const manifest = await (await request.get('/versions.json')).json();
  expect(Array.isArray(manifest.notices)).toBe(true);
  for (const release of library.releases) {
    const entry = manifest.releases.find((candidate: { version: string }) => candidate.version === release.release);
    expect(entry).toMatchObject({ status: release.status, effective: release.effective, withdrawn: !!release.withdrawn });
    if (release.control?.approved) expect(entry.approved).toBe(release.control.approved);
  }
});

test('a reader who finished a track makes a reading receipt in the browser, named, with the release digest and a plain disclaimer', async ({ page }) => {
  const library = await repositoryLibrary();
  const track = library.latest.tracks[0];
  test.skip(!track, 'the latest release has no track');
  const outside: string[] = [];
  page.on('request', (req) => {
    if (req.method() !== 'GET') outside.push(req.url());
  });
  await page.goto(`/onboarding/${track.id}/`);
  const receipt = page.locator('[data-receipt]');
  await expect(receipt).toBeVisible();
  await expect(page.getByRole('button', { name: 'Make the receipt' })).toBeDisabled();
  for (const box of await page.locator('[data-step-done]').all()) await box.check();
  await expect(page.getByRole('button', { name: 'Make the receipt' })).toBeEnabled();
  await page.getByLabel('Your name, as it should appear on the receipt').fill('Illustrative: Dr. Reader');
  await page.getByRole('button', { name: 'Make the receipt' }).click();
  const made = page.locator('.receipt');
  await expect(made).toContainText('Illustrative: Dr. Reader');
  await expect(made).toContainText(track.title);
  await expect(made).toContainText(library.latest.digest);
  await expect(made).toContainText(`${track.steps.length} of ${track.steps.length}`);
  await expect(made).toContainText('It is not a verified record');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the receipt (text file)' }).click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^reading-receipt-${track.id}-${library.latest.release.replace('.', '\\.')}-\\d{4}-\\d{2}-\\d{2}\\.txt$`));
  expect(outside).toEqual([]);
  const results = await axeAll(page).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
