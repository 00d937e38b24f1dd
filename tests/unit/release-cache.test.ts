import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  findEntry,
  releaseKey,
  releaseKeyParts,
  releaseOutputs,
  restoreEntry,
  storeEntry,
  toolchainHash,
  type ReleaseKeyParts,
} from '../../src/lib/release-cache.ts';
import { GOOD_FIXTURE, libraryOf } from './helpers.ts';

const temp = (name: string) => mkdtempSync(join(tmpdir(), `release-cache-${name}-`));

function write(root: string, file: string, text: string): void {
  mkdirSync(dirname(join(root, file)), { recursive: true });
  writeFileSync(join(root, file), text);
}

const parts: ReleaseKeyParts = {
  release: '1.0',
  digest: 'sha256:aaa',
  record: { title: 'First release', status: 'superseded' },
  notices: [{ id: 'tier-2-limits', kind: 'safety', date: '2025-01-01', title: 'Tier 2 limits' }],
  toolchain: 'toolchain-1',
  copies: '',
};

describe('releaseKey', () => {
  test('is the same for the same parts', () => {
    expect(releaseKey({ ...parts })).toBe(releaseKey(parts));
  });

  test.each([
    ['digest', { digest: 'sha256:bbb' }],
    ['a notice added', { notices: [...parts.notices, { id: 'another', kind: 'correction' }] }],
    ['a notice edited', { notices: [{ ...(parts.notices[0] as object), title: 'Tier 2 limits, corrected' }] }],
    ['toolchain', { toolchain: 'toolchain-2' }],
    ['record (a status changed)', { record: { title: 'First release', status: 'in-effect' } }],
    ['copies (a PDF made)', { copies: 'pdf:1357465 offline:none' }],
  ])('changes with the %s', (_name, change) => {
    expect(releaseKey({ ...parts, ...change })).not.toBe(releaseKey(parts));
  });
});

describe('releaseKeyParts', () => {
  test('hold the notices that apply to the release, without the file they came from', async () => {
    const library = await libraryOf(GOOD_FIXTURE);
    const release = library.release('1.0')!;
    const keyParts = releaseKeyParts(library, release, 'toolchain-1');
    expect(keyParts.digest).toBe(release.digest);
    expect((keyParts.notices as Array<{ id: string }>).map((notice) => notice.id)).toEqual(['tier-2-limits']);
    expect(JSON.stringify(keyParts)).not.toContain('notices/tier-2-limits.mdx');
    // Nothing of the other releases: a new release leaves this key as it was.
    expect(JSON.stringify(keyParts)).not.toContain(library.release('1.1')!.digest);
    expect(releaseKey(keyParts)).not.toBe(releaseKey(releaseKeyParts(library, library.release('1.1')!, 'toolchain-1')));
  });
});

describe('toolchainHash', () => {
  function project(): string {
    const root = temp('project');
    write(root, 'astro.config.mjs', 'export default {}');
    write(root, 'package-lock.json', '{"packages":{"node_modules/astro":{"version":"7.3.5"}}}');
    write(root, 'src/components/VersionSwitcher.astro', '<nav>releases</nav>');
    write(root, 'src/styles/site.css', 'body { color: black }');
    return root;
  }

  test('is stable, and changes with a component, a style, the config, a dependency or a public file', () => {
    const root = project();
    const before = toolchainHash(root, {});
    expect(toolchainHash(root, {})).toBe(before);
    for (const [file, text] of [
      ['src/components/VersionSwitcher.astro', '<nav>every release</nav>'],
      ['src/styles/site.css', 'body { color: navy }'],
      ['astro.config.mjs', 'export default { build: {} }'],
      ['package-lock.json', '{"packages":{"node_modules/astro":{"version":"7.3.6"}}}'],
      ['public/favicon.svg', '<svg/>'],
      ['src/components/New.astro', '<p>new</p>'],
    ]) {
      const changed = project();
      write(changed, file, text);
      expect(toolchainHash(changed, {}), file).not.toBe(before);
    }
  });

  test('follows the settings that change output, not where the build writes', () => {
    const root = project();
    const plain = toolchainHash(root, {});
    expect(toolchainHash(root, { PLAYBOOK_SITE: 'https://playbook.example.org' })).not.toBe(plain);
    expect(toolchainHash(root, { PLAYBOOK_OUT_DIR: '/tmp/elsewhere', PLAYBOOK_CACHE_DIR: '/tmp/cache', PLAYBOOK_CONTENT: '/tmp/content', HOME: '/root' })).toBe(plain);
  });
});

