import { UNDER_BASE, at, atPattern, expect, test } from './base-path.ts';
import { type APIRequestContext, type Page } from '@playwright/test';
import type { VersionsManifest } from '../../src/lib/manifest.ts';
import { isMaterialIn } from '../../src/lib/material.ts';
import { pageDiffUrl } from '../../src/lib/addresses.ts';
import { repositoryLibrary } from './site.ts';
import { axeFor } from './axe.ts';

async function manifest(request: APIRequestContext): Promise<VersionsManifest> {
  const response = await request.get('/versions.json');
  expect(response.ok()).toBe(true);
  return response.json();
}

/** The track pages /onboarding/ links to, as a reader finds them. */
async function trackLinks(page: Page): Promise<string[]> {
  await page.goto(at('/onboarding/'));
  return page.locator('.track-summary h2 a').evaluateAll((links) => links.map((link) => link.getAttribute('href')!));
}

/** What a reader reads of a page: its title and text, whitespace aside. */
async function readableText(request: APIRequestContext, url: string): Promise<string> {
  const html = await (await request.get(url)).text();
  const title = /<h1>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? '';
  const prose = /<div class="prose">([\s\S]*?)<\/div>\s*(?:<details class="dc-cite"|<div class="track-progress"|<\/article>)/.exec(html)?.[1] ?? '';
  // Section stamps are about the text, not part of it.
  return `${title}\n${prose.replace(/<p class="section-stamp"[^>]*>[\s\S]*?<\/p>/g, '')}`.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
}

const step = (page: Page, index: number) => page.locator('.track-steps > li').nth(index);

test('/onboarding/ lists each track of the latest release with its pages in order, why and reading time', async ({ page, request }) => {
  const { latest, releases } = await manifest(request);
  const titles = new Map(releases[0].pages.map((entry) => [entry.id, entry.title]));
  await page.goto('/onboarding/');
  await expect(page.locator('.release-label')).toContainText(`Release ${latest}`);
  await expect(page.getByText(/estimates at 200 words a minute/)).toBeVisible();
  const tracks = page.locator('.track-summary');
  expect(await tracks.count()).toBeGreaterThan(0);
  for (const track of await tracks.all()) {
    await expect(track.locator('.track-facts')).toContainText(/\d+ steps · about \d+ minutes of reading/);
    for (const item of await track.locator('.track-steps > li').all()) {
      const link = item.locator('.track-step__title a');
      const href = (await link.getAttribute('href'))!;
      expect(href).toMatch(atPattern('/latest/[a-z0-9-]+/$'));
      await expect(link).toHaveText(titles.get(href.split('/').at(-2)!)!);
      await expect(item.locator('.track-step__why')).not.toBeEmpty();
      await expect(item.locator('.track-step__meta')).toContainText(/about \d+ min/);
    }
  }
});

test('the release front page starts each track on its track page', async ({ page }) => {
  await page.goto('/');
  const card = page.locator('.card h3 a').first();
  await card.click();
  await expect(page).toHaveURL(/\/onboarding\/[a-z0-9-]+\/$/);
  await expect(page.locator('.track-steps > li').first()).toBeVisible();
});

test('a step marked done stays done after a reload, and shows on the step page', async ({ page }) => {
  const [track] = await trackLinks(page);
  await page.goto(track);
  const first = step(page, 0);
  const box = first.getByRole('checkbox', { name: /^Done/ });
  await expect(box).not.toBeChecked();
  await box.check();
  await expect(page.locator('[data-track-summary]')).toHaveText(/^1 of \d+ steps done\.$/);
  await page.reload();
  await expect(step(page, 0).getByRole('checkbox', { name: /^Done/ })).toBeChecked();
  await expect(step(page, 1).getByRole('checkbox', { name: /^Done/ })).not.toBeChecked();

  // Its page says where it stands in the track, and that it is done.
  const trackName = (await page.locator('.breadcrumbs [aria-current="page"]').textContent())!.trim();
  await first.locator('.track-step__title a').click();
  const entry = page.locator('.track-progress li', { hasText: trackName });
  await expect(entry).toContainText(new RegExp(`Step 1 of \\d+ in the ${trackName}, next: `));
  await expect(entry.getByRole('checkbox', { name: /I have read this step/ })).toBeChecked();

  // What is stored: per track, the release, the pages done and when; nothing else.
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('playbook-progress') ?? 'null'));
  const trackId = track.split('/').at(-2)!;
  expect(Object.keys(stored.tracks)).toEqual([trackId]);
  expect(stored.tracks[trackId]).toEqual([{ release: expect.any(String), done: [expect.any(String)], at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) }]);
});

test('marking a step on its page marks it on the track, with the keyboard', async ({ page }) => {
  const [track] = await trackLinks(page);
  await page.goto(track);
  const second = step(page, 1);
  await second.locator('.track-step__title a').click();
  const box = page.locator('.track-progress').getByRole('checkbox').first();
  await box.focus();
  await page.keyboard.press('Space');
  await expect(box).toBeChecked();
  await page.goto(track);
  await expect(step(page, 1).getByRole('checkbox')).toBeChecked();
});

