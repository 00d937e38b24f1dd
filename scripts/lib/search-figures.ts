import { existsSync } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { VersionsManifest } from '../../src/lib/manifest.ts';
import { searchableHtml, withoutElements } from '../../src/lib/search-index.ts';
import { searchBundleUrl as bundleUrl, searchWordsUrl } from '../../src/lib/addresses.ts';
import { RESULTS_SHOWN, SEARCH_ROOT } from '../../src/lib/search.ts';
import { withSitePaths } from '../../src/lib/outside.ts';

/**
 * What search costs a reader and the site, measured on a built site for the benchmark (issue 8):
 * the bytes one search downloads, found by running Pagefind's own browser runtime in Node against
 * the built files, and the size of every release's bundle.
 */

export interface SearchQueryBytes {
  /** pagefind.js: fetched once per visit. */
  runtime: number;
  /** The WebAssembly search engine, from the searched release's bundle. */
  wasm: number;
  /** pagefind-entry.json and the release's index metadata. */
  meta: number;
  /** The index chunks holding the searched word. */
  index: number;
  /** Filter indexes (none for a search without filters). */
  filters: number;
  /** The fragments of the results shown (title, part, excerpt, sections). */
  fragments: number;
  /** The release's synonyms and vocabulary (/search-words/<release>.json), fetched beside the bundle. */
  words: number;
  /** Everything: what a reader waits for on their first search. */
  total: number;
}

export interface SearchFigures {
  /** The word searched: the most common longer word of the latest release, unless one was given. */
  term: string;
  release: string;
  /** Results found, and how many of them were loaded (as the search islands show them). */
  results: number;
  shown: number;
  requests: number;
  bytes: SearchQueryBytes;
  /** Each bundle on disk, newest release first, then the draft. */
  bundles: Array<{ release: string; files: number; bytes: number }>;
  /** Every search file in the site: bundles, runtime and catalogue. */
  totalBytes: number;
}

export interface SearchFiguresOptions {
  term?: string;
  /** The release searched; the latest unless given. */
  release?: string;
}

/**
 * The most frequent word of at least five letters in the text these built pages give search (the
 * article, without what is marked data-pagefind-ignore): a "typical" search, whatever the content
 * (the real playbook or the benchmark's lorem ipsum). Ties go to the word first in alphabetical
 * order, so the choice is stable.
 */
export function commonWord(htmls: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const html of htmls) {
    const indexed = withoutElements(searchableHtml(html, 'page'), (element) => 'data-pagefind-ignore' in element.attributes, 'page');
    const text = indexed.replace(/<[^>]+>/g, ' ').toLowerCase();
    for (const word of text.match(/\p{L}{5,}/gu) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const [best] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (!best) throw new Error('found no words of five letters or more in the pages; expected page bodies with text');
  return best[0];
}

async function folderFigures(folder: string): Promise<{ files: number; bytes: number }> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  const sizes = await Promise.all(files.map(async (file) => (await stat(file)).size));
  return { files: files.length, bytes: sizes.reduce((sum, size) => sum + size, 0) };
}

/** What kind of search file a path is, for the byte count. */
function kindOf(path: string): Exclude<keyof SearchQueryBytes, 'total' | 'runtime' | 'words'> {
  if (path.endsWith('.pagefind')) return 'wasm';
  if (path.includes('/index/')) return 'index';
  if (path.includes('/filter/')) return 'filters';
  if (path.includes('/fragment/')) return 'fragments';
  return 'meta';
}

interface PagefindRuntime {
  createInstance(options: Record<string, unknown>): {
    search(term: string, options: Record<string, unknown>): Promise<{ results: Array<{ data(): Promise<unknown> }> }>;
    destroy(): Promise<void>;
  };
}

/**
 * Measures search on the built site in `dist`. One search for a common word in one release, as
 * the islands make it (no worker, the first results' fragments loaded), counting every file fetched.
 */
export async function searchFigures(dist: string, options: SearchFiguresOptions = {}): Promise<SearchFigures> {
  const manifest = withSitePaths(JSON.parse(await readFile(join(dist, 'versions.json'), 'utf8')) as VersionsManifest);
  const release = options.release ?? manifest.latest;
  const pages = release === 'draft' ? manifest.draft?.pages : manifest.releases.find((r) => r.version === release)?.pages;
  if (!pages) throw new Error(`${join(dist, 'versions.json')}: found no release "${release}"; expected one of ${manifest.releases.map((r) => r.version).join(', ')}`);
  const term = options.term ?? commonWord(await Promise.all(pages.map((page) => readFile(join(dist, page.url, 'index.html'), 'utf8'))));

  const fetched: Array<{ path: string; bytes: number }> = [];
  const browserFetch = globalThis.fetch;
  // Pagefind fetches its files by site path; answer from the built files and count the bytes.
  globalThis.fetch = (async (input: string | URL | Request) => {
    const path = decodeURIComponent(new URL(input instanceof Request ? input.url : String(input), 'http://site.invalid').pathname);
    const body = await readFile(join(dist, path));
    fetched.push({ path, bytes: body.length });
    return new Response(body);
  }) as typeof fetch;
  let found: number;
  let shown: number;
  try {
    const runtime = (await import(pathToFileURL(join(dist, SEARCH_ROOT, 'pagefind.js')).href)) as PagefindRuntime;
    const pagefind = runtime.createInstance({ basePath: bundleUrl(release), noWorker: true });
    const search = await pagefind.search(term, {});
    found = search.results.length;
    const loaded = search.results.slice(0, RESULTS_SHOWN);
    await Promise.all(loaded.map((result) => result.data()));
    shown = loaded.length;
    await pagefind.destroy();
  } finally {
    globalThis.fetch = browserFetch;
  }

  const wordsFile = join(dist, searchWordsUrl(release));
  const words = existsSync(wordsFile) ? (await stat(wordsFile)).size : 0;
  const bytes: SearchQueryBytes = { runtime: (await stat(join(dist, SEARCH_ROOT, 'pagefind.js'))).size, wasm: 0, meta: 0, index: 0, filters: 0, fragments: 0, words, total: 0 };
  for (const file of fetched) bytes[kindOf(file.path)] += file.bytes;
  bytes.total = bytes.runtime + bytes.wasm + bytes.meta + bytes.index + bytes.filters + bytes.fragments + bytes.words;

  const releases = [...manifest.releases.map((r) => r.version), ...(manifest.draft ? ['draft'] : [])];
  const bundles = await Promise.all(releases.map(async (key) => ({ release: key, ...(await folderFigures(join(dist, bundleUrl(key)))) })));
  return {
    term,
    release,
    results: found,
    shown,
    requests: fetched.length + 1 + (words ? 1 : 0),
    bytes,
    bundles,
    totalBytes: (await folderFigures(join(dist, SEARCH_ROOT))).bytes,
  };
}
