import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { writeSearchIndex } from '../lib/search-index.ts';

/**
 * Indexes the built site for search once Astro has written it (`npm run build`). The work lives in
 * src/lib/search-index.ts; this only hands it the output and cache folders and reports.
 */
export default function searchIndex(): AstroIntegration {
  let cacheDir: string | undefined;
  return {
    name: 'playbook-search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(new URL('search/', config.cacheDir));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const report = await writeSearchIndex({ outDir: fileURLToPath(dir), cacheDir });
        const indexed = report.bundles.filter((bundle) => !bundle.cached).map((bundle) => bundle.release);
        const pages = report.bundles.reduce((sum, bundle) => sum + bundle.pages, 0);
        const reused = report.bundles.length - indexed.length;
        logger.info(
          `${report.bundles.length} search bundles, ${pages} pages, in ${report.ms} ms: indexed ${indexed.join(', ') || 'none'}${reused ? `; ${reused} unchanged, from the cache` : ''}`,
        );
      },
    },
  };
}
