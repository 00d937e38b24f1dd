/** A page as the review schedule reads it: any page with a last-reviewed date (YYYY-MM-DD). */
export interface ReviewedPage {
  id: string;
  title: string;
  reviewed: string;
}

export interface ReviewEntry<P extends ReviewedPage> {
  page: P;
  /** The day the review period ends: `reviewed` plus the period. */
  dueBy: string;
  /** The period has passed: `dueBy` is before today. */
  overdue: boolean;
}

/** A YYYY-MM-DD date some whole months later; the 31st of a shorter month becomes its last day. */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/**
 * Every page by its last review, oldest first (then by title), each flagged overdue when it was
 * last reviewed longer than `periodMonths` before `now`. `now` is a parameter so that the build
 * date, not the moment a test runs, decides.
 */
export function reviewSchedule<P extends ReviewedPage>(pages: readonly P[], now: Date, periodMonths: number): ReviewEntry<P>[] {
  const today = now.toISOString().slice(0, 10);
  return [...pages]
    .sort((a, b) => a.reviewed.localeCompare(b.reviewed) || a.title.localeCompare(b.title) || a.id.localeCompare(b.id))
    .map((page) => {
      const dueBy = addMonths(page.reviewed, periodMonths);
      return { page, dueBy, overdue: dueBy < today };
    });
}

/** Days from one YYYY-MM-DD date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** How close a review is, on the reader's day: "soon" is within `soonDays`. */
export type ReviewState = { state: 'overdue'; days: number } | { state: 'soon'; days: number } | { state: 'ok'; days: number };

/**
 * The state of a review due on `dueBy`, on `today`. Computed in the reader's browser (the review
 * island runs this same code), so the page is never as stale as its last build.
 */
export function reviewState(dueBy: string, today: string, soonDays = 30): ReviewState {
  const days = daysBetween(today, dueBy);
  if (days < 0) return { state: 'overdue', days: -days };
  return days <= soonDays ? { state: 'soon', days } : { state: 'ok', days };
}

/** The words for a review state, as the table shows them. */
export function reviewStateText(state: ReviewState): string {
  const plural = (days: number) => (days === 1 ? '1 day' : `${days} days`);
  if (state.state === 'overdue') return `Overdue by ${plural(state.days)}`;
  if (state.state === 'soon') return state.days === 0 ? 'Due today' : `Due in ${plural(state.days)}`;
  return 'Up to date';
}

/** Pages grouped by owner, in the order of `owners`, then pages with no owner; within each, oldest review first. */
export function reviewByOwner<P extends ReviewedPage & { owner?: string }>(
  pages: readonly P[],
  owners: readonly string[],
  periodMonths: number,
): Array<{ owner?: string; entries: Array<{ page: P; dueBy: string }> }> {
  const groups = [...owners, undefined].map((owner) => ({
    owner,
    entries: [...pages]
      .filter((page) => page.owner === owner || (owner === undefined && (!page.owner || !owners.includes(page.owner))))
      .sort((a, b) => a.reviewed.localeCompare(b.reviewed) || a.title.localeCompare(b.title) || a.id.localeCompare(b.id))
      .map((page) => ({ page, dueBy: addMonths(page.reviewed, periodMonths) })),
  }));
  return groups.filter((group) => group.entries.length > 0);
}
