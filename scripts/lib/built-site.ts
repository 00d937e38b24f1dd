// The built site (dist/) opened in Chromium without a web server: every request to the site's
// origin is answered from dist as scripts/serve.ts would (a folder's index.html, the base path
// stripped). Used by scripts/pdf.ts.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { copyKey, noticesOf } from '../../src/lib/copies.ts';
import type { VersionsManifest } from '../../src/lib/manifest.ts';
import { withSitePaths } from '../../src/lib/outside.ts';

/** An origin that can never be reached: nothing is fetched from the network. */
export const SITE_ORIGIN = 'http://playbook.invalid';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.wasm': 'application/wasm',
};

/** A frozen release as versions.json lists it, with the key of its copies. */
export interface BuiltRelease {
  version: string;
  date: string;
  digest: string;
  key: string;
}

/** The frozen releases of a built site, newest first. */
export function builtReleases(dist: string): BuiltRelease[] {
  const file = join(dist, 'versions.json');
  if (!existsSync(file)) throw new Error(`found no built site in ${dist} (no versions.json); run npm run build first`);
  const manifest = withSitePaths(JSON.parse(readFileSync(file, 'utf8')) as VersionsManifest);
  return manifest.releases.map((release) => ({
    version: release.version,
    date: release.date,
    digest: release.digest,
    key: copyKey(release.digest, noticesOf(release.version, manifest.notices ?? [])),
  }));
}

/** Chromium, or a message saying why there is none. */
export async function openChromium(executablePath: string): Promise<Browser> {
  if (!existsSync(executablePath)) throw new Error(`Chromium is not at ${executablePath} (set PLAYBOOK_CHROMIUM, or apt-get install chromium)`);
  return chromium.launch({ executablePath, args: ['--disable-background-networking', '--disable-component-update', '--no-first-run'] });
}

/** A browser context in which SITE_ORIGIN + base serves `dist`, and every other request is refused. */
export async function siteContext(browser: Browser, dist: string, base: string): Promise<BrowserContext> {
  const context = await browser.newContext();
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== SITE_ORIGIN || !url.pathname.startsWith(base)) return route.abort();
    const path = normalize(join(dist, decodeURIComponent(url.pathname.slice(base.length))));
    if (path !== dist && !path.startsWith(dist + sep)) return route.abort();
    const file = existsSync(path) && statSync(path).isDirectory() ? join(path, 'index.html') : path;
    if (!existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({ status: 200, path: file, contentType: TYPES[extname(file)] ?? 'application/octet-stream' });
  });
  return context;
}
