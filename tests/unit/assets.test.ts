import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ASSET_LIMIT, FIGURE_MAX_WIDTH, formatBytes, loadAssets, rasterCount, svgSize } from '../../src/lib/assets.ts';
import { loadContent, lockFileOf } from '../../src/lib/content.ts';
import { digestOf, hashFolder } from '../../src/lib/digest.ts';
import { libraryFromContent } from '../../src/lib/model.ts';
import { copyFixture, edit } from './helpers.ts';

const INTRO = 'content/draft/pages/intro.mdx';
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 180"><rect width="320" height="180" fill="#0e6e5c"/></svg>';

function put(root: string, file: string, data: string | Buffer): void {
  mkdirSync(join(root, file, '..'), { recursive: true });
  writeFileSync(join(root, file), data);
}

function addToPage(root: string, file: string, mdx: string): void {
  edit(root, file, (text) => `${text}\n${mdx}\n`);
}

/** The good fixture with a figure and a download in the draft, shown by its intro page. */
function withAssets(): string {
  const root = copyFixture();
  put(root, 'content/draft/figures/tiers.svg', SVG);
  put(root, 'content/draft/files/log.csv', 'date,role\n2024-01-01,peer\n');
  addToPage(root, INTRO, '<Figure src="figures/tiers.svg" alt="Three tiers" caption="The tiers." />\n\n<Download src="files/log.csv" title="Encounter log" />');
  return root;
}

describe('figures and downloads of a release', () => {
  it('loads them with kind, size and dimensions, and the page shows them', async () => {
    const content = await loadContent({ root: withAssets() });
    expect(content.problems).toEqual([]);
    const draft = content.releases.at(-1)!;
    expect(draft.assets.map((asset) => [asset.path, asset.format, asset.width, asset.height])).toEqual([
      ['figures/tiers.svg', 'SVG image', 320, 180],
      ['files/log.csv', 'CSV spreadsheet', undefined, undefined],
    ]);
    const intro = draft.pages.find((page) => page.frontmatter.id === 'introduction')!;
    expect(intro.compiled.html).toContain('<img src="../figures/tiers.svg" alt="Three tiers" width="320" height="180"');
    expect(intro.compiled.html).toContain('log.csv · CSV spreadsheet · 26 bytes');
    expect(intro.assets.map((asset) => asset.path)).toEqual(['figures/tiers.svg', 'files/log.csv']);
  });

  it('a page whose figure changed is a changed page, the text the same', async () => {
    const root = withAssets();
    const before = (await loadContent({ root })).releases.at(-1)!.pages.find((page) => page.frontmatter.id === 'introduction')!;
    put(root, 'content/draft/figures/tiers.svg', SVG.replace('#0e6e5c', '#b3261e'));
    const after = (await loadContent({ root })).releases.at(-1)!.pages.find((page) => page.frontmatter.id === 'introduction')!;
    expect(after.bodyHash).not.toBe(before.bodyHash);
    expect(after.compiled.blocks).toEqual(before.compiled.blocks);
  });

  it('the compare view says which figure of a page changed', async () => {
    const root = withAssets();
    const { computeChanges } = await import('../../src/lib/changes.ts');
    const { renderComparison } = await import('../../src/lib/compare-view.ts');
    const first = libraryFromContent(await loadContent({ root }));
    put(root, 'content/draft/figures/tiers.svg', SVG.replace('#0e6e5c', '#b3261e'));
    const second = libraryFromContent(await loadContent({ root }));
    const changes = computeChanges(first.draft!, second.draft!, () => undefined);
    expect(changes.changes.map((change) => change.id)).toEqual(['introduction']);
    expect(renderComparison(changes as never)).toContain('<li>Figure changed: figures/tiers.svg</li>');
  });

  it('compresses a large raster once, to the reading width, with its size set', async () => {
    const root = copyFixture();
    const png = await sharp({ create: { width: 3000, height: 1500, channels: 3, background: '#0e6e5c' } }).png().toBuffer();
    put(root, 'a/figures/wide.png', png);
    put(root, 'b/figures/same.png', png);
    const before = rasterCount();
    const problems: never[] = [];
    const a = await loadAssets(root, join(root, 'a'), problems);
    const b = await loadAssets(root, join(root, 'b'), problems);
    expect(problems).toEqual([]);
    expect(a.get('figures/wide.png')).toMatchObject({ width: FIGURE_MAX_WIDTH, height: 800 });
    expect(b.get('figures/same.png')).toMatchObject({ width: FIGURE_MAX_WIDTH, height: 800 });
    // Same bytes in two releases: processed at most once (none when an earlier run cached it).
    expect(rasterCount() - before).toBeLessThanOrEqual(1);
    const size = (await sharp(a.get('figures/wide.png')!.served).metadata()).width;
    expect(size).toBe(FIGURE_MAX_WIDTH);
  });

  it('reads an SVG size from width/height or its viewBox', () => {
    expect(svgSize('<svg width="100px" height="50">')).toEqual({ width: 100, height: 50 });
    expect(svgSize('<svg viewBox="0 0 10 20">')).toEqual({ width: 10, height: 20 });
    expect(svgSize('<svg>')).toBeUndefined();
    expect(formatBytes(ASSET_LIMIT)).toBe('5.0 MB');
  });
});

