import { diffArrays, diffWords } from 'diff';
import { changedShare } from './changes.ts';
import type { TextBlock } from './compile.ts';

/**
 * The readable diff of one page: its rendered text blocks (headings and text) aligned, then words
 * inserted and deleted within the blocks that changed. Plain data, so the static compare pages and
 * the compare island in the browser render the same thing from the same code.
 */

/** A run of words the diff keeps, inserts or deletes. */
export interface Segment {
  op: 'same' | 'ins' | 'del';
  text: string;
}

/** One block of the diff: the same in both, changed within, or only in one of them. */
export interface DiffRow {
  kind: 'heading' | 'text';
  status: 'same' | 'changed' | 'added' | 'removed';
  /** For a heading: its depth (2 to 6) and anchor in the newer page (the older one when removed). */
  depth?: number;
  anchor?: string;
  segments: Segment[];
  /** For a table row (its cells joined by " | " in the text): each cell's words, compared cell by cell. */
  cells?: Segment[][];
}

/** Unchanged text blocks left out of a condensed diff. */
export interface SkippedRows {
  kind: 'skip';
  count: number;
  /** The rows left out, so a reader can unfold them in place. */
  rows: DiffRow[];
}

/** Two blocks are shown as one block edited within when at most this share of their words changed. */
export const PAIR_THRESHOLD = 0.6;

const sameBlock = (a: TextBlock, b: TextBlock) => a.kind === b.kind && a.depth === b.depth && a.text === b.text;

function pairable(before: TextBlock, after: TextBlock): boolean {
  return before.kind === after.kind && before.depth === after.depth && changedShare(before.text, after.text) <= PAIR_THRESHOLD;
}

/** A table row's cells: the text blocks of a table join them with " | " (src/lib/compile.ts). */
export function cellsOf(text: string): string[] | undefined {
  const cells = text.split(' | ');
  return cells.length >= 2 ? cells : undefined;
}

function row(block: TextBlock, status: DiffRow['status'], segments: Segment[], cells?: Segment[][]): DiffRow {
  const op = status === 'added' ? 'ins' : status === 'removed' ? 'del' : 'same';
  const whole = block.kind === 'text' && status !== 'changed' ? cellsOf(block.text)?.map((text): Segment[] => [{ op, text }]) : undefined;
  const rowCells = cells ?? whole;
  return {
    kind: block.kind,
    status,
    ...(block.kind === 'heading' ? { depth: block.depth, anchor: block.anchor } : {}),
    segments,
    ...(rowCells ? { cells: rowCells } : {}),
  };
}

/** Two versions of a table row with as many cells: each cell's own diff; otherwise none. */
function cellDiff(before: TextBlock, after: TextBlock): Segment[][] | undefined {
  if (before.kind !== 'text' || after.kind !== 'text') return undefined;
  const old = cellsOf(before.text);
  const now = cellsOf(after.text);
  if (!old || !now || old.length !== now.length) return undefined;
  return now.map((cell, index) => diffText(old[index], cell));
}

/** Words inserted and deleted between two texts, neighbouring runs of the same kind merged. */
export function diffText(before: string, after: string): Segment[] {
  const segments: Segment[] = [];
  for (const part of diffWords(before, after)) {
    const op = part.added ? 'ins' : part.removed ? 'del' : 'same';
    const last = segments[segments.length - 1];
    if (last?.op === op) last.text += part.value;
    else segments.push({ op, text: part.value });
  }
  return segments;
}

/**
 * Blocks removed and added at the same place: a removed block is paired with the first added block
 * close enough to it (same kind, most words shared) and shown as edited within; the rest stand alone.
 */
function alignRun(removed: readonly TextBlock[], added: readonly TextBlock[], rows: DiffRow[]): void {
  let i = 0;
  let j = 0;
  while (i < removed.length || j < added.length) {
    if (i < removed.length && j < added.length && pairable(removed[i], added[j])) {
      rows.push(row(added[j], 'changed', diffText(removed[i].text, added[j].text), cellDiff(removed[i], added[j])));
      i++;
      j++;
    } else if (j < added.length && (i >= removed.length || added.slice(j + 1).some((later) => pairable(removed[i], later)))) {
      // The removed block has a partner further on: this added block is new text before it.
      rows.push(row(added[j], 'added', [{ op: 'ins', text: added[j].text }]));
      j++;
    } else {
      rows.push(row(removed[i], 'removed', [{ op: 'del', text: removed[i].text }]));
      i++;
    }
  }
}

/** The diff of a page's blocks, in reading order. Pass `[]` for a page that is added or removed. */
export function diffBlocks(before: readonly TextBlock[], after: readonly TextBlock[]): DiffRow[] {
  const rows: DiffRow[] = [];
  let removed: TextBlock[] = [];
  let added: TextBlock[] = [];
  const flush = () => {
    alignRun(removed, added, rows);
    removed = [];
    added = [];
  };
  for (const part of diffArrays([...before], [...after], { comparator: sameBlock })) {
    if (part.removed) removed.push(...part.value);
    else if (part.added) added.push(...part.value);
    else {
      flush();
      for (const block of part.value) rows.push(row(block, 'same', [{ op: 'same', text: block.text }]));
    }
  }
  flush();
  return rows;
}

/**
 * Keeps what a reviewer needs: every heading (to find their way), every change, and `context`
 * unchanged blocks either side of a change; the other unchanged text becomes a count.
 */
export function condense(rows: readonly DiffRow[], context = 1): Array<DiffRow | SkippedRows> {
  const changed = rows.flatMap((r, index) => (r.status === 'same' ? [] : [index]));
  const near = (index: number) => changed.some((c) => Math.abs(c - index) <= context);
  const result: Array<DiffRow | SkippedRows> = [];
  rows.forEach((r, index) => {
    if (r.status !== 'same' || r.kind === 'heading' || near(index)) {
      result.push(r);
      return;
    }
    const last = result[result.length - 1];
    if (last?.kind === 'skip') {
      last.count++;
      last.rows.push(r);
    } else result.push({ kind: 'skip', count: 1, rows: [r] });
  });
  return result;
}
