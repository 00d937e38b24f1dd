/**
 * The two files the release switcher and a page's history read (src/lib/release-data.ts), each fetched
 * once per page and cached by the browser like any file of the site.
 */
import { releasesDataUrl } from '../lib/addresses.ts';
import type { PageReleasesData, ReleasesData } from '../lib/release-data.ts';

const loaded = new Map<string, Promise<unknown>>();

function load<T>(url: string): Promise<T> {
  let found = loaded.get(url);
  if (!found) {
    found = fetch(url).then((response) => {
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      return response.json();
    });
    loaded.set(url, found);
  }
  return found as Promise<T>;
}

export const releases = (): Promise<ReleasesData> => load<ReleasesData>(releasesDataUrl());
export const pageReleases = (url: string): Promise<PageReleasesData> => load<PageReleasesData>(url);

/** The release the page belongs to (`<html data-release>`): a release number, `draft`, or undefined. */
export const current = document.documentElement.dataset.release;
