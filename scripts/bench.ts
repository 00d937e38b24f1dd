// npm run bench [-- --repeat N] [-- --profile] [-- --keep]
//
// The real build (`astro build`) of a synthetic playbook (scripts/lib/synthetic.ts), 100 pages a release, all in one
// run so that their figures compare as ratios: these machines are too noisy for absolute seconds to mean much
// (issue 8; targets in PRODUCT.md and issue 16):
//   cold at 1 and at 20 releases (the ratio of the two);
//   warm: the 20 releases again with nothing changed, the caches of the cold build kept;
//   incremental: a 21st release added to those 20, the caches kept, against a cold build of the 21;
//   cold at 10 and at 50 releases, for memory: its peak should not grow with releases;
//   the byte-identical checks: every file of an older release unchanged when a release is added (issue 16.1),
//   and the builds that put releases in place from the release cache equal to cold builds (issue 16.2).
// A full run takes about 3 minutes on 2 idle cores.
//
// Cold means: a fresh content folder, out dir and Astro cache dir (where a build keeps its content data
// store, its search bundles and its frozen releases) for every build, and a fresh process (src/lib/compile.ts
// caches in memory only). The project's .astro/ folder holds generated types and the list of release-note
// modules, rewritten by every build's content sync; it caches no content, so it cannot make a build warm.
//
// --repeat N builds the cold 1 and 20 releases N times, taking turns, and keeps the fastest: for a machine busy with other work.
// --profile  also builds the 20 releases once more under `node --cpu-prof` and prints where the time goes.
// --keep     keeps the generated playbooks, builds, build logs (with times) and profiles under /tmp/bench/.
// --no-release-cache  renders every frozen release in every build (PLAYBOOK_RELEASE_CACHE=off): the figures before the cache.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { searchFigures, type SearchFigures } from './lib/search-figures.ts';
import { htmlFiles, pageWeight } from './lib/site-check.ts';
import { writeSyntheticPlaybook } from './lib/synthetic.ts';
import { astroBuildArgs, buildEnv } from './lib/astro-build.ts';
import { withSitePaths } from '../src/lib/outside.ts';
import { compareFrozen, describeComparison } from './lib/frozen-check.ts';

const { values } = parseArgs({
  options: {
    profile: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    repeat: { type: 'string', default: '1' },
    'no-release-cache': { type: 'boolean', default: false },
  },
});
const options = { ...values, repeat: Number(values.repeat) };
if (!Number.isInteger(options.repeat) || options.repeat < 1) throw new Error(`--repeat: found "${values.repeat}"; expected a whole number of builds per size, 1 or more`);

const ROOT = resolve(import.meta.dirname, '..');
const PAGES_PER_RELEASE = 100;
const SEED = 1;
const MB = 1e6;
const MIB = 1024 * 1024;
const CORES = availableParallelism();

/** The targets of PRODUCT.md ("Performance targets") and issue 16, checked at 20 releases (memory at 50). */
const TARGETS = {
  ratio: 2,
  incremental: 0.3,
  warm: 0.2,
  peakBytes: 1024 * MIB,
  /** Peak memory at 50 releases over the peak at 10. */
  memoryGrowth: 1.1,
  distBytes: 40 * MB,
  htmlBytes: 30_000,
  scriptBytes: 15 * 1024,
  searchBytes: 35_000,
};

interface LogLine {
  /** Milliseconds since the build was started. */
  at: number;
  text: string;
}

interface BuildRun {
  seconds: number;
  /** CPU time (user and system) of the build and every process it waited for. */
  cpuSeconds: number;
  peakBytes: number;
  /** Milliseconds since the start when the peak was seen. */
  peakAt: number;
  /** The processes of the tree at the peak, by name, with their proportional share of memory (`MainThread 803 MiB, pagefind_extend 76 MiB`). */
  peakProcesses: string;
  /** Every memory sample of the process tree: milliseconds since the start, bytes. */
  memory: Array<{ at: number; bytes: number }>;
  log: LogLine[];
  /** The machine's 1-minute load average when the build ended: other work competing for the cores. */
  load: number;
  /** What the build process wrote to PLAYBOOK_BENCH_STATS (see src/content.config.ts). */
  stats: Record<string, number>;
}

/** Every process below `root` (and root itself), from the parent ids in /proc. */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // The command name (field 2) may hold spaces and parentheses: the parent id follows the last ')'.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(name)]);
    } catch {
      // The process ended while we looked.
    }
  }
  const tree = [root];
  for (let index = 0; index < tree.length; index++) tree.push(...(children.get(tree[index]) ?? []));
  return tree;
}