test('progress is right after Back and Forward (the browser restores neither old boxes nor an old count)', async ({ page }) => {
  const [track] = await trackLinks(page);
  await page.goto(track);
  await step(page, 0).getByRole('checkbox').check();
  await step(page, 2).locator('.track-step__title a').click();
  await page.locator('.track-progress').getByRole('checkbox').first().check();
  await page.goBack();
  await expect(page.locator('[data-track-summary]')).toHaveText(/^2 of \d+ steps done\.$/);
  await expect(step(page, 2).getByRole('checkbox')).toBeChecked();
  await expect(step(page, 0).getByRole('checkbox')).toBeChecked();
  // And the reverse: unmarked on the step page, then Back.
  await page.goForward();
  await page.locator('.track-progress').getByRole('checkbox').first().uncheck();
  await page.goBack();
  await expect(step(page, 2).getByRole('checkbox')).not.toBeChecked();
  await expect(page.locator('[data-track-summary]')).toHaveText(/^1 of \d+ steps done\.$/);
});

test('clearing progress asks first, clears only this release and the older ones it shows, and can be undone', async ({ page }) => {
  const library = await repositoryLibrary();
  const trackId = library.latest.tracks[0].id;
  test.skip(!library.draft?.tracks.some((t) => t.id === trackId), 'the draft does not have the track');
  // Progress in the draft, a newer release than the one read: clearing here must keep it.
  await page.goto(`/draft/onboarding/${trackId}/`);
  await step(page, 1).getByRole('checkbox').check();
  await page.goto(`/onboarding/${trackId}/`);
  await step(page, 0).getByRole('checkbox').check();
  await step(page, 2).getByRole('checkbox').check();
  const clear = page.getByRole('button', { name: 'Clear my progress on this track' });
  await clear.click();
  await page.getByRole('button', { name: 'Keep my progress' }).click();
  await expect(page.locator('.track-steps input:checked')).toHaveCount(2);
  await expect(clear).toBeFocused();

  await clear.click();
  await expect(page.getByText(`Forget the steps you marked done on this track in release ${library.latest.release}`)).toBeVisible();
  await page.getByRole('button', { name: 'Yes, clear my progress' }).click();
  await expect(page.getByRole('status')).toHaveText('Your progress on this track was cleared.');
  await expect(page.locator('.track-steps input:checked')).toHaveCount(0);
  await page.reload();
  await expect(page.locator('.track-steps input:checked')).toHaveCount(0);
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('playbook-progress')!));
  expect(stored.tracks[trackId].map((record: { release: string }) => record.release)).toEqual(['draft']);

  await clear.click();
  await page.getByRole('button', { name: 'Keep my progress' }).click();
  await page.goto(`/onboarding/${trackId}/`);
  await step(page, 3).getByRole('checkbox').check();
  await clear.click();
  await page.getByRole('button', { name: 'Yes, clear my progress' }).click();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('status')).toHaveText('Your progress on this track is back.');
  await expect(step(page, 3).getByRole('checkbox')).toBeChecked();
});

test('a reader with progress in an older release sees which steps changed since, with the diff of each', async ({ page, request }) => {
  const { latest, releases } = await manifest(request);
  const library = await repositoryLibrary();
  const order = library.all.map((release) => release.release);
  const latestRelease = library.latest;
  // The oldest release that shares a track with the latest: the most has changed since.
  const older = library.releases.find((release) => release !== latestRelease && release.tracks.some((track) => latestRelease.tracks.some((t) => t.id === track.id)));
  test.skip(!older, 'no older release shares a track with the latest');
  const track = older!.tracks.find((candidate) => latestRelease.tracks.some((t) => t.id === candidate.id))!;

  // Seed: read every step of the track in the older release.
  await page.goto(`/v/${older!.release}/onboarding/${track.id}/`);
  for (const box of await page.locator('.track-steps input[type="checkbox"]').all()) await box.check();

  await page.goto(`/onboarding/${track.id}/`);
  await expect(page.locator('.release-label')).toContainText(`Release ${latest}`);
  const oldIds = new Set(releases.find((release) => release.version === older!.release)!.pages.map((entry) => entry.id));
  const readInOlder = new Set(track.steps.map((s) => s.page));
  let changedSeen = 0;
  for (const item of await page.locator('.track-steps > li').all()) {
    const id = (await item.getAttribute('data-step'))!;
    const note = item.locator('.track-step__changed');
    const box = item.getByRole('checkbox');
    const replaced = latestRelease.page(id)!.supersedes.filter((old) => oldIds.has(old) && readInOlder.has(old));
    const wasRead = (readInOlder.has(id) && oldIds.has(id)) || replaced.length > 0;
    if (!wasRead) {
      await expect(box).not.toBeChecked();
      await expect(note).toBeHidden();
      continue;
    }
    // Independent of the site's own change computation: compare what a reader reads in both releases.
    // Only a material change is news to a reader: edits that every release in between classed editorial are not.
    const between = library.releases.slice(library.releases.indexOf(older!) + 1, library.releases.indexOf(latestRelease) + 1);
    const material = between.some((release) => isMaterialIn(library, release, id));
    const changed =
      replaced.length > 0 || (material && (await readableText(request, `/v/${older!.release}/${id}/`)) !== (await readableText(request, `/v/${latest}/${id}/`)));
    if (changed) {
      changedSeen++;
      await expect(note).toBeVisible();
      await expect(note).toContainText(`You read this in release ${older!.release}; it has changed since.`);
      await expect(note.getByRole('link', { name: 'See what changed' })).toHaveAttribute('href', pageDiffUrl(older!.release, latest, order, id));
      await expect(box).not.toBeChecked();
    } else {
      await expect(note).toBeHidden();
      await expect(box).toBeChecked();
    }
  }
  expect(changedSeen).toBeGreaterThan(0);
  await expect(page.locator('[data-track-summary]')).toContainText(`; ${changedSeen} changed since you read`);

  // Reading a changed step again in the latest release marks it done here.
  const changedId = await page.locator('.track-steps > li', { has: page.locator('.track-step__changed:visible') }).first().getAttribute('data-step');
  const reread = page.locator(`.track-steps > li[data-step="${changedId}"]`);
  await reread.getByRole('checkbox').check();
  await expect(reread.locator('.track-step__changed')).toBeHidden();
  await expect(page.locator('[data-track-summary]')).toHaveText(changedSeen > 1 ? new RegExp(`; ${changedSeen - 1} changed since you read`) : /^\d+ of \d+ steps done\.$/);
});

