import { effectiveDate } from './document-control.ts';
import type { Library, Page, Release } from './model.ts';
import { pageDiffUrl } from './addresses.ts';

/** The frozen release in effect on a day: the newest whose effective date is on or before it. */
export function releaseInEffectOn(library: Library, date: string): Release | undefined {
  let found: Release | undefined;
  for (const release of library.releases) {
    const effective = effectiveDate(release);
    if (effective && effective <= date) found = release;
  }
  return found;
}

/** What changed in a page since its last review: the text in effect on that day against the text under review. */
export type SinceReview =
  | { kind: 'changed'; from: Release; url: string }
  | { kind: 'unchanged'; from: Release }
  /** No frozen release has the page: it is new in the draft. */
  | { kind: 'new' };

/**
 * The text a page's last review saw: the first release that carries this review date (the review
 * was of that release's text); for a date first set in the draft, the release in effect that day
 * (or the first release with the page, for a review before it took effect).
 */
export function changesSinceReview(library: Library, target: Release, page: Page): SinceReview {
  const inEffect = releaseInEffectOn(library, page.reviewed);
  const candidates = inEffect ? library.releases.slice(library.releases.indexOf(inEffect)) : library.releases;
  const from =
    library.releases.find((release) => release.page(page.id)?.reviewed === page.reviewed) ?? candidates.find((release) => release.page(page.id));
  const old = from?.page(page.id);
  if (!from || !old) return { kind: 'new' };
  if (from === target) return { kind: 'unchanged', from };
  if (old.bodyHash === page.bodyHash && old.title === page.title) return { kind: 'unchanged', from };
  const order = library.all.map((release) => release.release);
  return { kind: 'changed', from, url: pageDiffUrl(from.release, target.release, order, page.id) };
}
