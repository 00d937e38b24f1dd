import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content.ts';
import { hashFolder } from '../../src/lib/digest.ts';
import { createRelease, recoverRelease, type ReleaseStep } from '../../src/lib/release.ts';
import { copyFixture, edit } from './helpers.ts';

const PROJECT = join(import.meta.dirname, '..', '..');
const RELEASE_SCRIPT = join(PROJECT, 'scripts', 'release.ts');
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
  it('freezes the draft with notes that list the computed changes and a digest that check accepts', async () => {
    const root = copyFixture();
    const result = await createRelease({ root, version: '1.2', date: '2025-01-31' });
    expect(existsSync(join(root, 'content/versions/1.2/pages/threats.mdx'))).toBe(true);
    const notes = readFileSync(join(root, 'content/releases/1.2.mdx'), 'utf8');
    expect(notes).toContain('version: "1.2"');
    expect(notes).toContain('date: 2025-01-31');
    expect(notes).toContain(`digest: ${result.digest}`);
    expect(notes).toMatch(/Threats from patients \(`threats`\): added/);
    expect(notes).toMatch(/Listening \(`listening`\): edited \(\d+% of words\)/);
    const content = await loadContent({ root });
    expect(content.problems).toEqual([]);
    expect(content.releases.map((release) => release.release)).toEqual(['1.0', '1.1', '1.2', 'draft']);
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

  it.each(['staged', 'folder', 'lock', 'notes'] satisfies ReleaseStep[])('leaves no trace when it fails after step "%s"', async (step) => {
    const root = copyFixture();
    const before = await snapshot(root);
    const result = run(RELEASE_SCRIPT, ['1.2'], root, { PLAYBOOK_RELEASE_FAIL_AFTER: step });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`injected failure after step "${step}"`);
    expect(await snapshot(root)).toEqual(before);
  });

  it.each(['staged', 'lock'] satisfies ReleaseStep[])('leaves no trace when killed (SIGTERM) after step "%s"', async (step) => {
    const root = copyFixture();
    const before = await snapshot(root);
    const child = spawn(process.execPath, [RELEASE_SCRIPT, '1.2'], { cwd: root, env: { ...process.env, PLAYBOOK_RELEASE_PAUSE_AFTER: step } });
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
    const child = spawn(process.execPath, [RELEASE_SCRIPT, '1.2'], { cwd: root, env: { ...process.env, PLAYBOOK_RELEASE_PAUSE_AFTER: 'folder' } });
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
