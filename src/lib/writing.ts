import { extname } from 'node:path';
import { DOWNLOAD_FORMATS, FIGURE_FORMATS, releaseAssets, svgSize, type AssetRecord, type ReleaseAssets } from './assets.ts';
import { compilePage } from './compile.ts';
import { COMPONENT_EXAMPLES, type ComponentExample } from './components/examples.ts';
import { hashText } from './digest.ts';
import type { Release } from './model.ts';
import { formatProblems, type ContentProblem } from './problems.ts';

/** Where the examples' figure and download are published as they are: beside the gallery page. */
export const EXAMPLE_ASSETS = 'public/draft/writing';

export interface RenderedExample extends ComponentExample {
  html: string;
}

/**
 * The examples' own figures and downloads (text files: SVG, CSV), by path inside the examples'
 * folder (`figures/three-tiers.svg`), as a release's assets, so the examples compile as a page would.
 */
export function exampleAssets(files: Record<string, string>): ReleaseAssets {
  const list: AssetRecord[] = Object.entries(files).map(([path, text]) => {
    const [folder, name] = path.split('/');
    const ext = extname(name).slice(1);
    const kind = folder === 'figures' ? 'figure' : 'download';
    const format = (kind === 'figure' ? FIGURE_FORMATS : DOWNLOAD_FORMATS)[ext] ?? ext;
    return { path, name, kind, format, bytes: Buffer.byteLength(text), hash: hashText(text), served: '', ...(ext === 'svg' ? svgSize(text) : {}) };
  });
  return releaseAssets(list);
}

/** Every component's example compiled as a page would be, against the example figure and download. */
export function renderExamples(files: Record<string, string>): RenderedExample[] {
  const assets = exampleAssets(files);
  const problems: ContentProblem[] = [];
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
