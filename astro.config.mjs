// @ts-check
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';

// Release notes (content/releases/*.mdx) go through @astrojs/mdx on the unified processor, with
// GitHub-flavoured Markdown (remark-gfm). Playbook pages are compiled by src/lib/compile.ts with
// the same remark-gfm, once per distinct page, because most pages repeat unchanged across releases.
// PLAYBOOK_OUT_DIR and PLAYBOOK_CACHE_DIR let the benchmark (and parallel test runs) build elsewhere.
export default defineConfig({
  output: 'static',
  outDir: process.env.PLAYBOOK_OUT_DIR ?? './dist',
  cacheDir: process.env.PLAYBOOK_CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'always',
  build: { format: 'directory' },
  markdown: { processor: unified({ gfm: true, smartypants: false }) },
  integrations: [mdx()],
  devToolbar: { enabled: false },
  server: { host: '127.0.0.1', port: 4321 },
});
