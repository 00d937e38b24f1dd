/**
 * Small-cell suppression: the program's data is counts of physicians who asked for help, in
 * areas small enough that a count of 2 women in their first five years in one area in one month
 * names them to their colleagues. Every published count below the threshold is hidden, and so is
 * any other count that would let a reader work a hidden one out from a total.
 *
 * The rules, applied to a table with its row totals, column totals and grand total:
 * 1. Primary: a count from 1 to threshold - 1 is hidden, totals included, and shown as
 *    "fewer than 5". Zero is shown: it describes nobody.
 * 2. Complementary: every line (a row with its total, a column with its total, the row totals
 *    with the grand total, the column totals with the grand total) is a sum a reader can do. In
 *    each line, a hidden entry is never alone, and when the line's total is shown every hidden
 *    entry could still be at least two values, given that sum and what each label allows.
 *    Where a line breaks this, its smallest shown non-zero count is hidden too (else its total),
 *    shown as "hidden", and the lines are checked again until none does.
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

/** What a reader sees in place of a count hidden only to protect another one: it is not small, so it does not say so. */
export const COMPLEMENT_LABEL = 'hidden';

/**
 * A cell as shown: the number, "fewer than 5" for a small count, or "hidden" for a count hidden to
 * protect another. Saying "fewer than 5" of a hidden 25 would be false, and a reader who spotted
 * the contradiction with a total would learn which cells are small.
 */
export function shown(cell: Cell, threshold: number): string {
  if (!cell.suppressed) return String(cell.value);
  return cell.reason === 'complementary' ? COMPLEMENT_LABEL : suppressedLabel(threshold);
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

  const hide = (entry: Cell) => Object.assign(entry, { suppressed: true, reason: 'complementary' });
  const result: SuppressedTable = { rows, columns, threshold, cells, rowTotals, columnTotals, total };
  for (;;) {
    let changed = false;
    for (const [entries, lineTotal] of lines) {
      if (!needsMore(entries, lineTotal, threshold, total.suppressed ? total.value + 2 * threshold : total.value)) continue;
      const next = pickComplement(entries) ?? (lineTotal.suppressed ? undefined : lineTotal);
      if (!next) continue;
      hide(next);
      changed = true;
    }
    if (changed) continue;
    // Lines checked one by one can still be solved together (a margin pins a column that pins a
    // cell): attack the whole table, and hide more where a hidden count can be worked out.
    const pinned = workedOut(result, ATTACK_BUDGET);
    if (pinned.length === 0) break;
    const through = lines.filter(([entries, lineTotal]) => pinned.some((cell) => entries.includes(cell) || lineTotal === cell));
    const next =
      through.map(([entries]) => pickComplement(entries)).find(Boolean) ??
      through.map(([, lineTotal]) => lineTotal).find((cell) => !cell.suppressed) ??
      // Nothing left to hide beside the pinned entries: hide the smallest shown count anywhere.
      pickComplement(every);
    if (!next) break;
    hide(next);
  }
  return result;
}

/** Steps the whole-table attack may take; a larger table is protected by the line rules alone. */
export const ATTACK_BUDGET = 2_000_000;

/**
 * The attack a careful reader could make on a published table: every value of the hidden cells
 * that fits every shown number, every label and every sum. Returns the hidden entries (cells or
 * totals) that have only one possible value: none when every hidden entry keeps a choice, or
 * when the search would take more than `budget` steps.
 */
