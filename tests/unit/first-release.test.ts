import { spawnBuildSync } from './build-lock.ts';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildStaged } from '../../src/lib/staged-build.ts';
import { xmlError } from '../xml.ts';

const PROJECT = join(import.meta.dirname, '..', '..');

/** The files a new program writes by hand, as docs/writing-content.md ("Start from nothing") shows them. */
const FIRST_DRAFT: Record<string, string> = {
  'content/draft/parts.yaml': '- id: start\n  title: Getting started\n',
  'content/draft/pages/welcome.mdx': `---
id: welcome
title: Welcome to peer support
summary: What the program offers physicians after a hard event.
part: start
order: 1
audience: [physician-lead]
reviewed: 2026-11-30
---

## What we offer

A trained physician colleague calls you within a day.
`,
  'content/draft/release-notes.mdx': `---
title: The first playbook
summary: The program's first written playbook, one page to start.
---

We wrote down how [peer support starts](page:welcome).
`,
};

function npm(root: string, script: string, args: string[], env: Record<string, string> = {}) {
  return spawnBuildSync(process.execPath, [join(PROJECT, 'scripts', `${script}.ts`), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env } });
}

describe('start from nothing', () => {
  it('an empty folder, one draft page and its notes: check, release 1.0, build, and the page is in the site', () => {
    const root = mkdtempSync(join(tmpdir(), 'playbook-new-'));
    for (const [file, text] of Object.entries(FIRST_DRAFT)) {
      mkdirSync(join(root, file, '..'), { recursive: true });
      writeFileSync(join(root, file), text);
    }
    const check = npm(root, 'check', []);
    expect(check.stderr).toBe('');
    expect(check.stdout).toContain('Content is valid: 1 releases (draft), 1 pages');
    const release = npm(root, 'release', ['1.0', '--date', '2026-12-01']);
    expect(release.stderr).toBe('');
    expect(release.stdout).toContain('Released 1.0');
    // The build runs in the project, reading the new program's content folder.
    const outDir = join(root, 'dist');
    const build = spawnBuildSync(process.execPath, [join(PROJECT, 'scripts', 'build.ts')], {
      cwd: PROJECT,
      encoding: 'utf8',
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', PLAYBOOK_CONTENT: join(root, 'content'), PLAYBOOK_OUT_DIR: outDir, PLAYBOOK_CACHE_DIR: join(root, 'cache') },
    });
    expect(build.status, `${build.stdout}${build.stderr}`).toBe(0);
    expect(readFileSync(join(outDir, 'v/1.0/welcome/index.html'), 'utf8')).toContain('<h1>Welcome to peer support');
    expect(readFileSync(join(outDir, 'changelog/1.0/index.html'), 'utf8')).toContain('<a href="/v/1.0/welcome/">peer support starts</a>');
    expect(existsSync(`${outDir}.staging`)).toBe(false);
    expect(xmlError(readFileSync(join(outDir, 'changelog/feed.xml'), 'utf8'))).toBeUndefined();

    // A later build that fails leaves this site as it was.
    writeFileSync(join(root, 'content/draft/pages/welcome.mdx'), `${FIRST_DRAFT['content/draft/pages/welcome.mdx']}\n{oops\n`);
    const failed = spawnBuildSync(process.execPath, [join(PROJECT, 'scripts', 'build.ts')], {
      cwd: PROJECT,
      encoding: 'utf8',
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', PLAYBOOK_CONTENT: join(root, 'content'), PLAYBOOK_OUT_DIR: outDir, PLAYBOOK_CACHE_DIR: join(root, 'cache') },
    });
    expect(failed.status).not.toBe(0);
    expect(failed.stderr).toContain('was left as it was (the last good site)');
    expect(existsSync(join(outDir, 'v/1.0/welcome/index.html'))).toBe(true);
  }, 180_000);
});

describe('the build is staged and swapped in only on success', () => {
  function site(): string {
    const dir = mkdtempSync(join(tmpdir(), 'playbook-dist-'));
    const outDir = join(dir, 'dist');
    mkdirSync(outDir);
    writeFileSync(join(outDir, 'index.html'), 'last good site');
    return outDir;
  }

  it('a build that crashes half-way leaves the last good site whole and no staging folder', async () => {
    const outDir = site();
    const code = await buildStaged(outDir, async (staging) => {
      mkdirSync(staging);
      writeFileSync(join(staging, 'index.html'), 'half');
      throw new RangeError('Maximum call stack size exceeded');
    });
    expect(code).toBe(1);
    expect(readFileSync(join(outDir, 'index.html'), 'utf8')).toBe('last good site');
    expect(existsSync(`${outDir}.staging`)).toBe(false);
  });

  it('a build that exits with an error changes nothing', async () => {
    const outDir = site();
    expect(await buildStaged(outDir, async (staging) => (mkdirSync(staging), 3))).toBe(3);
    expect(readFileSync(join(outDir, 'index.html'), 'utf8')).toBe('last good site');
  });

  it('a build that succeeds replaces the site as a whole', async () => {
    const outDir = site();
    writeFileSync(join(outDir, 'stale.html'), 'gone');
    const code = await buildStaged(outDir, async (staging) => {
      mkdirSync(staging);
      writeFileSync(join(staging, 'index.html'), 'new site');
      return 0;
    });
    expect(code).toBe(0);
    expect(readFileSync(join(outDir, 'index.html'), 'utf8')).toBe('new site');
    expect(existsSync(join(outDir, 'stale.html'))).toBe(false);
    expect(existsSync(`${outDir}.previous`)).toBe(false);
  });
});
