import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { playbookEnv, settings } from '../settings.ts';
import { buildReleaseCache, openBuildReleaseCache, releaseOutputs, restoreEntry, storeEntry, toolchainHash } from '../lib/release-cache.ts';

/**
 * Renders each frozen release once (src/lib/release-cache.ts). Before the routes run, it opens the
 * cache (`<cacheDir>/releases/`) with the toolchain's hash; the routes then skip every release whose
 * output is stored under its key (`renderedReleases()` in src/data/library.ts). Once the pages are
 * written, it puts the stored releases into the site, before the search index (which reads every
 * release's pages), and starts storing the releases it rendered. The storing runs while Pagefind
 * indexes in its own process, and `releaseCacheStored()`, the last integration, waits for it: a cold
 * build of 20 releases spent about 1.9 s storing, with nothing else running.
 */
export default function releaseCache(): AstroIntegration {
  let root = '';
  let cacheDir = '';
  let command = '';
  return {
    name: 'playbook-release-cache',
    hooks: {
      'astro:config:setup': ({ command: running }) => {
        command = running;
      },
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        cacheDir = fileURLToPath(new URL('releases/', config.cacheDir));
        // Astro keeps its content store between builds (data-store.json in the cache folder) and loads it before
        // the content sync. The playbook's loader sets every entry again on each build, so the old store saves no
        // work, and it cost time: reading the content of 20 releases took 2.9 to 3.8 s with it and 1.9 to 2.1 s
        // without (builds with the caches kept, five each way, in turn, December 2026). So a build starts without
        // it, as a cold one does; the dev server keeps its own store in .astro/.
        if (command === 'build') rmSync(new URL('data-store.json', config.cacheDir), { force: true });
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
        const rendered: Array<[string, string]> = [];
        for (const [release, { key, entry }] of cache.releases) {
          if (entry) {
            await restoreEntry(entry, outDir);
            restored.push(release);
          } else rendered.push([release, key]);
        }
        const used = process.cpuUsage(cpu);
        logger.info(
          `frozen releases: ${rendered.length} rendered and stored (${rendered.map(([release]) => release).join(', ') || 'none'}), ${restored.length} unchanged from the cache; ` +
            `put back in ${Math.round(performance.now() - started)} ms (CPU ${Math.round((used.user + used.system) / 1000)} ms), the rendered ones stored while the search index is made; toolchain hash ${Math.round(toolchainMs)} ms`,
        );
        // Each release's files are listed now, before the later integrations write theirs (copies() puts a made PDF
        // into /v/<version>/copies/): an entry holds what the routes wrote, as when it was stored in this step.
        // Then one release at a time, in the background: a failure fails the build in releaseCacheStored().
        const toStore = rendered.map(([release, key]) => ({ release, key, paths: releaseOutputs(outDir, release) }));
        const storeStarted = performance.now();
        storing = (async () => {
          for (const { release, key, paths } of toStore) await storeEntry(cache.cacheDir, outDir, release, key, paths);
          return { releases: rendered.length, ms: performance.now() - storeStarted };
        })();
        storing.catch(() => {});
      },
    },
  };
}

/** The last integration: waits until the releases rendered in this build are stored, and says how long that took. */
export function releaseCacheStored(): AstroIntegration {
  return {
    name: 'playbook-release-cache-stored',
    hooks: {
      'astro:build:done': async ({ logger }) => {
        if (!storing) return;
        const waited = performance.now();
        const { releases, ms } = await storing;
        storing = undefined;
        if (releases) logger.info(`frozen releases: ${releases} stored in ${Math.round(ms)} ms, ${Math.round(performance.now() - waited)} ms of it after the other steps`);
      },
    },
  };
}

let toolchainMs = 0;
/** The storing started by the release cache's last step, awaited by releaseCacheStored(). */
let storing: Promise<{ releases: number; ms: number }> | undefined;

/** `PLAYBOOK_RELEASE_CACHE=off` renders every release, as before the cache: for the benchmark's figures before and after. */
function releaseCacheWanted(): boolean {
  return settings.releaseCache === 'on';
}
