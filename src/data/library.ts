import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { ContentError } from '../lib/problems.ts';
import { buildLibrary, type Library, type Release } from '../lib/model.ts';
import { cachedCopy, copyKey, noticesOf } from '../lib/copies.ts';
import { buildReleaseCache, findEntry, releaseKey, releaseKeyParts } from '../lib/release-cache.ts';
import { settings } from '../settings.ts';

let library: Promise<Library> | undefined;

/**
 * The model of every release, built once per build from the collections and shared by all routes.
 * Under `npm run dev` it is built for each request, from the collections as the last save left
 * them, and content with problems throws them, so the page shows file, line and field in the
 * browser's error overlay instead of stale text.
 */
export function getLibrary(): Promise<Library> {
  if (import.meta.env.DEV) library = undefined;
  library ??= (async () => {
    const problems = (await getEntry('problems', 'current'))?.data.problems ?? [];
    if (problems.length) throw new ContentError(problems);
    const [pages, releases, notices] = await Promise.all([getCollection('pages'), getCollection('releases'), getCollection('notices')]);
    return buildLibrary(
      releases.map((entry) => entry.data),
      pages.map((entry) => ({ ...entry.data, html: entry.rendered?.html ?? '' })),
      // The build's day decides which release is in effect; the pages re-check with the reader's day.
      { notices: notices.map((entry) => entry.data) },
    );
  })();
  return library;
}

/** Written release notes by version. */
export async function getNotes(): Promise<Map<string, CollectionEntry<'notes'>>> {
  const notes = await getCollection('notes');
  return new Map(notes.map((entry) => [entry.id, entry]));
}

/**
 * The frozen releases whose output this build renders: every one, less those the release cache
 * holds unchanged under their key (src/lib/release-cache.ts), which the build puts in place from
 * the cache instead. Every route under /v/<version>/, and every file made per release, asks this.
 * Under `npm run dev` and outside a build, every release.
 */
export async function renderedReleases(): Promise<Release[]> {
  const library = await getLibrary();
  // Opened only by a build (astro:build:start), never under `npm run dev`.
  const cache = buildReleaseCache();
  if (!cache) return library.releases;
  cache.releases ??= new Map(
    library.releases.map((release) => {
      const key = releaseKey(releaseKeyParts(library, release, cache.toolchain, copiesOf(library, release)));
      return [release.release, { key, entry: findEntry(cache.cacheDir, release.release, key) }];
    }),
  );
  const releases = cache.releases;
  return library.releases.filter((release) => !releases.get(release.release)?.entry);
}

/** `getStaticPaths` for a route under each frozen release: `{ version }` for every release rendered in this build. */
export async function releasePaths(): Promise<Array<{ params: { version: string } }>> {
  return (await renderedReleases()).map((release) => ({ params: { version: release.release } }));
}

/** `getStaticPaths` for a file made for every release and the draft: `{ release }` for each rendered in this build. */
export async function everyReleasePaths(): Promise<Array<{ params: { release: string } }>> {
  const library = await getLibrary();
  const rendered = await renderedReleases();
  return [...rendered, ...(library.draft ? [library.draft] : [])].map((release) => ({ params: { release: release.release } }));
}

/** The sizes of a frozen release's PDF and offline copy when they have been made (its pages link them; src/components/ReleaseCopies.astro). */
function copiesOf(library: Library, release: Release): string {
  const key = copyKey(release.digest, noticesOf(release.release, library.notices));
  return (['pdf', 'offline'] as const).map((kind) => `${kind}:${cachedCopy(settings.copiesDir, release.release, key, kind)?.bytes ?? 'none'}`).join(' ');
}
