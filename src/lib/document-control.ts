import type { Approver, ChangeClass, NoticeKind, PageChangeClass } from './schema.ts';

/**
 * Document control as clinical publishers keep it: who approved a release and when, when it takes
 * effect, which of its changes are material, and notices attached to releases already frozen.
 * Plain data and pure functions: the model, the routes and the tests share them.
 */

/** A release's approval record (contract C3), from its notes or its control file. */
export interface DocumentControl {
  /** The file it was read from, for messages and for the approver. */
  source: string;
  approvedBy: Approver[];
  approved?: string;
  effective?: string;
  changes: Record<string, PageChangeClass>;
  /** What kind of record this is, e.g. illustrative. */
  note?: string;
}

export interface NoticeTarget {
  page: string;
  anchor?: string;
}

/** A notice of `content/notices/` (contract C5), checked and compiled. */
export interface NoticeRecord {
  id: string;
  file: string;
  kind: NoticeKind;
  date: string;
  title: string;
  /** The body as HTML, links absolute. */
  html: string;
  /** Each affected release; no pages means the whole release. */
  affects: Array<{ release: string; pages?: NoticeTarget[] }>;
  /** What corrects it; `inDraft` while the correcting release is still the draft. */
  correctedIn?: { release: string; inDraft: boolean; page?: string };
}

export const NOTICE_LABELS: Record<NoticeKind, string> = {
  safety: 'Safety notice',
  correction: 'Correction',
  withdrawn: 'Withdrawn',
};

export type ReleaseStatus = 'upcoming' | 'in-effect' | 'superseded';

export const STATUS_LABELS: Record<ReleaseStatus, string> = {
  upcoming: 'Upcoming',
  'in-effect': 'In effect',
  superseded: 'Superseded',
};

/** What the status computation reads of a release. */
export interface DatedRelease {
  release: string;
  date?: string;
  control?: DocumentControl;
}

/** The day a release takes effect: its effective date, else the day it was published. */
export function effectiveDate(release: DatedRelease): string | undefined {
  return release.control?.effective ?? release.date;
}

/** Today as YYYY-MM-DD in UTC: the build's "today" (the browser re-checks with the reader's own). */
export function isoToday(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/**
 * The status of each frozen release on `today`: the newest release already effective is in effect,
 * older ones are superseded, newer ones (effective later) are upcoming.
 * @param releases frozen releases, oldest first
 * @returns statuses in the same order, and the index of the release in effect (-1 when none is yet)
 */
export function releaseStatuses(releases: readonly DatedRelease[], today: string): { statuses: ReleaseStatus[]; inEffect: number } {
  let inEffect = -1;
  releases.forEach((release, index) => {
    const effective = effectiveDate(release);
    if (!effective || effective <= today) inEffect = index;
  });
  const statuses = releases.map((_, index): ReleaseStatus => (index === inEffect ? 'in-effect' : index < inEffect ? 'superseded' : 'upcoming'));
  return { statuses, inEffect };
}

/** How a change to one page in a release is classed; a page not declared counts as material. */
export interface ChangeClassOf {
  class: ChangeClass;
  note?: string;
  /** False when the release does not class this page: then it counts as material. */
  declared: boolean;
}

export function changeClassOf(control: DocumentControl | undefined, pageId: string): ChangeClassOf {
  const declared = control?.changes[pageId];
  return declared ? { class: declared.class, note: declared.note, declared: true } : { class: 'material', declared: false };
}

/** Notices that concern a page of a release (or the release as a whole, when `pageId` is absent): whole-release notices apply to every page. */
export function noticesFor(notices: readonly NoticeRecord[], release: string, pageId?: string): Array<{ notice: NoticeRecord; targets: NoticeTarget[] }> {
  const found: Array<{ notice: NoticeRecord; targets: NoticeTarget[] }> = [];
  for (const notice of notices) {
    for (const affected of notice.affects) {
      if (affected.release !== release) continue;
      if (!affected.pages) found.push({ notice, targets: [] });
      else if (pageId === undefined) found.push({ notice, targets: affected.pages });
      else {
        const targets = affected.pages.filter((target) => target.page === pageId);
        if (targets.length) found.push({ notice, targets });
      }
    }
  }
  return found.sort((a, b) => b.notice.date.localeCompare(a.notice.date) || a.notice.id.localeCompare(b.notice.id));
}

/** A release is withdrawn when a `withdrawn` notice names it as a whole. */
export function isWithdrawn(notices: readonly NoticeRecord[], release: string): NoticeRecord | undefined {
  return notices.find((notice) => notice.kind === 'withdrawn' && notice.affects.some((affected) => affected.release === release && !affected.pages));
}

/** "2 December 2026": dates in sentences, written out so no reader confuses day and month. */
export function longDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return `${day} ${months[month - 1]} ${year}`;
}
