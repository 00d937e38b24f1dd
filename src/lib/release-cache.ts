import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { mkdir, open, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import type { NoticeRecord } from './document-control.ts';
import type { Library, Release } from './model.ts';

/**
 * The release cache: a frozen release's output (its pages, print view, glossary, tracks, data,
 * citations, figures and downloads under /v/<version>/, and its compare data and search words) is
 * rendered once and reused while its key is unchanged, so build cost follows new content, not
 * releases times pages. Its search bundle has a cache of its own (src/lib/search-index.ts), keyed by
 * what Pagefind reads of these very pages.
 *
 * An entry is two files in `<cache>/<version>/`: `<key>.pack`, every file of the release one after
 * another, and `<key>.json`, its record (each file's path and length, the pack's size and SHA-256).
 * One file to read and check instead of hundreds. Both are written beside their place and renamed,
 * the record last, so a killed build never leaves an entry that is read; a pack that does not match
 * its record (a disk error, a hand edit) is ignored and the release rendered again.
 */

/** Bump when what an entry holds, or how keys are made, changes: every entry is rendered again. */
export const RELEASE_CACHE_VERSION = 1;

/** What a frozen release's output depends on: the parts of its key. */
export interface ReleaseKeyParts {
  release: string;
  /** The digest of the release's folder (its pages, parts, glossary, tracks, figures, data). */
  digest: string;
  /** What its pages show from its notes and document-control record (title, summary, date, approval). */
  record: unknown;
  /** Every notice that applies to the release, as recorded: a new correction changes its pages. */
  notices: unknown[];
  /** The code that renders it: see toolchainHash. */
  toolchain: string;
  /**
   * The release's PDF and offline copy, when made (their sizes): its front page, print view and trainer
   * tools link them. Nothing else of the rest of the library is in a frozen release's pages: what later
   * releases know is loaded on use (/releases.json, /page-releases/<id>.json), so a new release leaves
   * the key of every older one as it was.
   */
  copies: string;
}

const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

/** The key of a frozen release's cached output. */
export function releaseKey(parts: ReleaseKeyParts): string {
  return sha256(JSON.stringify([RELEASE_CACHE_VERSION, parts.release, parts.digest, parts.record, parts.notices, parts.toolchain, parts.copies])).slice(0, 32);
}

/** A notice as its key part: what it says and where it points, without the file it was read from. */
function noticeOf({ file: _file, ...notice }: NoticeRecord): Omit<NoticeRecord, 'file'> {
  return notice;
}

/** The parts of a frozen release's key, from the model of the library. */
export function releaseKeyParts(library: Library, release: Release, toolchain: string, copies = ''): ReleaseKeyParts {
  const { control } = release;
  return {
    release: release.release,
    digest: release.digest,
    record: {
      title: release.title,
      summary: release.summary,
      date: release.date ?? null,
      // Of its status, a frozen page shows only whether it is upcoming (in effect or superseded is loaded on use).
      upcoming: release.status === 'upcoming',
      effective: release.effective ?? null,
      withdrawn: release.withdrawn?.id ?? null,
      control: control ? { ...control, source: undefined } : null,
    },
    notices: library.notices.filter((notice) => notice.affects.some((affected) => affected.release === release.release) || notice.correctedIn?.release === release.release).map(noticeOf),
    toolchain,
    copies,
  };
}

/** Settings that do not change what is written (where to, from which folder, the bench's figures). */
const NOT_OUTPUT = new Set(['PLAYBOOK_OUT_DIR', 'PLAYBOOK_CACHE_DIR', 'PLAYBOOK_CONTENT', 'PLAYBOOK_BENCH_STATS', 'PLAYBOOK_PORT']);

/** Files at the project's root whose change can change any page: configuration and the exact dependencies. */
const ROOT_FILES = ['astro.config.mjs', 'playbook.config.ts', 'package.json', 'package-lock.json', 'tsconfig.json'];

/** Every file under `folder`, sorted, as paths relative to it with `/` separators. */
export function filesIn(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/**
 * The version of everything that renders a release, besides its content: every file under `src/`
 * (routes, components, layouts, styles, islands, the model) and `public/`, the root's configuration
 * and lockfile (so any dependency's version), Node's version, and the settings read from the
 * environment (the site's address, its base path, ...). Any change renders every release again: a
 * changed component or style must never leave old pages beside new ones.
 */
export function toolchainHash(root: string, env: Record<string, string | undefined>): string {
  const hash = createHash('sha256').update(`release-cache ${RELEASE_CACHE_VERSION}\0node ${process.version}\0`);
  const settings = Object.keys(env)
    .filter((name) => name.startsWith('PLAYBOOK_') && !NOT_OUTPUT.has(name))
    .sort();
  for (const name of settings) hash.update(`${name}=${env[name]}\0`);
  for (const file of ROOT_FILES) {
    const path = join(root, file);
    if (existsSync(path)) hash.update(`${file}\0`).update(readFileSync(path)).update('\0');
  }
  for (const folder of ['src', 'public']) {
    for (const file of filesIn(join(root, folder))) hash.update(`${folder}/${file}\0`).update(readFileSync(join(root, folder, file))).update('\0');
  }
  return hash.digest('hex').slice(0, 32);
}

/** The files of the site that belong to one frozen release, relative to the site's folder. */
export function releaseOutputs(outDir: string, release: string): string[] {
  const folder = `v/${release}`;
  const files = filesIn(join(outDir, folder)).map((file) => `${folder}/${file}`);
  for (const file of [`compare-data/${release}.json`, `search-words/${release}.json`]) if (existsSync(join(outDir, file))) files.push(file);
  return files;
}

interface EntryRecord {
  version: number;
  release: string;
  key: string;
  /** Size and SHA-256 of the pack: every file of the release, one after another. */
  size: number;
  sha256: string;
  /** Each file's path and its length in the pack, in pack order. */
  files: Array<{ path: string; size: number }>;
}

/** A stored release whose pack was checked against its record. */
export interface CacheEntry {
  release: string;
  key: string;
  pack: string;
  files: EntryRecord['files'];
}

const entryPaths = (cacheDir: string, release: string, key: string) => ({ record: join(cacheDir, release, `${key}.json`), pack: join(cacheDir, release, `${key}.pack`) });

/**
 * The stored output of `release` under `key`, when it is there whole: its record readable and its
 * pack of the recorded size and hash. Anything else (no entry, an older layout, a truncated or
 * altered pack, an unreadable record) is no entry at all, and the release is rendered.
 */
export function findEntry(cacheDir: string, release: string, key: string): CacheEntry | undefined {
  const paths = entryPaths(cacheDir, release, key);
  try {
    const record = JSON.parse(readFileSync(paths.record, 'utf8')) as EntryRecord;
    if (record.version !== RELEASE_CACHE_VERSION || record.release !== release || record.key !== key || !Array.isArray(record.files) || !record.files.length) return undefined;
    if (record.files.reduce((sum, file) => sum + file.size, 0) !== record.size || statSync(paths.pack).size !== record.size) return undefined;
    if (sha256(readFileSync(paths.pack)) !== record.sha256) return undefined;
    return { release, key, pack: paths.pack, files: record.files };
  } catch {
    return undefined;
  }
}

/** Writes a checked entry's files into the site being built. */
export async function restoreEntry(entry: CacheEntry, outDir: string): Promise<void> {
  const pack = await readFile(entry.pack);
  await Promise.all([...new Set(entry.files.map((file) => dirname(join(outDir, file.path))))].map((folder) => mkdir(folder, { recursive: true })));
  let offset = 0;
  const writes: Array<Promise<void>> = [];
  for (const file of entry.files) {
    writes.push(writeFile(join(outDir, file.path), pack.subarray(offset, offset + file.size)));
    offset += file.size;
  }
  await Promise.all(writes);
}

/**
 * Stores what the build wrote for `release` under `key` as one pack and its record, then removes the
 * release's entries under other keys (one per release is kept). Both files are written beside their
 * place and renamed, the record last: a build killed half-way leaves no record, so nothing is read.
 * `paths` are the release's files as listed beforehand (by default, listed now).
 */
export async function storeEntry(cacheDir: string, outDir: string, release: string, key: string, paths = releaseOutputs(outDir, release)): Promise<void> {
  const folder = join(cacheDir, release);
  if (!findEntry(cacheDir, release, key)) {
    if (!paths.length) return;
    const target = entryPaths(cacheDir, release, key);
    await mkdir(folder, { recursive: true });
    const staging = `.staging-${process.pid}`;
    // File by file into the pack, hashed on the way: a release's files are never all in memory at once.
    const hash = createHash('sha256');
    const files: EntryRecord['files'] = [];
    let size = 0;
    const pack = await open(`${target.pack}${staging}`, 'w');
    try {
      for (const path of paths) {
        const bytes = await readFile(join(outDir, path));
        hash.update(bytes);
        await pack.writeFile(bytes);
        files.push({ path, size: bytes.length });
        size += bytes.length;
      }
    } finally {
      await pack.close();
    }
    const record: EntryRecord = { version: RELEASE_CACHE_VERSION, release, key, size, sha256: hash.digest('hex'), files };
    await writeFile(`${target.record}${staging}`, JSON.stringify(record));
    // The pack first, then the record that vouches for it.
    await rm(target.record, { force: true });
    await rename(`${target.pack}${staging}`, target.pack);
    await rename(`${target.record}${staging}`, target.record);
  }
  for (const name of await readdir(folder)) {
    if (!name.startsWith(`${key}.`)) await rm(join(folder, name), { recursive: true, force: true });
  }
}

/** The release cache of the build under way: where it is, the toolchain's hash, and what the routes decided. */
export interface BuildReleaseCache {
  cacheDir: string;
  toolchain: string;
  /** Each frozen release's key and, when its output is stored whole under it, the entry: set by the first route that asks. */
  releases?: Map<string, { key: string; entry?: CacheEntry }>;
}

// The integration (src/integrations/release-cache.ts) and the routes (bundled by Vite, each with its
// own copy of this module) run in one process: this global is how the routes learn of the cache.
const HANDOFF = Symbol.for('playbook.release-cache');

/** Opens the release cache for this build (the integration, before any route runs). */
export function openBuildReleaseCache(cache: BuildReleaseCache): void {
  (globalThis as Record<symbol, unknown>)[HANDOFF] = cache;
}

/** The release cache of this build; undefined under `npm run dev`, in tests and in builds without the integration. */
export function buildReleaseCache(): BuildReleaseCache | undefined {
  return (globalThis as Record<symbol, unknown>)[HANDOFF] as BuildReleaseCache | undefined;
}
