/**
 * The review page's statuses, computed on the reader's own day from the due dates the build wrote:
 * the page never shows a stale "as of" date, however long ago it was built.
 */
import { reviewState, reviewStateText } from '../lib/review.ts';

const now = new Date();
const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
let overdue = 0;
let soon = 0;
for (const row of document.querySelectorAll<HTMLElement>('tr[data-due]')) {
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
  if (state.state === 'overdue') overdue++;
  if (state.state === 'soon') soon++;
}
const summary = document.querySelector<HTMLElement>('[data-review-summary]');
if (summary) {
  const pages = (count: number) => (count === 1 ? '1 page' : `${count} pages`);
  summary.textContent = `Today, ${overdue === 0 ? 'no page is overdue' : `${pages(overdue)} ${overdue === 1 ? 'is' : 'are'} overdue`}${soon ? `, and ${pages(soon)} ${soon === 1 ? 'is' : 'are'} due within 30 days` : ''}.`;
}
