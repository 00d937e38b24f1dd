import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content.ts';
import { digestOf, hashFolder } from '../../src/lib/digest.ts';
import { verifyFrozenHistory } from '../../src/lib/provenance.ts';
import { copyFixture, edit } from './helpers.ts';

const CHECK_SCRIPT = join(import.meta.dirname, '..', '..', 'scripts', 'check.ts');

function git(root: string, ...args: string[]) {
  const result = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return result.stdout;
}

/** The fixture as a repository whose first commit added releases 1.0 and 1.1. */
function repository(): string {
  const root = copyFixture();
  git(root, 'init', '-q');
  git(root, 'add', '.');
  git(root, 'commit', '-qm', 'Releases 1.0 and 1.1');
  return root;
}

/** A deliberate rewrite of release 1.0: a page edited, its lock and the notes' digest recomputed to match. */
async function rewriteRelease(root: string): Promise<void> {
  edit(root, 'content/versions/1.0/pages/listening.mdx', (text) => text.replace('Listen', 'Really listen'));
  const files = await hashFolder(join(root, 'content/versions/1.0'));
  const lockPath = join(root, 'content/releases/1.0.lock.json');
  writeFileSync(lockPath, `${JSON.stringify({ ...JSON.parse(readFileSync(lockPath, 'utf8')), digest: digestOf(files), files }, null, 2)}\n`);
  edit(root, 'content/releases/1.0.mdx', (text) => text.replace(/^digest: .*$/m, `digest: ${digestOf(files)}`));
}

const releases = ['1.0', '1.1'];

describe('frozen releases are proved against the commit that created them', () => {
  it('a rewrite with a recomputed lock and digest passes the digest checks but not history, committed or not', async () => {
    const root = repository();
    expect(verifyFrozenHistory(root, join(root, 'content'), releases)).toMatchObject({ status: 'verified', problems: [] });
    await rewriteRelease(root);
    expect((await loadContent({ root })).problems).toEqual([]);
    for (const when of ['before commit', 'after commit']) {
      if (when === 'after commit') git(root, 'commit', '-qam', 'Quietly rewrite 1.0');
      const report = verifyFrozenHistory(root, join(root, 'content'), releases);
      expect(report.problems.map((problem) => `${problem.file}: ${problem.message}`), when).toEqual([
        expect.stringMatching(/^content\/releases\/1\.0\.lock\.json: release 1\.0 is frozen, but its lock differs from the commit that created the release \([0-9a-f]{10}, \d{4}-\d\d-\d\d\)/),
        expect.stringMatching(/^content\/releases\/1\.0\.mdx: release 1\.0 is frozen, but its notes differ from the commit that created the release/),
      ]);
    }
    const check = spawnSync(process.execPath, [CHECK_SCRIPT], { cwd: root, encoding: 'utf8' });
    expect(check.status).toBe(1);
    expect(check.stderr).toContain('content/releases/1.0.lock.json: file: release 1.0 is frozen, but its lock differs');
  });

  it('says plainly when there is no git history, and when the clone is shallow', () => {
    const plain = copyFixture();
    const check = spawnSync(process.execPath, [CHECK_SCRIPT], { cwd: plain, encoding: 'utf8' });
    expect(check.stdout).toContain('No git repository here, so the frozen releases were not checked against history');
    const root = repository();
    git(root, 'commit', '-q', '--allow-empty', '-m', 'later');
    const clone = `${root}-shallow`;
    git(root, 'clone', '-q', '--depth', '1', `file://${root}`, clone);
    expect(verifyFrozenHistory(clone, join(clone, 'content'), releases).summary).toMatch(/^Shallow clone: 2 frozen releases checked only against the oldest commit present/);
  });

  it('a release not yet committed is named as such, not as a problem', () => {
    const root = copyFixture();
    git(root, 'init', '-q');
    git(root, 'commit', '-q', '--allow-empty', '-m', 'empty');
    expect(verifyFrozenHistory(root, join(root, 'content'), releases)).toMatchObject({ status: 'verified', problems: [], summary: expect.stringContaining('Not yet committed: 1.0, 1.1') });
  });
});
