import { describe, expect, it } from 'vitest';
import { addMonths, reviewSchedule } from '../../src/lib/review.ts';

describe('adding months to a date', () => {
  it('keeps the day, and clamps it to the end of a shorter month', () => {
    expect(addMonths('2024-01-15', 12)).toBe('2025-01-15');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-11-30', 3)).toBe('2024-02-29');
    expect(addMonths('2024-12-01', 1)).toBe('2025-01-01');
  });
});

describe('the review schedule', () => {
  const pages = [
    { id: 'b', title: 'Beta', reviewed: '2024-06-01' },
    { id: 'a', title: 'Alpha', reviewed: '2025-03-10' },
    { id: 'c', title: 'Gamma', reviewed: '2024-06-01' },
    { id: 'd', title: 'Delta', reviewed: '2024-05-31' },
  ];
  const now = new Date('2025-06-01T09:00:00Z');

  it('lists pages oldest review first, then by title', () => {
    expect(reviewSchedule(pages, now, 12).map((entry) => entry.page.id)).toEqual(['d', 'b', 'c', 'a']);
  });

  it('flags a page overdue only once its period has passed', () => {
    expect(reviewSchedule(pages, now, 12).map((entry) => [entry.page.id, entry.dueBy, entry.overdue])).toEqual([
      ['d', '2025-05-31', true],
      ['b', '2025-06-01', false],
      ['c', '2025-06-01', false],
      ['a', '2026-03-10', false],
    ]);
    expect(reviewSchedule(pages, now, 6).filter((entry) => entry.overdue).map((entry) => entry.page.id)).toEqual(['d', 'b', 'c']);
  });
});


describe('review status on the reader\'s day', () => {
  it('is overdue after the due date, due soon within 30 days, else up to date', async () => {
    const { reviewState, reviewStateText } = await import('../../src/lib/review.ts');
    expect(reviewStateText(reviewState('2025-06-01', '2025-06-03'))).toBe('Overdue by 2 days');
    expect(reviewStateText(reviewState('2025-06-01', '2025-06-01'))).toBe('Due today');
    expect(reviewStateText(reviewState('2025-06-20', '2025-06-01'))).toBe('Due in 19 days');
    expect(reviewStateText(reviewState('2025-09-01', '2025-06-01'))).toBe('Up to date');
  });

  it('groups pages by owner in role order, pages without an owner last', async () => {
    const { reviewByOwner } = await import('../../src/lib/review.ts');
    const groups = reviewByOwner(
      [
        { id: 'a', title: 'A', reviewed: '2024-06-01', owner: 'trainer' },
        { id: 'b', title: 'B', reviewed: '2024-01-01' },
        { id: 'c', title: 'C', reviewed: '2024-03-01', owner: 'physician-lead' },
        { id: 'd', title: 'D', reviewed: '2024-02-01', owner: 'trainer' },
      ],
      ['physician-lead', 'trainer'],
      12,
    );
    expect(groups.map((group) => [group.owner, group.entries.map((entry) => entry.page.id)])).toEqual([
      ['physician-lead', ['c']],
      ['trainer', ['d', 'a']],
      [undefined, ['b']],
    ]);
    expect(groups[1].entries[0].dueBy).toBe('2025-02-01');
  });
});

describe('changes since a page\'s last review', () => {
  it('compares the text in effect on the review day with the draft', async () => {
    const { changesSinceReview } = await import('../../src/lib/review-changes.ts');
    const { libraryOf, GOOD_FIXTURE } = await import('./helpers.ts');
    const library = await libraryOf(GOOD_FIXTURE);
    const draft = library.draft!;
    // listening was reviewed 2024-01-10, before 1.0 took effect: its review saw 1.0's text.
    const listening = changesSinceReview(library, draft, draft.page('listening')!);
    expect(listening).toMatchObject({ kind: 'changed', from: { release: '1.0' }, url: '/compare/?from=1.0&to=draft#listening' });
    expect(changesSinceReview(library, draft, draft.page('threats')!)).toEqual({ kind: 'new' });
    expect(changesSinceReview(library, draft, draft.page('tiers')!)).toMatchObject({ kind: 'unchanged', from: { release: '1.1' } });
  });
});