/**
 * Memory of one process in bytes: now, and its own resident high-water mark (VmHWM). "Now" is its proportional
 * share (Pss of /proc/<pid>/smaps_rollup): a page shared by two processes counts half in each. Summing plain
 * resident sizes (VmRSS) counted a process twice for the moment between a fork and its exec, when the child
 * (Pagefind's, about to start) shares every page of the build: a peak of 722 MiB at 1 release was seen that way
 * (the build 524 MiB, esbuild 16 MiB, and the fork of the build 181 MiB), and likely one of 1,370 MiB at 50
 * releases, where other runs saw 957 to 1,061.
 */
function memoryOf(pid: number): { bytes: number; hwm: number; name: string } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (text: string, name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0) * 1024;
    let bytes = field(status, 'VmRSS');
    try {
      bytes = field(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'), 'Pss');
    } catch {
      // No smaps_rollup (an older kernel): the resident size.
    }
    return { bytes, hwm: field(status, 'VmHWM'), name: /^Name:\s+(.*)$/m.exec(status)?.[1] ?? String(pid) };
  } catch {
    return { bytes: 0, hwm: 0, name: String(pid) };
  }
}

/**
 * CPU seconds used so far by this process's children that have ended (and theirs): fields cutime and cstime
 * of /proc/self/stat, in clock ticks of 1/100 s (USER_HZ on Linux).
 */
