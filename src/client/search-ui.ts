// The search form and its results, shared by the header dialog and the /search/ page. Loaded only
// when a reader opens search; Pagefind's runtime and a release's bundle are fetched on first use.
import { ROLES, TIERS } from '../lib/roles.ts';
import {
  CATALOGUE_URL,
  HIGHLIGHT_PARAM,
  RESULTS_SHOWN,
  SEARCH_ROOT,
  pagefindFilters,
  planSearch,
  releaseLabel,
  resultSummary,
  resultView,
  searchPageUrl,
  type PagefindResultData,
  type SearchCatalogue,
  type SearchPlan,
  type SearchQuery,
} from '../lib/search.ts';

/** The part of Pagefind's JS API the islands use (pagefind.js is served by the site, not bundled). */
interface PagefindInstance {
  mergeIndex(bundle: string, options?: Record<string, unknown>): Promise<void>;
  debouncedSearch(term: string, options: { filters: Record<string, string> }, ms: number): Promise<{ results: Array<{ data(): Promise<PagefindResultData> }> } | null>;
}

const pagefindOptions = { noWorker: true, highlightParam: HIGHLIGHT_PARAM, excerptLength: 22 };

let catalogue: Promise<SearchCatalogue> | undefined;
export function loadCatalogue(): Promise<SearchCatalogue> {
  catalogue ??= fetch(CATALOGUE_URL).then((response) => {
    if (!response.ok) throw new Error(`${CATALOGUE_URL}: ${response.status}`);
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
      const runtime = (await import(/* @vite-ignore */ `${SEARCH_ROOT}pagefind.js`)) as { createInstance(options: Record<string, unknown>): PagefindInstance };
      const [first, ...merged] = plan.bundles;
      const pagefind = runtime.createInstance({ ...pagefindOptions, basePath: first });
      await Promise.all(merged.map((bundle) => pagefind.mergeIndex(bundle, pagefindOptions)));
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
    const releases: Array<[string, string]> = picker.releases.map((release) => [release, release === picker.latest ? `${releaseLabel(release)} (latest)` : releaseLabel(release)]);
    if (picker.draft) releases.push(['draft', 'Draft (unreleased)']);
    scope.push(select('release', 'Release', `${id}-release`, releases, query.release ?? options.release ?? picker.latest));
  } else if (options.release) {
    scope.push(h('input', { type: 'hidden', name: 'release', value: options.release }));
  }
  const all = h('input', { id: `${id}-all`, name: 'all', type: 'checkbox', value: '1', checked: Boolean(query.all) });
  scope.push(h('div', { class: 'search-form__field search-form__field--check' }, all, h('label', { for: `${id}-all` }, 'Search all releases')));

  const form = h(
    'form',
    { class: 'search-form', role: 'search', action: '/search/', method: 'get', 'aria-label': 'Search the playbook' },
    h('div', { class: 'search-form__words' }, h('label', { for: input.id }, 'Words to find'), input),
    h(
      'div',
      { class: 'search-form__options' },
      ...scope,
      select('audience', 'Written for', `${id}-audience`, [['', 'Every reader'], ...(Object.entries(ROLES) as Array<[string, string]>)], query.audience),
      select('tier', 'Tier', `${id}-tier`, [['', 'Any tier'], ...Object.entries(TIERS).map(([tier, label]): [string, string] => [tier, label])], query.tier),
    ),
  ) as HTMLFormElement;

  const status = h('p', { id: `${id}-status`, class: 'search-status', role: 'status' });
  const list = h('ol', { class: 'search-results', 'aria-label': 'Results' });
  list.hidden = true;
  const more = h('button', { type: 'button', class: 'search-more' }, 'Show more results');
  more.hidden = true;
  const element = h('div', { class: 'search' }, form, status, list, more);

  const current = (): SearchQuery => {
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim() || undefined;
    return { q: text('q') ?? '', release: text('release'), all: data.get('all') === '1', audience: text('audience'), tier: text('tier') };
  };

  let run = 0;
  let pending: Array<{ data(): Promise<PagefindResultData> }> = [];
  let plan: SearchPlan | undefined;

  /** Loads the next `count` results and shows them, unless a newer search (`run`) began meanwhile. */
  const show = async (count: number, mine: number, replace: boolean): Promise<HTMLElement[]> => {
    const batch = pending.splice(0, count);
    const loaded = await Promise.all(batch.map((result) => result.data()));
    if (mine !== run) return [];
    const items = loaded.map((data) => resultView(data)).map((view) => {
      const where = [view.kind ?? view.part, plan?.all && view.release ? releaseLabel(view.release) : undefined].filter(Boolean).join(' · ');
      const excerpt = h('p', { class: 'search-result__excerpt' });
      excerpt.innerHTML = view.excerpt; // Pagefind escapes the page text and adds only <mark>.
      const sections = view.sections.map((section) => {
        const sectionExcerpt = h('p', { class: 'search-result__excerpt' });
        sectionExcerpt.innerHTML = section.excerpt;
        return h('li', {}, h('a', { href: section.url }, section.title), sectionExcerpt);
      });
      return h(
        'li',
        { class: 'search-result' },
        h(options.resultHeading, { class: 'search-result__title' }, h('a', { href: view.url }, view.title)),
        ...(where ? [h('p', { class: 'search-result__where' }, where)] : []),
        excerpt,
        ...(sections.length ? [h('ul', { class: 'search-result__sections', 'aria-label': `Sections of ${view.title}` }, ...sections)] : []),
      );
    });
    if (replace) list.replaceChildren(...items);
    else list.append(...items);
    more.hidden = pending.length === 0;
    return items;
  };

  const search = async (immediate = false) => {
    const query = current();
    options.onQuery?.(query);
    const mine = ++run;
    if (!query.q) {
      list.replaceChildren();
      list.hidden = true;
      more.hidden = true;
      status.textContent = '';
      return;
    }
    try {
      plan = planSearch(query, await loadCatalogue());
      const pagefind = await instanceFor(plan);
      const found = await pagefind.debouncedSearch(query.q, { filters: pagefindFilters(query) }, immediate ? 0 : 200);
      if (!found || mine !== run) return;
      pending = [...found.results];
      await show(RESULTS_SHOWN, mine, true);
      if (mine !== run) return;
      list.hidden = found.results.length === 0;
      const note = plan.unknownRelease ? ` (there is no release ${plan.unknownRelease}; searched the latest)` : '';
      status.textContent = `${resultSummary(found.results.length, query.q, plan)}${note}.`;
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
  if (input.value) void search(true);

  return { element, input, shareUrl: () => searchPageUrl(current()) };
}
