// The search form and its results, shared by the header dialog and the /search/ page. Loaded only
// when a reader opens search; Pagefind's runtime and a release's bundle are fetched on first use.
import { ROLES, TIERS } from '../lib/roles.ts';
import { releaseName, searchCatalogueUrl, searchRoot, searchUrl, searchWordsUrl, siteBase } from '../lib/addresses.ts';
import {
  HIGHLIGHT_PARAM,
  RESULTS_SHOWN,
  pagefindFilters,
  planSearch,
  filterSummary,
  latestAddress,
  pageKey,
  resultSummary,
  resultView,
  searchPageUrl,
  type PagefindResultData,
  type ResultView,
  type SearchCatalogue,
  type SearchPlan,
  type SearchQuery,
} from '../lib/search.ts';
import { correctedQuery, mergeResults, numberPhrases, phraseWords, scoredPhraseHits, searchWordsFromFile, synonymQueries, type SearchWords, type SearchWordsFile } from '../lib/search-words.ts';

/** The part of Pagefind's JS API the islands use (pagefind.js is served by the site, not bundled). */
interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindResultData>;
}
interface PagefindInstance {
  mergeIndex(bundle: string, options?: Record<string, unknown>): Promise<void>;
  search(term: string | null, options: { filters: Record<string, string> }): Promise<{ results: PagefindResult[] }>;
  debouncedSearch(term: string, options: { filters: Record<string, string> }, ms: number): Promise<{ results: PagefindResult[] } | null>;
}

/** Results are few when fewer than this: then a corrected spelling's results come first. */
const FEW = 5;

const words = new Map<string, Promise<SearchWords>>();
/** A release's synonyms and vocabulary (src/lib/search-words.ts), fetched once per visit; none when it cannot load. */
function wordsFor(release: string): Promise<SearchWords> {
  let found = words.get(release);
  if (!found) {
    const none: SearchWordsFile = { synonyms: {}, vocabulary: '' };
    found = fetch(searchWordsUrl(release))
      .then((response) => (response.ok ? (response.json() as Promise<SearchWordsFile>) : none))
      .catch(() => none)
      .then(searchWordsFromFile);
    words.set(release, found);
  }
  return found;
}

/** What one search found: the results in order, and the corrected spelling when one was used. */
interface Found {
  results: PagefindResult[];
  corrected?: string;
  correctedFirst?: boolean;
}

/**
 * Runs what a reader typed, and beside it the same words with the playbook's synonyms, the exact
 * phrases of "word number" pairs, and a corrected spelling of words the release does not use; null when a
 * newer search superseded this one while it waited.
 */
async function findAll(pagefind: PagefindInstance, q: string, filters: Record<string, string>, release: string, ms: number): Promise<Found | null> {
  const [typed, known] = await Promise.all([pagefind.debouncedSearch(q, { filters }, ms), wordsFor(release)]);
  if (!typed) return null;
  const run = (term: string) => pagefind.search(term, { filters }).then((found) => found.results);
  const phrase = async (term: string) => {
    const [hits, words] = await Promise.all([run(term), run(phraseWords(term))]);
    return scoredPhraseHits(hits, words);
  };
  const [synonyms, phrases] = await Promise.all([Promise.all(synonymQueries(q, known).map(run)), Promise.all(numberPhrases(q).map(phrase))]);
  let results = mergeResults({ typed: typed.results, synonyms, phrases });
  const corrected = correctedQuery(q, known);
  if (!corrected) return { results };
  const correctedResults = await run(corrected);
  // The correction leads when the words as typed found few pages, or fewer than it does.
  const first = results.length < FEW || correctedResults.length > results.length;
  results = mergeResults({ typed: typed.results, synonyms, phrases, corrected: { results: correctedResults, first } });
  return { results, corrected: correctedResults.length ? corrected : undefined, correctedFirst: first };
}

// The index holds paths inside the site (`/v/2.0/…`); baseUrl puts results under the site's base path.
const indexOptions = { highlightParam: HIGHLIGHT_PARAM, excerptLength: 22, baseUrl: siteBase() };
// noWorker is an option of the instance only: given to mergeIndex, Pagefind logs "Unknown Pagefind option".
const pagefindOptions = { noWorker: true, ...indexOptions };

