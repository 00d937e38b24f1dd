/**
 * What the browser islands and their components share: how an island finds its root, the parts it
 * needs inside it, and the JSON data its component writes. An island on a page without its root
 * does nothing; a root without a part its component always writes is a bug, and fails here by name
 * instead of as "cannot read properties of null" somewhere later.
 *
 * No Node APIs, and DOM only through the arguments, so the unit tests pass stand-ins.
 */

/** Roots of the islands: the attribute each component puts on the element its island works in. */
export const ISLAND_ROOTS = {
  /**
   * A track page (TrackPage.astro), and each track a page is a step of (TrackProgress.astro):
   * `progress.ts`. Inside: one `[data-track-data]` JSON block (a `TrackData`, src/lib/progress.ts)
   * and a `[data-step="<page id>"]` per step, with its `[data-step-done]` box and `[data-step-changed]` note.
   */
  progress: 'data-track-root',
  /** The reading receipt of a track (ReadingReceipt.astro): `receipt.ts`. */
  receipt: 'data-receipt',
  /** "Continue where you left off" (ContinueReading.astro): `continue.ts`. */
  continue: 'data-continue',
  /** The copy-link choice of the trainer tools (CopyLinks.astro): `copy-link.ts`. */
  copyLinks: 'data-copy-links',
  /** The compare picker (src/pages/compare/index.astro): `compare.ts`. */
  compare: 'data-compare',
  /** A citation box (Citation.astro): `cite.ts`. */
  cite: 'data-cite',
  /** The area picker (AreaPicker.astro): `area-picker.ts`. */
  areaPicker: 'data-area-picker',
  /** The 404 page's suggestions (src/pages/404.astro): `not-found.ts`. */
  notFound: 'data-not-found',
} as const;

/** A part an island needs is missing from its root: the island and its component disagree. */
export class IslandError extends Error {
  constructor(island: string, expected: string) {
    // Short: this text ships in every island. Its component must write the part into the island's root.
    super(`${island} island: no ${expected} in its root`);
    this.name = 'IslandError';
  }
}

/** The little of the DOM the helpers need, so tests can pass plain objects. */
interface Queryable {
  querySelector(selector: string): unknown;
  querySelectorAll(selector: string): Iterable<unknown>;
}

/** The roots of an island on this page, each marked with its `ISLAND_ROOTS` attribute. */
export function islandRoots<T>(document: Queryable, island: keyof typeof ISLAND_ROOTS): T[] {
  return [...document.querySelectorAll(`[${ISLAND_ROOTS[island]}]`)] as T[];
}

/** The one root of an island on this page, if the page has it. */
export function islandRoot<T>(document: Queryable, island: keyof typeof ISLAND_ROOTS): T | undefined {
  return (document.querySelector(`[${ISLAND_ROOTS[island]}]`) ?? undefined) as T | undefined;
}

/** A part an island cannot work without, inside its root. */
export function requiredPart<T>(root: Queryable, island: string, selector: string): T {
  const found = root.querySelector(selector);
  if (!found) throw new IslandError(island, selector);
  return found as T;
}

/** The JSON data block (`<script type="application/json">`, written with `jsonData()`) an island reads. */
export function islandData<T>(element: { textContent: string | null }, island: string): T {
  try {
    return JSON.parse(element.textContent ?? '') as T;
  } catch {
    throw new IslandError(island, 'readable JSON data');
  }
}
