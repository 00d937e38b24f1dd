import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content.ts';
import { hashFolder, hashText } from '../../src/lib/digest.ts';
import { createRelease, recoverRelease, type ReleaseStep } from '../../src/lib/release.ts';
import { copyFixture, edit } from './helpers.ts';

const PROJECT = join(import.meta.dirname, '..', '..');
const RELEASE_SCRIPT = join(PROJECT, 'scripts', 'release.ts');
/** The same command with a failure or pause injected after a step (production's script has no such hook). */
const RELEASE_WITH_FAULTS = join(PROJECT, 'tests', 'support', 'release-with-faults.ts');
const CHECK_SCRIPT = join(PROJECT, 'scripts', 'check.ts');

/** A snapshot of every file under content/ (dotfiles included), to prove nothing was left behind. */
async function snapshot(root: string) {
  const { readdirSync } = await import('node:fs');
  const files = readdirSync(join(root, 'content'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
  const hashes = await hashFolder(join(root, 'content'));
  return { files: files.sort(), hashes };
}

function run(script: string, args: string[], root: string, env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [script, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });
}

describe('npm run release', () => {
  it('freezes the draft and its notes, records the notes in the lock, and leaves a fresh skeleton in the draft', async () => {
    const root = copyFixture();
    const draftNotes = readFileSync(join(root, 'content/draft/release-notes.mdx'), 'utf8');
    const result = await createRelease({ root, version: '1.2', date: '2025-01-31' });
    expect(existsSync(join(root, 'content/versions/1.2/pages/threats.mdx'))).toBe(true);
    expect(existsSync(join(root, 'content/versions/1.2/release-notes.mdx'))).toBe(false);
    const notes = readFileSync(join(root, 'content/releases/1.2.mdx'), 'utf8');
    expect(notes).toContain('version: "1.2"');
    expect(notes).toContain('date: 2025-01-31');
    expect(notes).toContain(`digest: ${result.digest}`);
    expect(notes).toContain(draftNotes.split('---\n')[2]);
    expect(notes).toContain('title: Threats and a clearer workflow');
    const lock = JSON.parse(readFileSync(join(root, 'content/releases/1.2.lock.json'), 'utf8'));
    expect(lock.notes).toBe(`sha256-${hashText(notes)}`);
    expect(readFileSync(join(root, 'content/draft/release-notes.mdx'), 'utf8')).toContain('title: TODO');
    expect(result.changes?.counts).toMatchObject({ added: 1, edited: 1 });
    const content = await loadContent({ root });
    expect(content.problems).toEqual([]);
    expect(content.releases.map((release) => release.release)).toEqual(['1.0', '1.1', '1.2', 'draft']);
  });

  it('names the notes of a new release when they are edited after it was released', async () => {
    const root = copyFixture();
    await createRelease({ root, version: '1.2', date: '2025-01-31' });
    edit(root, 'content/releases/1.2.mdx', (text) => text.replace('Supporters met', 'Supporters often met'));
    const result = run(CHECK_SCRIPT, [], root);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('content/releases/1.2.mdx: file: release 1.2 is frozen, but its notes were edited after it was released');
  });

  it('refuses when the draft notes are missing, or still hold a placeholder, naming file, field and line, and changes nothing', async () => {
    const root = copyFixture();
    edit(root, 'content/draft/release-notes.mdx', (text) => text.replace('A new page on threats', 'TBD').replace('## Why this release', '## Why this release\n\nTODO: say why.'));
    const before = await snapshot(root);
    const result = run(RELEASE_SCRIPT, ['1.2'], root);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Release refused: the release notes are not finished');
    expect(result.stderr).toContain('content/draft/release-notes.mdx: summary: found the placeholder "TBD"');
    expect(result.stderr).toContain('content/draft/release-notes.mdx:8: body: found the placeholder "TODO"');
    expect(await snapshot(root)).toEqual(before);
    rmSync(join(root, 'content/draft/release-notes.mdx'));
    const missing = run(RELEASE_SCRIPT, ['1.2'], root);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('Release refused: the notes of this release are missing; expected content/draft/release-notes.mdx');
  });

  it('makes the first release of a new playbook from a draft alone', async () => {
    const root = copyFixture();
    // A new playbook: a draft, and nothing released or noticed yet.
    for (const path of ['content/versions', 'content/releases', 'content/notices']) rmSync(join(root, path), { recursive: true, force: true });
    edit(root, 'content/draft/pages/workflow.mdx', (text) => text.replace(/^supersedes: .*\n/m, ''));
    expect(run(CHECK_SCRIPT, [], root).status).toBe(0);
    const result = run(RELEASE_SCRIPT, ['1.0'], root);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('Released 1.0');
    const content = await loadContent({ root });
    expect(content.problems).toEqual([]);
    expect(content.releases.map((release) => release.release)).toEqual(['1.0', 'draft']);
  });

  it.each([
    ['an existing version', '1.1', /already exists/],
    ['a malformed version', 'v1.2', /not a release number/],
    ['a version not greater than the latest', '1.0.5', /not newer than the latest release 1.1/],
  ])('refuses %s and changes nothing', async (_name, version, message) => {
    const root = copyFixture();
    const before = await snapshot(root);
    const result = run(RELEASE_SCRIPT, [version], root);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(await snapshot(root)).toEqual(before);
  });

  it('refuses a draft with problems, naming them, and changes nothing', async () => {
    const root = copyFixture();
    edit(root, 'content/draft/pages/threats.mdx', (text) => text.replace(/^audience: .*$/m, 'audience: [nurse]'));
    const before = await snapshot(root);
    const result = run(RELEASE_SCRIPT, ['1.2'], root);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('content/draft/pages/threats.mdx: audience[0]: found "nurse"');
    expect(await snapshot(root)).toEqual(before);
  });

  it.each(['staged', 'folder', 'lock', 'notes', 'draft-notes'] satisfies ReleaseStep[])('leaves no trace when it fails after step "%s"', async (step) => {
    const root = copyFixture();
    const before = await snapshot(root);
    const result = run(RELEASE_WITH_FAULTS, ['1.2'], root, { PLAYBOOK_RELEASE_FAIL_AFTER: step });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`injected failure after step "${step}"`);
    expect(await snapshot(root)).toEqual(before);
  });

  it.each(['staged', 'lock'] satisfies ReleaseStep[])('leaves no trace when killed (SIGTERM) after step "%s"', async (step) => {
    const root = copyFixture();
    const before = await snapshot(root);
    const child = spawn(process.execPath, [RELEASE_WITH_FAULTS, '1.2'], { cwd: root, env: { ...process.env, PLAYBOOK_RELEASE_PAUSE_AFTER: step } });
    await new Promise<void>((resolve) => child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('paused') && resolve()));
    expect(existsSync(join(root, 'content/.release-journal.json'))).toBe(true);
    const exit = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exit).toBe(143);
    expect(await snapshot(root)).toEqual(before);
  });

  it('after a SIGKILL, check reports the interrupted release and --recover removes every trace', async () => {
    const root = copyFixture();
    const before = await snapshot(root);
    const child = spawn(process.execPath, [RELEASE_WITH_FAULTS, '1.2'], { cwd: root, env: { ...process.env, PLAYBOOK_RELEASE_PAUSE_AFTER: 'folder' } });
    await new Promise<void>((resolve) => child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('paused') && resolve()));
    const exit = new Promise((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    child.kill('SIGKILL');
    expect(await exit).toBe('SIGKILL');
    const check = run(CHECK_SCRIPT, [], root);
    expect(check.status).toBe(1);
    expect(check.stderr).toContain('content/.release-journal.json: file: found the journal of an interrupted `npm run release`');
    expect(run(RELEASE_SCRIPT, ['1.2'], root).stderr).toMatch(/interrupted/);
    expect(recoverRelease(root)).toBe('1.2');
    expect(await snapshot(root)).toEqual(before);
  });
});

