import { distance } from 'fastest-levenshtein';
import { LATEST, changelogUrl, comparePickerUrl, glossaryUrl, latestRoot, latestUrl, onboardingUrl, printUrl, releasePhrase, releaseUrl, withoutBase } from './addresses.ts';

/** A page the 404 page can point to. */
export interface KnownPage {
  id: string;
  title: string;
}

export interface Suggestion {
  url: string;
  title: string;
  /** Why: the id exists (perhaps in another release) or it is spelt like one that does. */
  reason: 'same-id' | 'similar-id';
}

/** The page id a mistyped address was probably after: its last path segment. */
export function requestedId(pathname: string): string | undefined {
  const segments = withoutBase(pathname).split('/').filter(Boolean).map((segment) => decodeURIComponent(segment).toLowerCase());
  const last = segments.at(-1);
  if (!last || last.endsWith('.html')) return segments.at(-2);
  return last;
}

/**
 * What the 404 page offers for a mistyped address: the same id in the latest release when it exists
 * there, else up to three ids spelt nearly the same (a typo, a missing hyphen, a plural).
 */
export function suggestPages(pathname: string, latest: readonly KnownPage[], limit = 3): Suggestion[] {
  const id = requestedId(pathname);
  return id ? similar(id, latest, (page) => latestUrl(page.id), limit) : [];
}

/** The same id, else up to `limit` ids spelt nearly the same (a typo, a missing hyphen, a plural). */
function similar(id: string, known: readonly KnownPage[], url: (entry: KnownPage) => string, limit: number): Suggestion[] {
  const exact = known.find((entry) => entry.id === id);
  if (exact) return [{ url: url(exact), title: exact.title, reason: 'same-id' }];
  const threshold = Math.max(2, Math.floor(id.length / 3));
  return known
    .map((entry) => ({ entry, score: Math.min(distance(id, entry.id), entry.id.includes(id) || id.includes(entry.id) ? 1 : Infinity) }))
    .filter(({ score }) => score <= threshold)
    .sort((a, b) => a.score - b.score || a.entry.id.localeCompare(b.entry.id))
    .slice(0, limit)
    .map(({ entry }) => ({ url: url(entry), title: entry.title, reason: 'similar-id' }));
}

/** What the 404 page knows of the site, beyond the latest release's pages. */
export interface KnownSite {
  /** Pages of the latest release, and removed ones (/latest/<id>/ explains where they went). */
  pages: KnownPage[];
  /** Onboarding tracks of the latest release. */
  tracks: KnownPage[];
  /** Every release key, oldest first, `draft` last when there is one. */
  releases: string[];
  latest: string;
}

/** The compare pair in `/compare/<from>...<to>/` (two or three dots), if both are releases (`latest` allowed). */
function comparePair(segment: string, site: KnownSite): [string, string] | undefined {
  const match = /^([^.]+(?:\.\d+)*)\.{2,3}(.+)$/.exec(segment);
  if (!match) return undefined;
  const known = (release: string) => (release === LATEST ? site.latest : site.releases.includes(release) ? release : undefined);
  const from = known(match[1]);
  const to = known(match[2]);
  return from && to ? [from, to] : undefined;
}

/**
 * What the 404 page offers for any address: a compare pair that is not prebuilt goes to the picker
 * with both releases filled in; a glossary, print view or track without its release prefix (or
 * misspelt) goes to the latest one; anything else is taken for a page id (`suggestPages`).
 */
export function suggestAddress(pathname: string, site: KnownSite, limit = 3): Suggestion[] {
  const segments = withoutBase(pathname).split('/').filter(Boolean).map((segment) => decodeURIComponent(segment).toLowerCase());
  const last = segments.at(-1)?.replace(/\.html$/, '');
  if (segments[0] === 'compare' && segments[1]) {
    const pair = comparePair(segments[1], site);
    if (pair) return [{ url: comparePickerUrl(pair[0], pair[1]), title: `Compare ${releasePhrase(pair[0])} with ${releasePhrase(pair[1])}`, reason: 'same-id' }];
    return [{ url: comparePickerUrl(), title: 'Compare any two releases', reason: 'similar-id' }];
  }
  if (last === 'glossary') return [{ url: glossaryUrl(latestRoot()), title: `Glossary of the latest release (${site.latest})`, reason: 'same-id' }];
  if (last === 'print') return [{ url: printUrl(releaseUrl(site.latest)), title: `Every page of release ${site.latest}, for printing`, reason: 'same-id' }];
  const onboarding = segments.indexOf('onboarding');
  if (onboarding >= 0) {
    const track = segments[onboarding + 1];
    if (!track) return [{ url: onboardingUrl(latestRoot()), title: 'Onboarding tracks', reason: 'same-id' }];
    const tracks = similar(track, site.tracks, (entry) => onboardingUrl(latestRoot(), entry.id), limit);
    return tracks.length ? tracks : [{ url: onboardingUrl(latestRoot()), title: 'Onboarding tracks', reason: 'similar-id' }];
  }
  if (segments[0] === 'changelog') return [{ url: changelogUrl(), title: 'Every release and its changes', reason: 'similar-id' }];
  return suggestPages(pathname, site.pages, limit);
}
