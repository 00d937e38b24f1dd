import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { staleAreas, type Area } from '../../src/lib/areas.ts';
import { compilePage } from '../../src/lib/compile.ts';
import { loadContent } from '../../src/lib/content.ts';
import { copyFixture, edit, libraryOf } from './helpers.ts';

describe('<Local>', () => {
  test('renders the neutral text linked to the area directory, and no value of any area', () => {
    const { page, issues } = compilePage('Call <Local key="activation-number" /> first.');
    expect(issues).toEqual([]);
    expect(page!.html).toBe('<p>Call <span class="local" data-local="activation-number"><a class="local__neutral" href="/areas/">your area\'s activation number</a></span> first.</p>');
    expect(page!.localKeys).toEqual(['activation-number']);
  });

  test('an unknown key is refused with file, line and key', async () => {
    const root = copyFixture();
    edit(root, 'content/draft/pages/threats.mdx', (text) => text.replace('<Local key="crisis-line" />', '<Local key="crisis-number" />'));
    const problems = (await loadContent({ root })).problems;
    expect(problems).toEqual([
      expect.objectContaining({ file: 'content/draft/pages/threats.mdx', field: 'Local.key', line: 16, message: expect.stringMatching(/found key="crisis-number"; expected one of the area details: activation-number, .*crisis-line/) }),
    ]);
  });

  test('a page records the keys it uses, and its digest holds no area value', async () => {
    const root = copyFixture();
    const library = await libraryOf(root);
    const page = library.draft!.page('threats')!;
    expect(page.localKeys).toEqual(['activation-number', 'crisis-line']);
    expect(page.html).not.toContain('555-0111');
    // An area's phone number changes: no page, and no release digest, changes with it.
    const before = (await loadContent({ root })).releases.map((release) => [release.release, release.digest, ...release.pages.map((p) => p.bodyHash)]);
    edit(root, 'content/areas/area-01.yaml', (text) => text.replace('555-0111', '555-0199'));
    const after = (await loadContent({ root })).releases.map((release) => [release.release, release.digest, ...release.pages.map((p) => p.bodyHash)]);
    expect(after).toEqual(before);
  });
});

describe('areas', () => {
  test('load from content/areas with their id, owner and update', async () => {
    const content = await loadContent({ root: copyFixture() });
    expect(content.problems).toEqual([]);
    expect(content.areas.map((area) => [area.id, area.owner, area.updated])).toEqual([
      ['area-01', 'program-manager', '2026-09-01'],
      ['area-02', 'program-manager', '2026-10-01'],
    ]);
  });

  test('a bad field is refused with file and field', async () => {
    const root = copyFixture();
    edit(root, 'content/areas/area-02.yaml', (text) => text.replace('owner: program-manager', 'owner: janitor').replace('crisis-line', 'crisis-phone'));
    const problems = (await loadContent({ root })).problems;
    expect(problems).toEqual([
      expect.objectContaining({ file: 'content/areas/area-02.yaml', field: 'owner', message: expect.stringMatching(/found "janitor"; expected the role that keeps the details up to date/) }),
      expect.objectContaining({ file: 'content/areas/area-02.yaml', field: 'details.crisis-phone' }),
    ]);
  });

  test('check fails when an area lacks a key the latest release uses', async () => {
    const root = copyFixture();
    // The latest release (1.1) starts using the crisis line; area 2 has none.
    edit(root, 'content/versions/1.1/pages/tiers.mdx', (text) => `${text}\nCall <Local key="crisis-line" />.\n`);
    edit(root, 'content/areas/area-02.yaml', (text) => text.replace(/ {2}crisis-line: .*\n/, ''));
    const problems = (await loadContent({ root })).problems.filter((problem) => problem.file.startsWith('content/areas/'));
    expect(problems).toEqual([
      expect.objectContaining({ file: 'content/areas/area-02.yaml', field: 'details.crisis-line', message: expect.stringMatching(/the detail is missing, but release 1\.1 uses it \(content\/versions\/1\.1\/pages\/tiers\.mdx\)/) }),
    ]);
  });

  test('the draft alone using a key does not fail check: areas have until the release', async () => {
    const root = copyFixture();
    edit(root, 'content/areas/area-02.yaml', (text) => text.replace(/ {2}crisis-line: .*\n/, ''));
    expect((await loadContent({ root })).problems).toEqual([]);
  });

  test('a file in content/areas that is not an area is refused', async () => {
    const root = copyFixture();
    writeFileSync(join(root, 'content/areas/contacts.csv'), 'name,phone\n');
    const problems = (await loadContent({ root })).problems;
    expect(problems).toEqual([expect.objectContaining({ file: 'content/areas/contacts.csv', field: 'file' })]);
    rmSync(join(root, 'content/areas/contacts.csv'));
  });

  test('stale areas: details older than the review period, oldest first', () => {
    const area = (id: string, updated: string) => ({ id, name: id, updated }) as Area;
    const areas = [area('a', '2026-01-10'), area('b', '2025-06-30'), area('c', '2025-11-30')];
    expect(staleAreas(areas, new Date('2026-12-01T00:00:00Z'), 12).map((entry) => [entry.area.id, entry.dueBy])).toEqual([
      ['b', '2026-06-30'],
      ['c', '2026-11-30'],
    ]);
    expect(staleAreas(areas, new Date('2026-06-30T00:00:00Z'), 12)).toEqual([]);
  });
});
