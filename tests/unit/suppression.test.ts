import { describe, expect, test } from 'vitest';
import { DEFAULT_THRESHOLD, SUPPRESSION_FLOOR, shown, type Cell, suppressTable, thresholdOf, type CountTable, type SuppressedTable } from '../../src/lib/suppression.ts';

/** The table as a reader sees it: numbers and "fewer than 5", with totals last. */
function view(table: SuppressedTable): string[][] {
  const t = table.threshold;
  const rows = table.cells.map((row, r) => [...row.map((cell) => shown(cell, t)), ...(table.rowTotals ? [shown(table.rowTotals[r], t)] : [])]);
  if (table.columnTotals) rows.push([...table.columnTotals.map((cell) => shown(cell, t)), shown(table.total, t)]);
  else if (table.rows.length > 1 || table.columns.length > 1) rows.push([shown(table.total, t)]);
  return rows;
}

/**
 * An attacker with the published table: tries every value of the hidden cells that agrees with
 * every shown number, every sum and every label ("fewer than 5" is 1 to 4; "hidden" is 0 or at
 * least 5), and returns, for each hidden cell, the values that remain possible. One possible
 * value means the cell was given away.
 */
function possibleValues(table: SuppressedTable): Map<string, Set<number>> {
  const hidden: Array<[number, number]> = [];
  table.cells.forEach((row, r) => row.forEach((cell, c) => cell.suppressed && hidden.push([r, c])));
  const limit = table.total.value + (table.total.suppressed ? 2 * table.threshold : 0);
  const found = new Map<string, Set<number>>(hidden.map(([r, c]) => [`${r},${c}`, new Set<number>()]));
  const values = table.cells.map((row) => row.map((cell) => cell.value));
  const consistent = () => {
    const rowSums = values.map((row) => row.reduce((a, b) => a + b, 0));
    const colSums = table.columns.map((_, c) => values.reduce((a, row) => a + row[c], 0));
    const grand = rowSums.reduce((a, b) => a + b, 0);
    if (!table.total.suppressed && grand !== table.total.value) return false;
    const fits = (cell: Cell, value: number) => (cell.suppressed ? (cell.reason === 'small' ? value >= 1 && value < table.threshold : value === 0 || value >= table.threshold) : cell.value === value);
    if (!fits(table.total, grand)) return false;
    if (table.rowTotals?.some((cell, r) => !fits(cell, rowSums[r]))) return false;
    if (table.columnTotals?.some((cell, c) => !fits(cell, colSums[c]))) return false;
    return true;
  };
  const bound = (r: number, c: number) => {
    const shownTotals = [table.rowTotals?.[r], table.columnTotals?.[c], table.total].filter((cell) => cell && !cell.suppressed).map((cell) => cell!.value);
    return Math.min(limit, ...shownTotals);
  };
  // Cells are tried row by row; a row whose total is shown is checked as soon as it is filled.
  const rowDone = (r: number) => {
    const total = table.rowTotals?.[r];
    return !total || total.suppressed || values[r].reduce((a, b) => a + b, 0) === total.value;
  };
  const walk = (index: number) => {
    if (index === hidden.length) {
      if (consistent()) hidden.forEach(([r, c]) => found.get(`${r},${c}`)!.add(values[r][c]));
      return;
    }
    const [r, c] = hidden[index];
    const lastOfRow = index + 1 === hidden.length || hidden[index + 1][0] !== r;
    const small = table.cells[r][c].reason === 'small';
    for (let value = 0; value <= bound(r, c); value++) {
      if (small ? value < 1 || value >= table.threshold : value > 0 && value < table.threshold) continue;
      values[r][c] = value;
      if (lastOfRow && !rowDone(r)) continue;
      walk(index + 1);
    }
  };
  walk(0);
  return found;
}

function expectNothingGivenAway(table: SuppressedTable) {
  for (const [cell, values] of possibleValues(table)) expect(values.size, `hidden cell ${cell} can be worked out`).toBeGreaterThan(1);
}

const gender = (counts: number[][], rows = counts.map((_, i) => `Area ${i + 1}`)): CountTable => ({ rows, columns: ['Women', 'Men'].slice(0, counts[0].length), counts });

describe('the threshold', () => {
  test(`is ${DEFAULT_THRESHOLD} by default and may be raised`, () => {
    expect(thresholdOf(undefined)).toBe(5);
    expect(thresholdOf(11)).toBe(11);
  });

  test(`is never below the floor, ${SUPPRESSION_FLOOR}`, () => {
    expect(() => thresholdOf(3)).toThrow(/found a suppression threshold of 3; expected a whole number of at least 5/);
    expect(() => thresholdOf(0)).toThrow(RangeError);
    expect(() => thresholdOf(5.5)).toThrow(RangeError);
    expect(() => suppressTable({ rows: ['a'], columns: ['n'], counts: [[9]] }, 2)).toThrow(/at least 5/);
  });

  test('a raised threshold hides more and says so', () => {
    const table = suppressTable({ rows: ['2017', '2018'], columns: ['Encounters'], counts: [[8], [30]] }, 10);
    expect(view(table)).toEqual([['fewer than 10'], ['hidden'], ['38']]);
  });
});

