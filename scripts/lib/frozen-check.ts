import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Compares the frozen releases of two builds: every file under /v/<release>/ of each release that
 * `before` has, byte for byte against `after`. Used by the benchmark for two questions: does adding
 * a release leave every older release's files as they were (issue 16.1), and does a build that put
 * releases in place from the release cache write exactly what a cold build writes (issue 16.2)?
 * (cost-output owns the byte-identical check of issue 16.1; this minimal one has its name, so the
 * lead keeps one of the two when merging.)
 */
export interface FrozenComparison {
  /** Releases compared (those under /v/ in `before`). */
  releases: string[];
  /** Files compared, and those byte-identical. */
  files: number;
  identical: number;
  /** Paths (relative to the site) that differ, are missing from `after`, or are new in `after`. */
  changed: string[];
  missing: string[];
  added: string[];
}

function filesUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

export function compareFrozen(before: string, after: string): FrozenComparison {
  const releases = existsSync(join(before, 'v')) ? readdirSync(join(before, 'v')).sort() : [];
  const result: FrozenComparison = { releases, files: 0, identical: 0, changed: [], missing: [], added: [] };
  for (const release of releases) {
    const folder = `v/${release}`;
    const old = filesUnder(join(before, folder));
    const now = new Set(filesUnder(join(after, folder)));
    for (const file of old) {
      const path = `${folder}/${file}`;
      result.files++;
      if (!now.has(file)) result.missing.push(path);
      else if (readFileSync(join(before, path)).equals(readFileSync(join(after, path)))) result.identical++;
      else result.changed.push(path);
      now.delete(file);
    }
    result.added.push(...[...now].map((file) => `${folder}/${file}`));
  }
  return result;
}

/** One line for a report: how many files matched, and the first few that did not. */
export function describeComparison(comparison: FrozenComparison, shown = 3): string {
  const { releases, files, identical, changed, missing, added } = comparison;
  const differing = [...changed.map((path) => `changed ${path}`), ...missing.map((path) => `missing ${path}`), ...added.map((path) => `new ${path}`)];
  const head = `${identical} of ${files} files of ${releases.length} releases byte-identical`;
  if (!differing.length) return `${head}: all`;
  return `${head}; ${changed.length} changed, ${missing.length} missing, ${added.length} new (${differing.slice(0, shown).join('; ')}${differing.length > shown ? '; ...' : ''})`;
}
