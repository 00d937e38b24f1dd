import { dimensionLabel, valueLabel, valuesOf, type DataSet, type DataTableSpec } from './datasets.ts';
import { shown, suppressTable, type Cell, type SuppressedTable } from './suppression.ts';

/**
 * A data set's tables as the data page shows them: counts summed to each table's breakdown,
 * suppressed, and turned into the exact text of every cell. The page, its chart and its CSV all
 * read this one view, so the download is exactly what is shown.
 */
export interface DataTableView {
  id: string;
  title: string;
  /** Header of the first column, then one per column of counts (and Total in a two-way table). */
  header: string[];
  /** Each row: its label, then its cells as shown. */
  body: string[][];
  /** The totals row as shown, or undefined for a single count. */
  totals?: string[];
  /** How many counts are hidden, to say so under the table. */
  hidden: number;
  threshold: number;
  table: SuppressedTable;
  /** Row labels and their counts, for a one-way table with at least two rows: what a bar chart can draw. */
  bars?: Array<{ label: string; cell: Cell }>;
}

/** Sums a data set's rows into the table a spec asks for. */
export function countTable(set: DataSet, spec: DataTableSpec) {
  const rowValues = valuesOf(set, spec.rows);
  const columnValues = spec.columns ? valuesOf(set, spec.columns) : ['all'];
  const counts = rowValues.map(() => columnValues.map(() => 0));
  for (const row of set.rows) {
    const r = rowValues.indexOf(row[spec.rows] as string);
    const c = spec.columns ? columnValues.indexOf(row[spec.columns] as string) : 0;
    counts[r][c] += row.count;
  }
  return {
    rows: rowValues.map((value) => valueLabel(spec.rows, value)),
    columns: spec.columns ? columnValues.map((value) => valueLabel(spec.columns!, value)) : ['Encounters'],
    counts,
  };
}

export function tableView(set: DataSet, spec: DataTableSpec): DataTableView {
  const table = suppressTable(countTable(set, spec), set.threshold);
  const t = table.threshold;
  const twoWay = Boolean(table.rowTotals);
  const header = [dimensionLabel(spec.rows), ...table.columns, ...(twoWay ? ['Total'] : [])];
  const body = table.rows.map((label, r) => [label, ...table.cells[r].map((cell) => shown(cell, t)), ...(table.rowTotals ? [shown(table.rowTotals[r], t)] : [])]);
  let totals: string[] | undefined;
  if (table.columnTotals) totals = ['Total', ...table.columnTotals.map((cell) => shown(cell, t)), shown(table.total, t)];
  else if (table.rows.length > 1) totals = ['Total', shown(table.total, t)];
  else if (table.columns.length > 1) {
    // One row across several columns: its total is the last column.
    header.push('Total');
    body[0].push(shown(table.total, t));
  }
  const all = [...new Set([...table.cells.flat(), ...(table.rowTotals ?? []), ...(table.columnTotals ?? []), table.total])];
  const bars = !spec.columns && table.rows.length > 1 ? table.rows.map((label, r) => ({ label, cell: table.cells[r][0] })) : undefined;
  return { id: spec.id, title: spec.title, header, body, totals, hidden: all.filter((cell) => cell.suppressed).length, threshold: t, table, bars };
}

