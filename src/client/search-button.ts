// The header's search link becomes a button that opens the search dialog (also on / and Ctrl or
// Cmd+K). Nothing else of search is fetched until then. Kept tiny: it runs on every page.
const link = document.querySelector<HTMLAnchorElement>('a[data-search-trigger]');
if (link) {
  const href = link.href;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = link.className;
  button.setAttribute('aria-haspopup', 'dialog');
  button.setAttribute('aria-keyshortcuts', link.getAttribute('aria-keyshortcuts') ?? '');
  button.append(...link.childNodes);
  link.replaceWith(button);
  const open = () => {
    // On the search page itself, the page's own field is the search.
    const field = document.querySelector<HTMLInputElement>('[data-search-page] input[name="q"]');
    if (field) field.focus();
    // Should the dialog fail to load, the search page still explains and helps.
    else import('./search-dialog.ts').then((dialog) => dialog.openSearch(button), () => location.assign(href));
  };
  button.addEventListener('click', open);
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement;
    const typing = target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
    const slash = event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey;
    if (slash || (event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey) && !event.altKey)) {
      event.preventDefault();
      open();
    }
  });
}
// Arriving from a search result: mark the searched words (the highlighter loads only then). The
// parameter is HIGHLIGHT_PARAM of src/lib/search.ts, written out so this file imports nothing.
if (new URLSearchParams(location.search).has('pagefind-highlight')) void import('./search-highlight.ts');

export {};
