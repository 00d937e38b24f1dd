// @ts-check
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'astro/config';
import devAssets from './src/integrations/dev-assets.ts';
import copies from './src/integrations/copies.ts';
import hosting from './src/integrations/hosting.ts';
import releaseCache, { releaseCacheStored } from './src/integrations/release-cache.ts';
import searchIndex from './src/integrations/search-index.ts';
import { useSiteBase } from './src/lib/addresses.ts';
import { remarkReleaseNotes } from './src/lib/notes.ts';
import { settings } from './src/settings.ts';

// Release notes (content/releases/*.mdx) go through @astrojs/mdx on the unified processor, with
// GitHub-flavoured Markdown (remark-gfm), under the rules of pages (remarkReleaseNotes: no import,
// export, expression or raw HTML reaches MDX's compiler; links checked). MDX inherits the plugin
// from this processor (Astro 7 deprecates remarkPlugins on mdx() itself). Playbook pages are compiled by src/lib/compile.ts with
// the same remark-gfm, once per distinct page, because most pages repeat unchanged across releases.
// Where the site is served, where it is written and cached: src/settings.ts (playbook.config.ts, or
// PLAYBOOK_SITE, PLAYBOOK_BASE, PLAYBOOK_OUT_DIR, PLAYBOOK_CACHE_DIR for one build).
// The one inline script: it applies the reader's theme before the first paint (no flash of the wrong
// theme). Astro hashes only the scripts it bundles, so this one's hash is added to the policy here,
// from the same file that src/layouts/Base.astro writes into the page.
const themeEarly = readFileSync(new URL('./src/client/theme-early.js', import.meta.url), 'utf8');
/** @type {`sha256-${string}`} */
const themeEarlyHash = `sha256-${createHash('sha256').update(themeEarly).digest('base64')}`;

// The release notes' remark plugin and the integrations run here, outside Vite: tell them the base path
// the site is published under (settings.base, e.g. /peer-support/).
useSiteBase(settings.base);

export default defineConfig({
  // The site's public address (e.g. https://playbook.example.org), when known: printed pages then
  // carry absolute addresses. Without it they carry the address the page was printed from.
  site: settings.site,
  base: settings.base,
  output: 'static',
  outDir: settings.outDir,
  cacheDir: settings.cacheDir,
  trailingSlash: 'always',
  // Four pages rendered at once: measured by npm run bench at 20 releases, route rendering took
  // 4.3-4.6 s instead of 5.4-6.3 s, with the same peak memory.
  // Every stylesheet a file of its own, never inlined: inlined, the small ones (notices, page timeline) were
  // 3 KB repeated in each of thousands of pages instead of one cached file (issue 16, measured by npm run bench).
  build: { format: 'directory', concurrency: 4, inlineStylesheets: 'never' },
  // No syntax highlighting: the playbook has no code, and Shiki's inline styles would break the CSP.
  markdown: { processor: unified({ gfm: true, smartypants: false, remarkPlugins: [remarkReleaseNotes] }), syntaxHighlight: false },
  // releaseCache renders each frozen release once and puts it in place from the cache while its key is
  // unchanged (src/lib/release-cache.ts); it runs before searchIndex, which reads every release's pages.
  // searchIndex runs after the pages are written: one Pagefind bundle per release (src/lib/search-index.ts).
  // devAssets: figures and downloads at their built addresses under `npm run dev` too.
  // hosting: _headers and nginx.conf for the web server, from the pages' own CSP (src/lib/hosting.ts).
  // copies: each release's PDF and offline zip, once made (npm run pdf, npm run offline), into dist.
  integrations: [mdx(), releaseCache(), searchIndex(), devAssets(), hosting(), copies(), releaseCacheStored()],
  devToolbar: { enabled: false },
  // Vite's dependency cache follows the build's cache, so a build elsewhere does not rebuild the
  // project's own (node_modules/.vite, shared with astro dev).
  vite: settings.cacheDir !== 'node_modules/.astro' ? { cacheDir: `${settings.cacheDir}/vite` } : {},
  // Nothing loads from anywhere but this origin, and no inline script runs unless Astro hashed it.
  // 'wasm-unsafe-eval' lets Pagefind's WebAssembly search run; it does not allow eval of JavaScript.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"], hashes: [themeEarlyHash] },
    },
  },
  server: { host: '127.0.0.1', port: 4321 },
});