/** Bad input, one mutation each: the file and field named, nothing published. */
const broken: Array<{ name: string; breakIt: (root: string) => void; file: string; field: string; says: RegExp; line?: number }> = [
  {
    name: 'an unknown component',
    breakIt: (root) => addToPage(root, INTRO, '<Chart src="figures/tiers.svg" />'),
    file: INTRO,
    field: 'body',
    says: /found the component <Chart>/,
  },
  {
    name: 'a Figure without alt',
    breakIt: (root) => edit(root, INTRO, (text) => text.replace(' alt="Three tiers"', '')),
    file: INTRO,
    field: 'Figure.alt',
    says: /<Figure> has no alt; expected alt=/,
  },
  {
    name: 'a figure file that is missing',
    breakIt: (root) => edit(root, INTRO, (text) => text.replace('figures/tiers.svg', 'figures/tiers-v2.svg')),
    file: INTRO,
    field: 'Figure.src',
    says: /found src="figures\/tiers-v2.svg", which is not in this release's figures\/ folder/,
  },
  {
    name: 'a download file that is missing',
    breakIt: (root) => edit(root, INTRO, (text) => text.replace('files/log.csv', 'files/log.xlsx')),
    file: INTRO,
    field: 'Download.src',
    says: /found src="files\/log.xlsx", which is not in this release's files\/ folder; expected one of files\/log.csv/,
  },
  {
    name: 'a download over the limit',
    breakIt: (root) => put(root, 'content/draft/files/log.csv', Buffer.alloc(ASSET_LIMIT + 1, 'a')),
    file: 'content/draft/files/log.csv',
    field: 'file',
    says: /found 5.0 MB; expected at most 5.0 MB/,
  },
  {
    name: 'a download of an unknown kind',
    breakIt: (root) => put(root, 'content/draft/files/setup.exe', 'MZ'),
    file: 'content/draft/files/setup.exe',
    field: 'file',
    says: /found a .exe file; expected one of .pdf, .csv/,
  },
  {
    name: 'an SVG that runs a script',
    breakIt: (root) => put(root, 'content/draft/figures/tiers.svg', SVG.replace('</svg>', '<script>alert(1)</script></svg>')),
    file: 'content/draft/figures/tiers.svg',
    field: 'file',
    says: /found a script/,
  },
  {
    name: 'an image that is not an image',
    breakIt: (root) => put(root, 'content/draft/figures/photo.png', 'not a png'),
    file: 'content/draft/figures/photo.png',
    field: 'file',
    says: /cannot be read as an image/,
  },
];

