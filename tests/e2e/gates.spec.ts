import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { HtmlValidate } from 'html-validate';
import { checkSite, documentStructureProblems, fileOfUrl, htmlFiles, pageWeight } from '../../scripts/lib/site-check.ts';
import { printPartUrl, printTrackUrl } from '../../src/lib/addresses.ts';
import { PAGE_ROUTE_KINDS, RELEASE_ROUTES, readingContext, routeOf, routePaths, type Prefix } from '../../src/lib/routes.ts';
import { DIST, repositoryLibrary } from './site.ts';
import { axeFor } from './axe.ts';

type Library = Awaited<ReturnType<typeof repositoryLibrary>>;

/** One page of every kind a reader meets, by name, so each gets its own test. */
const PAGE_KINDS: Record<string, (library: Library) => string | undefined> = {
  'front page': () => '/',
  'release front page': (library) => library.latest.url,
  'page of the latest release': (library) => library.latest.pages[1].url,
  'page read through /latest/': (library) => `/latest/${library.latest.pages[2].id}/`,
  'page of an old release': (library) => library.releases[0].pages[1].url,
  'old release front page': (library) => library.releases[0].url,
  'draft page': (library) => library.draft?.pages[0].url,
  "writer's page of the draft": (library) => (library.draft ? '/draft/writing/' : undefined),
  'every component (the writer\'s gallery)': (library) => (library.draft ? '/draft/writing/components/' : undefined),
  'removed-page notice': (library) => (library.removed[0] ? `/latest/${library.removed[0].id}/` : undefined),
  'all releases': () => '/versions/',
  changelog: () => '/changelog/',
  'release notes': (library) => `/changelog/${library.latest.release}/`,
  'compare of two releases': (library) => `/compare/${library.previous(library.latest)?.release ?? library.latest.release}...${library.latest.release}/`,
  'compare of the draft': (library) => (library.draft ? `/compare/${library.latest.release}...draft/` : undefined),
  'compare picker': () => '/compare/',
  review: () => '/review/',
  search: () => '/search/?q=tier',
  'search by filter alone': () => '/search/?tier=2',
  onboarding: () => '/onboarding/',
  'onboarding track': (library) => (library.latest.tracks[0] ? `/onboarding/${library.latest.tracks[0].id}/` : undefined),
  'print view': (library) => `${library.latest.url}print/`,
  'print view of one part': (library) => printPartUrl(library.latest.url, library.latest.parts.find((part) => part.pages.length > 0)!.id),
  'print view of one track': (library) => (library.latest.tracks[0] ? printTrackUrl(library.latest.url, library.latest.tracks[0].id) : undefined),
  glossary: () => '/latest/glossary/',
  'area directory': () => '/areas/',
  'area page': () => '/areas/area-01/',
  'program data (tables and charts)': (library) => (library.latest.data.length ? '/latest/data/' : library.draft?.data.length ? '/draft/data/' : undefined),
  '404': () => '/no-such-page/',
};

/**
 * Every kind of page of the route table is in the gates: a kind no entry above covers (a new kind
 * of per-release page) gets one here, in the first release and prefix that has it.
 */
for (const kind of PAGE_ROUTE_KINDS) {
  const name = `${RELEASE_ROUTES[kind].title} (from the route table)`;
  PAGE_KINDS[name] = (library) => {
    const covered = Object.entries(PAGE_KINDS).some(([other, urlOf]) => other !== name && !other.endsWith('(from the route table)') && routeOf(urlOf(library) ?? '')?.kind === kind);
    if (covered) return undefined;
    for (const prefix of RELEASE_ROUTES[kind].prefixes as readonly Prefix[]) {
      const [path] = routePaths(kind, prefix, library, library.releases);
      if (path) return readingContext(path.release, prefix).urlOf(kind, path.param);
    }
    return undefined;
  };
}

/** Kinds that are content pages: the reading budget applies to them. */
const CONTENT_PAGES = ['page of the latest release', 'page read through /latest/', 'page of an old release', 'draft page', 'every component (the writer\'s gallery)'];

