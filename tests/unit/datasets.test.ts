import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadContent } from '../../src/lib/content.ts';
import { periodLabel } from '../../src/lib/datasets.ts';
import { barChartSvg, compareDataSets, tableCsv, tableView } from '../../src/lib/data-view.ts';
import { copyFixture, edit, libraryOf } from './helpers.ts';

const FILE = 'content/draft/data/sample.yaml';

async function problemsAfter(change: (text: string) => string, file = FILE) {
  const root = copyFixture();
  edit(root, file, change);
  return (await loadContent({ root })).problems;
}

async function sample() {
  const library = await libraryOf(copyFixture());
  const set = library.draft!.data.find((data) => data.id === 'sample')!;
  return set;
}

describe('data sets in a release folder', () => {
  test('a good data set loads with the release, threshold 5 by default', async () => {
    const set = await sample();
    expect(set).toMatchObject({ kind: 'illustrative', threshold: 5, file: FILE });
    expect(set.rows).toHaveLength(5);
  });

  test('a column about one person is refused, naming file and field', async () => {
    const problems = await problemsAfter((text) => text.replace('{ period: 2027-Q1, area: area-01, reason: adverse-event, count: 6 }', '{ period: 2027-Q1, area: area-01, reason: adverse-event, count: 6, name: "Dr A" }'));
    expect(problems).toEqual([expect.objectContaining({ file: FILE, field: 'rows[0].name', message: expect.stringMatching(/describes one person or one encounter; expected aggregate counts only/) })]);
  });

  test('a small count with gender could identify a physician and is refused', async () => {
    const problems = await problemsAfter((text) =>
      text.replace(/rows:[\s\S]*$/, 'tables:\n  - { id: g, title: By gender, rows: gender }\nrows:\n  - { period: 2027-Q1, gender: woman, count: 2 }\n  - { period: 2027-Q1, gender: man, count: 30 }\n').replace(/tables:\n  - id: by-quarter[\s\S]*?(?=tables:)/, ''),
    );
    expect(problems).toEqual([expect.objectContaining({ file: FILE, field: 'rows[0].count', message: expect.stringMatching(/found a count of 2 broken down by gender, which could identify a physician/) })]);
  });

  test('an unknown category is refused with the known ones', async () => {
    const problems = await problemsAfter((text) => text.replace('reason: adverse-event, count: 6', 'reason: burnout, count: 6'));
    expect(problems).toEqual([expect.objectContaining({ file: FILE, field: 'rows[0].reason', message: expect.stringMatching(/found "burnout"; expected one of the known reason for seeking support categories: adverse-event, other-need/) })]);
  });

  test('a negative or fractional count is refused', async () => {
    const negative = await problemsAfter((text) => text.replace('count: 14', 'count: -3'));
    expect(negative).toEqual([expect.objectContaining({ file: FILE, field: 'rows[1].count', message: expect.stringMatching(/found -3; expected a count: a whole number of 0 or more/) })]);
    const fraction = await problemsAfter((text) => text.replace('count: 14', 'count: 1.5'));
    expect(fraction).toEqual([expect.objectContaining({ file: FILE, field: 'rows[1].count' })]);
  });

  test('periods out of order, or ending before they start, are refused', async () => {
    const order = await problemsAfter((text) => text.replace('{ period: 2027-Q2, area: area-02', '{ period: 2026-Q2, area: area-02'));
    expect(order).toEqual([expect.objectContaining({ file: FILE, field: 'rows[2].period', message: expect.stringMatching(/after a later period; expected rows in order of period/) })]);
    const backwards = await problemsAfter((text) => text.replace('period: 2027-Q3, area: area-03', 'period: 2027-09..2027-07, area: area-03'));
    expect(backwards).toEqual([expect.objectContaining({ file: FILE, field: 'rows[4].period', message: expect.stringMatching(/ends before it starts/) })]);
  });

  test('a threshold below the floor is refused', async () => {
    const problems = await problemsAfter((text) => text.replace('kind: illustrative', 'kind: illustrative\nthreshold: 3'));
    expect(problems).toEqual([expect.objectContaining({ file: FILE, field: 'threshold', message: expect.stringMatching(/found 3; expected a whole number of at least 5/) })]);
  });

  test('rows broken down differently, or a table over a missing breakdown, are refused', async () => {
    const grain = await problemsAfter((text) => text.replace('{ period: 2027-Q2, area: area-02, reason: other-need, count: 9 }', '{ period: 2027-Q2, area: area-02, count: 9 }'));
    expect(grain).toEqual([expect.objectContaining({ file: FILE, field: 'rows[2]', message: expect.stringMatching(/broken down by period, area; expected every row broken down the same way as the first \(period, area, reason\)/) })]);
    const table = await problemsAfter((text) => text.replace('rows: period', 'rows: support'));
    expect(table).toEqual([expect.objectContaining({ file: FILE, field: 'tables[0].rows' })]);
  });

  test('a file in data/ that is not a data set (an export of records) is refused', async () => {
    const root = copyFixture();
    writeFileSync(join(root, 'content/draft/data/encounters.csv'), 'date,physician\n2027-01-02,Dr A\n');
    const problems = (await loadContent({ root })).problems;
    expect(problems).toEqual([expect.objectContaining({ file: 'content/draft/data/encounters.csv', field: 'file', message: expect.stringMatching(/not a data set/) })]);
  });
});