describe('bad figures and downloads', () => {
  for (const { name, breakIt, file, field, says } of broken) {
    it(`names the file and field for ${name}`, async () => {
      const root = withAssets();
      breakIt(root);
      const { problems } = await loadContent({ root });
      const problem = problems.find((p) => p.file === file && p.field === field);
      expect(problem, JSON.stringify(problems, null, 2)).toBeDefined();
      expect(problem!.message).toMatch(says);
    });
  }
  it('names the line of the component in the page', async () => {
    const root = withAssets();
    edit(root, INTRO, (text) => text.replace(' alt="Three tiers"', ''));
    const { problems } = await loadContent({ root });
    const lines = readFileSync(join(root, INTRO), 'utf8').split('\n');
    const problem = problems.find((p) => p.field === 'Figure.alt')!;
    expect(lines[problem.line! - 1]).toMatch(/^<Figure src="figures\/tiers.svg"/);
  });
});

describe('figures and downloads freeze with the release', () => {
  /** The fixture's release 1.1 with a figure, its lock and digest recorded as `npm run release` would. */
  async function frozenWithFigure(): Promise<string> {
    const root = copyFixture();
    put(root, 'content/versions/1.1/figures/tiers.svg', SVG);
    const files = await hashFolder(join(root, 'content/versions/1.1'));
    const digest = digestOf(files);
    writeFileSync(lockFileOf(join(root, 'content'), '1.1'), JSON.stringify({ version: '1.1', digest, files }, null, 2));
    edit(root, 'content/releases/1.1.mdx', (text) => text.replace(/^digest: .*$/m, `digest: ${digest}`));
    return root;
  }

  it('a release recorded with its figure is valid', async () => {
    expect((await loadContent({ root: await frozenWithFigure() })).problems).toEqual([]);
  });

  for (const [kind, change] of [
    ['edited', (root: string) => put(root, 'content/versions/1.1/figures/tiers.svg', SVG.replace('320', '321'))],
    ['added', (root: string) => put(root, 'content/versions/1.1/figures/extra.svg', SVG)],
    ['removed', (root: string) => rmSync(join(root, 'content/versions/1.1/figures/tiers.svg'))],
  ] as const) {
    it(`names a figure ${kind} in a frozen release`, async () => {
      const root = await frozenWithFigure();
      change(root);
      const { problems } = await loadContent({ root });
      const file = kind === 'added' ? 'content/versions/1.1/figures/extra.svg' : 'content/versions/1.1/figures/tiers.svg';
      const problem = problems.find((p) => p.file === file);
      expect(problem, JSON.stringify(problems, null, 2)).toBeDefined();
      expect(problem!.message).toMatch(new RegExp(`release 1.1 is frozen, but this file was ${kind} after it was released`));
    });
  }
});

describe('npm run release freezes the draft with its figures and downloads', () => {
  it('copies them into the new release, records them in its lock, and the release is valid', async () => {
    const { createRelease } = await import('../../src/lib/release.ts');
    const root = withAssets();
    const result = await createRelease({ root, version: '1.2', date: '2025-01-15', log: () => {} });
    const lock = JSON.parse(readFileSync(lockFileOf(join(root, 'content'), '1.2'), 'utf8')) as { files: Record<string, string> };
    expect(Object.keys(lock.files)).toEqual(expect.arrayContaining(['figures/tiers.svg', 'files/log.csv']));
    const content = await loadContent({ root });
    expect(content.problems.filter((p) => !p.file.startsWith('content/releases/'))).toEqual([]);
    const released = content.releases.find((release) => release.release === '1.2')!;
    expect(released.assets.map((asset) => asset.path)).toEqual(['figures/tiers.svg', 'files/log.csv']);
    expect(result.digest).toBe(digestOf(lock.files));
  });
});
