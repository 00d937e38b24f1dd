import { Feed } from 'feed';
import { NOTICE_LABELS } from './document-control.ts';
import { classedChanges } from './material.ts';
import { changelogUrl, correctionUrl, feedUrl, releaseHeading } from './addresses.ts';
import type { Library } from './model.ts';

/** Stands in for the site's address when none is configured; `.invalid` can never be reached. */
const PLACEHOLDER = 'https://playbook.invalid';

/**
 * An Atom feed of releases and notices, so leads hear of a new release without checking the site.
 * Links are absolute when the site's address is configured (feed readers resolve relative ones
 * inconsistently), and relative to the site otherwise (the feed library insists on absolute ones, so
 * a placeholder origin is stripped). Entry ids are tag: URIs that stay the same wherever the site is hosted.
 * @param author who publishes the playbook (settings.organisation); Atom requires an author.
 */
export function releasesFeed(library: Library, site: URL | string | undefined, author = 'Peer Support Playbook'): string {
  const url = (path: string) => new URL(path, site ?? PLACEHOLDER).href;
  const idOf = (path: string) => `tag:peer-support-playbook,${library.releases[0].date ?? '2024-01-01'}:${path}`;
  const feed = new Feed({
    title: 'Peer Support Playbook: releases',
    description: 'Each new release of the playbook for clinician peer support programs, with what changed.',
    id: idOf('changelog'),
    link: url(changelogUrl()),
    language: 'en',
    // The newest release or notice: a notice on a frozen release is news to subscribers too.
    updated: new Date([library.newest.date ?? '', ...library.notices.map((notice) => notice.date)].sort().at(-1) || Date.now()),
    generator: false,
    author: { name: author },
    feedLinks: { atom: url(feedUrl()) },
  });
  // Only material changes reach the feed (GOV.UK's change notes); editorial ones are in the changelog.
  for (const release of library.newestFirst) {
    const previous = library.previous(release);
    const { material, removed } = classedChanges(library, release);
    const lines = material.map((entry) => `<li>${escape(entry.page.title)}${entry.change.kinds.includes('added') ? ' (new page)' : ''}${entry.note ? `: ${escape(entry.note)}` : ''}</li>`);
    lines.push(...removed.map((change) => `<li>${escape(change.before!.title)} (removed)</li>`));
    const changes = previous ? (lines.length ? `<p>Material changes since ${previous.release}:</p><ul>${lines.join('')}</ul>` : `<p>No material changes since ${previous.release}.</p>`) : `<p>The first release: ${release.pages.length} pages.</p>`;
    const effective = release.effective && release.effective !== release.date ? `<p>In effect from ${release.effective}.</p>` : '';
    feed.addItem({
      title: escape(releaseHeading(release.release, release.title)),
      id: idOf(`release:${release.release}`),
      link: url(changelogUrl(release.release)),
      date: new Date(release.date ?? Date.now()),
      description: release.summary,
      content: `<p>${escape(release.summary)}</p>${effective}${changes}`,
    });
  }
  // Notices on frozen releases reach subscribers as entries of their own.
  for (const notice of library.notices) {
    const releases = notice.affects.map((affected) => affected.release);
    const fix = notice.correctedIn
      ? `<p>Corrected in release ${escape(notice.correctedIn.release)}${notice.correctedIn.inDraft ? ' (not yet published)' : ''}: <a href="${url(correctionUrl(notice.correctedIn))}">the corrected text</a>.</p>`
      : '';
    feed.addItem({
      title: escape(`${NOTICE_LABELS[notice.kind]}: ${notice.title}`),
      id: idOf(`notice:${notice.id}`),
      link: url(changelogUrl(releases[0], `notice-${notice.id}`)),
      date: new Date(`${notice.date}T00:00:00Z`),
      description: `${NOTICE_LABELS[notice.kind]} on release ${releases.join(', ')}: ${notice.title}`,
      content: `<p>Affects release ${escape(releases.join(', '))}.</p>${notice.html.replace(/href="\//g, `href="${url('/')}`)}${fix}`,
    });
  }
  return site ? feed.atom1() : feed.atom1().replaceAll(`"${PLACEHOLDER}/`, '"/');
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
