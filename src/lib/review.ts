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

/**
 * The review period from the environment (PLAYBOOK_REVIEW_MONTHS), or the default. A value that is
 * not a whole number of months from 1 up stops the build rather than silently flagging nothing.
 */
export function reviewPeriodFrom(value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const months = Number(value);
  if (!Number.isInteger(months) || months < 1) {
    throw new Error(`PLAYBOOK_REVIEW_MONTHS: found "${value}"; expected a whole number of months, 1 or more (e.g. 12)`);
  }
  return months;
}
