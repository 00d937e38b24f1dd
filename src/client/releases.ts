/**
 * What later releases did, for a page that cannot say it itself (issue 16): a frozen page
 * (/v/<release>/...) is never rebuilt differently when a release is added, so this script fills in,
 * from /releases.json and /page-releases/<id>.json, the banner saying a newer release exists, the
 * release's status, what changed in the page since, and (when they are first opened) the release
 * switcher's list and the page's history. Without JavaScript the links written in the page reach the
 * same places: /latest/<id>/, /versions/.
 */
import type { PageReleasesData, ReleaseEntry, ReleasesData } from '../lib/release-data.ts';
import { current, pageReleases, releases } from './release-data.ts';

type Child = Node | string | false | undefined;

/** A small element builder: attributes (undefined ones left out), then children. */
function h(tag: string, attributes: Record<string, string | undefined> = {}, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) element.setAttribute(name, value);
  for (const child of children) if (child) element.append(child);
  return element;
}

const STATUS: Record<string, string> = { upcoming: 'Upcoming', 'in-effect': 'In effect', superseded: 'Superseded' };
const today = new Date().toISOString().slice(0, 10);
const frozen = document.documentElement.hasAttribute('data-frozen');
const switcher = document.querySelector<HTMLDetailsElement>('[data-switcher]');
const pageUrl = switcher?.dataset.pageReleases;
const keepKinds = new Set(['same', 'successor', 'predecessor']);

/** Where the page being read is in each release: its own place, or (for a glossary, print view, track) the same kind of page. */
function targets(all: ReleasesData, page: PageReleasesData | undefined): Array<{ entry: ReleaseEntry; url: string; kind: string }> {
  if (page) {
    const byRelease = new Map(all.releases.map((entry) => [entry.release, entry]));
    return page.targets.flatMap((target) => {
      const entry = byRelease.get(target.release);
      return entry ? [{ entry, url: target.url, kind: target.kind }] : [];
    });
  }
  const suffix = switcher?.dataset.suffix ?? '';
  const needs = switcher?.dataset.needs ?? '';
  const has = (entry: ReleaseEntry) =>
    needs === 'tracks' ? entry.tracks.length > 0 : needs === 'data' ? entry.data : needs.startsWith('track:') ? entry.tracks.includes(needs.slice(6)) : true;
  return all.releases.map((entry) => (has(entry) ? { entry, url: `${entry.url}${suffix}`, kind: 'same' } : { entry, url: `${entry.url}#not-in-release`, kind: 'missing' }));
}

const note = (kind: string) =>
  kind === 'successor' ? 'replaced by a newer page' : kind === 'predecessor' ? 'an earlier page covered this' : kind === 'missing' ? 'not in this release' : '';

async function fillSwitcher(panel: HTMLElement): Promise<void> {
  const [all, page] = await Promise.all([releases(), pageUrl ? pageReleases(pageUrl) : undefined]);
  const found = targets(all, page);
  const link = (target: (typeof found)[number], ...children: Child[]) =>
    h('li', {}, h('a', { href: target.url, 'aria-current': target.entry.release === current ? 'page' : undefined, 'data-release': target.entry.release, 'data-keep': keepKinds.has(target.kind) ? '' : undefined }, ...children));
  const released = found.filter((target) => target.entry.release !== 'draft');
  const draft = found.find((target) => target.entry.release === 'draft');
  const list = panel.querySelector('[data-switcher-list]')!;
  list.replaceChildren(
    ...released.map((target, index) => {
      const words = note(target.kind);
      return link(target, h('b', {}, target.entry.release), index === 0 && ' (latest)', ' ', h('small', {}, target.entry.date ?? '', words && h('br'), words));
    }),
  );
  if (draft) {
    const words = note(draft.kind);
    panel.append(
      h('p', { class: 'version-switcher__heading', id: 'switcher-draft' }, 'Not yet released'),
      h('ul', { 'aria-labelledby': 'switcher-draft' }, link(draft, h('b', {}, 'Draft'), words && ' ', words && h('small', {}, words))),
    );
  }
}

