import { expect, test, type Page } from '@playwright/test';
import { repositoryLibrary } from './site.ts';

const PHONE = { width: 390, height: 844 };

/**
 * Where the first line of the page's body text ends, from the top of the window, not counting the
 * safety notices of a frozen page: those must come before its text, however long they are.
 */
async function firstLineBottom(page: Page): Promise<number> {
  return page.evaluate(() => {
    const first = document.querySelector('.prose > p, .prose > ul, .prose > ol, .prose > .callout');
    if (!first) return Infinity;
    const range = document.createRange();
    range.selectNodeContents(first);
    const line = range.getClientRects()[0] ?? first.getBoundingClientRect();
    const notices = document.querySelector('.page__header .dc-notices')?.getBoundingClientRect().height ?? 0;
    return line.bottom - notices;
  });
}

test.describe('on a phone (390x844)', () => {
  test.use({ viewport: PHONE });

  test('the first line of body text is visible without scrolling, on every content page of every release', async ({ page }) => {
    // Some 180 pages (every release and the draft): read in four tabs at once, and given the time a busy CI
    // machine needs (one tab took over 180 s there). /latest/<id>/ is the same page of the latest release, read
    // here at its own address, with the same layout above its text (its own banner, when any, is a notice).
    test.setTimeout(360_000);
    const library = await repositoryLibrary();
    const late: string[] = [];
    const urls = library.all.flatMap((release) => release.pages.map((p) => p.url));
    const tabs = [page, ...(await Promise.all([1, 2, 3].map(() => page.context().newPage())))];
    let next = 0;
    await Promise.all(
      tabs.map(async (tab) => {
        while (next < urls.length) {
          const url = urls[next++];
          await tab.goto(url);
          const bottom = await firstLineBottom(tab);
          if (bottom > PHONE.height) late.push(`${url}: ${Math.round(bottom)} px`);
        }
      }),
    );
    expect(late.sort()).toEqual([]);
  });

  test('the header is one line, and no page is wider than the screen', async ({ page }) => {
    // Ten pages, two of them computed in the browser (a comparison, search results): twice over 30 s on a busy machine.
    test.slow();
    const library = await repositoryLibrary();
    for (const url of ['/', library.latest.pages[1].url, library.releases[0].pages[1].url, '/onboarding/', '/changelog/', '/versions/', '/latest/glossary/', '/search/?q=tier', '/compare/?from=1.0&to=latest', '/review/']) {
      await page.goto(url);
      const header = await page.locator('.site-header__inner').boundingBox();
      expect(header!.height, url).toBeLessThan(56);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), url).toBeLessThanOrEqual(PHONE.width);
    }
  });

  test('the menu is a drawer that works without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/');
    const nav = page.getByRole('navigation', { name: 'Site' });
    await expect(nav).toBeHidden();
    await page.locator('.menu > summary').click();
    await expect(nav.getByRole('link', { name: 'Glossary' })).toBeVisible();
    await nav.getByRole('link', { name: 'Onboarding' }).click();
    await expect(page).toHaveURL(/\/onboarding\/$/);
    await context.close();
  });

  test('the drawer closes on Escape, giving the focus back to its button', async ({ page }) => {
    await page.goto('/');
    const toggle = page.locator('.menu > summary');
    await toggle.click();
    await expect(page.getByRole('navigation', { name: 'Site' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('navigation', { name: 'Site' })).toBeHidden();
    await expect(toggle).toBeFocused();
  });

  test('"On this page" is at the top, above the title, and a section closes it', async ({ page }) => {
    const library = await repositoryLibrary();
    const target = library.latest.pages.find((p) => p.headings.filter((h) => h.depth <= 3).length > 2)!;
    await page.goto(target.url);
    const toggle = page.getByText('On this page', { exact: true });
    const title = page.getByRole('heading', { level: 1 });
    expect((await toggle.boundingBox())!.y).toBeLessThan((await title.boundingBox())!.y);
    await toggle.click();
    const second = target.headings.filter((h) => h.depth <= 3)[1];
    await page.locator('.toc').getByRole('link', { name: second.text, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`#${second.id}$`));
    await expect(page.locator('.toc ul')).toBeHidden();
    await expect(page.locator(`[id="${second.id}"]`)).toBeInViewport();
  });

  test('the pages of the release are a drawer at the top; its parts expand in place', async ({ page }) => {
    const library = await repositoryLibrary();
    const current = library.latest.pages[1];
    await page.goto(current.url);
    await page.locator('.sidebar__toggle').click();
    const sidebar = page.getByRole('navigation', { name: `Pages of release ${library.latest.release}` });
    await expect(sidebar.getByRole('link', { name: current.title, exact: true })).toHaveAttribute('aria-current', 'page');
    const other = library.latest.parts.find((part) => part.pages.length && !part.pages.some((p) => p.id === current.id))!;
    const part = sidebar.locator('details.sidebar__part', { hasText: other.title });
    await expect(part.getByRole('link', { name: other.pages[0].title, exact: true })).toBeHidden();
    await part.locator('summary').click();
    await expect(part.getByRole('link', { name: other.pages[0].title, exact: true })).toBeVisible();
    await expect(page).toHaveURL(current.url);
  });

  test('trainer tools are folded behind one control', async ({ page }) => {
    const library = await repositoryLibrary();
    await page.goto(library.latest.pages[1].url);
    const present = page.getByRole('button', { name: /^Present/ });
    await expect(present).toBeHidden();
    await page.getByText('Trainer tools').click();
    await expect(present).toBeVisible();
    await expect(page.getByRole('group', { name: 'Section links point to' })).toBeVisible();
  });
});