export function workedOut(table: SuppressedTable, budget: number): Cell[] {
  const t = table.threshold;
  // A reader who sees the grand total knows no count exceeds it; one who does not has no bound (a
  // generous one keeps the search finite without pinning anything at its edge).
  const limit = table.total.suppressed ? table.total.value + 2 * t : table.total.value;
  const hidden: Array<[number, number]> = [];
  table.cells.forEach((row, r) => row.forEach((cell, c) => cell.suppressed && hidden.push([r, c])));
  if (hidden.length === 0) return [];
  const values = table.cells.map((row) => row.map((cell) => (cell.suppressed ? 0 : cell.value)));
  const fits = (cell: Cell, value: number) => (cell.suppressed ? allows(cell, value, t) : cell.value === value);
  const seen = new Map<Cell, Set<number>>();
  const note = (cell: Cell, value: number) => {
    if (!cell.suppressed) return;
    let set = seen.get(cell);
    if (!set) seen.set(cell, (set = new Set()));
    set.add(value);
  };
  let steps = 0;
  const rowSum = (r: number) => values[r].reduce((a, b) => a + b, 0);
  const walk = (index: number): boolean => {
    if (++steps > budget) return false;
    if (index === hidden.length) {
      const rowSums = values.map((_, r) => rowSum(r));
      const columnSums = table.columns.map((_, c) => values.reduce((a, row) => a + row[c], 0));
      const grand = sum(rowSums);
      if (!fits(table.total, grand)) return true;
      if (table.rowTotals?.some((cell, r) => !fits(cell, rowSums[r]))) return true;
      if (table.columnTotals?.some((cell, c) => !fits(cell, columnSums[c]))) return true;
      hidden.forEach(([r, c]) => note(table.cells[r][c], values[r][c]));
      table.rowTotals?.forEach((cell, r) => note(cell, rowSums[r]));
      table.columnTotals?.forEach((cell, c) => note(cell, columnSums[c]));
      note(table.total, grand);
      return true;
    }
    const [r, c] = hidden[index];
    const lastOfRow = index + 1 === hidden.length || hidden[index + 1][0] !== r;
    const rowTotal = table.rowTotals?.[r];
    for (let value = 0; value <= limit; value++) {
      if (!allows(table.cells[r][c], value, t)) continue;
      values[r][c] = value;
      if (rowSum(r) > limit) break;
      if (lastOfRow && rowTotal && !fits(rowTotal, rowSum(r))) continue;
      if (!walk(index + 1)) return false;
    }
    values[r][c] = 0;
    return true;
  };
  if (!walk(0)) return [];
  return [...seen].filter(([, set]) => set.size < 2).map(([cell]) => cell);
}

/**
 * Whether a line gives a hidden count away. A reader knows every shown number of the line and
 * what each label allows: "fewer than 5" is 1 to 4, "hidden" is 0 or at least 5 (up to the grand
 * total). If any hidden entry of the line, its total included, has only one value that fits the
 * line's sum, the line needs more hidden.
 */
function needsMore(entries: Cell[], lineTotal: Cell, threshold: number, limit: number): boolean {
  const hidden = entries.filter((entry) => entry.suppressed);
  const hiddenCount = hidden.length + (lineTotal.suppressed ? 1 : 0);
  if (hiddenCount === 0) return false;
  if (hiddenCount === 1) return true;
  const shownSum = sum(entries.filter((entry) => !entry.suppressed).map((entry) => entry.value));
  const candidates = lineTotal.suppressed ? range(limit).filter((value) => allows(lineTotal, value, threshold)) : [lineTotal.value];
  const seen = hidden.map(() => new Set<number>());
  const totals = new Set<number>();
  for (const total of candidates) {
    const hiddenSum = total - shownSum;
    if (hiddenSum < 0) continue;
    hidden.forEach((_, index) => {
      for (const value of possibleValues(hidden, index, hiddenSum, threshold)) {
        seen[index].add(value);
        totals.add(total);
      }
    });
    if (seen.every((values) => values.size > 1) && (!lineTotal.suppressed || totals.size > 1)) return false;
  }
  return true;
}

const range = (limit: number) => Array.from({ length: limit + 1 }, (_, value) => value);

/** The values a label allows, as a test: "fewer than 5" is 1 to 4; "hidden" is 0 or at least 5. */
function allows(cell: Cell, value: number, threshold: number): boolean {
  return cell.reason === 'small' ? value >= 1 && value < threshold : value === 0 || value >= threshold;
}

/** The values the hidden entry at `index` could take, given the others' labels and the sum they all make. */
function possibleValues(hidden: Cell[], index: number, total: number, threshold: number): number[] {
  // reachable[s]: the other hidden entries can add up to s.
  let reachable = new Array<boolean>(total + 1).fill(false);
  reachable[0] = true;
  hidden.forEach((cell, other) => {
    if (other === index) return;
    const next = new Array<boolean>(total + 1).fill(false);
    if (cell.reason === 'small') {
      for (let s = 0; s <= total; s++) for (let value = 1; value < threshold && value <= s; value++) if (reachable[s - value]) next[s] = true;
    } else {
      // 0, or threshold and more: s is reachable if s was, or anything up to s - threshold was.
      let anyUpTo = false;
      for (let s = 0; s <= total; s++) {
        if (s - threshold >= 0 && reachable[s - threshold]) anyUpTo = true;
        next[s] = reachable[s] || anyUpTo;
      }
    }
    reachable = next;
  });
  return range(total).filter((value) => allows(hidden[index], value, threshold) && reachable[total - value]);
}

/**
 * The entry to hide next in a line: its smallest shown non-zero count. A zero is never hidden:
 * hiding it protects nobody, and a "hidden" beside a small total would itself say it is zero.
 */
function pickComplement(entries: Cell[]): Cell | undefined {
  return entries.filter((entry) => !entry.suppressed && entry.value > 0).sort((a, b) => a.value - b.value)[0];
}
