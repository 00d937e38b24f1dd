/**
 * What a frozen page (/v/<release>/...) cannot say itself, since it is never rebuilt differently when a
 * release is added (issue 16): its release's status, and, on an old release, the banner saying a newer one
 * is in effect and what changed in the page since. Read from /releases.json and /page-releases/<id>.json
 * (src/lib/release-data.ts) on load; written compactly, since it counts against what reading a page costs.
 */
import type { PageReleasesData, ReleasesData } from '../lib/release-data.ts';

const { release: current, releasesData, latestRoot } = document.documentElement.dataset;
// The addresses come from the page (src/layouts/Base.astro writes them from src/lib/addresses.ts), so this
// script, which runs on every frozen page, does not load the addresses module too.
const latestUrl = (id: string) => `${latestRoot}${id}/`;
const json = <T>(url: string): Promise<T> => fetch(url).then((response) => (response.ok ? (response.json() as Promise<T>) : Promise.reject(new Error(url))));
const STATUS: Record<string, string> = { upcoming: 'Upcoming', 'in-effect': 'In effect', superseded: 'Superseded' };
const today = new Date().toISOString().slice(0, 10);
const escape = (text: string) => text.replace(/[&<>"]/g, (character) => `&#${character.charCodeAt(0)};`);
/** A link; `keep`: the same page elsewhere, so src/client/site.ts carries the section being read over. */
const link = (href: string, text: string, keep = false) => `<a href="${escape(href)}"${keep ? ' data-keep' : ''}>${escape(text)}</a>`;

const choice = document.querySelector<HTMLElement>('[data-copy-links]');
void json<ReleasesData>(releasesData!).then(async (all) => {
  const entry = all.releases.find((candidate) => candidate.release === current);
  if (!entry) return;
  // An upcoming release whose day has come is in effect (src/client/effective.ts says so in its banner).
  const status = entry.status === 'upcoming' && (entry.effective ?? '') <= today ? 'in-effect' : (entry.status ?? '');
  for (const label of document.querySelectorAll<HTMLElement>('[data-status-label]')) {
    label.textContent = STATUS[status] ?? status;
    label.classList.add(`dc-status--${status}`);
    label.closest('[data-release-status]')?.removeAttribute('hidden');
  }
  const latest = all.releases.find((candidate) => candidate.release === all.latest)!;
  if (latest === entry) {
    // Section stamps ("New in 2.1") are shown from the start on the release in effect.
    const stamps = document.querySelector<HTMLInputElement>('.section-stamps-toggle__box');
    if (stamps) stamps.checked = true;
    // The trainer's section links (src/client/copy-link.ts) start pinned on a frozen page (right on any
    // release); on the release in effect, the latest release first, unless the trainer chose.
    let stored = null;
    try {
      stored = localStorage.getItem('playbook-section-links');
    } catch {
      // Storage blocked: nothing was chosen.
    }
    const radio = choice?.querySelector<HTMLInputElement>('input[value="latest"]');
    if (radio && !stored) radio.checked = true;
    return;
  }

  const [read, now] = [entry.release, latest.release];
  const switcher = document.querySelector<HTMLElement>('[data-switcher]')!.dataset;
  const page = switcher.pageReleases ? await json<PageReleasesData>(switcher.pageReleases) : undefined;
  const since = page?.since[read];
  if (choice && since && since.kind !== 'same' && since.kind !== 'changed') {
    // The latest release no longer has the page: section links can only point to this release.
    delete choice.dataset.latest;
    for (const label of choice.querySelectorAll('label')) label.hidden = true;
    choice.querySelector<HTMLElement>('[data-not-in-latest]')!.hidden = false;
  }
  if (status === 'upcoming') return;
  // A page: itself at /latest/<id>/ (which explains where a removed page went); another kind of page (glossary,
  // print view, track): the same kind in the latest release, or the stable address the switcher links to.
  const offer =
    !page ? link(switcher.suffix !== undefined && !switcher.needs ? `${latest.url}${switcher.suffix}` : switcher.latestUrl!, `Read this in ${now}`, true)
    : since?.kind === 'removed' ? `This page is not in ${now}: ${link(latestUrl(page.id), 'see what became of it')}`
    : since?.kind === 'replaced' ? link(since.url!.replace(latest.url, latestRoot!), `Read the page that replaced it in ${now}`, true)
    : link(latestUrl(page.id), `Read this in ${now}`, true);
  document.querySelector('.site-header')!.insertAdjacentHTML('beforeend', `<div class="banner banner--old" role="note"><p>You are reading <strong>${read}</strong>; the latest is <strong>${now}</strong>. ${offer}.</p></div>`);

  const history = document.querySelector('[data-page-timeline]');
  if (!history || !since) return;
  const line =
    since.kind === 'changed' ? `${link(since.diffUrl!, `What changed in this page since release ${read}`)} (latest: release ${now})`
    : since.kind === 'replaced' ? `Replaced in release ${now} by ${link(since.url!, since.title!)}. ${link(since.diffUrl!, `What changed since release ${read}`)}`
    : since.kind === 'same' ? `Unchanged in the latest release, ${link(since.url!, `release ${now}`)}.`
    : `No longer in the latest release, ${link(latest.url, `release ${now}`)}.`;
  history.insertAdjacentHTML('afterbegin', `<p class="page-timeline__since">${line}</p>`);
})
  // Done, or given up: src/client/copy-link.ts waits for this before copying a link from a frozen page.
  .finally(() => choice?.setAttribute('data-settled', ''));

export {};
