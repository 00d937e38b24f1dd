import { computeChanges, type ReleaseChanges } from './changes.ts';
import type { TextBlock } from './compile.ts';
import type { Library, Release } from './model.ts';
import type { ViewPage, ViewRelease } from './compare-view.ts';

/**
 * The data the compare island reads to compare any two releases in the browser, and the code that
 * turns it back into releases for the same change computation and diff as the prebuilt pages.
 *
 * `/compare-data/<release>.json` lists a release's pages (ids, titles, places, body hashes), small and
 * one per release. The text blocks of each distinct page body are in `/compare-data/body/<hash>.json`,
 * written once however many releases share that body, so the data grows with distinct content, not
 * with releases x pages, and a comparison fetches only the bodies of the pages that differ.
 */

export interface PageData {
  id: string;
  title: string;
  part: string;
  partTitle: string;
  order: number;
  url: string;
  bodyHash: string;
  /** Only when the page shows figures or downloads. */
  assets?: Array<{ path: string; hash: string }>;
  /** Only when the page replaced others. */
  supersedes?: string[];
}

export interface ReleaseData {
  release: string;
  label: string;
  isDraft: boolean;
  date?: string;
  title: string;
  url: string;
  /** In reading order. */
  pages: PageData[];
  /** Page ids this release does not have, mapped to the page of this release that replaced them. */
  successors: Record<string, string>;
}

/** The text blocks of one page body. */
export type BodyData = TextBlock[];


/** What `/compare-data/<release>.json` holds for a release of the model. */
export function releaseData(library: Library, release: Release): ReleaseData {
  const successors: Record<string, string> = {};
  const ids = new Set([...library.releasedIds, ...(library.draft?.pages.map((page) => page.id) ?? [])]);
  for (const id of ids) {
    const resolution = library.resolve(id, release);
    if (resolution.kind === 'successor') successors[id] = resolution.page.id;
  }
  return {
    release: release.release,
    label: release.label,
    isDraft: release.isDraft,
    ...(release.date ? { date: release.date } : {}),
    title: release.title,
    url: release.url,
    pages: release.pages.map((page) => ({
      id: page.id,
      title: page.title,
      part: page.part,
      partTitle: page.partTitle,
      order: page.order,
      url: page.url,
      bodyHash: page.bodyHash,
      ...(page.assets.length ? { assets: page.assets } : {}),
      ...(page.supersedes.length ? { supersedes: page.supersedes } : {}),
    })),
    successors,
  };
}

/** Every distinct page body of the playbook, once, with its text blocks. */
export function distinctBodies(library: Library): Map<string, BodyData> {
  const bodies = new Map<string, BodyData>();
  for (const release of library.all) for (const page of release.pages) if (!bodies.has(page.bodyHash)) bodies.set(page.bodyHash, page.blocks);
  return bodies;
}

/**
 * The bodies a comparison shows: both sides of a page whose text changed, and the text of pages
 * added or removed. Unchanged, renamed-only and moved-only pages need none.
 */
export function bodiesNeeded(from: ReleaseData, to: ReleaseData): string[] {
  const needed = new Set<string>();
  const before = new Map(from.pages.map((page) => [page.id, page]));
  const after = new Set(to.pages.map((page) => page.id));
  for (const page of to.pages) {
    const old = before.get(page.id);
    if (old?.bodyHash !== page.bodyHash) needed.add(page.bodyHash);
    if (old && old.bodyHash !== page.bodyHash) needed.add(old.bodyHash);
  }
  for (const page of from.pages) if (!after.has(page.id)) needed.add(page.bodyHash);
  return [...needed];
}

export interface BrowserPage extends PageData, ViewPage {
  supersedes: string[];
  assets?: Array<{ path: string; hash: string }>;
  blocks: TextBlock[];
}

export interface BrowserRelease extends ViewRelease {
  pages: BrowserPage[];
  page(id: string): BrowserPage | undefined;
  successors: Record<string, string>;
}

/** A release rebuilt from its data file, with the blocks of whichever bodies were fetched. */
export function releaseFromData(data: ReleaseData, bodies: ReadonlyMap<string, BodyData>): BrowserRelease {
  const pages: BrowserPage[] = data.pages.map((page) => ({ ...page, supersedes: page.supersedes ?? [], blocks: bodies.get(page.bodyHash) ?? [] }));
  const byId = new Map(pages.map((page) => [page.id, page]));
  return { ...data, pages, page: (id) => byId.get(id) };
}

/** The model's change computation, on releases rebuilt from their data files. */
export function compareData(from: BrowserRelease, to: BrowserRelease): ReleaseChanges<BrowserPage, BrowserRelease> {
  return computeChanges(from, to, (id) => {
    const successor = to.successors[id];
    return successor === undefined ? undefined : to.page(successor);
  });
}