function childrenCpuSeconds(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

/**
 * Runs `astro build` of the playbook in `content`, into `dir`/dist with a fresh `dir`/cache (or the cache of an
 * earlier build, for a warm or incremental build), in a child process (Node 24: this very binary), sampling the
 * memory of its process tree every 50 ms: peak = the larger of the highest summed RSS seen and any one process's VmHWM.
 */
function build(dir: string, content: string, nodeFlags: string[] = [], cache = join(dir, 'cache'), command: 'astro build' | 'npm run build' = 'astro build'): Promise<BuildRun> {
  mkdirSync(dir, { recursive: true });
  const statsFile = join(dir, 'stats.json');
  const cpuBefore = childrenCpuSeconds();
  const started = performance.now();
  // Run from the build's own folder: when the out dir is outside the working directory, Astro stages its
  // prerender bundle in <cwd>/.astro/.prerender/ and deletes it afterwards, which would pull the rug from
  // under any concurrent build in the project. Inside the out dir, its imports find the project's packages
  // through the node_modules link in the run's folder.
  const args = command === 'astro build' ? astroBuildArgs(ROOT) : [join(ROOT, 'scripts', 'build.ts')];
  const child = spawn(process.execPath, [...nodeFlags, ...args], {
    cwd: dir,
    env: buildEnv({
      PLAYBOOK_CONTENT: content,
      PLAYBOOK_OUT_DIR: join(dir, 'dist'),
      PLAYBOOK_CACHE_DIR: cache,
      PLAYBOOK_BENCH_STATS: statsFile,
      ...(options['no-release-cache'] ? { PLAYBOOK_RELEASE_CACHE: 'off' } : {}),
      ASTRO_TELEMETRY_DISABLED: '1',
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: LogLine[] = [];
  const collect = (stream: NodeJS.ReadableStream) => {
    let rest = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const at = performance.now() - started;
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      // Astro colours its log even into a pipe; the timeline below matches plain text.
      for (const text of lines) log.push({ at, text: text.replace(/\x1b\[[0-9;]*m/g, '') });
    });
  };
  collect(child.stdout);
  collect(child.stderr);
  let peakBytes = 0;
  let peakAt = 0;
  let peakProcesses = '';
  const memory: BuildRun['memory'] = [];
  const sample = () => {
    if (child.pid === undefined) return;
    let sum = 0;
    let hwm = 0;
    const usages = processTree(child.pid).map(memoryOf);
    for (const usage of usages) {
      sum += usage.bytes;
      hwm = Math.max(hwm, usage.hwm);
    }
    memory.push({ at: performance.now() - started, bytes: sum });
    if (Math.max(sum, hwm) > peakBytes) {
      peakBytes = Math.max(sum, hwm);
      peakAt = performance.now() - started;
      peakProcesses = usages.map((usage) => `${usage.name} ${(usage.bytes / MIB).toFixed(0)} MiB`).join(', ');
    }
  };
  const sampler = setInterval(sample, 50);
  return new Promise((done, fail) => {
    child.on('error', fail);
    // 'close' rather than 'exit': the build's last log lines may still be in the pipe when it exits.
    child.on('close', (code, signal) => {
      clearInterval(sampler);
      const seconds = (performance.now() - started) / 1000;
      const cpuSeconds = childrenCpuSeconds() - cpuBefore;
      if (code !== 0) {
        fail(new Error(`astro build of ${dir} failed (${signal ?? `exit code ${code}`}); its last lines:\n${log.slice(-40).map((line) => line.text).join('\n')}`));
        return;
      }
      writeFileSync(join(dir, 'build.log'), log.map((line) => `${(line.at / 1000).toFixed(2).padStart(7)} s  ${line.text}\n`).join(''));
      const stats = existsSync(statsFile) ? (JSON.parse(readFileSync(statsFile, 'utf8')) as Record<string, number>) : {};
      done({ seconds, cpuSeconds, peakBytes, peakAt, peakProcesses, memory, load: loadavg()[0], log, stats });
    });
  });
}

/** Milestones of Astro's build log, in the order it prints them; each phase runs from the milestone before. */
const MILESTONES: Array<{ phase: string; line: RegExp }> = [
  { phase: 'start-up (config, integrations)', line: /\[content\] Syncing content/ },
  { phase: 'content sync (loaders, compiling pages, data store)', line: /\[content\] Synced content/ },
  { phase: 'types and build info', line: /\[build\] Building static entrypoints/ },
  { phase: 'bundling (vite, rolldown)', line: /generating static routes/ },
  { phase: 'rendering and writing routes', line: /^\S+ ✓ Completed in/ },
  { phase: 'build:done hooks (search index)', line: /\[build\] \d+ page\(s\) built in/ },
];

interface Phase {
  phase: string;
  /** Milliseconds since the start of the build. */
  start: number;
  end: number;
}

function phasesOf(run: BuildRun): Phase[] {
  const phases: Phase[] = [];
  let previous = 0;
  let from = 0;
  for (const milestone of MILESTONES) {
    const index = run.log.findIndex((entry, at) => at >= from && milestone.line.test(entry.text));
    if (index < 0) continue;
    phases.push({ phase: milestone.phase, start: previous, end: run.log[index].at });
    previous = run.log[index].at;
    from = index + 1;
  }
  phases.push({ phase: 'exit', start: previous, end: run.seconds * 1000 });
  return phases;
}

/** The phase of the build during which its memory peaked (`exit` after the last milestone). */
function peakPhaseOf(run: BuildRun): string {
  return phasesOf(run).find((phase) => run.peakAt <= phase.end)?.phase ?? 'exit';
}

interface DistFigures {
  htmlPages: number;
  distBytes: number;
  versionedPages: number;
  htmlMedian: number;
  htmlMax: number;
  scriptMax: number;
  scriptPage: string;
}

function folderBytes(folder: string): number {
  let total = 0;
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
  }
  return total;
}

/** Sizes of what the build wrote; versioned pages are found through /versions.json, the site's own list. */
async function measureDist(dist: string): Promise<DistFigures> {
  const htmlPages = (await htmlFiles(dist)).length;
  const manifest = withSitePaths(JSON.parse(readFileSync(join(dist, 'versions.json'), 'utf8')) as { releases: Array<{ pages: Array<{ url: string }> }> });
  const files = manifest.releases.flatMap((release) => release.pages.map((page) => `${page.url.replace(/^\//, '')}index.html`));
  const sizes = files.map((file) => statSync(join(dist, file)).size).sort((a, b) => a - b);
  let scriptMax = -1;
  let scriptPage = '';
  for (const file of files) {
    const weight = pageWeight(dist, file);
    if (weight.scriptBytes > scriptMax) {
      scriptMax = weight.scriptBytes;
      scriptPage = `/${file.replace(/index\.html$/, '')}`;
    }
  }
  return {
    htmlPages,
    distBytes: folderBytes(dist),
    versionedPages: files.length,
    htmlMedian: sizes[Math.floor((sizes.length - 1) / 2)],
    htmlMax: sizes[sizes.length - 1],
    scriptMax,
    scriptPage,
  };
}

/** Search as a reader pays for it (scripts/lib/search-figures.ts), or why it could not be measured. */
async function measureSearch(dist: string): Promise<SearchFigures | string> {
  try {
    return await searchFigures(dist);
  } catch (error) {
    return `not measured (${(error as Error).message.split('\n')[0]})`;
  }
}

/** Bytes of one search beyond Pagefind's runtime (pagefind.js and its WebAssembly): what PRODUCT.md budgets at 35 KB. */
function searchBeyondRuntime(figures: SearchFigures): number {
  return figures.bytes.total - figures.bytes.runtime - figures.bytes.wasm;
}

const number = (value: number) => Math.round(value).toLocaleString('en-US');
function seconds(value: number): string {
  return `${value.toFixed(2)} s`;
}

interface Measured {
  releases: number;
  run: BuildRun;
  dist: DistFigures;
  search: SearchFigures | string;
  /** Every build of this size, when --repeat asked for more than one. */
  all: BuildRun[];
}

function report({ releases, run, dist, search, all }: Measured): void {
  const { stats } = run;
  console.log(`\n${releases} release${releases === 1 ? '' : 's'} x ${PAGES_PER_RELEASE} pages, and a draft (seed ${SEED}), built cold:`);
  const phases = phasesOf(run);
  const peakPhase = peakPhaseOf(run);
  const others = all.length > 1 ? ` (the fastest of ${all.map((other) => other.seconds.toFixed(2)).join(', ')} s)` : '';
  console.log(`  build: ${seconds(run.seconds)}${others}, ${number(dist.htmlPages)} HTML pages written, ${(dist.htmlPages / run.seconds).toFixed(1)} pages/s`);
  console.log(`  CPU: ${seconds(run.cpuSeconds)} (user and system, the build and its child processes)`);
  if (run.load > CORES) console.log(`  note: the machine's load average was ${run.load.toFixed(1)} on ${CORES} cores as this build ended: other work slowed it, so trust CPU time over wall time`);
  console.log(`  peak memory: ${number(run.peakBytes)} bytes (${(run.peakBytes / MIB).toFixed(0)} MiB), the most the build's process tree held (proportional set sizes, summed), at ${seconds(run.peakAt / 1000)} (${peakPhase}; ${run.peakProcesses})`);
  console.log(`  dist: ${number(dist.distBytes)} bytes (${(dist.distBytes / MB).toFixed(1)} MB)`);
  console.log(`  HTML per page: median ${number(dist.htmlMedian)} bytes, max ${number(dist.htmlMax)} bytes (${number(dist.versionedPages)} versioned pages)`);
  console.log(`  JavaScript to read a page: ${number(dist.scriptMax)} bytes (${(dist.scriptMax / 1024).toFixed(1)} KiB), the most of any versioned page (${dist.scriptPage})`);
  if (typeof search === 'string') {
    console.log(`  search: ${search}`);
  } else {
    const { bytes } = search;
    console.log(
      `  search: one search for "${search.term}" in ${search.release}, ${search.results} results: ${number(bytes.total)} bytes in ${search.requests} requests ` +
        `(pagefind.js ${number(bytes.runtime)}, wasm ${number(bytes.wasm)}, beyond the runtime ${number(searchBeyondRuntime(search))}: meta ${number(bytes.meta)}, index ${number(bytes.index)}, filters ${number(bytes.filters)}, fragments ${number(bytes.fragments)}, words ${number(bytes.words)})`,
    );
    console.log(`  search files in dist: ${number(search.totalBytes)} bytes (${(search.totalBytes / MB).toFixed(1)} MB), ${search.bundles.length} bundles`);
  }
  if (stats.compiled !== undefined) {
    console.log(
      `  page bodies compiled: ${number(stats.compiled)} for ${number(stats.pages)} pages (loading and compiling the content ${number(stats.loadMs)} ms, pages into the data store ${number(stats.pagesStoreMs)} ms)`,
    );
  } else {
    console.log('  page bodies compiled: unknown (the build wrote no PLAYBOOK_BENCH_STATS)');
  }
  const phasePeak = (phase: Phase) => Math.max(0, ...run.memory.filter((sample) => sample.at >= phase.start && sample.at <= phase.end).map((sample) => sample.bytes));
  console.log('  where the time went (and the most memory the process tree held meanwhile):');
  for (const phase of phases) {
    const peak = phasePeak(phase);
    console.log(`    ${phase.phase} ${seconds((phase.end - phase.start) / 1000)}${peak ? ` (${(peak / MIB).toFixed(0)} MiB)` : ''}`);
  }
  if (run.log.some((line) => /Re-optimizing dependencies/.test(line.text))) {
    console.log('  note: Vite rebuilt its shared dependency cache (node_modules/.vite) during this build, a cost that has nothing to do with the content');
  }
}

/** Which package (or project file, or bundle chunk) a profiled function belongs to; undefined for native code and Node's own. */
function ownerOf(url: string): string | undefined {
  const path = url.replace(/^file:\/\//, '');
  if (!path || path.startsWith('node:')) return undefined;
  const modules = path.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const rest = path.slice(modules + '/node_modules/'.length).split('/');
    const pkg = rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
    // Astro's own time, split by the part of Astro it is in (content layer, build, render, ...).
    return pkg === 'astro' ? `astro/${rest.slice(1, rest[1] === 'dist' ? (rest[2] === 'core' ? 4 : 3) : 2).join('/')}` : pkg;
  }
  if (path.startsWith(ROOT)) return path.slice(ROOT.length + 1).replace(/\?.*$/, '');
  // The site as bundled for prerendering: Astro's runtime and our routes, components and src/lib.
  const chunk = /\/\.prerender\/(?:chunks\/)?([^/]+?)(?:[_.-][\w-]{8})?\.mjs$/.exec(path);
  return chunk ? `site bundle: ${chunk[1]}` : path;
}

/** What the build was doing, by package: the activities the issue asks about. */
const ACTIVITIES: Array<{ name: string; owner: RegExp }> = [
  { name: 'compiling page bodies (src/lib/compile.ts: remark, micromark, rehype)', owner: /^(src\/lib\/compile\.ts|micromark.*|mdast-.*|hast-.*|unist-.*|remark-.*|rehype-.*|unified|github-slugger|vfile.*|property-information|zwitch|decode-named-character-reference|character-.*|estree-.*|acorn.*|trim-lines|ccount|markdown-table|longest-streak|comma-separated-tokens|space-separated-tokens|html-void-elements|stringify-entities|devlop|bail|trough|is-plain-obj|extend)$/ },
  { name: 'reading and validating content (src/lib, yaml, zod)', owner: /^(src\/lib\/.*|src\/content\.config\.ts|yaml|zod)$/ },
  { name: "Astro's content layer and data store", owner: /^(astro\/dist\/content|devalue|astro\/dist\/runtime)/ },
  { name: 'rendering routes (the bundled site: Astro runtime, routes, components)', owner: /^(site bundle: |astro\/dist\/core\/render|astro\/dist\/core\/app|src\/(pages|components|layouts|data)\/)/ },
  { name: 'generating and writing pages (astro/dist/core/build)', owner: /^astro\/dist\/core\/build/ },
  { name: 'search index (pagefind)', owner: /^(pagefind|@pagefind\/.*|src\/lib\/search-index\.ts|src\/integrations\/.*)$/ },
  { name: 'bundling (vite, rolldown, @astrojs/mdx)', owner: /^(vite|rolldown|@rolldown\/.*|esbuild|@astrojs\/.*|@mdx-js\/.*)$/ },
  { name: 'garbage collection', owner: /^\(garbage collector\)$/ },
  { name: 'idle (waiting on files, child processes, native threads)', owner: /^\(idle\)$/ },
];

/**
 * Time of a --cpu-prof profile by package, with native code and Node's built-ins charged to the package that
 * called them (a file write belongs to whoever wrote the file), then rolled up into activities.
 */
function summarizeProfile(file: string): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as {
    nodes: Array<{ id: number; callFrame: { functionName: string; url: string }; children?: number[] }>;
    samples: number[];
    timeDeltas: number[];
  };
  const owner = new Map<number, string>();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const assign = (id: number, inherited: string) => {
    const node = byId.get(id);
    if (!node) return;
    const name = node.callFrame.functionName;
    const own = ownerOf(node.callFrame.url) ?? (/^\((idle|garbage collector|program)\)$/.test(name) ? name : undefined);
    owner.set(id, own ?? inherited);
    for (const child of node.children ?? []) assign(child, own ?? inherited);
  };
  assign(profile.nodes[0].id, '(node itself)');
  const byOwner = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const micros = profile.timeDeltas[index] ?? 0;
    total += micros;
    const name = owner.get(id) ?? '(node itself)';
    byOwner.set(name, (byOwner.get(name) ?? 0) + micros);
  });
  const byActivity = new Map<string, number>();
  for (const [name, micros] of byOwner) {
    const activity = ACTIVITIES.find((candidate) => candidate.owner.test(name))?.name ?? 'other (Astro start-up, config, module loading, ...)';
    byActivity.set(activity, (byActivity.get(activity) ?? 0) + micros);
  }
  const top = (map: Map<string, number>, count: number) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([name, micros]) => `    ${(micros / 1e6).toFixed(2).padStart(6)} s ${((micros / total) * 100).toFixed(1).padStart(5)}%  ${name}`)
      .join('\n');
  return `  main thread, ${(total / 1e6).toFixed(2)} s sampled, by activity:\n${top(byActivity, ACTIVITIES.length + 1)}\n  by package (native code and Node's built-ins charged to their caller):\n${top(byOwner, 20)}`;
}

