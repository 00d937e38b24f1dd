import { describe, expect, it, test } from 'vitest';
import { searchBundleUrl as bundleUrl } from '../../src/lib/addresses.ts';
import {
  HIGHLIGHT_PARAM,
  pagefindFilters,
  parseSearchQuery,
  planSearch,
  releaseOfUrl,
  resultSummary,
  resultView,
  searchPageUrl,
  type SearchCatalogue,
} from '../../src/lib/search.ts';

const catalogue: SearchCatalogue = { latest: '2.0', releases: ['2.0', '1.1', '1.0'], draft: true };

describe('planSearch: which bundles a query downloads', () => {
  test('one release reads only its own bundle', () => {
    expect(planSearch({ release: '1.1', all: false }, catalogue)).toEqual({ release: '1.1', all: false, bundles: ['/pagefind/1.1/'], unknownRelease: undefined });
  });

  test('no release means the latest, never the draft', () => {
    expect(planSearch({ all: false }, catalogue).bundles).toEqual(['/pagefind/2.0/']);
  });

  test('the draft is searched only when asked for', () => {
    expect(planSearch({ release: 'draft', all: false }, catalogue).bundles).toEqual(['/pagefind/draft/']);
  });

  test('all releases: every frozen release, led by the one being read, without the draft', () => {
    expect(planSearch({ release: '1.1', all: true }, catalogue).bundles).toEqual(['/pagefind/1.1/', '/pagefind/2.0/', '/pagefind/1.0/']);
    expect(planSearch({ all: true }, catalogue).bundles).toEqual(['/pagefind/2.0/', '/pagefind/1.1/', '/pagefind/1.0/']);
  });

  test('all releases from the draft adds the draft to the released ones', () => {
    expect(planSearch({ release: 'draft', all: true }, catalogue).bundles).toEqual(['/pagefind/draft/', '/pagefind/2.0/', '/pagefind/1.1/', '/pagefind/1.0/']);
  });

  test('an unknown release falls back to the latest and says which was asked for', () => {
    expect(planSearch({ release: '9.9', all: false }, catalogue)).toEqual({ release: '2.0', all: false, bundles: ['/pagefind/2.0/'], unknownRelease: '9.9' });
    expect(planSearch({ release: 'draft', all: false }, { ...catalogue, draft: false }).unknownRelease).toBe('draft');
  });
});

describe('search addresses', () => {
  test('a search page link carries only what was chosen', () => {
    expect(searchPageUrl({ q: 'marital distress', all: false })).toBe('/search/?q=marital+distress');
    expect(searchPageUrl({ q: 'tier', release: '1.1', all: true, audience: 'peer-supporter', tier: '2' })).toBe(
      '/search/?q=tier&release=1.1&all=1&audience=peer-supporter&tier=2',
    );
  });

  test('reading a search back from its link gives the same search', () => {
    const query = { q: 'tier', release: '1.1', all: true, audience: 'peer-supporter', tier: '2' };
    expect(parseSearchQuery(new URL(searchPageUrl(query), 'http://x').searchParams)).toEqual(query);
  });

  test('empty and missing parameters are left out', () => {
    expect(parseSearchQuery(new URLSearchParams('q=%20&release=&audience=&all=0'))).toEqual({
      q: '',
      release: undefined,
      all: false,
      audience: undefined,
      tier: undefined,
    });
  });

  test('the highlight parameter is the one the header button looks for (it spells it out to stay tiny)', () => {
    expect(HIGHLIGHT_PARAM).toBe('pagefind-highlight');
  });

  test('the bundle of a release', () => {
    expect(bundleUrl('2.0')).toBe('/pagefind/2.0/');
    expect(bundleUrl('draft')).toBe('/pagefind/draft/');
  });

  test('the release of a result, from its permanent address', () => {
    expect(releaseOfUrl('/v/1.1/tiers/?pagefind-highlight=tier#tier-1')).toBe('1.1');
    expect(releaseOfUrl('http://127.0.0.1:4332/v/10.2/tiers/')).toBe('10.2');
    expect(releaseOfUrl('/draft/tiers/')).toBe('draft');
    expect(releaseOfUrl('/latest/tiers/')).toBeUndefined();
  });
});

