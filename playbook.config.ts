import type { PlaybookConfig } from './src/settings.ts';

/**
 * The settings a program edits to publish its playbook. Each can also be set for one build with the
 * environment variable named beside it, which wins over this file (docs/deploying.md). A bad value
 * stops `npm run build` and `npm run check` with the setting's name and what was expected.
 */
const config: PlaybookConfig = {
  // PLAYBOOK_SITE: the public address, without a path, e.g. 'https://playbook.example.org'. When set,
  // the feed, versions.json, canonical links, the sitemap and printed pages carry absolute addresses.
  site: undefined,
  // PLAYBOOK_BASE: the path the site is served under, e.g. '/peer-support/' for a GitHub Pages project site.
  base: '/',
  // PLAYBOOK_ORGANISATION: who publishes the playbook, shown in the feed and the PDF's footer.
  organisation: undefined,
  // PLAYBOOK_REPOSITORY: the repository's web address, e.g. 'https://github.com/example/playbook'.
  // When set, draft and latest pages link to their file there ("Suggest a change to this page").
  repository: undefined,
  // PLAYBOOK_REPOSITORY_BRANCH: the branch that holds content/draft/.
  repositoryBranch: 'main',
  // PLAYBOOK_REVIEW_MONTHS: how long a page may go without review before /review/ flags it overdue.
  reviewPeriodMonths: 12,
  // PLAYBOOK_OUT_DIR, PLAYBOOK_CACHE_DIR, PLAYBOOK_CONTENT: where the build writes, caches and reads.
  outDir: 'dist',
  cacheDir: 'node_modules/.astro',
  content: 'content',
  // PLAYBOOK_COPIES_DIR: where each release's PDF and offline copy are kept once made (by the
  // release's digest and notices), so a frozen release's are made once. Keep it between CI runs.
  copiesDir: '.cache/copies',
  // PLAYBOOK_CHROMIUM: the Chromium that makes the PDFs (npm run pdf); without it the site builds without PDFs.
  chromium: '/usr/bin/chromium',
  // PLAYBOOK_PORT: the port of `npm run preview` and of the browser tests.
  port: 4321,
};

export default config;
