import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** The rules of WCAG 2.2 AA and axe's best practices: what every page must pass. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * The rules a colour scheme can break. Light and dark share the markup and only the colours differ,
 * so a page checked with every rule in one scheme needs only these in the other: a whole-page axe run
 * costs about half as much (most of axe's time on a long page goes to contrast).
 */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * axe as every spec runs it: in the page itself, reporting violations only.
 *
 * By default @axe-core/playwright runs axe in parts (one per frame), then opens a blank page and sends it
 * every part's results, passes included, to put them together. Our pages have no frames from another origin
 * (the CSP allows none), which is all the blank page is for, so axe runs in the page ("legacy mode"), and
 * only violations are worked out in full (axe's `resultTypes`): passes and incomplete results keep one node
 * each. The same rules run on the same nodes; the specs only ever read `violations`. One idle worker,
 * December 2026, default against this: the print view of a release 24.4 s against 3.3 s, a compare page
 * 17.4 s against 3.9 s, a content page 4.9 s against 1.2 s.
 */
export function axe(page: Page): AxeBuilder {
  return new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ['violations'] });
}

/** axe with every rule of AXE_TAGS. */
export function axeAll(page: Page): AxeBuilder {
  return axe(page).withTags(AXE_TAGS);
}

/** axe with every rule in the light scheme and the colour rules in the dark one (the page must be shown in that scheme). */
export function axeFor(page: Page, colorScheme: 'light' | 'dark'): AxeBuilder {
  return colorScheme === 'light' ? axeAll(page) : axe(page).withRules(COLOUR_RULES);
}