const benchRoot = join(tmpdir(), 'bench');
mkdirSync(benchRoot, { recursive: true });
const runDir = mkdtempSync(join(benchRoot, 'run-'));
symlinkSync(join(ROOT, 'node_modules'), join(runDir, 'node_modules'), 'dir');
console.log(`Benchmark of the real build on a synthetic playbook, in ${runDir}${options.keep ? ' (kept afterwards)' : ''}`);
// Peak memory depends on whether the kernel hands out transparent huge pages (scripts/lib/astro-build.ts, buildEnv).
const hugePages = existsSync('/sys/kernel/mm/transparent_hugepage/enabled') ? readFileSync('/sys/kernel/mm/transparent_hugepage/enabled', 'utf8').trim() : 'unknown';
console.log(`transparent huge pages: ${hugePages}; the builds run with MIMALLOC_ALLOW_THP=${buildEnv({}).MIMALLOC_ALLOW_THP}`);

const measured: Measured[] = [];
try {
  const contentOf = async (releases: number, name: string) => {
    const content = join(runDir, name, 'content');
    const playbook = await writeSyntheticPlaybook(content, { releases, pagesPerRelease: PAGES_PER_RELEASE, seed: SEED });
    return { content, playbook };
  };
  // Not measured: fills the OS file cache, and Vite's dependency cache (node_modules/.vite, shared with
  // `astro dev` and rebuilt whenever the config differs), neither of which holds content, so the
  // measured builds start equal.
  console.log('warm-up build (not measured)...');
  await build(join(runDir, 'warm-up'), (await contentOf(1, 'warm-up')).content);
  rmSync(join(runDir, 'warm-up'), { recursive: true, force: true });

  const sizes = [1, 20];
  const playbooks = await Promise.all(sizes.map((releases) => contentOf(releases, `${releases}-releases`)));
  for (const [index, releases] of sizes.entries()) {
    const { versions, pageFiles } = playbooks[index].playbook;
    console.log(`generated ${releases} release${releases === 1 ? '' : 's'} (${versions.at(-1)} is the latest) and a draft: ${number(pageFiles)} page files`);
  }
  // With --repeat, the sizes take turns so that both meet the same moments of load; the fastest build of each counts.
  const runs: BuildRun[][] = sizes.map(() => []);
  for (let round = 0; round < options.repeat; round++) {
    for (const [index, releases] of sizes.entries()) {
      console.log(`building ${releases} release${releases === 1 ? '' : 's'}${options.repeat > 1 ? `, round ${round + 1} of ${options.repeat}` : ''}...`);
      const dir = join(runDir, `${releases}-releases`, `build-${round + 1}`);
      runs[index].push(await build(dir, playbooks[index].content));
    }
  }
  for (const [index, releases] of sizes.entries()) {
    const fastest = runs[index].reduce((best, run) => (run.seconds < best.seconds ? run : best));
    const dist = join(runDir, `${releases}-releases`, `build-${runs[index].indexOf(fastest) + 1}`, 'dist');
    const entry: Measured = { releases, run: fastest, dist: await measureDist(dist), search: await measureSearch(dist), all: runs[index] };
    measured.push(entry);
    report(entry);
  }

  const [one, twenty] = measured;
  const ratio = twenty.run.seconds / one.run.seconds;
  const cpuRatio = twenty.run.cpuSeconds / one.run.cpuSeconds;

  // Render once (issue 16.2): the same 20 releases again, then a 21st added, with the caches of the first cold build.
  const twentyDir = join(runDir, '20-releases', 'build-1');
  console.log('\nbuilding 20 releases again, nothing changed, the caches kept (warm)...');
  const warm = await build(join(runDir, '20-releases', 'warm'), playbooks[1].content, [], join(twentyDir, 'cache'));
  // What `npm run build` does when nothing changed since it built the site (scripts/lib/unchanged-site.ts):
  // its first build records the inputs, the second is measured.
  const npmDir = join(runDir, '20-releases', 'npm-run-build');
  await build(npmDir, playbooks[1].content, [], join(twentyDir, 'cache'), 'npm run build');
  console.log('building 20 releases again with npm run build, nothing changed...');
  const unchanged = await build(npmDir, playbooks[1].content, [], join(twentyDir, 'cache'), 'npm run build');
  const twentyOne = await contentOf(21, '21-releases');
  console.log('building 21 releases cold...');
  const coldTwentyOne = await build(join(runDir, '21-releases', 'cold'), twentyOne.content);
  console.log('building 21 releases with the caches of the 20 (incremental: one new release)...');
  const incremental = await build(join(runDir, '21-releases', 'incremental'), twentyOne.content, [], join(twentyDir, 'cache'));

  // Memory flat in releases (issue 16.3): cold at 10 and at 50 releases.
  const memoryRuns: Array<{ releases: number; run: BuildRun }> = [];
  for (const releases of [10, 50]) {
    const { content } = await contentOf(releases, `${releases}-releases`);
    console.log(`building ${releases} releases cold (memory)...`);
    memoryRuns.push({ releases, run: await build(join(runDir, `${releases}-releases`, 'cold'), content) });
    rmSync(join(runDir, `${releases}-releases`), { recursive: true, force: true });
  }

  const cacheLine = (run: BuildRun) => run.log.find((line) => /frozen releases: /.test(line.text))?.text.replace(/^.*frozen releases: /, 'frozen releases: ') ?? 'no release cache line in the log';
  const searchLine = (run: BuildRun) => run.log.find((line) => /search bundles, /.test(line.text))?.text.replace(/^.*\] /, '') ?? '';
  const brief = (name: string, run: BuildRun) => {
    console.log(`\n${name}:`);
    console.log(`  build: ${seconds(run.seconds)}, CPU ${seconds(run.cpuSeconds)}, load average ${run.load.toFixed(1)} when it ended`);
    const peakPhase = peakPhaseOf(run).replace(/ \(.*\)$/, '');
    console.log(`  peak memory ${(run.peakBytes / MIB).toFixed(0)} MiB at ${seconds(run.peakAt / 1000)} (${peakPhase}; ${run.peakProcesses})`);
    console.log(`  ${cacheLine(run)}`);
    if (searchLine(run)) console.log(`  search: ${searchLine(run)}`);
    const phases = phasesOf(run).map((phase) => `${phase.phase.replace(/ \(.*\)$/, '')} ${((phase.end - phase.start) / 1000).toFixed(2)} s`);
    console.log(`  phases: ${phases.join(', ')}`);
  };
  brief('20 releases, warm (nothing changed, caches kept)', warm);
  brief('20 releases, npm run build with nothing changed since it built the site', unchanged);
  console.log(`  ${unchanged.log.find((line) => /Nothing changed since/.test(line.text))?.text ?? 'WRONG: it built the site again'}`);
  brief('21 releases, cold', coldTwentyOne);
  brief('21 releases, incremental (release 21 new, caches of the 20 kept)', incremental);
  for (const { releases, run } of memoryRuns) brief(`${releases} releases, cold`, run);

  console.log('\nbyte-identical checks of /v/<release>/ (scripts/lib/frozen-check.ts):');
  const frozenAfterNewRelease = compareFrozen(join(twentyDir, 'dist'), join(runDir, '21-releases', 'cold', 'dist'));
  console.log(`  older releases after a release is added (cold 20 vs cold 21): ${describeComparison(frozenAfterNewRelease)}`);
  const warmEqualsCold = compareFrozen(join(twentyDir, 'dist'), join(runDir, '20-releases', 'warm', 'dist'));
  console.log(`  warm build vs cold, 20 releases: ${describeComparison(warmEqualsCold)}`);
  const incrementalEqualsCold = compareFrozen(join(runDir, '21-releases', 'cold', 'dist'), join(runDir, '21-releases', 'incremental', 'dist'));
  console.log(`  incremental build vs cold, 21 releases: ${describeComparison(incrementalEqualsCold)}`);
  const cacheCorrect = [warmEqualsCold, incrementalEqualsCold].every((check) => check.differences.length === 0);
  if (!cacheCorrect) console.log('  WRONG: a build from the caches wrote other files than a cold build; the release cache key misses something');

  if (options.profile) {
    const dir = join(runDir, '20-releases', 'profiled');
    const profiles = join(dir, 'profile');
    console.log(`\nprofiling the 20-release build (node --cpu-prof, into ${profiles})...`);
    const run = await build(dir, playbooks[1].content, ['--cpu-prof', `--cpu-prof-dir=${profiles}`]);
    console.log(`  build under the profiler: ${seconds(run.seconds)}`);
    for (const file of readdirSync(profiles).filter((name) => name.endsWith('.cpuprofile'))) console.log(summarizeProfile(join(profiles, file)));
  }

  const warmRatio = warm.seconds / twenty.run.seconds;
  const incrementalRatio = incremental.seconds / coldTwentyOne.seconds;
  const [ten, fifty] = memoryRuns.map((entry) => entry.run);
  const growth = fifty.peakBytes / ten.peakBytes;
  const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED');
  console.log('\ntargets (PRODUCT.md, issues 8 and 16):');
  console.log(`  build time 20 vs 1 <= ${TARGETS.ratio}x: ${ratio.toFixed(2)}x ${verdict(ratio <= TARGETS.ratio)}`);
  const unchangedRatio = unchanged.seconds / twenty.run.seconds;
  console.log(`  warm rebuild vs cold, 20 releases <= ${TARGETS.warm}: astro build from the caches ${warmRatio.toFixed(2)} ${verdict(warmRatio <= TARGETS.warm)}; npm run build, nothing changed ${unchangedRatio.toFixed(2)} ${verdict(unchangedRatio <= TARGETS.warm)}`);
  console.log(`  incremental, release 21 on 20 with caches, vs cold 21 <= ${TARGETS.incremental}: ${incrementalRatio.toFixed(2)} ${verdict(incrementalRatio <= TARGETS.incremental)}`);
  console.log(`  peak memory at 20 releases: ${(twenty.run.peakBytes / MIB).toFixed(0)} MiB`);
  console.log(`  peak memory at 50 releases <= 1 GiB: ${(fifty.peakBytes / MIB).toFixed(0)} MiB ${verdict(fifty.peakBytes <= TARGETS.peakBytes)}`);
  console.log(
    `  peak memory at 50 releases <= ${TARGETS.memoryGrowth}x at 10: ${growth.toFixed(2)}x (${(ten.peakBytes / MIB).toFixed(0)} MiB at 10) ${verdict(growth <= TARGETS.memoryGrowth)}`,
  );
  console.log(`  dist <= 40 MB: ${(twenty.dist.distBytes / MB).toFixed(1)} MB ${verdict(twenty.dist.distBytes <= TARGETS.distBytes)}`);
  console.log(`  HTML per page <= 30 KB: max ${(twenty.dist.htmlMax / 1000).toFixed(1)} KB ${verdict(twenty.dist.htmlMax <= TARGETS.htmlBytes)}`);
  console.log(`  JavaScript to read a page <= 15 KiB: ${(twenty.dist.scriptMax / 1024).toFixed(1)} KiB ${verdict(twenty.dist.scriptMax <= TARGETS.scriptBytes)}`);
  if (typeof one.search !== 'string' && typeof twenty.search !== 'string') {
    const [before, after] = [searchBeyondRuntime(one.search), searchBeyondRuntime(twenty.search)];
    console.log(`  one search beyond Pagefind's runtime <= 35 KB, flat in releases: ${(after / 1000).toFixed(1)} KB (${(before / 1000).toFixed(1)} KB at 1 release) ${verdict(after <= TARGETS.searchBytes)}`);
  } else {
    console.log("  one search beyond Pagefind's runtime <= 35 KB: not measured");
  }
  const frozenSame = frozenAfterNewRelease.differences.length === 0;
  console.log(`  older releases byte-identical after a release is added: ${frozenAfterNewRelease.identical} of ${frozenAfterNewRelease.files} files ${verdict(frozenSame)}`);
  console.log(`  builds from the caches equal cold builds: ${cacheCorrect ? 'yes' : 'no'} ${verdict(cacheCorrect)}`);
  const loads = loadavg();
  console.log(`load average when the bench ended: ${loads.map((load) => load.toFixed(2)).join(', ')} (1, 5, 15 min) on ${CORES} cores`);
  console.log(`CPU time ratio, 20 releases vs 1: ${cpuRatio.toFixed(2)} (less sensitive than wall time to other work on the machine)`);
  console.log(`CPU time ratio, incremental vs cold at 21: ${(incremental.cpuSeconds / coldTwentyOne.cpuSeconds).toFixed(2)}; warm vs cold at 20: ${(warm.cpuSeconds / twenty.run.cpuSeconds).toFixed(2)}`);
  console.log(`build time ratio, 20 releases vs 1: ${ratio.toFixed(2)}`);
  console.log(`incremental ratio, new release vs cold: ${incrementalRatio.toFixed(2)}`);
} finally {
  if (!options.keep) rmSync(runDir, { recursive: true, force: true });
}