async function pageKinds(): Promise<Array<[string, string]>> {
  const library = await repositoryLibrary();
  return Object.entries(PAGE_KINDS).flatMap(([kind, url]) => {
    const resolved = url(library);
    return resolved ? [[kind, resolved] as [string, string]] : [];
  });
}

/** What only a phone shows: the header and its menu drawer, "Pages" and "On this page" as drawers. */
const PHONE_PARTS = ['.site-header', '.sidebar', '.toc'];

test.describe('accessibility', () => {
  for (const [kind, urlOf] of Object.entries(PAGE_KINDS)) {
    test(`${kind}: zero axe-core violations at WCAG 2.2 AA, in light and dark`, async ({ page }) => {
      const url = urlOf(await repositoryLibrary());
      test.skip(!url, kind.endsWith('(from the route table)') ? 'an entry above already covers this kind of page' : `this content has no ${kind}`);
      // Up to six axe runs a kind; the print view holds every page of a release.
      test.setTimeout(240_000);
      const violations: string[] = [];
      const check = async (state: string, builder: AxeBuilder) => {
        const results = await builder.analyze();
        violations.push(...results.violations.map((v) => `${kind} (${url}, ${state}): ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
      };
      // Each state gets the rules it can break, so that a kind costs about three whole-page runs instead of
      // six: at desktop size every rule in light, the colour rules in dark; at phone size (where the layout,
      // and so target sizes and reflow, differ) every rule with the menu drawer open, then the phone's own
      // parts with "Pages" and "On this page" open; in dark, the colour rules of the phone's own parts.
      for (const [size, viewport] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]] as const) {
        await page.setViewportSize(viewport);
        for (const colorScheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme });
          await page.goto(url!);
          const phoneParts = (builder: AxeBuilder) => PHONE_PARTS.reduce((scoped, selector) => scoped.include(selector), builder);
          if (size === 'desktop') {
            await check(`${size}, ${colorScheme}, as loaded`, axeFor(page, colorScheme));
            continue;
          }
          await page.locator('.menu > summary').click();
          await check(`${size}, ${colorScheme}, menu open`, colorScheme === 'light' ? axeFor(page, colorScheme) : phoneParts(axeFor(page, colorScheme)));
          const folded = page.locator('.sidebar__toggle, .toc__title');
          if (!(await folded.count())) continue;
          await page.keyboard.press('Escape');
          for (const toggle of await folded.all()) await toggle.click();
          await check(`${size}, ${colorScheme}, pages and sections open`, phoneParts(axeFor(page, colorScheme)));
        }
      }
      expect(violations).toEqual([]);
    });
  }

  test('a theme chosen in the switch passes axe like the system one, and the trainer tools open clean', async ({ page }) => {
    const library = await repositoryLibrary();
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(library.releases[0].pages[1].url);
    await page.getByLabel('Theme').selectOption('dark');
    await page.locator('.trainer-tools > summary').click();
    const results = await axeFor(page, 'light').analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  test('a keyboard user can skip to the content and reach the page links', async ({ page }) => {
    const library = await repositoryLibrary();
    await page.goto(library.latest.pages[1].url);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.locator('main#main')).toBeFocused();
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.closest('main') !== null);
    expect(focused).toBe(true);
  });

  test('focus is visible', async ({ page }) => {
    await page.goto('/');
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).not.toBe('none');
  });
});

test.describe('privacy', () => {
  test('no page makes a request outside its origin or sets a cookie', async ({ page, context, baseURL }) => {
    // Every kind of page, each until the network is idle: frozen pages also fetch /releases.json (issue 16),
    // and on a busy machine the walk took 29-32 s of the default 30.
    test.slow();
    const origin = new URL(baseURL!).origin;
    const outside: string[] = [];
    const cspErrors: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.origin !== origin && url.protocol !== 'data:') outside.push(`${page.url()} -> ${request.url()}`);
    });
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) cspErrors.push(`${page.url()}: ${message.text()}`);
    });
    for (const [, url] of await pageKinds()) {
      await page.goto(url);
      await page.waitForLoadState('networkidle');
    }
    expect(outside).toEqual([]);
    expect(cspErrors).toEqual([]);
    expect(await context.cookies()).toEqual([]);
  });

  test('every page carries a Content Security Policy without unsafe-inline scripts', async () => {
    for (const file of await htmlFiles(DIST)) {
      const html = readFileSync(join(DIST, file), 'utf8');
      const csp = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html)?.[1];
      expect(csp, file).toBeDefined();
      expect(csp).toContain("default-src 'self'");
      const scriptSrc = /script-src ([^;]*)/.exec(csp!)?.[1] ?? '';
      expect(scriptSrc).not.toContain('unsafe-inline');
      expect(scriptSrc).not.toContain("'unsafe-eval'");
    }
  });
});

test.describe('the built files', () => {
  test('every internal link and anchor resolves, and nothing is fetched from another origin', async () => {
    const report = await checkSite(DIST);
    expect(report.broken).toEqual([]);
    expect(report.external).toEqual([]);
    expect(report.pages).toBeGreaterThan(100);
  });

  test('every page is valid HTML', async () => {
    const validator = new HtmlValidate({
      extends: ['html-validate:recommended'],
      rules: {
        // Astro writes attribute-less <html> children and long inline hashes; these rules are about style, not validity.
        'no-inline-style': 'error',
        'require-sri': 'off',
        'long-title': 'off',
        'no-trailing-whitespace': 'off',
        'attribute-boolean-style': 'off',
        'attribute-empty-style': 'off',
        'void-style': 'off',
        'no-redundant-role': 'off',
      },
    });
    const problems: string[] = [];
    for (const file of await htmlFiles(DIST)) {
      const report = await validator.validateString(readFileSync(join(DIST, file), 'utf8'), file);
      for (const result of report.results) for (const message of result.messages) problems.push(`${file}:${message.line}: ${message.ruleId}: ${message.message}`);
    }
    expect(problems).toEqual([]);
  });

  test('every page ends with </html>, with one html, head and body (what html-validate does not check)', async () => {
    const problems: string[] = [];
    for (const file of await htmlFiles(DIST)) {
      for (const problem of documentStructureProblems(readFileSync(join(DIST, file), 'utf8'))) problems.push(`${file}: ${problem}`);
    }
    expect(problems).toEqual([]);
  });

  test('reading a page costs at most 15 KiB of JavaScript and 30 KiB of CSS before any interaction', async () => {
    for (const [kind, url] of await pageKinds()) {
      const file = fileOfUrl(DIST, url);
      if (!file || !CONTENT_PAGES.includes(kind)) continue;
      const weight = pageWeight(DIST, file.slice(DIST.length + 1));
      expect(weight.scriptBytes, `${kind}: ${weight.scripts.join(', ')}`).toBeLessThanOrEqual(15 * 1024);
      expect(weight.styleBytes, kind).toBeLessThanOrEqual(30 * 1024);
    }
  });

  test('in the browser too: a content page fetches at most 15 KiB of JavaScript before any interaction, search code included in none', async ({ page }) => {
    for (const [kind, url] of await pageKinds()) {
      if (!CONTENT_PAGES.includes(kind)) continue;
      // Scripts a page imports on load (dynamic imports included) count; what loads on a click does not.
      const scripts = new Map<string, number>();
      page.on('request', (request) => {
        if (request.resourceType() !== 'script') return;
        const file = fileOfUrl(DIST, new URL(request.url()).pathname);
        scripts.set(request.url(), file ? statSync(file).size : Infinity);
      });
      await page.goto(url);
      await page.waitForLoadState('networkidle');
      const total = [...scripts.values()].reduce((sum, bytes) => sum + bytes, 0);
      expect(total, `${kind}: ${[...scripts.keys()].join(', ')}`).toBeLessThanOrEqual(15 * 1024);
      expect([...scripts.keys()].filter((script) => /pagefind|search-dialog|search-ui/.test(script))).toEqual([]);
      page.removeAllListeners('request');
    }
  });
});
