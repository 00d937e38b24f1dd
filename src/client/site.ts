/**
 * On every page, small: the theme switch, and the disclosures of the header and the layout (menu,
 * release switcher, pages, "On this page"), which work as plain <details> without this script.
 */
// Small, and wanted on every page: part of this file (each runs only where the page has its element).
import './search-button.ts';
import './present-toggle.ts';

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

// The islands of the page, each its own cached file, loaded only where the page has them: one script tag
// in every page (Base.astro) instead of one per island (issue 16: bytes repeated in thousands of pages).
if (document.querySelector('[data-copy-links]')) void import('./copy-link.ts');

// The release switcher's list and a page's history across releases are built when first opened; a frozen
// page learns its release's status, and whether a newer one is in effect, when read (issue 16).
const onFirstOpen = (details: HTMLDetailsElement | null, fill: (details: HTMLDetailsElement) => Promise<void>) => {
  let filled = false;
  const open = () => {
    if (!details?.open || filled) return;
    filled = true;
    fill(details).catch(() => (filled = false));
  };
  details?.addEventListener('toggle', open);
  open();
};
onFirstOpen(document.querySelector('[data-switcher]'), async (details) => (await import('./switcher.ts')).fillSwitcher(details.querySelector('.version-switcher__panel')!));
onFirstOpen(document.querySelector('[data-timeline-load]'), async (details) => (await import('./switcher.ts')).fillTimeline(details));
if (root.hasAttribute('data-frozen')) void import('./releases.ts');

// The sidebar lists the pages of the part being read; another part lists its pages when first opened
// (src/client/sidebar-part.ts); without JavaScript it links to that part of the release's front page.
for (const part of document.querySelectorAll<HTMLDetailsElement>('.sidebar__part[data-part]')) onFirstOpen(part, async (details) => (await import('./sidebar-part.ts')).fillPart(details));
// A citation's access date and copy button, when "Cite this page" is first opened.
for (const box of document.querySelectorAll<HTMLDetailsElement>('details.dc-cite')) onFirstOpen(box, async () => void (await import('./cite.ts')));



// Printed addresses are full ones: without a configured site address, the origin read from.
for (const address of document.querySelectorAll<HTMLElement>('[data-print-address]')) {
  if (address.textContent?.startsWith('/')) address.textContent = `${location.origin}${address.textContent}`;
}

export {};
