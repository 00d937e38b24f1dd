import { channel } from 'node:diagnostics_channel';
import { resolve, sep } from 'node:path';
import { defineCollection } from 'astro:content';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import type { FSWatcher } from 'vite';
import { compileCount } from './lib/compile.ts';
import { loadContent } from './lib/content.ts';
import { ContentError, formatProblems, type ContentProblem } from './lib/problems.ts';
import { areaRecordSchema, noticeRecordSchema, pageRecordSchema, problemsRecordSchema, recordsFromContent, releaseRecordSchema } from './lib/records.ts';
import { settings } from './settings.ts';

/** The content folder: `content/`, or another one (a fixture, the benchmark's synthetic playbook). */
const contentDir = settings.content;

/**
 * Figures only the build process knows (how long loading took, how many bodies were compiled), published
 * on a diagnostics channel: nothing happens unless a tool subscribes (the benchmark does, through
 * scripts/lib/bench-stats.ts), so the build itself neither measures for nor writes anything to it.
 */
const buildFigures = channel('playbook:build-figures');
function publishFigures(figures: () => Record<string, number>): void {
  if (buildFigures.hasSubscribers) buildFigures.publish(figures());
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
    publishFigures(() => ({ loadMs: performance.now() - started, pages: result.pages.length, compiled: compileCount() }));
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
      context.store.set({ id: 'current', data: await context.parseData({ id: 'current', data: { problems: problems.map((problem) => ({ ...problem })) } }) });
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
function recordsLoader(name: string, fill: (loaded: Records, context: LoaderContext) => Promise<void>): Loader {
  return {
    name: `playbook-${name}`,
    async load(context) {
      const run = async () => {
        const loaded = await loadPlaybook(context);
        if (!loaded) return;
        context.store.clear();
        await fill(loaded, context);
      };
      watchContent(context.watcher, name, run);
      await run();
    },
  };
}

/** Pages keyed by (release, page id): `2.0/three-tier-model`, `draft/three-tier-model`. */
const pagesLoader = recordsLoader('pages', async (loaded, { store, generateDigest, parseData }) => {
  const started = performance.now();
  for (const { html, ...record } of loaded.pages) {
    const id = `${record.release}/${record.id}`;
    const data = await parseData({ id, data: record });
    store.set({
      id,
      data,
      rendered: { html, metadata: { headings: data.headings.map((h) => ({ depth: h.depth, slug: h.id, text: h.text })) } },
      digest: generateDigest(`${data.bodyHash}${JSON.stringify(data)}`),
    });
  }
  publishFigures(() => ({ pagesStoreMs: performance.now() - started }));
});

/** One entry per release (and the draft): its parts, glossary and tracks freeze with it. */
const releasesLoader = recordsLoader('releases', async (loaded, { store, parseData }) => {
  for (const release of loaded.releases) store.set({ id: release.release, data: await parseData({ id: release.release, data: release }) });
});

/** The areas' own details (content/areas/), by area id: outside every release, so never in a digest. */
const areasLoader = recordsLoader('areas', async (loaded, { store, parseData }) => {
  for (const area of loaded.areas) store.set({ id: area.id, data: await parseData({ id: area.id, data: { ...area } }) });
});

/** Notices on frozen releases (content/notices/), checked against every release by src/lib. */
const noticesLoader = recordsLoader('notices', async (loaded, { store, parseData }) => {
  for (const notice of loaded.notices) store.set({ id: notice.id, data: await parseData({ id: notice.id, data: { ...notice } }) });
});

// Each collection's schema (src/lib/records.ts) types its entries and checks every record the loader stores.
export const collections = {
  areas: defineCollection({ loader: areasLoader, schema: areaRecordSchema }),
  problems: defineCollection({ loader: problemsLoader, schema: problemsRecordSchema }),
  notices: defineCollection({ loader: noticesLoader, schema: noticeRecordSchema }),
  pages: defineCollection({ loader: pagesLoader, schema: pageRecordSchema }),
  releases: defineCollection({ loader: releasesLoader, schema: releaseRecordSchema }),
  // Written release notes, rendered by @astrojs/mdx. The id is the file name, so `1.0` stays `1.0`
  // (the default id slugger would turn it into `10`).
  notes: defineCollection({
    loader: glob({ pattern: '*.mdx', base: `${contentDir}/releases`, generateId: ({ entry }) => entry.replace(/\.mdx$/, '') }),
  }),
};
