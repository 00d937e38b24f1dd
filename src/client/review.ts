/**
 * The review page's statuses, computed on the reader's own day from the due dates the build wrote:
 * the page never shows a stale "as of" date, however long ago it was built.
 */
import { reviewState, reviewStateText } from '../lib/review.ts';

const now = new Date();
const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
const counts = { pages: { overdue: 0, soon: 0 }, areas: { overdue: 0, soon: 0 } };
for (const row of document.querySelectorAll<HTMLElement>('tr[data-due]')) {
  const count = row.dataset.areaId ? counts.areas : counts.pages;
  const state = reviewState(row.dataset.due ?? '', today);
  const cell = row.querySelector<HTMLElement>('[data-review-status]');
  if (cell) {
    cell.textContent = '';
    const label = document.createElement(state.state === 'overdue' ? 'strong' : 'span');
    label.className = `review-status review-status--${state.state === 'soon' ? 'due-soon' : state.state}`;
    label.textContent = reviewStateText(state);
    cell.append(label);
  }
  row.classList.toggle('review-table__row--overdue', state.state === 'overdue');
  if (state.state === 'overdue') count.overdue++;
  if (state.state === 'soon') count.soon++;
}
/** "Today, 2 pages are overdue, and 1 page is due within 30 days." */
function sentence(noun: string, { overdue, soon }: { overdue: number; soon: number }): string {
  const some = (count: number) => (count === 1 ? `1 ${noun}` : `${count} ${noun}s`);
  return `Today, ${overdue === 0 ? `no ${noun} is overdue` : `${some(overdue)} ${overdue === 1 ? 'is' : 'are'} overdue`}${soon ? `, and ${some(soon)} ${soon === 1 ? 'is' : 'are'} due within 30 days` : ''}.`;
}
const summary = document.querySelector<HTMLElement>('[data-review-summary]');
if (summary) summary.textContent = sentence('page', counts.pages);
const areasSummary = document.querySelector<HTMLElement>('[data-review-areas-summary]');
if (areasSummary) areasSummary.textContent = sentence('area', counts.areas);
