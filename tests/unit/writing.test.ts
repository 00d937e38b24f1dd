import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AssetRecord } from '../../src/lib/assets.ts';
import { COMPONENTS } from '../../src/lib/components/index.ts';
import { COMPONENT_EXAMPLES } from '../../src/lib/components/examples.ts';
import type { Release } from '../../src/lib/model.ts';
import { assetChanges, EXAMPLE_ASSETS, renderExamples } from '../../src/lib/writing.ts';

const ROOT = join(import.meta.dirname, '..', '..');

describe('the components are documented with a copyable example', () => {
  it('every component a page may use has an example', () => {
    const topLevel = [...COMPONENTS.values()].filter((component) => !component.parent).map((component) => component.name);
    expect(COMPONENT_EXAMPLES.map((example) => example.component)).toEqual(topLevel);
  });

  it('every example compiles with no problem, its figure and download included', async () => {
    const folder = join(ROOT, EXAMPLE_ASSETS);
    const files = Object.fromEntries(['figures/three-tiers.svg', 'files/encounter-log.csv'].map((path) => [path, readFileSync(join(folder, path), 'utf8')]));
    const rendered = renderExamples(files);
    for (const example of rendered) expect(example.html, example.component).not.toBe('');
    expect(rendered.find((example) => example.component === 'Figure')!.html).toMatch(/width="\d+" height="\d+"/);
  });

  it('docs/writing-content.md shows each example exactly as the gallery renders it', () => {
    const docs = readFileSync(join(ROOT, 'docs', 'writing-content.md'), 'utf8');
    for (const example of COMPONENT_EXAMPLES) expect(docs, example.component).toContain(`\`\`\`mdx\n${example.mdx}\n\`\`\``);
  });
});

describe('the figures and downloads the draft changed', () => {
  const asset = (path: string, hash: string): AssetRecord => ({ path, name: path.split('/')[1], kind: 'figure', format: 'SVG image', bytes: 10, hash, served: '' });
  const release = (assets: AssetRecord[]) => ({ assets }) as unknown as Release;

  it('are named added, changed or removed by content hash', () => {
    const changes = assetChanges(
      release([asset('figures/a.svg', '1'), asset('figures/b.svg', '2'), asset('figures/gone.svg', '3')]),
      release([asset('figures/a.svg', '1'), asset('figures/b.svg', '9'), asset('figures/new.svg', '4')]),
    );
    expect(changes.map((change) => [change.path, change.kind])).toEqual([
      ['figures/b.svg', 'changed'],
      ['figures/gone.svg', 'removed'],
      ['figures/new.svg', 'added'],
    ]);
  });
});
