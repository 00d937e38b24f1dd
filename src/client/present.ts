/**
 * The presentation view for screen sharing, loaded on first use: large type, none of the site's
 * chrome, one section (h2) at a time. Only classes and the `hidden` attribute change; no styles.
 */
let stop: (() => void) | undefined;

/** Starts presenting the page; `toggle` gets the focus back when the presentation ends. */
export function present(toggle?: HTMLElement): void {
  const prose = document.querySelector<HTMLElement>('.prose');
  const header = document.querySelector<HTMLElement>('.page__header');
  if (stop || !prose) return;

  // The title slide is the page's header and what comes before the first section; the title
  // itself stays on every slide (small after the first), so the page always has its h1.
  const slides: HTMLElement[][] = [header ? ([...header.children] as HTMLElement[]).filter((child) => child.localName !== 'h1') : []];
  for (const child of prose.children as HTMLCollectionOf<HTMLElement>) {
    if (child.matches('h2, .section-heading--h2')) slides.push([]);
    slides[slides.length - 1].push(child);
  }
  // Whatever was hidden before stays hidden, during and after.
  const all = slides.flat().filter((element) => !element.hidden);
  const headingOf = (slide: HTMLElement[]) => slide[0]?.matches('h2') ? slide[0] : slide[0]?.querySelector('h2');

  const bar = document.createElement('nav');
  bar.className = 'present-bar';
  bar.setAttribute('aria-label', 'Presentation');
  const button = (text: string, action: () => void) => {
    const element = document.createElement('button');
    element.type = 'button';
    element.className = 'tool-button';
    element.textContent = text;
    element.addEventListener('click', action);
    return element;
  };
  const position = document.createElement('p');
  position.className = 'present-bar__position';
  position.setAttribute('aria-live', 'polite');
  const previous = button('Previous section', () => show(current - 1));
  const next = button('Next section', () => show(current + 1));
  const exit = button('Exit presentation', () => stop?.());
  bar.append(previous, position, next, exit);

  const url = new URL(location.href);
  const start = slides.findIndex((slide) => url.hash && headingOf(slide)?.id === decodeURIComponent(url.hash.slice(1)));
  let current = 0;

  function show(index: number): void {
    if (index < 0 || index >= slides.length) return;
    current = index;
    document.documentElement.classList.toggle('presenting-section', index > 0);
    for (const element of all) element.hidden = !slides[index].includes(element);
    const focused = document.activeElement;
    previous.disabled = index === 0;
    next.disabled = index === slides.length - 1;
    // A button that just became disabled would drop the focus to the page: hand it to its twin.
    if (focused === previous && previous.disabled) (next.disabled ? exit : next).focus();
    if (focused === next && next.disabled) (previous.disabled ? exit : previous).focus();
    const heading = headingOf(slides[index]);
    position.textContent = `Section ${index + 1} of ${slides.length}${heading ? `: ${heading.textContent?.trim()}` : ''}`;
    // Keep the address on the section, so a reload or a shared link opens here.
    url.hash = heading ? heading.id : '';
    history.replaceState(history.state, '', url);
    scrollTo(0, 0);
  }

  const keys: Record<string, number> = { ArrowRight: 1, PageDown: 1, ArrowLeft: -1, PageUp: -1 };
  const onKey = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey || (event.target as Element).closest('input, textarea, select, [contenteditable]')) return;
    if (event.key === 'Escape') stop?.();
    else if (event.key in keys) show(current + keys[event.key]);
    else return;
    event.preventDefault();
  };

  stop = () => {
    const heading = headingOf(slides[current]);
    for (const element of all) element.hidden = false;
    document.documentElement.classList.remove('presenting', 'presenting-section');
    removeEventListener('keydown', onKey);
    bar.remove();
    stop = undefined;
    url.searchParams.delete('present');
    history.replaceState(history.state, '', url);
    heading?.scrollIntoView();
    toggle?.focus();
  };

  url.searchParams.set('present', '');
  url.search = url.search.replace(/present=(?=&|$)/, 'present');
  document.documentElement.classList.add('presenting');
  document.body.append(bar);
  addEventListener('keydown', onKey);
  show(Math.max(start, 0));
  // The toggle is hidden now; the bar's buttons take the focus (the keys work wherever it is).
  (next.disabled ? exit : next).focus();
}
