import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, link, mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Parser } from 'htmlparser2';
import * as pagefind from 'pagefind';
import type { VersionsManifest } from './manifest.ts';
import { DRAFT, changelogPath, releasePath } from './addresses.ts';
import { SEARCH_ROOT, type SearchCatalogue } from './search.ts';
import { withSitePaths } from './outside.ts';

/**
 * Builds the search: one Pagefind bundle per release (and one for the draft) under /pagefind/,
 * the runtime once beside them. A frozen release's pages never change, so its bundle is kept in
 * the cache and reused until what Pagefind would read from its pages changes: build cost follows
 * new content, not releases times pages.
 */

/** Bump when the files written for a bundle change shape, so cached bundles are not reused. */
export const INDEXER_VERSION = 1;

/** One release's bundle: which built pages it indexes. */
export interface BundleSource {
  /** A release number, or `draft`. */
  release: string;
  /** Permanent addresses (`/v/2.0/<id>/`), never the /latest/ duplicates. */
  urls: string[];
}

/** The bundles to build, from the site's own manifest (/versions.json): every release, then the draft. */
export function bundleSources(manifest: VersionsManifest): BundleSource[] {
  // Paths inside the built site (`/v/2.0/<id>/`): the manifest's addresses carry the site's base path.
  const paths = (release: string, pages: Array<{ id: string }>) => pages.map((page) => `${releasePath(release)}${page.id}/`);
  const sources = manifest.releases.map((release) => ({ release: release.version, urls: paths(release.version, release.pages) }));
  if (manifest.draft) sources.push({ release: DRAFT, urls: paths(DRAFT, manifest.draft.pages) });
  return sources;
}

/**
 * The other pages of a release that search finds as their own kinds of result: its glossary, its
 * onboarding tracks and its release notes. Each is in the bundle of its release (so a search of 1.1
 * finds 1.1's glossary), and only when the built page declares what search reads (data-pagefind-body):
 * the markup, not a list here, says what is searchable.
 */
