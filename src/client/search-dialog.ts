// The search dialog behind the header's Search button: a modal <dialog> built on first open.
import { latestRoot, releaseName, releasePhrase } from '../lib/addresses.ts';
import { searchPageUrl } from '../lib/search.ts';
import { createSearch, h } from './search-ui.ts';

let opened: { dialog: HTMLDialogElement; input: HTMLInputElement } | undefined;
let opener: HTMLElement | undefined;

function build(): { dialog: HTMLDialogElement; input: HTMLInputElement } {
  const release = document.documentElement.dataset.release;
  const where = release ? releasePhrase(release) : 'the playbook';
  const title = h('h2', { id: 'search-dialog-title' }, `Search ${where}`);
  const share = h('a', { class: 'search-dialog__share', href: searchPageUrl({ q: '', release, all: false }) }, 'Open this search as a page you can share');
  const search = createSearch({
    id: 'search-dialog',
    release,
    resultHeading: 'h3',
    latestAddresses: location.pathname.startsWith(latestRoot()),
    onQuery: (query) => share.setAttribute('href', searchPageUrl(query)),
  });
  const close = h('button', { type: 'button', class: 'search-dialog__close' }, 'Close');
  const dialog = h(
    'dialog',
    { class: 'search-dialog', 'aria-labelledby': title.id },
    h('div', { class: 'search-dialog__head' }, title, close),
    search.element,
    h('p', { class: 'search-dialog__foot' }, share, h('span', { class: 'search-dialog__hint' }, `${release ? releaseName(release) : 'Latest release'} · Esc closes`)),
  ) as HTMLDialogElement;

  close.addEventListener('click', () => dialog.close());
  // A click on the backdrop (the dialog box itself, outside its content) closes it too.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close();
  });
  // Escape closes at once, even from a filled search field (which would otherwise only clear it).
  dialog.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      dialog.close();
    }
  });
  dialog.addEventListener('close', () => opener?.focus());
  document.body.append(dialog);
  return { dialog, input: search.input };
}

/** Opens the search dialog; focus goes to the words field and returns to `trigger` on close. */
export function openSearch(trigger: HTMLElement): void {
  opener = trigger;
  opened ??= build();
  if (!opened.dialog.open) opened.dialog.showModal();
  opened.input.focus();
  opened.input.select();
}
