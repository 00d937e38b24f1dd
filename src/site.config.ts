import { reviewPeriodFrom } from './lib/review.ts';

/**
 * Settings of the site that a program may want to change, in one place.
 */

/**
 * How long a page may go without review before the review page (/review/) flags it as overdue, in
 * months. Set PLAYBOOK_REVIEW_MONTHS when building to override it.
 */
export const reviewPeriodMonths: number = reviewPeriodFrom(process.env.PLAYBOOK_REVIEW_MONTHS, 12);
