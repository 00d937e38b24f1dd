import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AssetRecord } from './assets.ts';
import { loadAssets } from './assets.ts';
import { compilePage } from './compile.ts';
import { COMPONENT_EXAMPLES, type ComponentExample } from './components/examples.ts';
import type { Release } from './model.ts';
import { formatProblems, type ContentProblem } from './problems.ts';

/** Where the examples' figure and download live: published as is, beside the gallery page. */
export const EXAMPLE_ASSETS = 'public/draft/writing';

export interface RenderedExample extends ComponentExample {
  html: string;
}

/** Every component's example compiled as a page would be, against the example figure and download. */
export async function renderExamples(root: string): Promise<RenderedExample[]> {
  const problems: ContentProblem[] = [];
  const folder = resolve(root, EXAMPLE_ASSETS);
  const assets = existsSync(folder) ? await loadAssets(root, folder, problems) : undefined;
  const rendered = COMPONENT_EXAMPLES.map((example) => {
    const result = compilePage(example.mdx, {}, [], assets);
    problems.push(...result.issues.map((issue) => ({ file: `examples: ${example.component}`, ...issue })));
    return { ...example, html: result.page?.html ?? '' };
  });
  if (problems.length) throw new Error(`The component examples do not compile: ${formatProblems(problems)}`);
  return rendered;
}

export interface AssetChange {
  path: string;
  kind: 'added' | 'changed' | 'removed';
  asset: AssetRecord;
}

/** The figures and downloads the draft added, changed or removed since a release, by content hash. */
export function assetChanges(from: Release, to: Release): AssetChange[] {
  const before = new Map(from.assets.map((asset) => [asset.path, asset]));
  const after = new Map(to.assets.map((asset) => [asset.path, asset]));
  const changes: AssetChange[] = [];
  for (const [path, asset] of after) {
    const old = before.get(path);
    if (!old) changes.push({ path, kind: 'added', asset });
    else if (old.hash !== asset.hash) changes.push({ path, kind: 'changed', asset });
  }
  for (const [path, asset] of before) if (!after.has(path)) changes.push({ path, kind: 'removed', asset });
  return changes.sort((a, b) => a.path.localeCompare(b.path));
}
