import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { filesIn } from '../../src/lib/release-cache.ts';

/**
 * The byte-identical check of issue 16: a frozen release's files must not change when a later release
 * is added, so that a host uploads only what is new and a build cache can keep a frozen release as it
 * is. Compares two builds (dist folders) under `/v/<release>/` for the releases both have.
 */

/** What differs under one release's folder between two builds. */
export interface FrozenDifference {
  release: string;
  /** Files whose bytes differ, relative to dist (`v/1.0/some-page/index.html`). */
  changed: string[];
  /** Files only the later build has. */
  added: string[];
  /** Files only the earlier build has. */
  removed: string[];
}

/**
 * Every release folder under `before/v/` (or only `releases`) compared with the same folder under
 * `after/v/`; releases with no difference are left out, so an empty answer means all are identical.
 */
export function frozenDifferences(before: string, after: string, releases: string[] = filesOrFolders(join(before, 'v'))): FrozenDifference[] {
  const differences: FrozenDifference[] = [];
  for (const release of releases) {
    const from = join(before, 'v', release);
    const to = join(after, 'v', release);
    const old = filesIn(from);
    const now = new Set(filesIn(to));
    const path = (file: string) => `v/${release}/${file}`;
    const changed = old.filter((file) => now.has(file) && !readFileSync(join(from, file)).equals(readFileSync(join(to, file)))).map(path);
    const removed = old.filter((file) => !now.has(file)).map(path);
    const had = new Set(old);
    const added = [...now].filter((file) => !had.has(file)).map(path);
    if (changed.length || added.length || removed.length) differences.push({ release, changed, added, removed });
  }
  return differences;
}

function filesOrFolders(folder: string): string[] {
  try {
    return readdirSync(folder, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  } catch {
    return [];
  }
}

/** The differences in a few lines, for a test's failure message or the bench. */
export function describeDifferences(differences: FrozenDifference[], limit = 10): string {
  if (differences.length === 0) return 'every file of every frozen release is byte-identical';
  return differences
    .map(({ release, changed, added, removed }) => {
      const list = (label: string, files: string[]) => (files.length ? `\n  ${label} (${files.length}): ${files.slice(0, limit).join(', ')}${files.length > limit ? ', ...' : ''}` : '');
      return `release ${release}:${list('changed', changed)}${list('added', added)}${list('removed', removed)}`;
    })
    .join('\n');
}

/** A whole comparison for a report: how many files of how many releases were compared, how many are identical, and what differs. */
export interface FrozenComparison {
  releases: string[];
  files: number;
  identical: number;
  differences: FrozenDifference[];
}

/** {@link frozenDifferences} of every release under `before/v/`, with the counts the benchmark prints. */
export function compareFrozen(before: string, after: string): FrozenComparison {
  const releases = filesOrFolders(join(before, 'v'));
  const files = releases.reduce((sum, release) => sum + filesIn(join(before, 'v', release)).length, 0);
  const differences = frozenDifferences(before, after, releases);
  const differing = differences.reduce((sum, { changed, removed }) => sum + changed.length + removed.length, 0);
  return { releases, files, identical: files - differing, differences };
}

/** One line for a report: how many files matched, and the first few that did not. */
export function describeComparison({ releases, files, identical, differences }: FrozenComparison, shown = 3): string {
  const head = `${identical} of ${files} files of ${releases.length} releases byte-identical`;
  return differences.length ? `${head}; ${describeDifferences(differences, shown).replaceAll('\n', ' ')}` : `${head}: all`;
}
