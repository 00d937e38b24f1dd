import { spawnBuildSync } from './build-lock.ts';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeDifferences, frozenDifferences } from '../../scripts/lib/frozen-check.ts';
import { createRelease } from '../../src/lib/release.ts';
import { copyFixture } from './helpers.ts';

const PROJECT = join(import.meta.dirname, '..', '..');
const ASTRO = join(PROJECT, 'node_modules', 'astro', 'bin', 'astro.mjs');

describe('frozenDifferences compares the /v/<release>/ folders of two builds', () => {
  const tree = (files: Record<string, string>) => {
    const root = mkdtempSync(join(tmpdir(), 'frozen-check-'));
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(join(root, file, '..'), { recursive: true });
      writeFileSync(join(root, file), text);
    }
    return root;
  };

  it('finds nothing when every file is byte-identical, whatever else the later build adds', () => {
    const before = tree({ 'v/1.0/index.html': 'a', 'v/1.0/p/index.html': 'b', 'index.html': 'latest 1.0' });
    const after = tree({ 'v/1.0/index.html': 'a', 'v/1.0/p/index.html': 'b', 'v/1.1/index.html': 'new', 'index.html': 'latest 1.1' });
    expect(frozenDifferences(before, after)).toEqual([]);
    expect(describeDifferences([])).toBe('every file of every frozen release is byte-identical');
  });

  it('lists a changed byte, a file added and a file removed, by release', () => {
    const before = tree({ 'v/1.0/index.html': 'a', 'v/1.0/gone/index.html': 'g', 'v/1.1/index.html': 'x' });
    const after = tree({ 'v/1.0/index.html': 'A', 'v/1.0/new/index.html': 'n', 'v/1.1/index.html': 'x' });
    expect(frozenDifferences(before, after)).toEqual([{ release: '1.0', changed: ['v/1.0/index.html'], added: ['v/1.0/new/index.html'], removed: ['v/1.0/gone/index.html'] }]);
    expect(describeDifferences(frozenDifferences(before, after))).toContain('release 1.0:\n  changed (1): v/1.0/index.html');
  });
});

/**
 * The real `astro build` of the fixture (releases 1.0 and 1.1 and a draft) into `<run>/dist`, from a
 * folder of its own (as scripts/bench.ts does: Astro stages its prerender bundle under the working directory).
 */
function build(root: string, name: string): string {
  const run = join(root, name);
  mkdirSync(run);
  symlinkSync(join(PROJECT, 'node_modules'), join(run, 'node_modules'), 'dir');
  const result = spawnBuildSync(process.execPath, [ASTRO, 'build', '--root', PROJECT], {
    cwd: run,
    encoding: 'utf8',
    env: { ...process.env, PLAYBOOK_CONTENT: join(root, 'content'), PLAYBOOK_OUT_DIR: join(run, 'dist'), PLAYBOOK_CACHE_DIR: join(run, 'cache'), ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error(`astro build failed:\n${`${result.stdout}${result.stderr}`.split('\n').slice(-30).join('\n')}`);
  return join(run, 'dist');
}

describe('a frozen release does not change when a release is added (issue 16)', () => {
  it('keeps every file under /v/1.0/ and /v/1.1/ byte-identical, except the pages whose notice now names the released correction', async () => {
    const root = copyFixture();
    const before = build(root, 'before');
    await createRelease({ root, version: '1.2', date: '2025-01-31', log: () => {} });
    const after = build(root, 'after');
    const differences = frozenDifferences(before, after);
    // The one exception: the fixture's safety notice on 1.0 and 1.1 said the correction was coming in the
    // draft; now that 1.2 is out it links the corrected page. It stands on the pages it concerns, on the
    // release's front page (every notice of the release) and in its print view (the whole release, which
    // also prints each part and each track: it carries the release's notices).
    const exceptions = {
      '1.0': ['v/1.0/index.html', 'v/1.0/print/index.html', 'v/1.0/tiers/index.html'],
      '1.1': [
        'v/1.1/index.html',
        'v/1.1/listening/index.html',
        'v/1.1/print/index.html',
        'v/1.1/tiers/index.html',
      ],
    };
    expect(differences, describeDifferences(differences)).toEqual(Object.entries(exceptions).map(([release, changed]) => ({ release, changed, added: [], removed: [] })));
    for (const file of Object.values(exceptions).flat()) {
      const [was, now] = [before, after].map((dist) => readFileSync(join(dist, file), 'utf8'));
      expect(was).toContain('It will be corrected in release 1.2, not yet published');
      expect(now).toContain('Corrected in release 1.2');
      // Nothing else: without the notice (its link to the corrected page, its last lines), the files are identical.
      const withoutNotice = (html: string) => html.replace(/data-notice="tier-2-limits">.*?<p class="dc-notice__frozen">/gs, '');
      expect(withoutNotice(now)).toBe(withoutNotice(was));
    }
  }, 180_000);
});
