import { releasePhrase } from './addresses.ts';
import type { TextBlock } from './compile.ts';
import type { Library, Page, Release } from './model.ts';
import { isEditorialIn } from './material.ts';

/**
 * Section stamps as NICE prints them ("[new 2012]", "[2004, amended 2012]"): beside each h2/h3 of a
 * page, the release that added the section and the last release that changed it in meaning.
 * Computed from the section-level text of each release in turn, so it costs releases x pages once.
 */

export interface SectionStamp {
  /** The release in which this section first appeared, when later than the page's first release. */
  newIn?: Release;
  /** The last release that changed the section's text, in a change classed material (or not classed). */
  amendedIn?: Release;
}

/** The text of each section of a page, by heading anchor: the heading and what follows it up to the next heading. */
export function sectionTexts(blocks: readonly TextBlock[]): Map<string, string> {
  const sections = new Map<string, string>();
  let current: string | undefined;
  for (const block of blocks) {
    if (block.kind === 'heading' && block.anchor && (block.depth === 2 || block.depth === 3)) {
      current = block.anchor;
      sections.set(current, block.text);
    } else if (block.kind === 'heading') {
      current = undefined;
    } else if (current) {
      sections.set(current, `${sections.get(current)}\n${block.text}`);
    }
  }
  return sections;
}

type PageStamps = Map<string, SectionStamp>;
const stampsByLibrary = new WeakMap<Library, Map<Release, Map<string, PageStamps>>>();

function stampsOf(library: Library): Map<Release, Map<string, PageStamps>> {
  let all = stampsByLibrary.get(library);
  if (all) return all;
  all = new Map();
  const texts = new Map<string, Map<string, string>>();
  const textsOf = (page: Page) => {
    let found = texts.get(page.bodyHash);
    if (!found) texts.set(page.bodyHash, (found = sectionTexts(page.blocks)));
    return found;
  };
  for (const release of library.all) {
    const previous = library.previous(release);
    const pages = new Map<string, PageStamps>();
    for (const page of release.pages) {
      const old = previous?.page(page.id);
      const before = old && previous ? all.get(previous)?.get(page.id) : undefined;
      const stamps: PageStamps = new Map();
      const now = textsOf(page);
      if (!old || !before) {
        // First release of this page: nothing to stamp, its sections are as old as the page.
        for (const anchor of now.keys()) stamps.set(anchor, {});
      } else {
        const then = textsOf(old);
        // A renamed heading keeps its history: `anchors` maps old anchors to the current ones.
        const renamedFrom = new Map(Object.entries(page.anchors).map(([oldAnchor, current]) => [current, oldAnchor]));
        const editorial = isEditorialIn(library, release, page.id);
        for (const [anchor, text] of now) {
          const key = then.has(anchor) ? anchor : renamedFrom.get(anchor);
          const earlier = key === undefined ? undefined : then.get(key);
          if (earlier === undefined) {
            stamps.set(anchor, { newIn: release });
            continue;
          }
          const stamp = { ...(before.get(key as string) ?? {}) };
          if (earlier !== text && !editorial) stamp.amendedIn = release;
          stamps.set(anchor, stamp);
        }
      }
      pages.set(page.id, stamps);
    }
    all.set(release, pages);
  }
  stampsByLibrary.set(library, all);
  return all;
}

/** The stamps of each section of a page of a release, by heading anchor. */
export function sectionStamps(library: Library, release: Release, page: Page): Map<string, SectionStamp> {
  return stampsOf(library).get(release)?.get(page.id) ?? new Map();
}

/** "New in 2.0", "Amended in 2.1", "New in 1.1, amended in 2.0"; nothing for a section as old as its page and never amended. */
export function stampText(stamp: SectionStamp): string | undefined {
  const label = (release: Release) => (release.isDraft ? releasePhrase(release.release) : release.label);
  if (stamp.newIn && stamp.amendedIn) return `New in ${label(stamp.newIn)}, amended in ${label(stamp.amendedIn)}`;
  if (stamp.newIn) return `New in ${label(stamp.newIn)}`;
  if (stamp.amendedIn) return `Amended in ${label(stamp.amendedIn)}`;
  return undefined;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The page's HTML with each stamp after its heading (beside it, not inside: the heading's name and
 * anchor stay as they are), marked so that search does not index it.
 */
export function withStamps(html: string, stamps: ReadonlyMap<string, SectionStamp>): string {
  return html.replace(/<(h[23]) id="([^"]+)"[^>]*>[\s\S]*?<\/\1>/g, (heading, _tag: string, anchor: string) => {
    const stamp = stamps.get(anchor);
    const text = stamp && stampText(stamp);
    return text ? `${heading}<p class="section-stamp" data-pagefind-ignore>${escapeHtml(text)}</p>` : heading;
  });
}