function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The table exactly as shown, hidden counts as "fewer than 5", as CSV (RFC 4180, CRLF line ends). */
export function tableCsv(view: DataTableView): string {
  const lines = [view.header, ...view.body, ...(view.totals ? [view.totals] : [])];
  return `${lines.map((line) => line.map(csvField).join(',')).join('\r\n')}\r\n`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * A horizontal bar chart as static SVG: one bar per row, its number at its end; a hidden count
 * has no bar, only its words. No script and no inline style: colours come from classes in
 * data.css, so it follows the light and dark themes. The chart is `role="img"` with a title and
 * a description that points at the table, the chart's text alternative.
 */
export function barChartSvg(view: DataTableView, idPrefix: string): string | undefined {
  if (!view.bars) return undefined;
  const labelWidth = 230;
  const barArea = 300;
  const valueWidth = 110;
  const rowHeight = 30;
  const top = 8;
  const width = labelWidth + barArea + valueWidth;
  const height = top * 2 + rowHeight * view.bars.length;
  const max = Math.max(1, ...view.bars.filter((bar) => !bar.cell.suppressed).map((bar) => bar.cell.value));
  const titleId = `${idPrefix}-title`;
  const descId = `${idPrefix}-desc`;
  const hidden = view.bars.filter((bar) => bar.cell.suppressed).length;
  const description = `Bar chart, one bar per row of the table that follows it, which gives the same numbers.${hidden ? ` ${hidden} bar${hidden === 1 ? ' is' : 's are'} not drawn: ${hidden === 1 ? 'its count is' : 'their counts are'} hidden to protect the people counted.` : ''}`;
  const rows = view.bars.map((bar, index) => {
    const y = top + index * rowHeight;
    const middle = y + rowHeight / 2;
    const text = shown(bar.cell, view.threshold);
    const length = bar.cell.suppressed ? 0 : Math.round((bar.cell.value / max) * barArea);
    const label = `<text class="chart-label" x="${labelWidth - 8}" y="${middle}" text-anchor="end" dominant-baseline="middle">${escapeXml(bar.label)}</text>`;
    const rect = length > 0 ? `<rect class="chart-bar" x="${labelWidth}" y="${y + 5}" width="${length}" height="${rowHeight - 10}"/>` : '';
    const value = `<text class="chart-value${bar.cell.suppressed ? ' chart-value--hidden' : ''}" x="${labelWidth + length + 6}" y="${middle}" dominant-baseline="middle">${escapeXml(text)}</text>`;
    return `${label}${rect}${value}`;
  });
  return (
    `<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${titleId}" aria-describedby="${descId}">` +
    `<title id="${titleId}">${escapeXml(view.title)}</title><desc id="${descId}">${escapeXml(description)}</desc>` +
    `<line class="chart-axis" x1="${labelWidth}" y1="${top}" x2="${labelWidth}" y2="${height - top}"/>` +
    rows.join('') +
    '</svg>'
  );
}

/** What changed in the data between two releases, said in the words the data page shows. */
export interface DataChanges {
  added: DataSet[];
  removed: DataSet[];
  /** Data sets in both, with each table whose shown cells differ. */
  changed: Array<{ set: DataSet; tables: Array<{ title: string; cells: Array<{ where: string; before: string; after: string }>; reshaped: boolean }> }>;
}

/**
 * Compares two releases' data sets table by table, on the text shown (a hidden count stays
 * "fewer than 5" on both sides), so the compare never says more than the two pages already do.
 */
export function compareDataSets(before: readonly DataSet[], after: readonly DataSet[]): DataChanges {
  const byId = (sets: readonly DataSet[]) => new Map(sets.map((set) => [set.id, set]));
  const old = byId(before);
  const now = byId(after);
  const changes: DataChanges = { added: after.filter((set) => !old.has(set.id)), removed: before.filter((set) => !now.has(set.id)), changed: [] };
  for (const set of after) {
    const previous = old.get(set.id);
    if (!previous) continue;
    const tables = set.tables.flatMap((spec) => {
      const was = previous.tables.find((table) => table.id === spec.id);
      const a = was ? tableView(previous, was) : undefined;
      const b = tableView(set, spec);
      const grid = (view: DataTableView) => [...view.body, ...(view.totals ? [view.totals] : [])];
      if (!a || a.header.join('\0') !== b.header.join('\0') || grid(a).map((row) => row[0]).join('\0') !== grid(b).map((row) => row[0]).join('\0')) {
        return [{ title: b.title, cells: [], reshaped: true }];
      }
      const cells: Array<{ where: string; before: string; after: string }> = [];
      grid(b).forEach((row, r) => row.slice(1).forEach((cell, c) => {
        const earlier = grid(a)[r][c + 1];
        if (earlier !== cell) cells.push({ where: `${row[0]}, ${b.header[c + 1]}`, before: earlier, after: cell });
      }));
      return cells.length ? [{ title: b.title, cells, reshaped: false }] : [];
    });
    if (tables.length) changes.changed.push({ set, tables });
  }
  return changes;
}
