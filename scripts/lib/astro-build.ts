// How `astro build` is started by `npm run build` (scripts/build.ts) and the benchmark (scripts/bench.ts): the
// same Node flags and environment for both, chosen to keep the build's memory down (docs/build-cache.md, "Memory").
import { join } from 'node:path';
import { childEnv } from '../../src/settings.ts';

/**
 * V8 flags of the build process. `--heap-growing-percent=20`: after each full garbage collection V8 lets the
 * heap grow to 1.2 times what survived before it collects again, where by default it allows up to twice or
 * more. Rendering thousands of pages makes garbage fast, so the default let the heap swell far beyond what is
 * alive (at 50 releases the heap reached 549 MiB; a heap snapshot mid-build held 136 MiB of live objects).
 * Measured on the benchmark's playbook at 20 releases, two sessions of 4 builds each way, in turn: peak 644
 * and 642 MiB against 769 and 764 MiB; wall time ratio 0.99 and 1.04, CPU time ratio 1.02 and 1.04
 * (medians). At 50 releases, 2 builds each way: 840 against 994 MiB, wall 0.99, CPU 1.07 (user time 1.21:
 * more collections, partly on V8's helper threads). It is not a limit: a bigger playbook still gets all the
 * memory it needs.
 */
export const BUILD_NODE_FLAGS: readonly string[] = ['--heap-growing-percent=20'];

/** The arguments to Node (this very binary: `process.execPath`) that run `astro build` of the project at `root`. */
export function astroBuildArgs(root: string, args: readonly string[] = []): string[] {
  return [...BUILD_NODE_FLAGS, join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--root', root, ...args];
}

/**
 * The environment of an `astro build` process: `childEnv`, and mimalloc without transparent huge pages unless
 * the caller's environment says otherwise. mimalloc, the allocator linked into Rolldown and Astro's compiler,
 * asks the kernel for huge pages on its 1 GiB arena; where the kernel grants them on request
 * (transparent_hugepage set to madvise, as on these machines) the arena then holds about 390 MiB in 2 MiB
 * pages, where it holds about 190 MiB in ordinary pages. Measured on the benchmark's playbook at 50
 * releases: a peak of 1,212 to 1,239 MiB with huge pages (4 builds), 958 to 1,061 MiB without (7 builds).
 */
export function buildEnv(overrides: Readonly<Record<string, string>>): NodeJS.ProcessEnv {
  return { MIMALLOC_ALLOW_THP: '0', ...childEnv(overrides) };
}
