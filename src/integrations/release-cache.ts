import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { playbookEnv, settings } from '../settings.ts';
import { buildReleaseCache, openBuildReleaseCache, restoreEntry, storeEntry, toolchainHash } from '../lib/release-cache.ts';

/**
 * Renders each frozen release once (src/lib/release-cache.ts). Before the routes run, it opens the
 * cache (`<cacheDir>/releases/`) with the toolchain's hash; the routes then skip every release whose
 * output is stored under its key (`renderedReleases()` in src/data/library.ts). Once the pages are
 * written, it puts the stored releases into the site and stores the releases it rendered. It runs
 * before the search index, which reads every release's pages.
 */
export default function releaseCache(): AstroIntegration {
  let root = '';
  let cacheDir = '';
  return {
    name: 'playbook-release-cache',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        cacheDir = fileURLToPath(new URL('releases/', config.cacheDir));
      },
      'astro:build:start': ({ logger }) => {
        if (!releaseCacheWanted()) {
          logger.info('frozen releases: the release cache is off (PLAYBOOK_RELEASE_CACHE=off); every release is rendered');
          return;
        }
        const started = performance.now();
        openBuildReleaseCache({ cacheDir, toolchain: toolchainHash(root, playbookEnv()) });
        toolchainMs = performance.now() - started;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const cache = buildReleaseCache();
        if (!cache?.releases) return;
        const started = performance.now();
        const cpu = process.cpuUsage();
        const outDir = fileURLToPath(dir);
        const restored: string[] = [];
        const rendered: string[] = [];
        for (const [release, { key, entry }] of cache.releases) {
          if (entry) {
            await restoreEntry(entry, outDir);
            restored.push(release);
          } else {
            await storeEntry(cache.cacheDir, outDir, release, key);
            rendered.push(release);
          }
        }
        const used = process.cpuUsage(cpu);
        logger.info(
          `frozen releases: ${rendered.length} rendered and stored (${rendered.join(', ') || 'none'}), ${restored.length} unchanged from the cache; ` +
            `${Math.round(performance.now() - started)} ms (CPU ${Math.round((used.user + used.system) / 1000)} ms), toolchain hash ${Math.round(toolchainMs)} ms`,
        );
      },
    },
  };
}

let toolchainMs = 0;

/** `PLAYBOOK_RELEASE_CACHE=off` renders every release, as before the cache: for the benchmark's figures before and after. */
function releaseCacheWanted(): boolean {
  return settings.releaseCache === 'on';
}
