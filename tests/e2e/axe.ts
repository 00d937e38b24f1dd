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

/** axe with every rule in the light scheme and the colour rules in the dark one (the page must be shown in that scheme). */
export function axeFor(page: Page, colorScheme: 'light' | 'dark'): AxeBuilder {
  const builder = new AxeBuilder({ page });
  return colorScheme === 'light' ? builder.withTags(AXE_TAGS) : builder.withRules(COLOUR_RULES);
}
