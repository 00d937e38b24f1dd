import { writeFileSync } from 'node:fs';
import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { compileCount } from './lib/compile.ts';
import { loadContent } from './lib/content.ts';
import { ContentError } from './lib/problems.ts';
import { recordsFromContent } from './lib/model.ts';

/** The content folder: `content/`, or another one (a fixture, the benchmark's synthetic playbook). */
const contentDir = process.env.PLAYBOOK_CONTENT ?? 'content';

/** For `npm run bench` only: figures that only the build process knows, written to PLAYBOOK_BENCH_STATS. */
const benchStats: Record<string, number> = {};
function benchStat(name: string, value: number): void {
  if (!process.env.PLAYBOOK_BENCH_STATS) return;
  benchStats[name] = value;
  writeFileSync(process.env.PLAYBOOK_BENCH_STATS, JSON.stringify(benchStats));
}

let records: Promise<ReturnType<typeof recordsFromContent>> | undefined;
/**
 * Every release and the draft, read and validated once by src/lib (the same code as
 * `npm run check`), so bad content stops the build with the same messages, before anything is written.
 */
function playbook() {
  const started = performance.now();
  records ??= loadContent({ root: process.cwd(), content: contentDir }).then((content) => {
    if (content.problems.length) throw new ContentError(content.problems);
    const result = recordsFromContent(content);
    benchStat('loadMs', performance.now() - started);
    benchStat('pages', result.pages.length);
    benchStat('compiled', compileCount());
    return result;
  });
  return records;
}

/** Pages keyed by (release, page id): `2.0/three-tier-model`, `draft/three-tier-model`. */
const pagesLoader: Loader = {
  name: 'playbook-pages',
  async load({ store, generateDigest }) {
    const { pages } = await playbook();
    const started = performance.now();
    store.clear();
    for (const { html, ...data } of pages) {
      store.set({
        id: `${data.release}/${data.id}`,
        data: data as unknown as Record<string, unknown>,
        rendered: { html, metadata: { headings: data.headings.map((h) => ({ depth: h.depth, slug: h.id, text: h.text })) } },
        digest: generateDigest(`${data.bodyHash}${JSON.stringify(data)}`),
      });
    }
    benchStat('pagesStoreMs', performance.now() - started);
  },
};

/** One entry per release (and the draft): its parts, glossary and tracks freeze with it. */
const releasesLoader: Loader = {
  name: 'playbook-releases',
  async load({ store }) {
    const { releases } = await playbook();
    store.clear();
    for (const release of releases) store.set({ id: release.release, data: release as unknown as Record<string, unknown> });
  },
};

/** Notices on frozen releases (content/notices/), checked against every release by src/lib. */
const noticesLoader: Loader = {
  name: 'playbook-notices',
  async load({ store }) {
    const { notices } = await playbook();
    store.clear();
    for (const notice of notices) store.set({ id: notice.id, data: notice as unknown as Record<string, unknown> });
  },
};

export const collections = {
  notices: defineCollection({ loader: noticesLoader }),
  pages: defineCollection({ loader: pagesLoader }),
  releases: defineCollection({ loader: releasesLoader }),
  // Written release notes, rendered by @astrojs/mdx. The id is the file name, so `1.0` stays `1.0`
  // (the default id slugger would turn it into `10`).
  notes: defineCollection({
    loader: glob({ pattern: '*.mdx', base: `${contentDir}/releases`, generateId: ({ entry }) => entry.replace(/\.mdx$/, '') }),
  }),
};