test('without JavaScript a track is a readable ordered list of links, with why and reading time', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const [track] = await trackLinks(page);
  await page.goto(track);
  const steps = page.locator('ol.track-steps > li');
  expect(await steps.count()).toBeGreaterThan(1);
  await expect(steps.first().getByRole('link')).toHaveAttribute('href', atPattern('/latest/[a-z0-9-]+/$'));
  await expect(steps.first().locator('.track-step__why')).toBeVisible();
  await expect(steps.first()).toContainText(/about \d+ min/);
  await expect(page.getByRole('checkbox')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Clear my progress/ })).toBeHidden();
  await context.close();
});

test('every release and the draft have their tracks; the switcher moves between them', async ({ page, request }) => {
  const library = await repositoryLibrary();
  for (const release of library.all) {
    for (const track of release.tracks) {
      const response = await request.get(`${release.url}onboarding/${track.id}/`);
      expect(response.status(), `${release.url}onboarding/${track.id}/`).toBe(200);
    }
    expect((await request.get(`${release.url}onboarding/`)).status()).toBe(200);
  }
  const old = library.releases[0];
  const track = old.tracks[0];
  await page.goto(`/onboarding/${track.id}/`);
  await page.locator('.version-switcher summary').click();
  await page.locator(`.version-switcher a[data-release="${old.release}"]`).click();
  await expect(page).toHaveURL(new RegExp(`/v/${old.release}/onboarding/${track.id}/$`));
});

test('onboarding pages have no axe-core violations at WCAG 2.2 AA, with progress shown', async ({ page }) => {
  test.skip(UNDER_BASE, 'axe runs at the root; the base path changes no markup it checks');
  test.setTimeout(90_000);
  const [track] = await trackLinks(page);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto('/onboarding/');
    expect((await axeFor(page, colorScheme).analyze()).violations.map((v) => `/onboarding/ ${colorScheme}: ${v.id}`)).toEqual([]);
    await page.goto(track);
    await step(page, 0).getByRole('checkbox').check();
    expect((await axeFor(page, colorScheme).analyze()).violations.map((v) => `${track} ${colorScheme}: ${v.id}`)).toEqual([]);
    await step(page, 0).locator('.track-step__title a').click();
    expect((await axeFor(page, colorScheme).analyze()).violations.map((v) => `${page.url()} ${colorScheme}: ${v.id}`)).toEqual([]);
  }
});

test('a reader with progress can continue where they left off, from the front page and /onboarding/', async ({ page }) => {
  const library = await repositoryLibrary();
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Continue where you left off' })).toBeHidden();
  const track = library.latest.tracks[0];
  const steps = track.steps.map((s) => library.latest.page(s.page)!);
  await page.goto(`/onboarding/${track.id}/`);
  await step(page, 0).getByRole('checkbox').check();
  await step(page, 1).getByRole('checkbox').check();
  for (const url of ['/', '/onboarding/']) {
    await page.goto(url);
    const box = page.locator('.continue-reading');
    await expect(box.getByRole('heading', { name: 'Continue where you left off' })).toBeVisible();
    await expect(box).toContainText(`2 of ${steps.length} steps done in ${track.title}. Next, step 3: ${steps[2].title}.`);
    await box.getByRole('link', { name: steps[2].title }).click();
    await expect(page).toHaveURL(at(`/latest/${steps[2].id}/`));
  }
});
