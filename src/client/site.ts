/**
 * On every page, small: the theme switch, and the disclosures of the header and the layout (menu,
 * release switcher, pages, "On this page"), which work as plain <details> without this script.
 */
const THEME_KEY = 'playbook-theme';
const root = document.documentElement;

// Theme: src/client/theme-early.js applied the stored choice before the first paint.
const themeSwitch = document.querySelector<HTMLElement>('[data-theme-switch]');
const themeChoice = themeSwitch?.querySelector('select');
if (themeSwitch && themeChoice) {
  themeChoice.value = root.dataset.theme ?? 'auto';
  themeChoice.addEventListener('change', () => {
    const theme = themeChoice.value;
    if (theme === 'auto') delete root.dataset.theme;
    else root.dataset.theme = theme;
    try {
      if (theme === 'auto') localStorage.removeItem(THEME_KEY);
      else localStorage.setItem(THEME_KEY, theme);
    } catch {
      // Storage blocked: the choice lasts for this page.
    }
  });
  themeSwitch.hidden = false;
}

// A disclosure shown as a column on wide screens (CSS shows its content there anyway) is open
// there, so that its state is what a screen reader announces.
for (const details of document.querySelectorAll<HTMLDetailsElement>('details[data-open-wide]')) {
  const wide = matchMedia(`(min-width: ${details.dataset.openWide})`);
  const sync = () => (details.open = wide.matches);
  sync();
  wide.addEventListener('change', sync);
}

// Menus close on Escape (the focus back on their button), when the focus leaves them, and on a click elsewhere.
const menus = [...document.querySelectorAll<HTMLDetailsElement>('details[data-dismiss]')];
const floating = (details: HTMLDetailsElement) => details.open && getComputedStyle(details.querySelector('summary')!).display !== 'none';
addEventListener('keydown', (event) => {
  if (event.key !== 'Escape') return;
  for (const details of menus) {
    if (!floating(details)) continue;
    details.open = false;
    if (details.contains(document.activeElement)) details.querySelector('summary')!.focus();
  }
});
for (const details of menus) {
  details.addEventListener('focusout', (event) => {
    const to = event.relatedTarget as Node | null;
    if (to && !details.contains(to) && floating(details)) details.open = false;
  });
}
addEventListener('click', (event) => {
  const target = event.target as Element;
  // A link inside (a section of "On this page") closes the menu too, so the section is not covered.
  for (const details of menus) if (floating(details) && (!details.contains(target) || target.closest('a'))) details.open = false;
});

// The sidebar lists the pages of the part being read; another part lists its pages when first opened,
// from the release's contents.json (without JavaScript it links to that part of the release's front page).
const sidebar = document.querySelector<HTMLElement>('.sidebar[data-contents]');
let contents: Promise<{ parts: Array<{ id: string; pages: Array<[string, string]> }> }> | undefined;
for (const part of document.querySelectorAll<HTMLDetailsElement>('.sidebar__part[data-part]')) {
  const id = part.dataset.part!;
  let filled = false;
  part.addEventListener('toggle', async () => {
    if (!part.open || filled) return;
    filled = true;
    try {
      contents ??= fetch(sidebar!.dataset.contents!).then((response) => response.json());
      const pages = (await contents).parts.find((candidate) => candidate.id === id)?.pages ?? [];
      const items = pages.map(([page, title]) => {
        const item = document.createElement('li');
        const link = item.appendChild(document.createElement('a'));
        link.href = `${sidebar!.dataset.base}${page}/`;
        link.textContent = title;
        return item;
      });
      if (items.length) part.querySelector('ul')!.replaceChildren(...items);
    } catch {
      // Offline: the link to the part on the front page stays; the next opening tries again.
      contents = undefined;
      filled = false;
    }
  });
}

// The same page in another release: keep the section being read and the presentation view.
addEventListener('click', (event) => {
  const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-keep]');
  if (!link) return;
  const url = new URL(link.href);
  if (location.hash && !url.hash) url.hash = location.hash;
  if (new URLSearchParams(location.search).has('present')) url.search = '?present';
  link.href = url.href;
});

// "On this page" marks the section being read: the last heading above the top third of the window.
const tocLinks = [...document.querySelectorAll<HTMLAnchorElement>('.toc a[href^="#"]')];
const sections = tocLinks.map((link) => document.getElementById(decodeURIComponent(link.hash.slice(1))));
let marking = false;
function markSection(): void {
  marking = false;
  let current = -1;
  sections.forEach((heading, index) => {
    if (heading && heading.getBoundingClientRect().top < innerHeight / 3) current = index;
  });
  tocLinks.forEach((link, index) => (index === current ? link.setAttribute('aria-current', 'true') : link.removeAttribute('aria-current')));
}
if (tocLinks.length) {
  markSection();
  addEventListener('scroll', () => marking || ((marking = true), requestAnimationFrame(markSection)), { passive: true });
}

// The release switcher's list, and what a frozen page learns about later releases (src/client/releases.ts).
if (document.querySelector('[data-switcher]')) void import('./releases.ts');

// Links made before issue 16 point at a notice naming the page (#not-in-release--<id>), which frozen front
// pages no longer carry: they get the notice for any page instead.
const toAnyPageNotice = () => {
  if (location.hash.startsWith('#not-in-release--') && !document.getElementById(decodeURIComponent(location.hash.slice(1)))) location.replace('#not-in-release');
};
toAnyPageNotice();
addEventListener('hashchange', toAnyPageNotice);

// Printed addresses are full ones: without a configured site address, the origin read from.
for (const address of document.querySelectorAll<HTMLElement>('[data-print-address]')) {
  if (address.textContent?.startsWith('/')) address.textContent = `${location.origin}${address.textContent}`;
}

export {};
