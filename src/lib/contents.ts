import type { Release } from './model.ts';

/**
 * A release's parts and the titles of their pages: what the sidebar lists when a folded part is
 * opened (src/client/site.ts). Written once per release instead of into every page (issue 16: the
 * sidebar listing every page of the release was a third of each page's bytes).
 */
export interface ReleaseContents {
  parts: Array<{ id: string; pages: Array<[id: string, title: string]> }>;
}

export function releaseContents(release: Release): ReleaseContents {
  return { parts: release.parts.filter((part) => part.pages.length > 0).map((part) => ({ id: part.id, pages: part.pages.map((page) => [page.id, page.title]) })) };
}
