import type { NoticeRecord, ReleaseStatus } from './document-control.ts';
import { correctionUrl, pageUrl } from './addresses.ts';
import type { Library, Release } from './model.ts';

/** A notice as /versions.json carries it. */
export interface ManifestNotice {
  id: string;
  kind: NoticeRecord['kind'];
  date: string;
  title: string;
  /** Each affected release, with its affected pages (`page` or `page#anchor`) and their addresses; no pages means the whole release. */
  affects: Array<{ release: string; pages?: Array<{ id: string; url: string }> }>;
  correctedIn?: { release: string; page?: string; url: string; published: boolean };
}

/** The shape of /versions.json: tools and the site's own scripts read it, so it is a public interface. */
export interface VersionsManifest {
  latest: string;
  /** The build's day, which decided each status; a release upcoming on it may be in effect by now (compare `effective`). */
  statusAsBuilt?: string;
  releases: Array<{
    version: string;
    date: string;
    title: string;
    url: string;
    digest: string;
    /** Always written; optional in the type so that tools reading an older manifest still type-check. */
    status?: ReleaseStatus;
    effective?: string;
    approved?: string;
    approvedBy?: Array<{ role: string; name: string }>;
    /** Ids of the notices that concern this release (see `notices`). */
    notices?: string[];
    withdrawn?: boolean;
    pages: Array<{ id: string; title: string; url: string }>;
  }>;
  notices?: ManifestNotice[];
  draft?: { url: string; pages: Array<{ id: string; title: string; url: string }> };
}

export function versionsManifest(library: Library): VersionsManifest {
  const pagesOf = (release: Release) => release.pages.map((page) => ({ id: page.id, title: page.title, url: page.url }));
  return {
    latest: library.latest.release,
    statusAsBuilt: library.today,
    releases: library.newestFirst.map((release) => ({
      version: release.release,
      date: release.date ?? '',
      title: release.title,
      url: release.url,
      digest: release.digest,
      status: release.status ?? 'in-effect',
      effective: release.effective ?? release.date ?? '',
      ...(release.control?.approved ? { approved: release.control.approved, approvedBy: release.control.approvedBy.map(({ role, name }) => ({ role, name })) } : {}),
      notices: library.notices.filter((notice) => notice.affects.some((affected) => affected.release === release.release)).map((notice) => notice.id),
      withdrawn: !!release.withdrawn,
      pages: pagesOf(release),
    })),
    notices: library.notices.map((notice) => ({
      id: notice.id,
      kind: notice.kind,
      date: notice.date,
      title: notice.title,
      affects: notice.affects.map((affected) => ({
        release: affected.release,
        ...(affected.pages
          ? { pages: affected.pages.map(({ page, anchor }) => ({ id: anchor ? `${page}#${anchor}` : page, url: pageUrl(affected.release, page, anchor) })) }
          : {}),
      })),
      ...(notice.correctedIn
        ? { correctedIn: { release: notice.correctedIn.release, ...(notice.correctedIn.page ? { page: notice.correctedIn.page } : {}), url: correctionUrl(notice.correctedIn), published: !notice.correctedIn.inDraft } }
        : {}),
    })),
    ...(library.draft ? { draft: { url: library.draft.url, pages: pagesOf(library.draft) } } : {}),
  };
}