let catalogue: Promise<SearchCatalogue> | undefined;
export function loadCatalogue(): Promise<SearchCatalogue> {
  const url = searchCatalogueUrl();
  catalogue ??= fetch(url).then((response) => {
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    return response.json() as Promise<SearchCatalogue>;
  });
  return catalogue;
}

const instances = new Map<string, Promise<PagefindInstance>>();
/**
 * One Pagefind instance per scope, kept for the visit. Its first bundle loads the WebAssembly; the
 * others (all releases) are merged into it. The worker is off: a release's index is small enough
 * that searching on the main thread is quick, and it saves downloading the worker.
 */
function instanceFor(plan: SearchPlan): Promise<PagefindInstance> {
  const key = plan.bundles.join(' ');
  let instance = instances.get(key);
  if (!instance) {
    instance = (async () => {
      const runtime = (await import(/* @vite-ignore */ `${searchRoot()}pagefind.js`)) as { createInstance(options: Record<string, unknown>): PagefindInstance };
      const [first, ...merged] = plan.bundles;
      const pagefind = runtime.createInstance({ ...pagefindOptions, basePath: first });
      await Promise.all(merged.map((bundle) => pagefind.mergeIndex(bundle, indexOptions)));
      return pagefind;
    })();
    instance.catch(() => instances.delete(key));
    instances.set(key, instance);
  }
  return instance;
}

/** Creates an element with attributes and children: the islands' only way of writing markup. */
export function h(tag: string, attributes: Record<string, string | boolean | undefined> = {}, ...children: Array<Node | string>): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) element.setAttribute(name, '');
    else if (typeof value === 'string') element.setAttribute(name, value);
  }
  element.append(...children);
  return element;
}

function select(name: string, label: string, id: string, options: Array<[string, string]>, value?: string): HTMLElement {
  const field = h('select', { id, name }, ...options.map(([optionValue, text]) => h('option', { value: optionValue, selected: optionValue === (value ?? '') }, text)));
  return h('div', { class: 'search-form__field' }, h('label', { for: id }, label), field);
}

export interface SearchOptions {
  /** Prefix for element ids, unique on the page. */
  id: string;
  /** The release the reader is in (absent: the latest). */
  release?: string;
  /** Offer a choice of release (the /search/ page); otherwise search the reader's release. */
  releasePicker?: SearchCatalogue;
  /** The search to start with. */
  query?: Partial<SearchQuery>;
  /** Heading level of result titles, below the heading of the search itself. */
  resultHeading: 'h2' | 'h3';
  /** Called whenever the search changes (the page keeps its address in step). */
  onQuery?: (query: SearchQuery) => void;
  /** Link results of the latest release to their /latest/ addresses (a reader searching from /latest/). */
  latestAddresses?: boolean;
}

export interface SearchView {
  element: HTMLElement;
  input: HTMLInputElement;
  /** The address of the current search, to share. */
  shareUrl(): string;
}

/**
 * Builds a search form (words, scope, audience and tier), a live region that announces how many
 * results there are, and the results as a list of links, and runs searches as the reader types.
 */