describe('the cache of a release', () => {
  /** A built site with two releases and a draft. */
  function site(): string {
    const outDir = temp('dist');
    for (const release of ['1.0', '1.1']) {
      write(outDir, `v/${release}/index.html`, `<h1>Release ${release}</h1>`);
      write(outDir, `v/${release}/listening/index.html`, `<h1>Listening, ${release}</h1>`);
      write(outDir, `v/${release}/files/script.pdf`, `%PDF ${release}`);
      write(outDir, `compare-data/${release}.json`, `{"release":"${release}"}`);
      write(outDir, `search-words/${release}.json`, `{"words":["${release}"]}`);
    }
    write(outDir, 'draft/index.html', '<h1>Draft</h1>');
    write(outDir, 'compare-data/draft.json', '{}');
    return outDir;
  }

  test("a release's outputs are its folder under /v/, its compare data and its search words", () => {
    expect(releaseOutputs(site(), '1.0')).toEqual(['v/1.0/files/script.pdf', 'v/1.0/index.html', 'v/1.0/listening/index.html', 'compare-data/1.0.json', 'search-words/1.0.json']);
  });

  test('a stored release is found under its key and restored byte for byte; another key misses', async () => {
    const outDir = site();
    const cacheDir = temp('cache');
    await storeEntry(cacheDir, outDir, '1.0', 'key-a');
    expect(findEntry(cacheDir, '1.0', 'key-b')).toBeUndefined();
    expect(findEntry(cacheDir, '1.1', 'key-a')).toBeUndefined();
    const entry = findEntry(cacheDir, '1.0', 'key-a')!;
    expect(entry.files.map((file) => file.path)).toEqual(releaseOutputs(outDir, '1.0'));
    const next = temp('next');
    await restoreEntry(entry, next);
    for (const file of releaseOutputs(outDir, '1.0')) expect(readFileSync(join(next, file), 'utf8'), file).toBe(readFileSync(join(outDir, file), 'utf8'));
    expect(existsSync(join(next, 'v/1.1'))).toBe(false);
    expect(existsSync(join(next, 'draft'))).toBe(false);
  });

  test('a new key replaces the release’s old entry, and leaves other releases alone', async () => {
    const outDir = site();
    const cacheDir = temp('cache');
    await storeEntry(cacheDir, outDir, '1.0', 'key-a');
    await storeEntry(cacheDir, outDir, '1.1', 'key-a');
    await storeEntry(cacheDir, outDir, '1.0', 'key-b');
    expect(readdirSync(join(cacheDir, '1.0')).sort()).toEqual(['key-b.json', 'key-b.pack']);
    expect(findEntry(cacheDir, '1.1', 'key-a')).toBeDefined();
  });

  /** Flips one byte of the pack, keeping its size. */
  const flipByte = (pack: string) => {
    const bytes = readFileSync(pack);
    bytes[bytes.length - 3] ^= 1;
    writeFileSync(pack, bytes);
  };

  test.each([
    ['its pack altered', (cacheDir: string) => writeFileSync(join(cacheDir, '1.0/key-a.pack'), '<h1>Listening, edited by hand</h1>')],
    ['one byte of its pack altered (the same size)', (cacheDir: string) => flipByte(join(cacheDir, '1.0/key-a.pack'))],
    ['its pack cut short', (cacheDir: string) => writeFileSync(join(cacheDir, '1.0/key-a.pack'), readFileSync(join(cacheDir, '1.0/key-a.pack')).subarray(0, 10))],
    ['its pack missing', (cacheDir: string) => rmSync(join(cacheDir, '1.0/key-a.pack'))],
    ['its record missing', (cacheDir: string) => rmSync(join(cacheDir, '1.0/key-a.json'))],
    ['its record cut short', (cacheDir: string) => writeFileSync(join(cacheDir, '1.0/key-a.json'), readFileSync(join(cacheDir, '1.0/key-a.json'), 'utf8').slice(0, 40))],
  ])('an entry with %s is ignored, and stored again whole', async (_name, corrupt) => {
    const outDir = site();
    const cacheDir = temp('cache');
    await storeEntry(cacheDir, outDir, '1.0', 'key-a');
    corrupt(cacheDir);
    expect(findEntry(cacheDir, '1.0', 'key-a')).toBeUndefined();
    await storeEntry(cacheDir, outDir, '1.0', 'key-a');
    expect(findEntry(cacheDir, '1.0', 'key-a')?.files).toHaveLength(5);
  });

  test('nothing half-written: what a killed build left while storing is never read as an entry', async () => {
    const outDir = site();
    const cacheDir = temp('cache');
    // A build killed while it stored 1.0: its pack written, its record not yet renamed into place.
    await storeEntry(cacheDir, outDir, '1.0', 'key-a');
    renameSync(join(cacheDir, '1.0/key-a.json'), join(cacheDir, '1.0/key-a.json.staging-4242'));
    expect(findEntry(cacheDir, '1.0', 'key-a')).toBeUndefined();
    // Killed earlier still: half a pack, no record.
    writeFileSync(join(cacheDir, '1.0/key-b.pack.staging-4243'), '<h1>Rel');
    expect(findEntry(cacheDir, '1.0', 'key-b')).toBeUndefined();
    await storeEntry(cacheDir, outDir, '1.0', 'key-a');
    expect(findEntry(cacheDir, '1.0', 'key-a')?.files).toHaveLength(5);
    expect(readdirSync(join(cacheDir, '1.0')).filter((name) => !name.includes('.staging-')).sort()).toEqual(['key-a.json', 'key-a.pack']);
  });

  test('a release the build did not write is not stored', async () => {
    const cacheDir = temp('cache');
    mkdirSync(join(cacheDir, '2.0'), { recursive: true });
    await storeEntry(cacheDir, site(), '2.0', 'key-a');
    expect(findEntry(cacheDir, '2.0', 'key-a')).toBeUndefined();
  });
});