describe('primary suppression', () => {
  test('a single cell of 1 is shown as "fewer than 5"', () => {
    const table = suppressTable({ rows: ['Adverse event', 'Other needs'], columns: ['Encounters'], counts: [[1], [40]] });
    expect(table.cells[0][0]).toMatchObject({ suppressed: true, reason: 'small' });
    expect(view(table)[0]).toEqual(['fewer than 5']);
    expectNothingGivenAway(table);
  });

  test('every count from 1 to 4 is hidden; 0 and 5 are shown', () => {
    const table = suppressTable({ rows: ['a', 'b', 'c', 'd', 'e', 'f'], columns: ['n'], counts: [[0], [1], [2], [3], [4], [5]] });
    expect(table.cells.map((row) => row[0].reason ?? 'shown')).toEqual(['shown', 'small', 'small', 'small', 'small', 'shown']);
    expect(view(table)[0]).toEqual(['0']);
  });

  test('a small total is hidden too', () => {
    const table = suppressTable({ rows: ['Area 7'], columns: ['Encounters'], counts: [[3]] });
    expect(view(table)).toEqual([['fewer than 5']]);
    expect(table.total.suppressed).toBe(true);
  });
});

describe('complementary suppression', () => {
  test('a total that would reveal a hidden cell in a one-way table: the next smallest cell is hidden too', () => {
    // Shown: 1 hidden, 20, 30, total 51: 51 - 20 - 30 = 1. So 20 is hidden too.
    const table = suppressTable({ rows: ['One-to-one', 'Group', 'Referral'], columns: ['Encounters'], counts: [[20], [1], [30]] });
    expect(view(table)).toEqual([['hidden'], ['fewer than 5'], ['30'], ['51']]);
    expect(table.cells[0][0].reason).toBe('complementary');
    expectNothingGivenAway(table);
  });

  test('a row total that reveals a cell: another cell of the row is hidden, then the columns are protected', () => {
    const table = suppressTable(gender([
      [2, 10],
      [12, 15],
      [9, 8],
    ]));
    const hidden = table.cells.map((row) => row.map((cell) => cell.suppressed));
    // Row 1: both hidden (2 is small, 10 complements it). Column "Women" then has one more hidden; so does "Men".
    expect(hidden[0]).toEqual([true, true]);
    expect(hidden.flat().filter(Boolean).length).toBeGreaterThanOrEqual(4);
    for (let c = 0; c < 2; c++) expect(hidden.map((row) => row[c]).filter(Boolean).length).not.toBe(1);
    for (const row of hidden) expect(row.filter(Boolean).length).not.toBe(1);
    expectNothingGivenAway(table);
  });

  test('two small cells whose known sum pins them (1 and 1) are not enough: a third is hidden', () => {
    // Shown 20 and total 22: the two "fewer than 5" add up to 2, so both are 1. The 20 is hidden too.
    const table = suppressTable({ rows: ['a', 'b', 'c'], columns: ['n'], counts: [[1], [1], [20]] });
    expect(view(table)).toEqual([['fewer than 5'], ['fewer than 5'], ['hidden'], ['22']]);
    expectNothingGivenAway(table);
  });

  test('two small cells whose sum leaves a choice (1 and 2, or 2 and 1) are enough', () => {
    const table = suppressTable({ rows: ['a', 'b', 'c'], columns: ['n'], counts: [[1], [2], [20]] });
    expect(view(table)).toEqual([['fewer than 5'], ['fewer than 5'], ['20'], ['23']]);
    expectNothingGivenAway(table);
  });

  test('lines that are safe one by one but solved together: the whole table is attacked too', () => {
    // Column 2 adds up to a small total, and the margins pin it: caught only by the whole-table attack.
    const table = suppressTable(gender([
      [0, 0],
      [4, 1],
      [1, 1],
    ]));
    expectNothingGivenAway(table);
  });

  test('a small row total in a two-way table is protected in the column of row totals', () => {
    const table = suppressTable(gender([
      [1, 2],
      [10, 12],
      [11, 14],
    ]));
    expect(table.rowTotals![0]).toMatchObject({ suppressed: true, reason: 'small' });
    expect(table.rowTotals!.filter((cell) => cell.suppressed).length).toBeGreaterThanOrEqual(2);
    expect(table.total.suppressed).toBe(false);
    expectNothingGivenAway(table);
  });

  test('random tables never give a hidden count away', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    for (let round = 0; round < 200; round++) {
      const counts = [0, 1, 2].map(() => [0, 1].map(() => Math.floor(random() * random() * 14)));
      const table = suppressTable(gender(counts));
      expectNothingGivenAway(table);
    }
  });
});

describe('a single area in a single month', () => {
  test('broken down by gender, every count and the total are hidden', () => {
    const table = suppressTable({ rows: ['Area 3, March 2018'], columns: ['Women', 'Men'], counts: [[3, 1]] });
    expect(view(table)).toEqual([['fewer than 5', 'fewer than 5'], ['fewer than 5']]);
  });

  test('a breakdown with one small cell hides its partner, though the total is large', () => {
    const table = suppressTable({ rows: ['Area 3, March 2018'], columns: ['Women', 'Men'], counts: [[6, 1]] });
    expect(view(table)).toEqual([['hidden', 'fewer than 5'], ['7']]);
    expectNothingGivenAway(table);
  });
});

test('a table of published totals with no small counts is shown as it is', () => {
  const table = suppressTable({ rows: ['2016 to March 2018, three areas'], columns: ['Encounters'], counts: [[139]] });
  expect(view(table)).toEqual([['139']]);
});

test('counts that are not whole numbers of 0 or more are refused', () => {
  expect(() => suppressTable({ rows: ['a'], columns: ['n'], counts: [[-1]] })).toThrow(/found the count -1/);
  expect(() => suppressTable({ rows: ['a'], columns: ['n'], counts: [[1.5]] })).toThrow(RangeError);
  expect(() => suppressTable({ rows: ['a', 'b'], columns: ['n'], counts: [[1]] })).toThrow(/one count per row and column/);
});
