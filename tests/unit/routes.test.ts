import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RESERVED_PAGE_IDS } from '../../src/lib/schema.ts';
import { FURNITURE_IDS, PREFIXES, RELEASE_ROUTES, SITE_SEGMENTS, readingContext, routeHas, routeOf, routePaths, switchToFor, type Prefix, type ReleaseRouteKind } from '../../src/lib/routes.ts';
import { GOOD_FIXTURE, libraryOf } from './helpers.ts';

const PAGES = join(import.meta.dirname, '..', '..', 'src', 'pages');

/** The folder of a prefix's route files: /latest/'s tracks are the site-wide /onboarding/. */
function folderOf(prefix: Prefix, kind: ReleaseRouteKind): string {
  if (prefix === 'v') return join(PAGES, 'v', '[version]');
  if (prefix === 'latest' && (kind === 'onboarding' || kind === 'track')) return PAGES;
  return join(PAGES, prefix);
}

/** The route file (or files) that make `kind` under a prefix's folder. */
const FILES: Record<ReleaseRouteKind, string[]> = {
  home: ['index.astro'],
  page: ['[page].astro'],
  glossary: ['glossary.astro'],
  onboarding: ['onboarding/index.astro'],
  track: ['onboarding/[track].astro'],
  print: ['print.astro'],
  data: ['data/index.astro', 'data/[...data].astro'],
  figures: ['figures/[name].ts'],
  files: ['files/[name].ts'],
  writing: ['writing/index.astro'],
};

describe('the route table', () => {
  it('reserves exactly the folders the route files make under each prefix, the site-wide pages and the furniture ids', () => {
    const folders = new Set<string>();
    for (const prefix of PREFIXES) {
      for (const entry of readdirSync(join(PAGES, prefix === 'v' ? 'v/[version]' : prefix))) {
        const name = entry.replace(/\.(astro|ts)$/, '');
        // Parameters, the front page and files beside the release (cite.bib) are no folder a page id could hide.
        if (!name.startsWith('[') && name !== 'index' && !name.includes('.')) folders.add(name);
      }
    }
    expect([...RESERVED_PAGE_IDS].sort()).toEqual([...new Set([...folders, ...SITE_SEGMENTS, ...FURNITURE_IDS])].sort());
    // The same ids the schema refused before the table existed.
    expect([...RESERVED_PAGE_IDS].sort()).toEqual(['changelog', 'compare', 'contents', 'data', 'figures', 'files', 'glossary', 'main', 'onboarding', 'print', 'review', 'search', 'writing']);
  });

  it('has a route file for every kind under every prefix it lists, and none under a prefix it does not', () => {
    for (const [kind, route] of Object.entries(RELEASE_ROUTES) as Array<[ReleaseRouteKind, (typeof RELEASE_ROUTES)[ReleaseRouteKind]]>) {
      for (const prefix of PREFIXES) {
        const found = FILES[kind].some((file) => existsSync(join(folderOf(prefix, kind), file)));
        expect(found, `${kind} under /${prefix}/`).toBe((route.prefixes as readonly Prefix[]).includes(prefix));
      }
    }
  });

  it('makes a page for every page of a release, and at /latest/ for every id ever released that the latest has or removed', async () => {
    const library = await libraryOf(GOOD_FIXTURE);
    const old = library.release('1.0')!;
    expect(routePaths('page', 'v', library, [old]).map((path) => path.param)).toEqual(old.pages.map((page) => page.id));
    const latest = routePaths('page', 'latest', library, []).map((path) => path.param);
    expect(latest).toEqual(library.releasedIds.filter((id) => library.latest.page(id) || library.removed.some((entry) => entry.id === id)));
    expect(latest).toContain(library.removed[0].id);
    expect(routePaths('track', 'draft', library, []).map((path) => path.param)).toEqual(library.draft!.tracks.map((track) => track.id));
    expect(() => routePaths('print', 'latest', library, [])).toThrow(/no print under \/latest\//);
    expect(routeHas('writing', 'v')).toBe(false);
  });
});

describe('the reading context', () => {
  it('links within the prefix the release is read through, and to the permanent address for what the prefix lacks', async () => {
    const library = await libraryOf(GOOD_FIXTURE);
    const latest = readingContext(library.latest, 'latest');
    expect([latest.homeUrl(), latest.pageUrl('tiers'), latest.pageUrl('tiers', 'who'), latest.glossaryUrl('eap')]).toEqual(['/latest/', '/latest/tiers/', '/latest/tiers/#who', '/latest/glossary/#eap']);
    expect([latest.onboardingUrl(), latest.onboardingUrl('lead'), latest.printUrl(), latest.dataUrl()]).toEqual(['/onboarding/', '/onboarding/lead/', `/v/${library.latest.release}/print/`, '/latest/data/']);
    expect(latest.follows).toBe(true);
    const old = readingContext(library.release('1.0')!, 'v');
    expect([old.homeUrl(), old.pageUrl('tiers'), old.onboardingUrl('lead'), old.printUrl(), old.dataCsvUrl('a', 'b')]).toEqual(['/v/1.0/', '/v/1.0/tiers/', '/v/1.0/onboarding/lead/', '/v/1.0/print/', '/v/1.0/data/a/b.csv']);
    expect(old.follows).toBe(false);
    expect(readingContext(library.draft!, 'draft').urlOf('writing')).toBe('/draft/writing/');
    // Only a release read at its permanent address is frozen: the same release under /latest/ is rewritten by the next one.
    expect([old.frozen, readingContext(library.latest, 'v').frozen, latest.frozen, readingContext(library.draft!, 'draft').frozen]).toEqual([true, true, false, false]);
  });

  it('switches a per-release page to the same kind of page under each release that has it', async () => {
    const library = await libraryOf(GOOD_FIXTURE);
    // The switcher resolves the suffix against each release's own address (/releases.json) in the browser.
    for (const kind of ['glossary', 'onboarding', 'print', 'data'] as const) {
      const { suffix } = switchToFor(kind);
      expect(`${library.release('1.0')!.url}${suffix}`).toBe(readingContext(library.release('1.0')!, 'v').urlOf(kind));
    }
    const track = library.draft!.tracks[0].id;
    expect(`${library.draft!.url}${switchToFor('track', track).suffix}`).toBe(readingContext(library.draft!, 'draft').urlOf('track', track));
  });
});

describe('the kind of an address', () => {
  it('is read back from the address, under each prefix', () => {
    const cases: Array<[string, string | undefined]> = [
      ['/', 'latest home'],
      ['/v/2.0/', 'v home'],
      ['/v/2.0/tiers/', 'v page'],
      ['/latest/tiers/#who', 'latest page'],
      ['/draft/glossary/', 'draft glossary'],
      ['/onboarding/', 'latest onboarding'],
      ['/onboarding/physician-lead/', 'latest track'],
      ['/v/1.1/onboarding/physician-lead/', 'v track'],
      ['/v/2.0/print/', 'v print'],
      ['/latest/data/', 'latest data'],
      ['/draft/writing/', 'draft writing'],
      ['/v/2.0/files/form.csv', 'v files'],
      ['/changelog/2.0/', undefined],
      ['/search/?q=tier', undefined],
      ['/latest/print/', 'latest page'],
    ];
    expect(cases.map(([address]) => {
      const route = routeOf(address);
      return [address, route && `${route.prefix} ${route.kind}`];
    })).toEqual(cases);
  });
});