describe('npm run check', () => {
  it('passes on good content', () => {
    const result = run(CHECK_SCRIPT, [], copyFixture());
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Content is valid: 3 releases \(1.0, 1.1, draft\)/);
  });

  it('fails naming the file when a frozen release is edited', () => {
    const root = copyFixture();
    edit(root, 'content/versions/1.0/pages/listening.mdx', (text) => text.replace('Listen', 'Really listen'));
    const result = run(CHECK_SCRIPT, [], root);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('content/versions/1.0/pages/listening.mdx: file: release 1.0 is frozen, but this file was edited');
  });
});

/** Runs a release script to its end, with its output. */
function runAsync(args: string[], root: string, env: Record<string, string> = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [RELEASE_SCRIPT, ...args], { cwd: root, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('releases at once', () => {
  it.each([
    ['the same version', ['1.2', '1.2']],
    ['two versions', ['1.2', '1.3']],
  ])('two releases of %s at once: exactly one is made, complete, the other refused, and the content stays valid', async (_name, versions) => {
    const root = copyFixture();
    // The fixture's notice names 1.2 as the release that corrects it: whichever release wins here, the
    // content must stay valid, so this test has no notices.
    rmSync(join(root, 'content/notices'), { recursive: true, force: true });
    const results = await Promise.all(versions.map((version) => runAsync([version], root)));
    // Releases never interleave: one is made, the other refused (both from one draft would describe the same changes twice).
    const done = results.filter((result) => result.status === 0);
    expect(done.length, results.map((result) => result.stderr).join('\n')).toBe(1);
    for (const result of results) {
      if (result.status === 0) continue;
      expect(result.stderr).toMatch(/Release refused: (another release is in progress|release 1\.2 already exists|1\.2 is not newer|the release notes are not finished)/);
    }
    for (const result of done) {
      const version = /Released (\S+) /.exec(result.stdout)![1];
      for (const path of [`content/versions/${version}/pages/threats.mdx`, `content/releases/${version}.mdx`, `content/releases/${version}.lock.json`]) {
        expect(existsSync(join(root, path)), path).toBe(true);
      }
    }
    expect(readdirSync(join(root, 'content')).filter((name) => name.startsWith('.'))).toEqual([]);
    const check = run(CHECK_SCRIPT, [], root);
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  it('refuses while another release holds the lock, naming it, and touches nothing of it', async () => {
    const root = copyFixture();
    const holder = spawn(process.execPath, [RELEASE_WITH_FAULTS, '1.2'], { cwd: root, env: { ...process.env, PLAYBOOK_RELEASE_PAUSE_AFTER: 'folder' } });
    await new Promise<void>((resolve) => holder.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('paused') && resolve()));
    const during = await snapshot(root);
    const second = run(RELEASE_SCRIPT, ['1.2'], root);
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(`Release refused: another release is in progress (release 1.2, process ${holder.pid}`);
    expect(run(RELEASE_SCRIPT, ['1.3'], root).stderr).toContain('another release is in progress');
    expect(await snapshot(root)).toEqual(during);
    const exit = new Promise((resolve) => holder.on('exit', resolve));
    holder.kill('SIGTERM');
    expect(await exit).toBe(143);
    expect(existsSync(join(root, 'content/.release.lock'))).toBe(false);
  });

  it('takes over a stale lock left by a process that no longer runs', () => {
    const root = copyFixture();
    const gone = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    writeFileSync(join(root, 'content/.release.lock'), `${JSON.stringify({ pid: Number(gone.stdout.trim()), host: os.hostname(), started: '2025-01-01T00:00:00Z', version: '1.2' })}\n`);
    const result = run(RELEASE_SCRIPT, ['1.2'], root);
    expect(result.stdout).toContain('removed a stale release lock');
    expect(result.status).toBe(0);
    expect(existsSync(join(root, 'content/.release.lock'))).toBe(false);
  });

  it('says "Release refused" naming the folder, without a stack trace, when content/versions is read-only', async () => {
    const root = copyFixture();
    const user = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    if ('uid' in user) for (const entry of [root, ...readdirSync(root, { recursive: true }).map((path) => join(root, String(path)))]) chownSync(entry, 65534, 65534);
    chmodSync(join(root, 'content/versions'), 0o555);
    const before = await snapshot(root);
    const result = spawnSync(process.execPath, [RELEASE_SCRIPT, '1.2'], { cwd: root, encoding: 'utf8', ...user });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^Release refused: could not write content\/versions\/\.staging-1\.2 \(EACCES/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(await snapshot(root)).toEqual(before);
  });
});
