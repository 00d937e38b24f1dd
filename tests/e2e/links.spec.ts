import { expect, test } from './base-path.ts';
import type { VersionsManifest } from '../../src/lib/manifest.ts';
import { repositoryLibrary } from './site.ts';

// Once released, a URL never stops working: every page of every release, and /latest/ of every id ever released.
test('every released URL answers 200 in the built site', async ({ request }) => {
  const manifest: VersionsManifest = await (await request.get('/versions.json')).json();
  const library = await repositoryLibrary();
  const urls = new Set<string>();
  for (const release of manifest.releases) {
    urls.add(release.url);
    for (const page of release.pages) urls.add(page.url);
  }
  for (const release of library.releases) {
    urls.add(release.url);
    for (const page of release.pages) urls.add(page.url);
  }
  for (const id of library.releasedIds) urls.add(`/latest/${id}/`);
  for (const page of library.draft?.pages ?? []) urls.add(page.url);
  expect(manifest.releases.map((release) => release.version).sort()).toEqual(library.releases.map((release) => release.release).sort());
  const failures: string[] = [];
  for (const url of urls) {
    const response = await request.get(url, { maxRedirects: 0 });
    if (response.status() !== 200) failures.push(`${url}: ${response.status()}`);
  }
  expect(failures).toEqual([]);
  expect(urls.size).toBeGreaterThan(library.releasedIds.length);
});