export function createSearch(options: SearchOptions): SearchView {
  const { id, query = {} } = options;
  const input = h('input', {
    id: `${id}-q`,
    name: 'q',
    type: 'search',
    autocomplete: 'off',
    spellcheck: 'false',
    enterkeyhint: 'search',
    'aria-describedby': `${id}-status`,
  }) as HTMLInputElement;
  input.value = query.q ?? '';

  const scope: HTMLElement[] = [];
  if (options.releasePicker) {
    const picker = options.releasePicker;
    const releases: Array<[string, string]> = picker.releases.map((release) => [release, release === picker.latest ? `${releaseName(release)} (latest)` : releaseName(release)]);
    if (picker.draft) releases.push(['draft', 'Draft (unreleased)']);
    scope.push(select('release', 'Release', `${id}-release`, releases, query.release ?? options.release ?? picker.latest));
  } else if (options.release) {
    scope.push(h('input', { type: 'hidden', name: 'release', value: options.release }));
  }
  const all = h('input', { id: `${id}-all`, name: 'all', type: 'checkbox', value: '1', checked: Boolean(query.all) });
  scope.push(h('div', { class: 'search-form__field search-form__field--check' }, all, h('label', { for: `${id}-all` }, 'Search all releases')));

  // On a phone the filters fold behind one line, open when one is in use; on a wider screen they show.
  const filtersActive = Boolean(query.all || query.audience || query.tier || (options.releasePicker && query.release));
  const filters = h(
    'details',
    { class: 'search-form__filters', open: filtersActive || matchMedia('(min-width: 40em)').matches },
    h('summary', {}, 'Filters'),
    h(
      'div',
      { class: 'search-form__options' },
      ...scope,
      select('audience', 'Written for', `${id}-audience`, [['', 'Every reader'], ...(Object.entries(ROLES) as Array<[string, string]>)], query.audience),
      select('tier', 'Tier', `${id}-tier`, [['', 'Any tier'], ...Object.entries(TIERS).map(([tier, label]): [string, string] => [tier, label])], query.tier),
    ),
  );
  const form = h(
    'form',
    { class: 'search-form', role: 'search', action: searchUrl(), method: 'get', 'aria-label': 'Search the playbook' },
    h('div', { class: 'search-form__words' }, h('label', { for: input.id }, 'Words to find'), input),
    filters,
  ) as HTMLFormElement;

  const status = h('p', { id: `${id}-status`, class: 'search-status', role: 'status' });
  const suggestion = h('p', { class: 'search-suggestion' });
  suggestion.hidden = true;
  const list = h('ol', { class: 'search-results', 'aria-label': 'Results' });
  list.hidden = true;
  const more = h('button', { type: 'button', class: 'search-more' }, 'Show more results');
  more.hidden = true;
  const element = h('div', { class: 'search' }, form, status, suggestion, list, more);

  /** "Did you mean": a button that searches the corrected words, and a way back to the words as typed. */
  const suggest = (found: Found) => {
    if (!found.corrected) {
      suggestion.hidden = true;
      suggestion.replaceChildren();
      return;
    }
    const use = h('button', { type: 'button', class: 'search-suggestion__use' }, found.corrected);
    use.addEventListener('click', () => {
      input.value = found.corrected ?? input.value;
      void search(true);
      input.focus();
    });
    suggestion.replaceChildren(found.correctedFirst ? 'Showing results for ' : 'Also showing results for ', use, '.');
    suggestion.hidden = false;
  };

  const current = (): SearchQuery => {
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim() || undefined;
    return { q: text('q') ?? '', release: text('release'), all: data.get('all') === '1', audience: text('audience'), tier: text('tier') };
  };

  let run = 0;
  let pending: PagefindResult[] = [];
  let plan: SearchPlan | undefined;

  /** In "all releases": the item already shown for a page, by its address within a release, to group its other releases under. */
  let shownPages = new Map<string, HTMLElement>();
  let catalogueSeen: SearchCatalogue | undefined;
  const address = (url: string) => (options.latestAddresses && catalogueSeen ? latestAddress(url, catalogueSeen.latest) : url);

  /** Loads the next `count` results and shows them, unless a newer search (`run`) began meanwhile. */
  const show = async (count: number, mine: number, replace: boolean): Promise<HTMLElement[]> => {
    if (replace) shownPages = new Map();
    const items: HTMLElement[] = [];
    // In "all releases" one page's hits become one result, and a page's copies in older releases
    // rank lower than it: read three times as many results, so most are found beside their page.
    const batch = pending.splice(0, plan?.all ? count * 3 : count);
    const loaded = await Promise.all(batch.map((result) => result.data()));
    if (mine !== run) return [];
    items.push(...place(loaded.map((data) => resultView(data))));
    if (replace) list.replaceChildren(...items);
    else list.append(...items);
    more.hidden = pending.length === 0;
    return items;
  };

  /** The items for these results; a page already shown in another release is added under it instead. */
  const place = (views: ResultView[]): HTMLElement[] => {
    const items: HTMLElement[] = [];
    for (const view of views) {
      const key = plan?.all ? pageKey(view.url) : undefined;
      const earlier = key ? shownPages.get(key) : undefined;
      if (earlier && view.release) {
        // The same page in another release: one line under the first hit, not a result of its own.
        earlier.append(earlier.childElementCount ? ', ' : '', h('a', { href: address(view.url) }, releaseName(view.release)));
        earlier.parentElement!.hidden = false;
        continue;
      }
      const where = [view.kind ?? view.part, plan?.all && view.release ? releaseName(view.release) : undefined].filter(Boolean).join(' · ');
      const excerpt = h('p', { class: 'search-result__excerpt' });
      excerpt.innerHTML = view.excerpt; // Pagefind escapes the page text and adds only <mark>.
      const sections = view.sections.map((section) => {
        const sectionExcerpt = h('p', { class: 'search-result__excerpt' });
        sectionExcerpt.innerHTML = section.excerpt;
        return h('li', {}, h('a', { href: address(section.url) }, section.title), sectionExcerpt);
      });
      const alsoLinks = h('span', { class: 'search-result__also-links' });
      const also = h('p', { class: 'search-result__also' }, 'Also in ', alsoLinks);
      also.hidden = true;
      if (key) shownPages.set(key, alsoLinks);
      items.push(
        h(
          'li',
          { class: 'search-result' },
          h(options.resultHeading, { class: 'search-result__title' }, h('a', { href: address(view.url) }, view.title)),
          ...(where ? [h('p', { class: 'search-result__where' }, where)] : []),
          excerpt,
          ...(sections.length ? [h('ul', { class: 'search-result__sections', 'aria-label': `Sections of ${view.title}` }, ...sections)] : []),
          ...(key ? [also] : []),
        ),
      );
    }
    return items;
  };

  // Arrow keys move from the words to the results and between their links; Enter opens the link in focus.
  const links = () => [...list.querySelectorAll<HTMLAnchorElement>('a')].filter((link) => link.offsetParent !== null);
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' || list.hidden) return;
    const first = links()[0];
    if (!first) return;
    event.preventDefault();
    first.focus();
  });
  list.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const all = links();
    const at = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (at < 0) return;
    event.preventDefault();
    if (event.key === 'ArrowDown') (all[at + 1] ?? (more.hidden ? all[at] : more)).focus();
    else (all[at - 1] ?? input).focus();
  });

  const search = async (immediate = false) => {
    const query = current();
    options.onQuery?.(query);
    const mine = ++run;
    const filters = pagefindFilters(query);
    if (!query.q && Object.keys(filters).length === 0) {
      list.replaceChildren();
      list.hidden = true;
      more.hidden = true;
      suggestion.hidden = true;
      status.textContent = '';
      return;
    }
    try {
      const catalogue = await loadCatalogue();
      catalogueSeen = catalogue;
      plan = planSearch(query, catalogue);
      const pagefind = await instanceFor(plan);
      // A filter with no words lists every page it matches.
      const found = query.q ? await findAll(pagefind, query.q, filters, plan.release, immediate ? 0 : 200) : { results: (await pagefind.search(null, { filters })).results };
      if (!found || mine !== run) return;
      pending = [...found.results];
      suggest(found);
      await show(RESULTS_SHOWN, mine, true);
      if (mine !== run) return;
      list.hidden = found.results.length === 0;
      const note = plan.unknownRelease ? ` (there is no release ${plan.unknownRelease}; searched the latest)` : '';
      status.textContent = `${query.q ? resultSummary(found.results.length, query.q, plan) : filterSummary(found.results.length, plan)}${note}.`;
    } catch {
      if (mine === run) status.textContent = 'Search could not load. Check your connection, then try again.';
    }
  };

  // Typing waits for a pause; a changed scope or filter searches at once.
  form.addEventListener('input', (event) => void search(event.target !== input));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void search(true);
  });
  more.addEventListener('click', async () => {
    const items = await show(RESULTS_SHOWN, run, false);
    items[0]?.querySelector('a')?.focus();
  });
  if (input.value || query.audience || query.tier) void search(true);

  return { element, input, shareUrl: () => searchPageUrl(current()) };
}
