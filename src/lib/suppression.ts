/**
 * Small-cell suppression: the program's data is counts of physicians who asked for help, in
 * areas small enough that a count of 2 women in their first five years in one area in one month
 * names them to their colleagues. Every published count below the threshold is hidden, and so is
 * any other count that would let a reader work a hidden one out from a total.
 *
 * The rules, applied to a table with its row totals, column totals and grand total:
 * 1. Primary: a count from 1 to threshold - 1 is hidden, totals included. Zero is shown: it
 *    describes nobody.
 * 2. Complementary: every line (a row with its total, a column with its total, the row totals
 *    with the grand total, the column totals with the grand total) is a sum a reader can do. In
 *    each line, a hidden entry is never alone, and when the line's total is shown the hidden
 *    entries together add up to at least the threshold, so their sum does not point at a person.
 *    Where a line breaks this, its smallest shown non-zero count is hidden too (then any count,
 *    then its total), and the lines are checked again until none does.
 * 3. Threshold: 5 by default; a data set may raise it, never lower it below the floor, 5.
 *    The floor is the default because the program is small: there is no setting in which fewer
 *    than five physicians in a cell is safe to publish.
 */

/** The smallest threshold any data set may use. */
export const SUPPRESSION_FLOOR = 5;
/** The threshold when a data set names none. */
export const DEFAULT_THRESHOLD = 5;

/** The threshold to use: the configured one, or the default; below the floor it is refused. */
export function thresholdOf(configured: number | undefined): number {
  const threshold = configured ?? DEFAULT_THRESHOLD;
  if (!Number.isInteger(threshold) || threshold < SUPPRESSION_FLOOR) {
    throw new RangeError(`found a suppression threshold of ${threshold}; expected a whole number of at least ${SUPPRESSION_FLOOR}`);
  }
  return threshold;
}

/** One published number: its value is kept for the build, never shown when it is suppressed. */
export interface Cell {
  value: number;
  suppressed: boolean;
  /** Why it is hidden: below the threshold, or to protect another hidden count. */
  reason?: 'small' | 'complementary';
}

/** Counts by row and column, before suppression. A one-way table has a single column. */
export interface CountTable {
  rows: string[];
  columns: string[];
  /** counts[row][column]. */
  counts: number[][];
}

export interface SuppressedTable {
  rows: string[];
  columns: string[];
  threshold: number;
  cells: Cell[][];
  /** One per row, in a two-way table only (in a one-way table the row total would be the cell). */
  rowTotals?: Cell[];
  /** One per column, in a two-way table only. */
  columnTotals?: Cell[];
  /** The grand total; always published (suppressed when small). */
  total: Cell;
}

/** What a reader sees in place of a suppressed count. */
export function suppressedLabel(threshold: number): string {
  return `fewer than ${threshold}`;
}

/** A cell as shown: the number, or "fewer than 5". */
export function shown(cell: Cell, threshold: number): string {
  return cell.suppressed ? suppressedLabel(threshold) : String(cell.value);
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/**
 * Suppresses a table of counts by the rules above. The grid is seen as its cells plus margins;
 * each line is a list of entries and the entry that is its total, so one loop covers rows,
 * columns and the margins themselves.
 */
export function suppressTable(table: CountTable, configuredThreshold?: number): SuppressedTable {
  const threshold = thresholdOf(configuredThreshold);
  const { rows, columns, counts } = table;
  if (counts.length !== rows.length || counts.some((row) => row.length !== columns.length)) {
    throw new RangeError(`found ${counts.length} rows of counts for ${rows.length} row labels and ${columns.length} columns; expected one count per row and column`);
  }
  for (const value of counts.flat()) {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`found the count ${value}; expected a whole number of 0 or more`);
  }
  // Margins only where they add something: in a one-way table the total of a row is the row.
  const twoWay = rows.length > 1 && columns.length > 1;
  const cell = (value: number): Cell => ({ value, suppressed: false });
  const cells = counts.map((row) => row.map(cell));
  const rowTotals = twoWay ? counts.map((row) => cell(sum(row))) : undefined;
  const columnTotals = twoWay ? columns.map((_, c) => cell(sum(counts.map((row) => row[c])))) : undefined;
  const total = cell(sum(counts.flat()));
  // A single count is its own total: one cell, suppressed or not as one.
  if (rows.length === 1 && columns.length === 1) cells[0][0] = total;

  // The sums a reader can do: [entries, their total].
  const lines: Array<[Cell[], Cell]> = [];
  if (columns.length > 1) cells.forEach((row, r) => lines.push([row, rowTotals ? rowTotals[r] : total]));
  if (rows.length > 1) columns.forEach((_, c) => lines.push([cells.map((row) => row[c]), columnTotals ? columnTotals[c] : total]));
  if (rowTotals && columnTotals) lines.push([rowTotals, total], [columnTotals, total]);

  const every = [...new Set([...cells.flat(), ...(rowTotals ?? []), ...(columnTotals ?? []), total])];
  for (const entry of every) {
    if (entry.value > 0 && entry.value < threshold) Object.assign(entry, { suppressed: true, reason: 'small' });
  }

  let changed = true;
  while (changed) {
    changed = false;
    for (const [entries, lineTotal] of lines) {
      if (!needsMore(entries, lineTotal, threshold)) continue;
      const next = pickComplement(entries) ?? (lineTotal.suppressed ? undefined : lineTotal);
      if (!next) continue;
      Object.assign(next, { suppressed: true, reason: 'complementary' });
      changed = true;
    }
  }
  return { rows, columns, threshold, cells, rowTotals, columnTotals, total };
}

/** Whether a line gives a hidden count away: alone in its line, or hidden counts whose known sum is small. */
function needsMore(entries: Cell[], lineTotal: Cell, threshold: number): boolean {
  const hidden = entries.filter((entry) => entry.suppressed);
  const hiddenCount = hidden.length + (lineTotal.suppressed ? 1 : 0);
  if (hiddenCount === 0) return false;
  if (hiddenCount === 1) return true;
  if (lineTotal.suppressed) return false;
  // The reader knows the hidden entries' sum: the total less what is shown.
  const hiddenSum = sum(hidden.map((entry) => entry.value));
  return hiddenSum > 0 && hiddenSum < threshold;
}

/** The entry to hide next in a line: its smallest shown non-zero count, else its smallest shown count. */
function pickComplement(entries: Cell[]): Cell | undefined {
  const open = entries.filter((entry) => !entry.suppressed);
  const byValue = (a: Cell, b: Cell) => a.value - b.value;
  return open.filter((entry) => entry.value > 0).sort(byValue)[0] ?? open.sort(byValue)[0];
}
