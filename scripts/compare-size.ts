// Measures the compare view's data against prebuilding every pair, on a synthetic library of many
// releases: what /compare-data/ weighs per release and in all, what comparing two far-apart releases
// fetches and costs to compute, and what prebuilding every pair as static pages would cost instead.
//
//   npx node scripts/compare-size.ts [releases=20] [pages=100] [changed-per-release=5]
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import type { TextBlock } from '../src/lib/compile.ts';
import { bodiesNeeded, compareData, distinctBodies, releaseData, releaseFromData, type BodyData } from '../src/lib/compare-data.ts';
import { renderComparison } from '../src/lib/compare-view.ts';
import { buildLibrary, type PageRecord, type ReleaseRecord } from '../src/lib/model.ts';

const [releaseCount = 20, pageCount = 100, changedPerRelease = 5] = process.argv.slice(2).map(Number);

/** Seeded, so every run measures the same library. */
let seed = 42;
function random(): number {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
}
const WORDS = 'peer support colleague event clinician tier listen shift unit lead program manager referral confidential follow-up hour day call check safety review team area data'.split(' ');
const sentence = (words: number) => Array.from({ length: words }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ') + '.';
const paragraph = () => Array.from({ length: 5 }, () => sentence(10)).join(' ');

/** About 600 words in four h2 sections, as the benchmark's pages. */
function newBody(id: string): TextBlock[] {
  return [1, 2, 3, 4].flatMap((section) => [
    { kind: 'heading' as const, depth: 2, anchor: `${id}-section-${section}`, text: `Section ${section} of ${id}` },
    { kind: 'text' as const, text: paragraph() },
    { kind: 'text' as const, text: paragraph() },
    { kind: 'text' as const, text: paragraph() },
  ]);
}

function pageRecord(release: string, id: string, index: number, blocks: TextBlock[]): PageRecord {
  const text = blocks.map((block) => block.text).join('\n');
  return {
    release,
    id,
    title: `Page ${id}`,
    summary: `Summary of ${id}.`,
    part: `part-${index % 5}`,
    order: index,
    audience: ['peer-supporter'],
    reviewed: '2025-01-01',
    supersedes: [],
    related: [],
    tags: [],
    anchors: {},
    file: `${id}.mdx`,
    bodyHash: createHash('sha256').update(text).digest('hex'),
    html: '',
    headings: [],
    blocks,
    words: text.split(/\s+/).length,
  };
}

const versions = Array.from({ length: releaseCount }, (_, index) => `${1 + Math.floor(index / 10)}.${index % 10}`);
const parts = Array.from({ length: 5 }, (_, index) => ({ id: `part-${index}`, title: `Part ${index}` }));
const releases: ReleaseRecord[] = versions.map((release, index) => ({
  release,
  date: `20${String(20 + Math.floor(index / 4)).padStart(2, '0')}-0${1 + (index % 4) * 2}-01`,
  title: `Release ${release}`,
  summary: `Release ${release}.`,
  digest: `sha256-${'0'.repeat(64)}`,
  parts,
  glossary: [],
  tracks: [],
}));

// Each release after the first edits one paragraph of `changedPerRelease` pages, adds one page and removes one.
let current = new Map<string, { index: number; blocks: TextBlock[] }>();
let nextId = 0;
for (let i = 0; i < pageCount; i++, nextId++) current.set(`page-${nextId}`, { index: nextId, blocks: newBody(`page-${nextId}`) });
const pages: PageRecord[] = [];
versions.forEach((release, index) => {
  if (index > 0) {
    current = new Map(current);
    const ids = [...current.keys()];
    for (let edit = 0; edit < changedPerRelease; edit++) {
      const id = ids[Math.floor(random() * ids.length)];
      const page = current.get(id)!;
      const blocks = [...page.blocks];
      const at = 1 + Math.floor(random() * (blocks.length - 1));
      blocks[at] = blocks[at].kind === 'text' ? { kind: 'text', text: paragraph() } : blocks[at];
      current.set(id, { ...page, blocks });
    }
    current.delete(ids[Math.floor(random() * ids.length)]);
    current.set(`page-${nextId}`, { index: nextId, blocks: newBody(`page-${nextId}`) });
    nextId++;
  }
  for (const [id, page] of current) pages.push(pageRecord(release, id, page.index, page.blocks));
});

const library = buildLibrary(releases, pages);
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
    const bytes = size(renderComparison(library.changes(all[a], all[b])));
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
