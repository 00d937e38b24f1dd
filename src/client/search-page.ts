// The /search/ page: the same search as the dialog, its address kept in step with the form so the
// search can be shared as a link.
import { parseSearchQuery, searchPageUrl } from '../lib/search.ts';
import { createSearch, loadCatalogue } from './search-ui.ts';

const mount = document.querySelector<HTMLElement>('[data-search-mount]');
const fallback = document.querySelector<HTMLElement>('[data-search-nojs]');
if (mount) {
  const query = parseSearchQuery(new URLSearchParams(location.search));
  const search = createSearch({
    id: 'search-page',
    releasePicker: await loadCatalogue(),
    query,
    resultHeading: 'h2',
    onQuery: (changed) => history.replaceState(null, '', changed.q || changed.audience || changed.tier ? searchPageUrl(changed) : location.pathname),
  });
  mount.append(search.element);
  if (fallback) fallback.hidden = true;
  if (!query.q) search.input.focus();
}
