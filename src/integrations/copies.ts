import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { copyFileName, type CopyKind } from '../lib/addresses.ts';
import { cachedCopy, copyKey, noticesOf } from '../lib/copies.ts';
import type { VersionsManifest } from '../lib/manifest.ts';
import { withSitePaths } from '../lib/outside.ts';
import { settings } from '../settings.ts';

/**
 * Puts each frozen release's PDF and offline copy, when they have been made, into the built site
 * (`/v/<version>/copies/`), and says in the build log which are missing and why. Making them needs
 * Chromium and a built site, so it is not part of the build: `npm run pdf` and `npm run offline`.
 */
export default function copies(): AstroIntegration {
  return {
    name: 'playbook-copies',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const manifest = withSitePaths(JSON.parse(readFileSync(join(outDir, 'versions.json'), 'utf8')) as VersionsManifest);
        const missing: string[] = [];
        let placed = 0;
        for (const release of manifest.releases) {
          const key = copyKey(release.digest, noticesOf(release.version, manifest.notices ?? []));
          for (const kind of ['pdf', 'offline'] as CopyKind[]) {
            const copy = cachedCopy(settings.copiesDir, release.version, key, kind);
            if (!copy) {
              missing.push(`${release.version} ${kind === 'pdf' ? 'PDF' : 'offline copy'}`);
              continue;
            }
            mkdirSync(join(outDir, 'v', release.version, 'copies'), { recursive: true });
            copyFileSync(copy.file, join(outDir, 'v', release.version, 'copies', copyFileName(release.version, kind)));
            placed++;
          }
        }
        if (placed) logger.info(`${placed} release cop${placed === 1 ? 'y' : 'ies'} (PDF, offline zip) from ${settings.copiesDir}`);
        if (missing.length) {
          const chromium = existsSync(settings.chromium) ? '' : ` Chromium is not at ${settings.chromium} (PLAYBOOK_CHROMIUM), so no PDF can be made here: the site is built without them.`;
          logger.info(`not made yet, so not linked: ${missing.join(', ')}. npm run pdf and npm run offline make them, then build again.${chromium}`);
        }
      },
    },
  };
}
