import { spawnBuildSync } from './build-lock.ts';
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareFrozen } from '../../scripts/lib/frozen-check.ts';
import { GOOD_FIXTURE } from './helpers.ts';

const PROJECT = join(import.meta.dirname, '..', '..');

/** `npm run build` of the good fixture's content into `outDir`, with the cache in `cacheDir`. */
function build(content: string, outDir: string, cacheDir: string, args: string[] = []) {
  const result = spawnBuildSync(process.execPath, [join(PROJECT, 'scripts', 'build.ts'), ...args], {
    cwd: PROJECT,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', PLAYBOOK_CONTENT: content, PLAYBOOK_OUT_DIR: outDir, PLAYBOOK_CACHE_DIR: cacheDir },
  });
  expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
  return `${result.stdout}${result.stderr}`.replace(/\x1b\[[0-9;]*m/g, '');
}

describe('the build cache (issue 16.2)', () => {
  it('renders each frozen release once: a build with nothing changed keeps the site, a forced one puts the releases in place from the cache, byte for byte, and a new notice renders its release again', () => {
    const dir = mkdtempSync(join(tmpdir(), 'playbook-cache-'));
    const content = join(dir, 'content');
    cpSync(join(GOOD_FIXTURE, 'content'), content, { recursive: true });
    const cacheDir = join(dir, 'cache');

    const cold = build(content, join(dir, 'cold'), cacheDir);
    expect(cold).toMatch(/frozen releases: 2 rendered and stored \(1\.0, 1\.1\), 0 unchanged from the cache/);
    expect(readdirSync(join(cacheDir, 'releases')).sort()).toEqual(['1.0', '1.1']);

    const again = build(content, join(dir, 'cold'), cacheDir);
    expect(again).toContain('Nothing changed since');
    expect(again).not.toContain('frozen releases:');

    const forced = build(content, join(dir, 'forced'), cacheDir, ['--force']);
    expect(forced).toMatch(/frozen releases: 0 rendered and stored \(none\), 2 unchanged from the cache/);
    const same = compareFrozen(join(dir, 'cold'), join(dir, 'forced'));
    expect(same.releases).toEqual(['1.0', '1.1']);
    expect(same.files).toBeGreaterThan(20);
    expect(same.differences).toEqual([]);

    // A notice on 1.0 changes its key: 1.0 is rendered again, with the notice, not put back from the cache.
    writeFileSync(
      join(content, 'notices/withdraw-1-0.mdx'),
      '---\nkind: withdrawn\ndate: 2024-12-03\ntitle: Release 1.0 sent peer supporters to the wrong team\naffects:\n  - release: "1.0"\ncorrectedIn: { release: "1.1" }\n---\nRelease 1.0 is withdrawn. Use release 1.1.\n',
    );
    const noticed = build(content, join(dir, 'noticed'), cacheDir);
    const rendered = /frozen releases: \d+ rendered and stored \(([^)]*)\)/.exec(noticed)?.[1].split(', ');
    expect(rendered).toContain('1.0');
    expect(readFileSync(join(dir, 'noticed', 'v/1.0/index.html'), 'utf8')).toContain('Release 1.0 sent peer supporters to the wrong team');
    expect(readFileSync(join(dir, 'cold', 'v/1.0/index.html'), 'utf8')).not.toContain('Release 1.0 sent peer supporters to the wrong team');
  }, 240_000);
});