async function fillTimeline(details: HTMLDetailsElement): Promise<void> {
  const page = await pageReleases(pageUrl!);
  const name = (release: string) => (release === 'draft' ? 'the draft' : `release ${release}`);
  details.querySelector('summary')!.textContent = `History of this page: ${page.timeline.length} release${page.timeline.length === 1 ? '' : 's'}`;
  details.append(
    h(
      'ol',
      { class: 'page-timeline__list' },
      ...page.timeline.map((entry) =>
        h(
          'li',
          { 'aria-current': entry.release === current ? 'true' : undefined },
          h('a', { href: entry.url }, entry.release === 'draft' ? 'Draft' : `Release ${entry.release}`),
          entry.date && ' (',
          entry.date && h('time', { datetime: entry.date }, entry.date),
          entry.date && ')',
          `: ${entry.what}`,
          entry.diffUrl && '. ',
          entry.diffUrl && h('a', { href: entry.diffUrl }, 'Show changes', h('span', { class: 'visually-hidden' }, ` in ${name(entry.release)}`)),
          entry.release === current && h('span', { class: 'page-timeline__here' }, ' (this release)'),
        ),
      ),
    ),
  );
}

/** Fills a disclosure when it is first opened. */
function onFirstOpen(details: HTMLDetailsElement, fill: () => Promise<void>): void {
  let filled = false;
  const open = () => {
    if (!details.open || filled) return;
    filled = true;
    fill().catch(() => (filled = false));
  };
  details.addEventListener('toggle', open);
  open();
}

if (switcher) onFirstOpen(switcher, () => fillSwitcher(switcher.querySelector('.version-switcher__panel')!));
const timeline = document.querySelector<HTMLDetailsElement>('[data-timeline-load]');
if (timeline && pageUrl) onFirstOpen(timeline, () => fillTimeline(timeline));

/** On a frozen page: its release's status, and, when a newer release is in effect, the banner and what changed since. */
async function fillFrozen(): Promise<void> {
  const all = await releases();
  const entry = all.releases.find((candidate) => candidate.release === current);
  if (!entry) return;
  // An upcoming release whose day has come is in effect (src/client/effective.ts says so in its banner).
  const status = entry.status === 'upcoming' && entry.effective && entry.effective <= today ? 'in-effect' : entry.status;
  for (const label of document.querySelectorAll<HTMLElement>('[data-status-label]')) {
    if (status) label.textContent = STATUS[status] ?? status;
    label.classList.add(`dc-status--${status}`);
    label.closest<HTMLElement>('[data-release-status]')?.removeAttribute('hidden');
  }
  const isLatest = entry.release === all.latest;
  // Section stamps ("New in 2.1") are shown from the start on the release in effect.
  const stamps = document.querySelector<HTMLInputElement>('.section-stamps-toggle__box');
  if (isLatest && stamps) stamps.checked = true;
  if (isLatest || status === 'upcoming') return;

  const latest = all.releases.find((candidate) => candidate.release === all.latest)!;
  const page = pageUrl ? await pageReleases(pageUrl) : undefined;
  const since = page?.since[entry.release];
  const keep = (href: string, text: string) => h('a', { href, 'data-keep': '' }, text);
  let offer: Child[];
  if (page && since?.kind === 'removed') {
    offer = [`This page is not in ${latest.release}: `, h('a', { href: `/latest/${page.id}/` }, 'see what became of it'), '.'];
  } else if (page && since?.kind === 'replaced') {
    offer = [keep(since.url!.replace(latest.url, '/latest/'), `Read the page that replaced it in ${latest.release}`), '.'];
  } else if (page) {
    offer = [keep(`/latest/${page.id}/`, `Read this in ${latest.release}`), '.'];
  } else {
    const target = targets(all, undefined).find((candidate) => candidate.entry === latest)!;
    offer = [h('a', { href: target.url, 'data-keep': target.kind === 'same' ? '' : undefined }, `Read this in ${latest.release}`), '.'];
  }
  document.querySelector('.site-header')!.append(
    h('div', { class: 'banner banner--old', role: 'note' }, h('p', {}, 'You are reading ', h('strong', {}, entry.release), '; the latest is ', h('strong', {}, latest.release), '. ', ...offer)),
  );

  const history = document.querySelector<HTMLElement>('[data-page-timeline]');
  if (!history || !since) return;
  const latestLink = h('a', { href: since.url ?? latest.url }, `release ${latest.release}`);
  const line =
    since.kind === 'changed' ? [h('a', { href: since.diffUrl }, `What changed in this page since release ${entry.release}`), ` (latest: release ${latest.release})`]
    : since.kind === 'replaced' ? [`Replaced in release ${latest.release} by `, h('a', { href: since.url }, since.title ?? ''), '. ', h('a', { href: since.diffUrl }, `What changed since release ${entry.release}`)]
    : since.kind === 'same' ? ['Unchanged in the latest release, ', latestLink, '.']
    : ['No longer in the latest release, ', h('a', { href: latest.url }, `release ${latest.release}`), '.'];
  history.prepend(h('p', { class: 'page-timeline__since' }, ...line));
}

if (frozen) void fillFrozen();

export {};
