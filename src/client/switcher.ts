/**
 * The release switcher's list and the page's history, built when first opened (src/client/site.ts),
 * from /releases.json and /page-releases/<id>.json (src/lib/release-data.ts): a frozen page lists no
 * release but its own (issue 16).
 */
import { notInReleaseHash } from '../lib/addresses.ts';
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
  return all.releases.map((entry) => (has(entry) ? { entry, url: `${entry.url}${suffix}`, kind: 'same' } : { entry, url: notInReleaseHash(entry.url), kind: 'missing' }));
}

const note = (kind: string) =>
  kind === 'successor' ? 'replaced by a newer page' : kind === 'predecessor' ? 'an earlier page covered this' : kind === 'missing' ? 'not in this release' : '';

export async function fillSwitcher(panel: HTMLElement): Promise<void> {
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

export async function fillTimeline(details: HTMLDetailsElement): Promise<void> {
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