export async function companionUrls(outDir: string, release: string): Promise<string[]> {
  const base = releasePath(release);
  const candidates = [`${base}glossary/`];
  const tracks = join(outDir, base, 'onboarding');
  if (existsSync(tracks)) {
    for (const entry of (await readdir(tracks, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.isDirectory()) candidates.push(`${base}onboarding/${entry.name}/`);
    }
  }
  if (release !== DRAFT) candidates.push(changelogPath(release));
  const found: string[] = [];
  for (const url of candidates) {
    const file = join(outDir, url, 'index.html');
    if (existsSync(file) && hasSearchBody(await readFile(file, 'utf8'))) found.push(url);
  }
  return found;
}

/** What the islands read to scope a search: written to /pagefind/releases.json. */
export function searchCatalogue(manifest: VersionsManifest): SearchCatalogue {
  return { latest: manifest.latest, releases: manifest.releases.map((release) => release.version), draft: Boolean(manifest.draft) };
}

/** Attributes Pagefind honours anywhere on a page, not only inside `data-pagefind-body`. */
const PAGE_WIDE = /^data-pagefind-(?:filter|meta|default-meta|sort)$/;
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** An element of a built page, where it is in the page's text: `html.slice(start, end)` is the whole element. */
export interface ElementSpan {
  name: string;
  attributes: Record<string, string>;
  start: number;
  end: number;
  /** False when the page never closes it (a void element is closed by its start tag). */
  closed: boolean;
}

/**
 * Every element of a page, in document order, with its place in the text, read by htmlparser2 (which
 * reads a page as a browser does: script and style as raw text, end tags matched by name). The spans
 * let callers cut elements out of the original text, so the rest stays byte for byte as built.
 */
export function elementsOf(html: string): ElementSpan[] {
  const elements: ElementSpan[] = [];
  const open: ElementSpan[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const element = { name, attributes, start: parser.startIndex, end: parser.endIndex + 1, closed: VOID.has(name) };
        elements.push(element);
        open.push(element);
      },
      onclosetag(name, implied) {
        const element = open.pop();
        if (!element || VOID.has(name)) return;
        element.closed = !implied;
        if (!implied) element.end = parser.endIndex + 1;
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return elements;
}

/** Whether the page declares what search reads: an element marked `data-pagefind-body`. */
export function hasSearchBody(html: string): boolean {
  return elementsOf(html).some((element) => 'data-pagefind-body' in element.attributes);
}

/** A page's element that must be cut out whole, refused (naming the file) when the page never closes it. */
function closedElement(element: ElementSpan, file: string, what: string): ElementSpan {
  if (!element.closed) throw new Error(`${file}: found <${element.name} ${what}> without its closing </${element.name}>; expected well-formed HTML`);
  return element;
}

/** `html` without the spans of `elements` (outermost ones; those inside another are cut with it), shifted by `offset`. */
function cut(html: string, elements: readonly ElementSpan[], offset = 0): string {
  let out = '';
  let at = 0;
  for (const element of [...elements].sort((a, b) => a.start - b.start)) {
    const start = element.start - offset;
    if (start < at) continue;
    out += html.slice(at, start);
    at = element.end - offset;
  }
  return out + html.slice(at);
}

/** `html` without the elements `drop` picks, and their content. */
export function withoutElements(html: string, drop: (element: ElementSpan) => boolean, file: string): string {
  return cut(html, elementsOf(html).filter(drop).map((element) => closedElement(element, file, Object.keys(element.attributes).join(' '))));
}

/** What Pagefind skips entirely: scripts, styles and elements marked `data-pagefind-ignore="all"`. */
const skippedBySearch = (element: ElementSpan) => element.name === 'script' || element.name === 'style' || element.attributes['data-pagefind-ignore'] === 'all';

/**
 * The part of a built page that Pagefind reads: the element marked `data-pagefind-body` (the
 * article), in a document with the page's language, without what Pagefind skips entirely:
 * elements marked `data-pagefind-ignore="all"`, scripts and styles. Everything search needs is
 * declared inside the article, so this is all Pagefind sees of the page, and it stays the same
 * from build to build while the page's text does: the version switcher and navigation around
 * it, and furniture marked ignore="all" inside it, may change with every release without
 * re-indexing the frozen ones. Fails, naming the file, when a page-wide search attribute sits
 * outside the body, where it would be silently lost.
 */
export function searchableHtml(html: string, file: string): string {
  const elements = elementsOf(html);
  const found = elements.find((element) => 'data-pagefind-body' in element.attributes);
  if (!found) throw new Error(`${file}: found no element with data-pagefind-body; expected the page's article to carry it`);
  const body = closedElement(found, file, 'data-pagefind-body');
  const inside = (element: ElementSpan) => element.start >= body.start && element.end <= body.end;
  for (const element of elements) {
    if (inside(element)) continue;
    const stray = Object.keys(element.attributes).find((name) => PAGE_WIDE.test(name));
    if (stray) throw new Error(`${file}: found ${stray} outside the data-pagefind-body element; expected every search attribute inside the page's article`);
  }
  // Scripts and styles are never indexed (their bundled file names change with any island's code).
  const skipped = elements.filter((element) => element !== body && inside(element) && skippedBySearch(element));
  for (const element of skipped) if (element.name !== 'script' && element.name !== 'style') closedElement(element, file, 'data-pagefind-ignore="all"');
  const text = cut(html.slice(body.start, body.end), skipped, body.start);
  const lang = elements.find((element) => element.name === 'html')?.attributes.lang ?? 'en';
  return `<!doctype html><html lang="${lang}"><body>${text}</body></html>`;
}

/** Pagefind's version, from its package: part of every cache key. */
export async function pagefindVersion(): Promise<string> {
  const main = fileURLToPath(import.meta.resolve('pagefind'));
  const pkg = JSON.parse(await readFile(join(dirname(main), '..', 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** The cache key of a bundle: Pagefind's version, this indexer's, and exactly what Pagefind reads. */
export function bundleKey(version: string, pages: ReadonlyArray<{ url: string; html: string }>): string {
  const hash = createHash('sha256').update(`${version}\0${INDEXER_VERSION}\0`);
  for (const page of pages) hash.update(`${page.url}\0${page.html}\0`);
  return hash.digest('hex').slice(0, 32);
}

/** The browser side of Pagefind, the same for every bundle: kept once, at /pagefind/. */
const RUNTIME = new Set(['pagefind.js', 'pagefind-highlight.js']);

/**
 * Sorts what Pagefind wrote (paths inside its output folder, and its entry file). A bundle keeps
 * its index, metadata, fragments, filters and the WebAssembly of its languages (the first bundle
 * of a search loads it from its own folder); the runtime goes to /pagefind/ once; the worker and
 * Pagefind's ready-made UIs are dropped: the islands use the JS API on the main thread, with
 * markup of our own.
 */
export function sortBundleFiles(paths: readonly string[], entryJson: string): { bundle: string[]; runtime: string[] } {
  const languages = (JSON.parse(entryJson) as { languages: Record<string, { wasm?: string }> }).languages;
  const wasm = new Set(Object.values(languages).map((language) => `wasm.${language.wasm ?? 'unknown'}.pagefind`));
  const bundle = paths.filter(
    (path) => path === 'pagefind-entry.json' || /^pagefind\.[^/]+\.pf_meta$/.test(path) || /^(index|fragment|filter)\//.test(path) || wasm.has(path),
  );
  const runtime = paths.filter((path) => RUNTIME.has(path));
  return { bundle, runtime };
}

/** Every file under `folder`, as paths relative to it with `/` separators. */
async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

/**
 * Puts files of one folder into another. `move` renames them (same file system: the staging
 * folder is inside the site); otherwise hard links where both share a file system (a bundle is a
 * hundred small files and a link costs a tenth of a copy; nothing writes to these files after
 * Pagefind did), and a copy where a link cannot be made.
 */
async function placeFiles(from: string, to: string, paths: readonly string[], how: 'move' | 'link'): Promise<void> {
  await Promise.all([...new Set(paths.map((path) => dirname(join(to, path))))].map((folder) => mkdir(folder, { recursive: true })));
  await Promise.all(
    paths.map((path) =>
      how === 'move' ? rename(join(from, path), join(to, path)) : link(join(from, path), join(to, path)).catch(() => copyFile(join(from, path), join(to, path))),
    ),
  );
}

/** Stores a finished folder in the cache in one step, so a killed build never leaves half a bundle there. */
async function storeInCache(folder: string, from: string, paths: readonly string[]): Promise<void> {
  if (existsSync(folder)) return;
  const staging = `${folder}.staging-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await placeFiles(from, staging, paths, 'link');
  try {
    await rename(staging, folder);
  } catch {
    // Another build stored the same bundle first; theirs is identical.
    await rm(staging, { recursive: true, force: true });
  }
}

/** Removes cached bundles of a release other than the current one: the cache holds one per release. */
async function pruneCache(cacheDir: string, release: string, keep: string): Promise<void> {
  if (!existsSync(cacheDir)) return;
  const prefix = `bundle-${release}-`;
  for (const name of await readdir(cacheDir)) {
    if (name.startsWith(prefix) && name !== keep && !name.includes('.staging-')) await rm(join(cacheDir, name), { recursive: true, force: true });
  }
}

/**
 * Every Pagefind response is checked here: Pagefind reports problems in `errors` rather than
 * throwing, so each call names what it was doing and the error stops the build with Pagefind's words.
 */
function checked<Response extends { errors: string[] }>(call: string, response: Response): Response {
  if (response.errors.length) throw new Error(`Pagefind could not ${call}: ${response.errors.join('; ')}`);
  return response;
}

/** A new index in Pagefind's service, or an error naming what it was for. */
async function newIndex(call: string, config?: pagefind.PagefindServiceConfig): Promise<pagefind.PagefindIndex> {
  const { index } = checked(call, await pagefind.createIndex(config));
  if (!index) throw new Error(`Pagefind could not ${call}: it returned no index`);
  return index;
}

/**
 * Indexes one release's pages in a fresh index of `service`, and has Pagefind write its files to
 * `folder` itself (rather than passing them through this process: less memory, less time).
 */
async function indexPages(release: string, pages: ReadonlyArray<{ url: string; html: string }>, folder: string): Promise<void> {
  const index = await newIndex(`start an index for ${release}`, { forceLanguage: 'en' });
  await Promise.all(pages.map(async (page) => checked(`index ${page.url} of ${release}`, await index.addHTMLFile({ url: page.url, content: page.html }))));
  checked(`write the bundle of ${release}`, await index.writeFiles({ outputPath: folder }));
  await index.deleteIndex();
}

export interface BundleReport {
  release: string;
  pages: number;
  /** True when the bundle was copied from the cache instead of indexed. */
  cached: boolean;
}

export interface SearchIndexReport {
  bundles: BundleReport[];
  /** Milliseconds for the whole step: reading pages, indexing, writing. */
  ms: number;
}

export interface SearchIndexOptions {
  /** The built site. */
  outDir: string;
  /** Where bundles are kept between builds; without it every bundle is indexed. */
  cacheDir?: string;
}

/**
 * Indexes the built site: reads /versions.json, builds (or reuses) one bundle per release, writes
 * the runtime and /pagefind/releases.json. Throws, naming the file, when a page cannot be indexed.
 */
export async function writeSearchIndex(options: SearchIndexOptions): Promise<SearchIndexReport> {
  const started = performance.now();
  const { outDir, cacheDir } = options;
  const root = join(outDir, SEARCH_ROOT);
  const manifest = withSitePaths(JSON.parse(await readFile(join(outDir, 'versions.json'), 'utf8')) as VersionsManifest);
  const version = await pagefindVersion();
  await rm(root, { recursive: true, force: true });

  const runtimeCache = cacheDir && join(cacheDir, `runtime-${version}`);
  let runtimeWritten = false;

  const bundle = async (source: BundleSource): Promise<BundleReport> => {
    const pages = await Promise.all(
      source.urls.map(async (url) => {
        const file = join(outDir, url, 'index.html');
        return { url, html: searchableHtml(await readFile(file, 'utf8'), file) };
      }),
    );
    const name = `bundle-${source.release}-${bundleKey(version, pages)}`;
    const target = join(root, source.release);
    const cached = cacheDir ? join(cacheDir, name) : undefined;
    if (cached && existsSync(cached)) {
      await placeFiles(cached, target, await filesUnder(cached), 'link');
      return { release: source.release, pages: pages.length, cached: true };
    }
    const staging = join(root, `.staging-${source.release}`);
    await indexPages(source.release, pages, staging);
    const sorted = sortBundleFiles(await filesUnder(staging), await readFile(join(staging, 'pagefind-entry.json'), 'utf8'));
    await placeFiles(staging, target, sorted.bundle, 'move');
    if (!runtimeWritten) {
      runtimeWritten = true;
      await placeFiles(staging, root, sorted.runtime, 'move');
    }
    await rm(staging, { recursive: true, force: true });
    if (cached && cacheDir) {
      await storeInCache(cached, target, sorted.bundle);
      await pruneCache(cacheDir, source.release, name);
    }
    return { release: source.release, pages: pages.length, cached: false };
  };

  // One Pagefind process, one release at a time, so only one release's pages are held in memory
  // and the build's peak memory does not grow with releases. Two processes side by side saved about
  // 0.3 s of 4 s at 20 releases but added about 70 MiB at the build's peak, which is reached here.
  try {
    const bundles: BundleReport[] = [];
    for (const source of bundleSources(manifest)) bundles.push(await bundle({ ...source, urls: [...source.urls, ...(await companionUrls(outDir, source.release))] }));

    const runtime = [...RUNTIME];
    if (!runtimeWritten && runtimeCache && existsSync(runtimeCache)) {
      await placeFiles(runtimeCache, root, runtime, 'link');
    } else {
      if (!runtimeWritten) {
        // Every bundle came from the cache, and the runtime did not: an empty index writes it.
        const staging = join(root, '.staging-runtime');
        const index = await newIndex('start the empty index that writes the runtime');
        checked('write the runtime', await index.writeFiles({ outputPath: staging }));
        await placeFiles(staging, root, runtime, 'move');
        await rm(staging, { recursive: true, force: true });
      }
      if (runtimeCache) await storeInCache(runtimeCache, root, runtime);
    }
    await writeFile(join(root, 'releases.json'), JSON.stringify(searchCatalogue(manifest)));
    return { bundles, ms: Math.round(performance.now() - started) };
  } finally {
    await pagefind.close();
  }
}