describe('filters', () => {
  test('only chosen filters are sent to Pagefind', () => {
    expect(pagefindFilters({})).toEqual({});
    expect(pagefindFilters({ audience: 'trainer' })).toEqual({ audience: 'trainer' });
    expect(pagefindFilters({ audience: 'trainer', tier: '3' })).toEqual({ audience: 'trainer', tier: '3' });
  });
});

describe('results', () => {
  const data = {
    url: '/v/2.0/marital-and-family-distress/?pagefind-highlight=marital',
    excerpt: 'When <mark>marital</mark> distress follows an event',
    meta: { title: 'Marital and family distress', part: 'Special situations' },
    sub_results: [
      { title: 'Marital and family distress', url: '/v/2.0/marital-and-family-distress/?pagefind-highlight=marital', excerpt: 'page opening' },
      { title: 'Marital strain after an event', url: '/v/2.0/marital-and-family-distress/?pagefind-highlight=marital#marital-strain', excerpt: 'a', anchor: { id: 'marital-strain' } },
      { title: 'Who to call', url: '/v/2.0/marital-and-family-distress/?pagefind-highlight=marital#who-to-call', excerpt: 'b', anchor: { id: 'who-to-call' } },
    ],
  };

  test('a result names its page, part and release, and links its matching sections', () => {
    expect(resultView(data)).toEqual({
      title: 'Marital and family distress',
      url: '/v/2.0/marital-and-family-distress/?pagefind-highlight=marital',
      part: 'Special situations',
      release: '2.0',
      excerpt: 'When <mark>marital</mark> distress follows an event',
      sections: [
        { title: 'Marital strain after an event', url: '/v/2.0/marital-and-family-distress/?pagefind-highlight=marital#marital-strain', excerpt: 'a' },
        { title: 'Who to call', url: '/v/2.0/marital-and-family-distress/?pagefind-highlight=marital#who-to-call', excerpt: 'b' },
      ],
    });
  });

  test('at most the asked number of sections', () => {
    expect(resultView(data, 1).sections).toHaveLength(1);
  });

  test('the live region says how many results, for what, where', () => {
    expect(resultSummary(3, 'marital', { release: '2.0', all: false })).toBe('3 results for “marital” in release 2.0');
    expect(resultSummary(1, 'tier', { release: '2.0', all: true })).toBe('1 result for “tier” in all releases');
    expect(resultSummary(0, 'zebra', { release: 'draft', all: false })).toBe('No results for “zebra” in the draft');
  });
});

describe('grouping, addresses and filters (search-ui)', () => {
  it('names a page the same in every release, so "all releases" groups its hits', async () => {
    const { pageKey } = await import('../../src/lib/search.ts');
    expect(pageKey('/v/2.0/litigation/?pagefind-highlight=x#a')).toBe('litigation/');
    expect(pageKey('/v/1.1/litigation/')).toBe('litigation/');
    expect(pageKey('/draft/litigation/')).toBe('litigation/');
    expect(pageKey('/v/2.0/onboarding/physician-lead/')).toBe('onboarding/physician-lead/');
    // Release notes are each their own page.
    expect(pageKey('/changelog/2.0/')).not.toBe(pageKey('/changelog/1.1/'));
  });

  it('gives a reader searching from /latest/ the /latest/ address of the latest release only', async () => {
    const { latestAddress } = await import('../../src/lib/search.ts');
    expect(latestAddress('/v/2.0/litigation/?pagefind-highlight=suit#why', '2.0')).toBe('/latest/litigation/?pagefind-highlight=suit#why');
    expect(latestAddress('/v/1.1/litigation/', '2.0')).toBe('/v/1.1/litigation/');
    expect(latestAddress('/changelog/2.0/', '2.0')).toBe('/changelog/2.0/');
  });

  it('says what a search by filter alone found', async () => {
    const { filterSummary } = await import('../../src/lib/search.ts');
    expect(filterSummary(4, { release: '2.0', all: false })).toBe('4 pages match the filters in release 2.0');
    expect(filterSummary(1, { release: 'draft', all: false })).toBe('1 page matches the filters in the draft');
    expect(filterSummary(0, { release: '2.0', all: true })).toBe('No pages match the filters in all releases');
  });
});
