// Measures the compare view's data against prebuilding every pair, on a synthetic library of many
// releases: what /compare-data/ weighs per release and in all, what comparing two far-apart releases
// fetches and costs to compute, and what prebuilding every pair as static pages would cost instead.
//
//   npx node scripts/compare-size.ts [releases=20] [pages=100]
//
// The library is the benchmark's synthetic playbook (scripts/lib/synthetic.ts), written to a temporary
// folder and read back with loadContent, as the build reads it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { bodiesNeeded, compareData, distinctBodies, releaseData, releaseFromData, type BodyData } from '../src/lib/compare-data.ts';
import { renderComparison } from '../src/lib/compare-view.ts';
import { loadContent } from '../src/lib/content.ts';
import { libraryFromContent } from '../src/lib/model.ts';
import { EDITS_PER_RELEASE, writeSyntheticPlaybook } from './lib/synthetic.ts';

const [releaseCount = 20, pageCount = 100] = process.argv.slice(2).map(Number);

const root = mkdtempSync(join(tmpdir(), 'compare-size-'));
await writeSyntheticPlaybook(join(root, 'content'), { releases: releaseCount, pagesPerRelease: pageCount, draft: false });
const content = await loadContent({ root });
rmSync(root, { recursive: true, force: true });
if (content.problems.length) throw new Error(`the synthetic playbook has ${content.problems.length} problems`);
const library = libraryFromContent(content);
const pages = library.releases.flatMap((release) => release.pages);
const changedPerRelease = EDITS_PER_RELEASE;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const size = (text: string) => Buffer.byteLength(text);
const gzipped = (text: string) => gzipSync(text).length;

// What the build emits for the island.
const releaseFiles = new Map(library.all.map((release) => [release.release, JSON.stringify(releaseData(library, release))]));
const bodies = distinctBodies(library);
const bodyFiles = new Map([...bodies].map(([hash, blocks]) => [hash, JSON.stringify(blocks)]));
const releaseBytes = [...releaseFiles.values()].map(size);
const bodyBytes = [...bodyFiles.values()].map(size);
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

console.log(`Synthetic library: ${releaseCount} releases x ${pageCount} pages, ${changedPerRelease} pages edited + 1 added + 1 removed per release`);
console.log(`  page records: ${pages.length}; distinct bodies: ${bodies.size}`);
console.log('\n/compare-data/ (what the build emits for the island)');
console.log(`  per release file: ${kib(sum(releaseBytes) / releaseBytes.length)} on average (${kib(sum([...releaseFiles.values()].map(gzipped)) / releaseBytes.length)} gzipped), ${kib(sum(releaseBytes))} for all ${releaseBytes.length}`);
console.log(`  body files: ${bodyFiles.size}, ${kib(sum(bodyBytes) / bodyBytes.length)} each on average, ${kib(sum(bodyBytes))} in all`);
console.log(`  total: ${kib(sum(releaseBytes) + sum(bodyBytes))} in ${releaseBytes.length + bodyFiles.size} files`);
const naive = sum(library.all.map((release) => size(JSON.stringify(release.pages.map((page) => ({ ...page, html: undefined }))))));
console.log(`  (without deduplicating bodies, one file per release with every page's blocks: ${kib(naive)})`);

// Comparing the first release with the last, as the island does it.
const [first, last] = [library.releases[0], library.releases[library.releases.length - 1]];
const fromData = JSON.parse(releaseFiles.get(first.release)!);
const toData = JSON.parse(releaseFiles.get(last.release)!);
const needed = bodiesNeeded(fromData, toData);
const fetched = size(releaseFiles.get(first.release)!) + size(releaseFiles.get(last.release)!) + sum(needed.map((hash) => size(bodyFiles.get(hash)!)));
const fetchedGzip = gzipped(releaseFiles.get(first.release)!) + gzipped(releaseFiles.get(last.release)!) + sum(needed.map((hash) => gzipped(bodyFiles.get(hash)!)));
const loaded = new Map<string, BodyData>(needed.map((hash) => [hash, JSON.parse(bodyFiles.get(hash)!)]));
const timings: number[] = [];
let html = '';
let changed = 0;
for (let run = 0; run < 7; run++) {
  const start = performance.now();
  const changes = compareData(releaseFromData(fromData, loaded), releaseFromData(toData, loaded));
  html = renderComparison(changes);
  timings.push(performance.now() - start);
  changed = changes.changes.length;
}
timings.sort((a, b) => a - b);
console.log(`\nComparing ${first.release} with ${last.release} in the browser (${changed} pages changed)`);
console.log(`  fetches ${2 + needed.length} files (2 release files + ${needed.length} bodies): ${kib(fetched)} (${kib(fetchedGzip)} gzipped)`);
console.log(`  computing changes and diffs and rendering: ${timings[3].toFixed(1)} ms median of 7 runs in Node (slowest ${timings[6].toFixed(1)} ms); markup ${kib(size(html))}`);

// Prebuilding every pair instead.
const all = library.all;
let pairBytes = 0;
let pairCount = 0;
let consecutiveBytes = 0;
const start = performance.now();
for (let a = 0; a < all.length; a++) {
  for (let b = a + 1; b < all.length; b++) {
    const bytes = size(renderComparison(library.changes(all[a], all[b]), { releases: all.slice(a, b + 1) }));
    pairBytes += bytes;
    pairCount++;
    if (b === a + 1) consecutiveBytes += bytes;
  }
}
const elapsed = performance.now() - start;
console.log(`\nPrebuilding every pair (older to newer) instead`);
console.log(`  ${pairCount} pages, ${kib(pairBytes)} of comparison markup (before the page shell), ${(elapsed / 1000).toFixed(1)} s to compute and render them in Node`);
console.log(`  what is prebuilt now: ${all.length - 1} consecutive pairs, ${kib(consecutiveBytes)} of comparison markup`);
console.log(`  every pair both ways would be ${pairCount * 2} pages`);
