import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { filesIn, toolchainHash } from '../../src/lib/release-cache.ts';
import { playbookEnv } from '../../src/settings.ts';

/**
 * A build with nothing changed has nothing to do: `npm run build` keeps the last site when every
 * input is the same as when it was built, and the site is as that build left it. The inputs are
 * everything a page can depend on: every file of the content folder, the toolchain (every file under
 * src/ and public/, the config, the lockfile, Node, the PLAYBOOK_ settings; see toolchainHash) and
 * the day, which decides each release's status (upcoming, in effect, superseded). The record lives
 * in the build cache (`<cacheDir>/site.json`); `--force` builds anyway.
 */


export interface SiteInputs {
  /** The project (src/, public/, astro.config.mjs, package-lock.json). */
  root: string;
  /** The content folder. */
  content: string;
  /** The build's day (YYYY-MM-DD, UTC). */
  today: string;
  env?: Record<string, string | undefined>;
}

/** The hash of every input of a build. */
export function siteKey({ root, content, today, env = playbookEnv() }: SiteInputs): string {
  const hash = createHash('sha256').update(`${toolchainHash(root, env)}\0${today}\0`);
  for (const file of filesIn(content)) hash.update(`${file}\0`).update(readFileSync(join(content, file))).update('\0');
  return hash.digest('hex');
}

/** What the built site is now: each file's path, size and time of last change (as make and rsync judge a file). */
export function siteStamp(outDir: string): string {
  const hash = createHash('sha256');
  for (const file of filesIn(outDir)) {
    const { size, mtimeMs } = statSync(join(outDir, file));
    hash.update(`${file}\0${size}\0${mtimeMs}\0`);
  }
  return hash.digest('hex');
}

interface SiteRecord {
  key: string;
  outDir: string;
  stamp: string;
}

const recordFile = (cacheDir: string) => join(cacheDir, 'site.json');

/** True when the site in `outDir` was built from exactly these inputs and nothing in it changed since. */
export function siteUnchanged(cacheDir: string, outDir: string, key: string): boolean {
  try {
    const record = JSON.parse(readFileSync(recordFile(cacheDir), 'utf8')) as SiteRecord;
    return record.key === key && record.outDir === resolve(outDir) && existsSync(outDir) && record.stamp === siteStamp(outDir);
  } catch {
    return false;
  }
}

/** Records that the site in `outDir` was built from the inputs with this key (written whole, by a rename). */
export function recordSite(cacheDir: string, outDir: string, key: string): void {
  mkdirSync(cacheDir, { recursive: true });
  const record: SiteRecord = { key, outDir: resolve(outDir), stamp: siteStamp(outDir) };
  const staging = `${recordFile(cacheDir)}.${process.pid}`;
  writeFileSync(staging, JSON.stringify(record));
  renameSync(staging, recordFile(cacheDir));
}
