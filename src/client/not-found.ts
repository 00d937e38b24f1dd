// On the 404 page only: point a mistyped or outdated address at the page it was probably after.
import { suggestPages, type KnownPage } from '../lib/suggest.ts';

const data = document.getElementById('known-pages');
const target = document.getElementById('suggestions');
if (data && target) {
  const pages = JSON.parse(data.textContent ?? '[]') as KnownPage[];
  const suggestions = suggestPages(location.pathname, pages);
  if (suggestions.length) {
    const heading = document.createElement('h2');
    heading.textContent = suggestions[0].reason === 'same-id' ? 'This page in the latest release' : 'Did you mean';
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
