import { writeFileSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { defineCollection } from 'astro:content';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import type { FSWatcher } from 'vite';
import { compileCount } from './lib/compile.ts';
import { loadContent } from './lib/content.ts';
import { ContentError, formatProblems, type ContentProblem } from './lib/problems.ts';
import { recordsFromContent } from './lib/model.ts';
import { settings } from './settings.ts';

/** The content folder: `content/`, or another one (a fixture, the benchmark's synthetic playbook). */
const contentDir = settings.content;

/** For `npm run bench` only: figures that only the build process knows, written to PLAYBOOK_BENCH_STATS. */
const benchStats: Record<string, number> = {};
function benchStat(name: string, value: number): void {
  if (!settings.benchStats) return;
  benchStats[name] = value;
  writeFileSync(settings.benchStats, JSON.stringify(benchStats));
}

type Records = ReturnType<typeof recordsFromContent>;
let records: Promise<{ records?: Records; problems: ContentProblem[] }> | undefined;
/**
 * Every release and the draft, read and validated once by src/lib (the same code as
 * `npm run check`), so bad content stops the build with the same messages, before anything is written.
 */
function playbook() {
  const started = performance.now();
  records ??= loadContent({ root: process.cwd(), content: contentDir }).then((content) => {
    const problems = [...content.problems];
    if (!problems.length && !content.releases.some((release) => release.release !== 'draft')) {
      problems.push({ file: `${contentDir}/versions`, field: 'folder', message: 'found no release yet; expected at least one (make the first with `npm run release -- 1.0`)' });
    }
    if (problems.length) return { problems };
    const result = recordsFromContent(content);
    benchStat('loadMs', performance.now() - started);
    benchStat('pages', result.pages.length);
    benchStat('compiled', compileCount());
    return { records: result, problems: [] };
  });
  return records;
}

/**
 * The records, or, when the content has problems: in a build, a ContentError that stops it; under
 * `npm run dev`, undefined, the problems logged and kept for the pages to show (the server keeps
 * running, and the next save that fixes the file recovers).
 */
async function loadPlaybook({ watcher }: LoaderContext): Promise<Records | undefined> {
  const reading = playbook();
  const { records: loaded, problems } = await reading;
  if (problems.length && !watcher) throw new ContentError(problems);
  // A later save started another read while this one ran: its result, not this one, goes in the store.
  return reading === records ? loaded : undefined;
}

/** The loaders to run again when a file under the content folder changes (dev only), by loader name. */
const reloaders = new Map<string, () => Promise<void>>();
let watching = false;

/**
 * Under `npm run dev`, a save anywhere in the content folder (a page, a YAML file, a figure, a
 * download) reads the playbook again, so the next reload shows it without restarting the server.
 */
function watchContent(watcher: FSWatcher | undefined, name: string, reload: () => Promise<void>): void {
  if (!watcher) return;
  reloaders.set(name, reload);
  if (watching) return;
  watching = true;
  const folder = resolve(contentDir);
  watcher.add(folder);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const changed = (path: string) => {
    if (!resolve(path).startsWith(folder + sep)) return;
    // An editor's save is often several events; read once they settle.
    clearTimeout(timer);
    timer = setTimeout(() => {
      records = undefined;
      // A file caught half-written (or any other failure) is reported; the server keeps running.
      for (const run of reloaders.values()) run().catch((error: unknown) => console.error(error));
    }, 50);
  };
  for (const event of ['add', 'change', 'unlink', 'addDir', 'unlinkDir'] as const) watcher.on(event, changed);
}

/** Under `npm run dev`: the problems of the content as it is now, which every page then shows. */
const problemsLoader: Loader = {
  name: 'playbook-problems',
  async load(context) {
    const run = async () => {
      const reading = playbook();
      const { problems } = await reading;
      if (problems.length && !context.watcher) throw new ContentError(problems);
      if (reading !== records) return;
      // One entry, always present (an empty collection makes Astro warn on every read).
      context.store.set({ id: 'current', data: { problems: problems.map((problem) => ({ ...problem })) } });
      if (problems.length) context.logger.error(formatProblems(problems));
      else if (reloaded) context.logger.info('content reloaded');
      reloaded = true;
    };
    let reloaded = false;
    watchContent(context.watcher, 'problems', run);
    await run();
  },
};

/** A collection filled from the playbook's records; under `npm run dev`, filled again after every save. */
function recordsLoader(name: string, fill: (loaded: Records, context: LoaderContext) => void): Loader {
  return {
    name: `playbook-${name}`,
    async load(context) {
      const run = async () => {
        const loaded = await loadPlaybook(context);
        if (!loaded) return;
        context.store.clear();
        fill(loaded, context);
      };
      watchContent(context.watcher, name, run);
      await run();
    },
  };
}

/** Pages keyed by (release, page id): `2.0/three-tier-model`, `draft/three-tier-model`. */
const pagesLoader = recordsLoader('pages', (loaded, { store, generateDigest }) => {
  const started = performance.now();
  for (const { html, ...data } of loaded.pages) {
    store.set({
      id: `${data.release}/${data.id}`,
      data: data as unknown as Record<string, unknown>,
      rendered: { html, metadata: { headings: data.headings.map((h) => ({ depth: h.depth, slug: h.id, text: h.text })) } },
      digest: generateDigest(`${data.bodyHash}${JSON.stringify(data)}`),
    });
  }
  benchStat('pagesStoreMs', performance.now() - started);
});

/** One entry per release (and the draft): its parts, glossary and tracks freeze with it. */
const releasesLoader = recordsLoader('releases', (loaded, { store }) => {
  for (const release of loaded.releases) store.set({ id: release.release, data: release as unknown as Record<string, unknown> });
});

/** The areas' own details (content/areas/), by area id: outside every release, so never in a digest. */
const areasLoader = recordsLoader('areas', (loaded, { store }) => {
  for (const area of loaded.areas) store.set({ id: area.id, data: area as unknown as Record<string, unknown> });
});

/** Notices on frozen releases (content/notices/), checked against every release by src/lib. */
const noticesLoader = recordsLoader('notices', (loaded, { store }) => {
  for (const notice of loaded.notices) store.set({ id: notice.id, data: notice as unknown as Record<string, unknown> });
});

export const collections = {
  areas: defineCollection({ loader: areasLoader }),
  problems: defineCollection({ loader: problemsLoader }),
  notices: defineCollection({ loader: noticesLoader }),
  pages: defineCollection({ loader: pagesLoader }),
  releases: defineCollection({ loader: releasesLoader }),
  // Written release notes, rendered by @astrojs/mdx. The id is the file name, so `1.0` stays `1.0`
  // (the default id slugger would turn it into `10`).
  notes: defineCollection({
    loader: glob({ pattern: '*.mdx', base: `${contentDir}/releases`, generateId: ({ entry }) => entry.replace(/\.mdx$/, '') }),
  }),
};
