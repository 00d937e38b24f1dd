import { test as playwrightTest, expect } from '@playwright/test';
import { siteBase, sitePath, useSiteBase } from '../../src/lib/addresses.ts';
import { settings } from '../../src/settings.ts';

/**
 * The specs run against a site built at the root or under a base path (`PLAYBOOK_BASE=/peer-support/`,
 * the `base-path` project in playwright.config.ts). They write addresses as the route table knows
 * them (`/v/2.0/`); `at()` puts them under the base. The model the tests read from the files
 * (site.ts) builds its addresses under the same base.
 */
useSiteBase(settings.base);

/**
 * Built under a base path (npm run test:base). Accessibility does not depend on the base path, so
 * the axe checks of these specs run at the root only (as do the gates), which keeps the second run short.
 */
export const UNDER_BASE = siteBase() !== '/';

/** An address of the site under its base path; one already under it (from the model or the page) is left as it is. */
export function at(path: string): string {
  return path.startsWith('/') && !path.startsWith(siteBase()) ? sitePath(path) : path;
}

/** A path of the site as a pattern that matches it under the base path: for `toHaveURL` and `href` checks. */
export function atPattern(pattern: string): RegExp {
  return new RegExp(`^${siteBase().replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}${pattern.replace(/^\^?\\?\//, '')}`);
}

/** Playwright's `test`, with `page.goto` and `request.get` taking addresses as the route table knows them. */
export const test = playwrightTest.extend({
  page: async ({ page }, use) => {
    const goto = page.goto.bind(page);
    page.goto = (url, options) => goto(at(url), options);
    await use(page);
  },
  request: async ({ request }, use) => {
    const get = request.get.bind(request);
    request.get = (url, options) => get(at(url), options);
    await use(request);
  },
});

export { expect };
