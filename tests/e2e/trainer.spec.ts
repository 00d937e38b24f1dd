import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import type { VersionsManifest } from '../../src/lib/manifest.ts';
import { repositoryLibrary } from './site.ts';
import { axeFor } from './axe.ts';

async function manifest(request: APIRequestContext): Promise<VersionsManifest> {
  const response = await request.get('/versions.json');
  expect(response.ok()).toBe(true);
  return response.json();
}

/** A page of the latest release with at least two sections (h2), read through /latest/. */
async function pageWithSections(request: APIRequestContext): Promise<{ id: string; url: string }> {
  const { releases } = await manifest(request);
  for (const entry of releases[0].pages) {
    const html = await (await request.get(entry.url)).text();
    if ((html.match(/<h2 id="(?!footnote-label)/g) ?? []).length >= 2) return { id: entry.id, url: `/latest/${entry.id}/` };
  }
  throw new Error('no page of the latest release has two sections');
}

/** The trainer tools are folded behind one control: unfold them. */
async function openTrainerTools(page: Page): Promise<void> {
  await page.locator('.trainer-tools > summary').click();
}

test.describe('copy a link to a section', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('puts the link to the section in the latest release on the clipboard, and says so', async ({ page, request, baseURL }) => {
    const { latest } = await manifest(request);
    const target = await pageWithSections(request);
    await page.goto(`/v/${latest}/${target.id}/`);
    const heading = page.locator('.prose h2[id]').first();
    const anchor = (await heading.getAttribute('id'))!;
    const title = (await heading.textContent())!.trim();
    await page.getByRole('button', { name: `Copy link to “${title}”` }).click();
    await expect(page.locator('[data-copy-status]')).toHaveText(`Link to “${title}” copied, in the latest release.`);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${new URL(baseURL!).origin}/latest/${target.id}/#${anchor}`);
    // The heading's own name is unchanged: the button sits beside it.
    await expect(page.getByRole('heading', { level: 2, name: title, exact: true })).toHaveCount(1);
  });

  test('can pin the link to the release being read', async ({ page, request, baseURL }) => {
    const { releases } = await manifest(request);
    const target = await pageWithSections(request);
    const old = releases.find((release) => release !== releases[0] && release.pages.some((entry) => entry.id === target.id));
    const version = old?.version ?? releases[0].version;
    await page.goto(`/v/${version}/${target.id}/`);
    await openTrainerTools(page);
    await page.getByRole('radio', { name: new RegExp(`release ${version} only`) }).check();
    const heading = page.locator('.prose :is(h2, h3)[id]:not(#footnote-label)').last();
    const anchor = (await heading.getAttribute('id'))!;
    await page.locator(`[id="${anchor}"]`).locator('xpath=..').locator('button.copy-link').click();
    await expect(page.locator('[data-copy-status]')).toContainText('copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${new URL(baseURL!).origin}/v/${version}/${target.id}/#${anchor}`);
  });

  test('links a page the latest release no longer has to its own release', async ({ page, baseURL }) => {
    const library = await repositoryLibrary();
    const removed = library.removed.find((entry) => entry.lastPage.headings.some((heading) => heading.depth === 2));
    test.skip(!removed, 'no removed page with sections');
    await page.goto(removed!.lastPage.url);
    const heading = removed!.lastPage.headings.find((h) => h.depth === 2)!;
    // Clicked at once: the copy waits until the page has learnt that the latest release no longer has it.
    await page.getByRole('button', { name: `Copy link to “${heading.text}”` }).click();
    await expect(page.locator('[data-copy-status]')).toContainText('copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${new URL(baseURL!).origin}${removed!.lastPage.url}#${heading.id}`);
    await openTrainerTools(page);
    await expect(page.locator('.copy-links').getByText('not in the latest release')).toBeVisible();
    await expect(page.getByRole('radio')).toHaveCount(0);
  });

  test('without JavaScript each section has a plain # link to it, and nothing offers to copy', async ({ browser, request }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const target = await pageWithSections(request);
    await page.goto(target.url);
    const heading = page.locator('.prose h2[id]').nth(1);
    const id = (await heading.getAttribute('id'))!;
    const title = (await heading.textContent())!.trim();
    await page.getByRole('link', { name: `Link to the section “${title}”` }).click();
    await expect(page).toHaveURL(new RegExp(`${target.url}#${id}$`));
    await expect(page.getByRole('button', { name: /Copy link/ })).toHaveCount(0);
    await expect(page.getByRole('radio')).toHaveCount(0);
    await context.close();
  });

  test('the latest/pinned choice is pinned by default on an old release, and remembered', async ({ page }) => {
    const library = await repositoryLibrary();
    const old = library.releases.find((release) => release !== library.latest && release.pages.some((p) => library.latest.page(p.id)))!;
    const shared = old.pages.filter((p) => library.latest.page(p.id));
    await page.goto(shared[0].url);
    await openTrainerTools(page);
    await expect(page.getByRole('radio', { name: new RegExp(`release ${old.release} only`) })).toBeChecked();
    await page.getByRole('radio', { name: 'the latest release' }).check();
    await page.goto(shared[1].url);
    await openTrainerTools(page);
    await expect(page.getByRole('radio', { name: 'the latest release' })).toBeChecked();
  });
});

test.describe('copy a link without a clipboard (plain HTTP on an intranet address)', () => {
  test('offers the address selected, to copy by hand', async ({ page, request, baseURL }) => {
    await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }));
    const target = await pageWithSections(request);
    await page.goto(target.url);
    const heading = page.locator('.prose h2[id]').first();
    const title = (await heading.textContent())!.trim();
    await page.getByRole('button', { name: `Copy link to “${title}”` }).click();
    const field = page.getByRole('textbox', { name: `Link to “${title}”, selected: copy it` });
    await expect(field).toBeFocused();
    await expect(field).toHaveValue(`${new URL(baseURL!).origin}/latest/${target.id}/#${await heading.getAttribute('id')}`);
    expect(await field.evaluate((input: HTMLInputElement) => input.selectionEnd! - input.selectionStart!)).toBe((await field.inputValue()).length);
  });
});

test.describe('presentation view', () => {
  test('moves section by section with the keyboard, and Escape leaves it', async ({ page, request }) => {
    const target = await pageWithSections(request);
    await page.goto(target.url);
    const sections = await page.locator('.prose > :is(h2, .section-heading--h2)').count();
    const ids = await page.locator('.prose h2[id]:not(#footnote-label)').evaluateAll((headings) => headings.map((h) => h.id));
    await openTrainerTools(page);
    await page.getByRole('button', { name: /^Present/ }).click();

    const bar = page.getByRole('navigation', { name: 'Presentation' });
    await expect(bar).toContainText(`Section 1 of ${sections + 1}`);
    await expect(page).toHaveURL(/\?present$/);
    for (const chrome of ['.site-header', '.sidebar', '.toc', '.breadcrumbs', '.site-footer']) await expect(page.locator(chrome)).toBeHidden();
    await expect(page.locator('.page__summary')).toBeVisible();
    await expect(page.locator(`#${ids[0]}`)).toBeHidden();

    await page.keyboard.press('ArrowRight');
    await expect(page.locator(`#${ids[0]}`)).toBeVisible();
    await expect(page.locator('.page__summary')).toBeHidden();
    // The page's title stays, small, so every slide says what it is from.
    await expect(page.locator('h1')).toBeVisible();
    await expect(page.locator(`#${ids[1]}`)).toBeHidden();
    await expect(bar).toContainText(`Section 2 of ${sections + 1}`);
    await expect(page).toHaveURL(new RegExp(`\\?present#${ids[0]}$`));

    await page.keyboard.press('PageDown');
    await expect(page.locator(`#${ids[1]}`)).toBeVisible();
    await expect(page.locator(`#${ids[0]}`)).toBeHidden();

    await page.keyboard.press('ArrowLeft');
    await expect(page.locator(`#${ids[0]}`)).toBeVisible();
    await page.keyboard.press('PageUp');
    await expect(page.locator('.page__summary')).toBeVisible();
    await expect(bar.getByRole('button', { name: 'Previous section' })).toBeDisabled();

    await bar.getByRole('button', { name: 'Next section' }).click();
    await expect(page.locator(`#${ids[0]}`)).toBeVisible();

    await page.keyboard.press('Escape');
    await expect(bar).toHaveCount(0);
    await expect(page.locator('.site-header')).toBeVisible();
    for (const id of ids) await expect(page.locator(`#${id}`)).toBeVisible();
    await expect(page).not.toHaveURL(/present/);
    await expect(page.getByRole('button', { name: /^Present/ })).toBeFocused();
  });

  test('a link with ?present opens in it, at the linked section', async ({ page, request }) => {
    const target = await pageWithSections(request);
    await page.goto(target.url);
    const second = await page.locator('.prose h2[id]').nth(1).getAttribute('id');
    await page.goto(`${target.url}?present#${second}`);
    await expect(page.getByRole('navigation', { name: 'Presentation' })).toContainText('Section 3 of');
    await expect(page.locator(`#${second}`)).toBeVisible();
    await expect(page.locator('.page__summary')).toBeHidden();
    const results = await axeFor(page, 'light').analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  test('loads its code only when asked for', async ({ page, request }) => {
    const target = await pageWithSections(request);
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await page.goto(target.url);
    await page.waitForLoadState('networkidle');
    expect(scripts.filter((path) => /\/present\.[^/]*\.js$/.test(path))).toEqual([]);
    await openTrainerTools(page);
    await page.getByRole('button', { name: /^Present/ }).click();
    await expect(page.getByRole('navigation', { name: 'Presentation' })).toBeVisible();
    expect(scripts.filter((path) => /\/present\.[^/]*\.js$/.test(path))).toHaveLength(1);
  });
});

test.describe('print view of a release', () => {
  test('holds every page of each release in order, with a cover and a table of contents', async ({ page, request }) => {
    const { releases, draft } = await manifest(request);
    const documents = [...releases.map((release) => ({ url: `${release.url}print/`, pages: release.pages, title: release.title })), ...(draft ? [{ url: '/draft/print/', pages: draft.pages, title: 'Unreleased draft' }] : [])];
    for (const document of documents) {
      await page.goto(document.url);
      await expect(page.getByRole('heading', { level: 1 })).toContainText(document.title);
      const printed = await page.locator('article.print-page').evaluateAll((articles) => articles.map((a) => [a.id, a.querySelector('h2')?.textContent]));
      expect(printed, document.url).toEqual(document.pages.map((entry) => [entry.id, entry.title]));
      const contents = await page.locator('.print-toc a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      expect(contents.filter((href) => href !== '#glossary')).toEqual(document.pages.map((entry) => `#${entry.id}`));
    }
  });

  test('has unique ids and keeps every in-document link inside the document', async ({ page, request }) => {
    const { releases } = await manifest(request);
    await page.goto(`${releases[0].url}print/`);
    const { duplicates, broken, leaving } = await page.evaluate(() => {
      const ids = [...document.querySelectorAll('[id]')].map((element) => element.id);
      const known = new Set(ids);
      const hrefs = [...document.querySelectorAll('main a[href]')].map((a) => a.getAttribute('href')!);
      return {
        duplicates: ids.filter((id, index) => ids.indexOf(id) !== index),
        broken: hrefs.filter((href) => href.startsWith('#') && !known.has(decodeURIComponent(href.slice(1)))),
        // A download or figure of the release is a file beside the document, not a page leaving it.
        leaving: hrefs.filter((href) => href.startsWith('../') && !/^\.\.\/(files|figures)\//.test(href)),
      };
    });
    expect(duplicates).toEqual([]);
    expect(broken).toEqual([]);
    expect(leaving).toEqual([]);
    // axe over this print view is in the gates (tests/e2e/gates.spec.ts, "print view"), in light and dark.
  });

  test('prints each page on a new sheet, without the screen-only hints', async ({ page, request }) => {
    const { releases } = await manifest(request);
    await page.goto(`${releases[0].url}print/`);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.site-header')).toBeHidden();
    await expect(page.locator('.print-cover__hint')).toBeHidden();
    expect(await page.locator('article.print-page').first().evaluate((element) => getComputedStyle(element).breakBefore)).toBe('page');
  });

  test('a single page prints clean, without the trainer and onboarding tools', async ({ page, request }) => {
    await page.goto((await pageWithSections(request)).url);
    await expect(page.locator('.copy-link').first()).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.site-header', '.sidebar', '.toc', '.trainer-tools', '.copy-link', '.track-progress', '.prev-next']) {
      for (const element of await page.locator(selector).all()) await expect(element, selector).toBeHidden();
    }
    await expect(page.locator('h1')).toBeVisible();
    expect((await page.pdf()).length).toBeGreaterThan(1000);
  });
});

test.describe('printed pages carry their release', () => {
  test('every printed sheet of a page says its release, date and full permanent address', async ({ page, baseURL }) => {
    const library = await repositoryLibrary();
    const origin = new URL(baseURL!).origin;
    const old = library.releases[0];
    const latestPage = library.latest.pages[2];
    for (const [url, release, permanent] of [
      [old.pages[1].url, old, old.pages[1].url],
      [`/latest/${latestPage.id}/`, library.latest, latestPage.url],
    ] as const) {
      await page.goto(url);
      const stamp = page.locator('.print-stamp');
      await expect(stamp).toBeHidden();
      await page.emulateMedia({ media: 'print' });
      await expect(stamp).toBeVisible();
      await expect(stamp).toHaveText(`Peer Support Playbook · Release ${release.release}, ${release.date} · ${origin}${permanent}`);
      // A fixed element is repeated on every printed sheet.
      expect(await stamp.evaluate((element) => getComputedStyle(element).position)).toBe('fixed');
      await page.emulateMedia({ media: 'screen' });
    }
  });

  test('the print cover and each page of the whole-release print give full addresses', async ({ page, baseURL }) => {
    const library = await repositoryLibrary();
    const origin = new URL(baseURL!).origin;
    await page.goto(`${library.latest.url}print/`);
    await expect(page.locator('.print-cover__facts')).toContainText(`online at ${origin}${library.latest.url}`);
    await expect(page.locator('.print-page__meta').first()).toContainText(`${origin}${library.latest.pages[0].url}`);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.print-stamp')).toContainText(`Release ${library.latest.release}, ${library.latest.date} · ${origin}${library.latest.url}print/`);
  });

  test('a page printed in the dark theme prints dark text on white', async ({ page }) => {
    const library = await repositoryLibrary();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(library.latest.pages[1].url);
    await page.evaluate(() => (document.documentElement.dataset.theme = 'dark'));
    await page.emulateMedia({ colorScheme: 'dark', media: 'print' });
    const colors = await page.locator('.badge').first().evaluate((badge) => [getComputedStyle(badge).color, getComputedStyle(badge).backgroundColor, getComputedStyle(document.body).backgroundColor]);
    expect(colors).toEqual(['rgb(0, 0, 0)', 'rgb(243, 245, 247)', 'rgb(255, 255, 255)']);
  });
});

test.describe('glossary', () => {
  test('a term on a page links to its entry in the glossary of the same release', async ({ page, request }) => {
    const { releases } = await manifest(request);
    let found: { url: string; term: string; href: string } | undefined;
    for (const entry of releases[0].pages) {
      await page.goto(`/latest/${entry.id}/`);
      const link = page.locator('.prose a.glossary-term').first();
      if (await link.count()) {
        found = { url: entry.url, term: (await link.textContent())!, href: (await link.getAttribute('href'))! };
        await link.click();
        break;
      }
    }
    expect(found, 'a page of the latest release uses a glossary term').toBeDefined();
    const termId = found!.href.split('#')[1];
    await expect(page).toHaveURL(new RegExp(`/latest/glossary/#${termId}$`));
    const entry = page.locator(`dt#${termId}`);
    await expect(entry).toBeVisible();
    expect(`${await entry.textContent()} ${await page.locator(`dt#${termId} + dd`).textContent()}`.toLowerCase()).toContain(found!.term.toLowerCase());
  });

  test('every release, the latest and the draft have a glossary page listing every term with an anchor', async ({ page }) => {
    const library = await repositoryLibrary();
    const glossaries = [...library.all.map((release) => ({ url: `${release.url}glossary/`, release })), { url: '/latest/glossary/', release: library.latest }];
    for (const { url, release } of glossaries) {
      await page.goto(url);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Glossary');
      const ids = await page.locator('.glossary dt').evaluateAll((terms) => terms.map((term) => term.id));
      expect(ids.sort(), url).toEqual(release.glossary.map((term) => term.id).sort());
    }
    // axe over the glossary (/latest/glossary/) is in the gates (tests/e2e/gates.spec.ts), in light and dark.
  });
});
