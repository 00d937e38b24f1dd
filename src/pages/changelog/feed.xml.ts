import type { APIRoute } from 'astro';
import { Feed } from 'feed';
import { getLibrary } from '../../data/library.ts';
import { totalsSentence } from '../../lib/compare-view.ts';

/** Stands in for the site's address when none is configured; `.invalid` can never be reached. */
const PLACEHOLDER = 'https://playbook.invalid';

/**
 * An Atom feed of releases, so leads hear of a new release without checking the site. Links are
 * absolute when the site's address is configured (`site` in astro.config.mjs), and relative to the
 * feed otherwise (the feed library insists on absolute ones, so a placeholder origin is stripped).
 * Entry ids are tag: URIs that stay the same wherever the site is hosted.
 */
export const GET: APIRoute = async ({ site }) => {
  const library = await getLibrary();
  const url = (path: string) => new URL(path, site ?? PLACEHOLDER).href;
  const idOf = (path: string) => `tag:peer-support-playbook,${library.releases[0].date ?? '2024-01-01'}:${path}`;
  const feed = new Feed({
    title: 'Peer Support Playbook: releases',
    description: 'Each new release of the playbook for clinician peer support programs, with what changed.',
    id: idOf('changelog'),
    link: url('/changelog/'),
    language: 'en',
    updated: new Date(library.latest.date ?? Date.now()),
    generator: false,
    feedLinks: { atom: url('/changelog/feed.xml') },
  });
  for (const release of library.newestFirst) {
    const previous = library.previous(release);
    const changes = previous ? `Since ${previous.release}: ${totalsSentence(library.changes(previous, release).totals)}.` : `The first release: ${release.pages.length} pages.`;
    feed.addItem({
      title: escape(`Release ${release.release}: ${release.title}`),
      id: idOf(`release:${release.release}`),
      link: url(`/changelog/${release.release}/`),
      date: new Date(release.date ?? Date.now()),
      description: release.summary,
      content: `<p>${escape(release.summary)}</p><p>${escape(changes)}</p>`,
    });
  }
  const xml = site ? feed.atom1() : feed.atom1().replaceAll(`"${PLACEHOLDER}/`, '"/');
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
