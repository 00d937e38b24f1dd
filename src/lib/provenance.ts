import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { lockFileOf } from './content.ts';
import type { ContentProblem } from './problems.ts';

/**
 * Provable immutability of frozen releases. A release's digest and lock prove its folder is what
 * they record, but whoever edits a frozen file can recompute both. The repository cannot be
 * rewritten so quietly: each release's lock and notes must be byte-identical to the commit that
 * first added its lock. The lock lists every file of the folder (and, since notes were frozen by
 * `npm run release`, the notes' hash), so with the folder-against-lock check this pins the whole
 * release to its first commit. Rewriting a release then needs a visible rewrite of history.
 *
 * The rule holds for the real history: 1.0, 1.1 and 2.0 were added, locks and notes together, in
 * one commit and never changed since.
 */

export interface ProvenanceReport {
  /** `verified`: checked against history; `shallow`: only back to the oldest commit present; `no-git`: not checked. */
  status: 'verified' | 'shallow' | 'no-git';
  problems: ContentProblem[];
  /** What was and was not verified, for the writer. */
  summary: string;
}

function git(cwd: string, args: string[]): { ok: boolean; out: Buffer } {
  const result = spawnSync('git', args, { cwd, maxBuffer: 64 * 1024 * 1024 });
  return { ok: result.status === 0, out: result.stdout ?? Buffer.alloc(0) };
}

/** Checks each frozen release's lock and notes against the commit that first added its lock. */
export function verifyFrozenHistory(root: string, contentDir: string, versions: readonly string[]): ProvenanceReport {
  const top = git(root, ['rev-parse', '--show-toplevel']);
  if (!top.ok) {
    return { status: 'no-git', problems: [], summary: 'No git repository here, so the frozen releases were not checked against history (only against their digests and locks).' };
  }
  const topLevel = top.out.toString().trim();
  const shallow = git(root, ['rev-parse', '--is-shallow-repository']).out.toString().trim() === 'true';
  const inRepo = (path: string) => relative(topLevel, path).split(sep).join('/');
  const show = (path: string) => relative(root, path).split(sep).join('/');
  const problems: ContentProblem[] = [];
  const uncommitted: string[] = [];
  for (const version of versions) {
    const lockPath = lockFileOf(contentDir, version);
    const notesPath = join(contentDir, 'releases', `${version}.mdx`);
    if (!existsSync(lockPath)) continue;
    const added = git(topLevel, ['log', '--diff-filter=A', '--format=%H %cs', '--reverse', '--', inRepo(lockPath)]).out.toString().trim().split('\n')[0];
    if (!added) {
      uncommitted.push(version);
      continue;
    }
    const [commit, day] = added.split(' ');
    for (const [path, what] of [[lockPath, 'lock'], [notesPath, 'notes']] as const) {
      const then = git(topLevel, ['show', `${commit}:${inRepo(path)}`]);
      const now = existsSync(path) ? readFileSync(path) : undefined;
      if (!then.ok) {
        problems.push({ file: show(path), field: 'file', message: `the ${what} of release ${version} were not in the commit that created the release (${commit.slice(0, 10)}, ${day}); expected lock and notes committed together` });
      } else if (!now || !then.out.equals(now)) {
        problems.push({
          file: show(path),
          field: 'file',
          message: `release ${version} is frozen, but its ${what} ${what === 'lock' ? 'differs' : 'differ'} from the commit that created the release (${commit.slice(0, 10)}, ${day}); expected them unchanged (a frozen release is never rewritten: make the change in content/draft/)`,
        });
      }
    }
  }
  const checked = versions.length - uncommitted.length;
  const pending = uncommitted.length ? ` Not yet committed: ${uncommitted.join(', ')} (checked once committed).` : '';
  if (shallow) {
    return { status: 'shallow', problems, summary: `Shallow clone: ${checked} frozen releases checked only against the oldest commit present, not the one that created them (clone with full history to prove them).${pending}` };
  }
  return { status: 'verified', problems, summary: `${checked} frozen releases match the commits that created them.${pending}` };
}
