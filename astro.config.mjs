// @ts-check
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';

// Release notes (content/releases/*.mdx) go through @astrojs/mdx on the unified processor, with
// GitHub-flavoured Markdown (remark-gfm). Playbook pages are compiled by src/lib/compile.ts with
// the same remark-gfm, once per distinct page, because most pages repeat unchanged across releases.
export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  markdown: { processor: unified({ gfm: true, smartypants: false }) },
  integrations: [mdx()],
  devToolbar: { enabled: false },
  server: { host: '127.0.0.1', port: 4321 },
});