test.describe('navigation', () => {
  test('the glossary is in the navigation, and only the page being read is marked current', async ({ page }) => {
    const library = await repositoryLibrary();
    for (const url of ['/onboarding/', `/onboarding/${library.latest.tracks[0].id}/`]) {
      await page.goto(url);
      await expect(page.locator('.sidebar [aria-current]'), url).toHaveCount(0);
    }
    await page.goto(library.latest.url);
    const sidebar = page.getByRole('navigation', { name: `Pages of release ${library.latest.release}` });
    await expect(sidebar.locator('[aria-current="page"]')).toHaveText(`Release ${library.latest.release}: all pages`);
    await sidebar.getByRole('link', { name: 'Glossary' }).click();
    await expect(page).toHaveURL(`${library.latest.url}glossary/`);
    await expect(sidebar.locator('[aria-current="page"]')).toHaveText('Glossary');
  });

  test('"On this page" marks the section being read', async ({ page }) => {
    const library = await repositoryLibrary();
    const target = library.latest.pages.find((p) => p.headings.filter((h) => h.depth === 2).length > 2)!;
    await page.goto(target.url);
    const sections = target.headings.filter((h) => h.depth <= 3);
    await page.locator(`[id="${sections[2].id}"]`).evaluate((heading) => heading.scrollIntoView());
    await expect(page.locator('.toc [aria-current="true"]')).toHaveText(sections[2].text);
    await expect(page.locator('.toc [aria-current]')).toHaveCount(1);
  });
});

test.describe('theme', () => {
  test('a light, dark or auto theme is remembered, and applied before the first paint', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('/');
    const choice = page.getByLabel('Theme');
    await expect(choice).toHaveValue('auto');
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await background();
    await choice.selectOption('dark');
    expect(await background()).not.toBe(light);

    // What the first paint sees: the theme is set on <html> before <body> exists.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (!document.body) return;
        (window as unknown as { themeAtBody: string | undefined }).themeAtBody = document.documentElement.dataset.theme;
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto('/changelog/');
    expect(await page.evaluate(() => (window as unknown as { themeAtBody?: string }).themeAtBody)).toBe('dark');
    await expect(page.getByLabel('Theme')).toHaveValue('dark');
    expect(await background()).not.toBe(light);

    await page.getByLabel('Theme').selectOption('auto');
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBeUndefined();
    expect(await background()).toBe(light);
  });
});
