import { describe, expect, it } from 'vitest';
import { addMonths, reviewPeriodFrom, reviewSchedule } from '../../src/lib/review.ts';

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

describe('the review period setting', () => {
  it('uses the default when unset and a whole number of months when given', () => {
    expect(reviewPeriodFrom(undefined, 12)).toBe(12);
    expect(reviewPeriodFrom('', 12)).toBe(12);
    expect(reviewPeriodFrom('6', 12)).toBe(6);
  });

  it('refuses anything else, naming the variable and what it expected', () => {
    expect(() => reviewPeriodFrom('0', 12)).toThrow('PLAYBOOK_REVIEW_MONTHS: found "0"; expected a whole number of months, 1 or more (e.g. 12)');
    expect(() => reviewPeriodFrom('1.5', 12)).toThrow(/found "1.5"/);
    expect(() => reviewPeriodFrom('a year', 12)).toThrow(/found "a year"/);
  });
});