describe('the data page view', () => {
  test('a one-way table: hidden counts say "fewer than 5", the CSV is exactly the table shown', async () => {
    const set = await sample();
    const view = tableView(set, set.tables[0]);
    // Q3 is 2 + 12 = 14: shown. Q1 20, Q2 9. Nothing small.
    expect(view.body).toEqual([['January to March 2027', '20'], ['April to June 2027', '9'], ['July to September 2027', '14']]);
    expect(tableCsv(view)).toBe('Period,Encounters\r\nJanuary to March 2027,20\r\nApril to June 2027,9\r\nJuly to September 2027,14\r\nTotal,43\r\n');
  });

  test('a two-way table is suppressed when it is drawn: the 2, and what would give it away', async () => {
    const set = await sample();
    const view = tableView(set, set.tables[1]);
    expect(view.header).toEqual(['Area', 'An adverse patient event', 'Other needs', 'Total']);
    // Area 2: adverse 2 (small), other 9 (hidden to protect it); the columns then need a partner each.
    expect(view.body[1].slice(0, 3)).toEqual(['Area 2', 'fewer than 5', 'hidden']);
    expect(view.hidden).toBeGreaterThanOrEqual(4);
    const csv = tableCsv(view);
    expect(csv).toContain(view.body[1].join(','));
    expect(csv).not.toMatch(/,2,|,2\r/);
  });

  test('a chart is static SVG with a title and a description, and draws no bar for a hidden count', async () => {
    const set = await sample();
    const view = tableView(set, { id: 'r', title: 'By reason & more', rows: 'reason' });
    const svg = barChartSvg(view, 'chart-r')!;
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="chart-r-title" aria-describedby="chart-r-desc"/);
    expect(svg).toContain('<title id="chart-r-title">By reason &amp; more</title>');
    expect(svg).not.toMatch(/<script|style=/);
    expect(svg.match(/<rect /g)).toHaveLength(2);
    const hidden = tableView({ ...set, rows: [...set.rows, { period: '2027-Q4', area: 'area-04', reason: 'adverse-event', count: 0 }].map((row) => (row.reason === 'adverse-event' ? { ...row, count: row.count === 6 ? 1 : 0 } : row)) }, { id: 'r', title: 'R', rows: 'reason' });
    // 1 is hidden; with only two bars the other would give it away from the total, so it is hidden too.
    expect(hidden.body).toEqual([['An adverse patient event', 'fewer than 5'], ['Other needs', 'hidden']]);
    expect(hidden.totals).toEqual(['Total', '36']);
    const chart = barChartSvg(hidden, 'x')!;
    expect(chart).not.toContain('<rect ');
    expect(chart).toContain('2 bars are not drawn: their counts are hidden to protect the people counted.');
  });

  test('a single count has no chart', async () => {
    const set = await sample();
    expect(barChartSvg(tableView({ ...set, rows: [set.rows[0]] }, set.tables[0]), 'x')).toBeUndefined();
  });

  test('periods are said in words', () => {
    expect(periodLabel('2016-01..2018-03')).toBe('January 2016 to March 2018');
    expect(periodLabel('2017')).toBe('2017');
    expect(periodLabel('2017-Q2')).toBe('April to June 2017');
    expect(periodLabel('2018-03')).toBe('March 2018');
  });
});

describe('what changed in the data between two releases', () => {
  test('new, removed and changed data sets, compared on the text shown so a hidden count stays hidden', async () => {
    const set = await sample();
    const later = { ...set, rows: set.rows.map((row) => (row.period === '2027-Q1' && row.reason === 'other-need' ? { ...row, count: 15 } : row.reason === 'adverse-event' && row.area === 'area-02' ? { ...row, count: 3 } : row)) };
    const changes = compareDataSets([set, { ...set, id: 'old' }], [later, { ...set, id: 'new' }]);
    expect(changes.added.map((s) => s.id)).toEqual(['new']);
    expect(changes.removed.map((s) => s.id)).toEqual(['old']);
    const byQuarter = changes.changed[0].tables.find((table) => table.title === 'Illustrative: encounters by quarter')!;
    expect(byQuarter.cells).toContainEqual({ where: 'January to March 2027, Encounters', before: '20', after: '21' });
    // Area 2's adverse events went from 2 to 3: both "fewer than 5", so no change is reported for that cell.
    const byArea = changes.changed[0].tables.find((table) => table.title.includes('by area'));
    expect(byArea?.cells.some((cell) => cell.where === 'Area 2, An adverse patient event')).not.toBe(true);
  });

  test('identical data sets have no changes; a table broken down differently says so', async () => {
    const set = await sample();
    expect(compareDataSets([set], [set])).toEqual({ added: [], removed: [], changed: [] });
    const regrouped = { ...set, rows: set.rows.map((row) => ({ ...row, period: row.period === '2027-Q3' ? '2027-Q4' : row.period })) };
    expect(compareDataSets([set], [regrouped]).changed[0].tables[0]).toMatchObject({ title: 'Illustrative: encounters by quarter', reshaped: true });
  });
});
