// On the 404 page only: point a mistyped or outdated address at the page it was probably after.
import { glossaryUrl, latestRoot, withoutBase } from '../lib/addresses.ts';
import { islandData, islandRoot, requiredPart } from '../lib/islands.ts';
import { suggestAddress, type KnownSite } from '../lib/suggest.ts';

const root = islandRoot<HTMLElement>(document, 'notFound');
if (root) {
  const target = requiredPart<HTMLElement>(root, 'not-found', '#suggestions');
  const site = islandData<KnownSite>(requiredPart<HTMLElement>(root, 'not-found', '#known-site'), 'not-found');
  const suggestions = suggestAddress(location.pathname, site);
  if (suggestions.length) {
    const heading = document.createElement('h2');
    heading.textContent = suggestions[0].reason !== 'same-id' ? 'Did you mean' : /^\/latest\/[^/]+\/$/.test(withoutBase(suggestions[0].url)) && suggestions[0].url !== glossaryUrl(latestRoot()) ? 'This page in the latest release' : 'What you are probably looking for';
    const list = document.createElement('ul');
    for (const suggestion of suggestions) {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = suggestion.url;
      link.textContent = suggestion.title;
      item.append(link);
      list.append(item);
    }
    target.replaceChildren(heading, list);
    target.hidden = false;
  }
}
