import { spawnBuildSync } from './build-lock.ts';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, edit } from './helpers.ts';

const PROJECT = join(import.meta.dirname, '..', '..');
const ASTRO = join(PROJECT, 'node_modules', 'astro', 'bin', 'astro.mjs');

/** Runs the real `astro build` on a copy of the fixture content, into a folder that must stay unwritten. */
function build(root: string) {
  const outDir = join(root, 'dist');
  const result = spawnBuildSync(process.execPath, [ASTRO, 'build'], {
    cwd: PROJECT,
    encoding: 'utf8',
    env: { ...process.env, PLAYBOOK_CONTENT: join(root, 'content'), PLAYBOOK_OUT_DIR: outDir, PLAYBOOK_CACHE_DIR: join(root, 'cache'), ASTRO_TELEMETRY_DISABLED: '1' },
  });
  return { ...result, output: `${result.stdout}${result.stderr}`, wroteSite: existsSync(outDir) };
}

describe('npm run build refuses bad content, with the same messages as npm run check, and writes nothing', () => {
  it('stops on a schema error and an MDX syntax error, naming file and field', () => {
    const root = copyFixture();
    edit(root, 'content/draft/pages/threats.mdx', (text) => text.replace(/^audience: .*$/m, 'audience: [nurse]'));
    edit(root, 'content/draft/pages/listening.mdx', (text) => `${text}\n{oops\n`);
    const result = build(root);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('content/draft/pages/threats.mdx: audience[0]: found "nurse"; expected one of');
    expect(result.output).toMatch(/content\/draft\/pages\/listening\.mdx:\d+: body: found invalid MDX syntax/);
    expect(result.wroteSite).toBe(false);
  });

  it('stops on an edited frozen release, naming the release and the file', () => {
    const root = copyFixture();
    edit(root, 'content/versions/1.0/pages/tiers.mdx', (text) => text.replace('Colleagues', 'Co-workers'));
    const result = build(root);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('content/versions/1.0/pages/tiers.mdx: file: release 1.0 is frozen, but this file was edited');
    expect(result.wroteSite).toBe(false);
  });

  it('stops on release notes that import and run code, naming file and line, and runs none of it', () => {
    const root = copyFixture();
    const proof = join(tmpdir(), `notes-ran-${process.pid}-${Date.now()}`);
    edit(root, 'content/releases/1.1.mdx', (text) => `${text}\nimport fs from 'node:fs'\nexport const ran = fs.writeFileSync('${proof}', 'ran')\n\n{fs.readFileSync('/etc/hostname', 'utf8')}\n`);
    const result = build(root);
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/content\/releases\/1\.1\.mdx:\d+: body: found an import or export/);
    expect(result.output).toMatch(/content\/releases\/1\.1\.mdx:\d+: body: found the expression \{fs\.readFileSync/);
    expect(existsSync(proof)).toBe(false);
    expect(result.wroteSite).toBe(false);
  });

  it('stops on a notice for a page the release does not have, naming the file and field', () => {
    const root = copyFixture();
    edit(root, 'content/notices/tier-2-limits.mdx', (text) => text.replace('pages: [tiers]', 'pages: [tires]'));
    const result = build(root);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('content/notices/tier-2-limits.mdx: affects[1].pages[0]: found "tires", which is no page of release 1.0');
    expect(result.wroteSite).toBe(false);
  });
});
