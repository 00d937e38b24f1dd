import { describe, expect, it } from 'vitest';
import type { TextBlock } from '../../src/lib/compile.ts';
import { condense, diffBlocks, diffText } from '../../src/lib/diff.ts';
import { GOOD_FIXTURE, libraryOf } from './helpers.ts';

const h2 = (text: string, anchor = text.toLowerCase().replace(/\s+/g, '-')): TextBlock => ({ kind: 'heading', depth: 2, anchor, text });
const p = (text: string): TextBlock => ({ kind: 'text', text });

describe('words inserted and deleted in a text', () => {
  it('keeps shared words and marks the others, merging neighbouring runs', () => {
    expect(diffText('Call the lead within one hour.', 'Call the program manager within two hours.')).toEqual([
      { op: 'same', text: 'Call the ' },
      { op: 'del', text: 'lead' },
      { op: 'ins', text: 'program manager' },
      { op: 'same', text: ' within ' },
      { op: 'del', text: 'one hour' },
      { op: 'ins', text: 'two hours' },
      { op: 'same', text: '.' },
    ]);
  });

  it('is one unchanged run for equal texts', () => {
    expect(diffText('No change here.', 'No change here.')).toEqual([{ op: 'same', text: 'No change here.' }]);
  });
});

describe('the diff of a page, block by block', () => {
  it('keeps unchanged blocks and shows an edited paragraph as words changed within it', () => {
    const before = [h2('Who can refer'), p('Any colleague can refer a peer.'), p('Referrals are confidential.')];
    const after = [h2('Who can refer'), p('Any colleague or manager can refer a peer.'), p('Referrals are confidential.')];
    expect(diffBlocks(before, after)).toEqual([
      { kind: 'heading', status: 'same', depth: 2, anchor: 'who-can-refer', segments: [{ op: 'same', text: 'Who can refer' }] },
      {
        kind: 'text',
        status: 'changed',
        segments: [
          { op: 'same', text: 'Any colleague ' },
          { op: 'ins', text: 'or manager ' },
          { op: 'same', text: 'can refer a peer.' },
        ],
      },
      { kind: 'text', status: 'same', segments: [{ op: 'same', text: 'Referrals are confidential.' }] },
    ]);
  });

  it('shows a rewritten paragraph as one removed and one added block, not a jumble of words', () => {
    const rows = diffBlocks([p('Support is for adverse events only.')], [p('Peers listen to whatever is hurting a colleague today.')]);
    expect(rows).toEqual([
      { kind: 'text', status: 'removed', segments: [{ op: 'del', text: 'Support is for adverse events only.' }] },
      { kind: 'text', status: 'added', segments: [{ op: 'ins', text: 'Peers listen to whatever is hurting a colleague today.' }] },
    ]);
  });

  it('puts a new paragraph before an edited one in reading order', () => {
    const rows = diffBlocks([p('Call the lead within one hour of the event.')], [p('A wholly new first paragraph.'), p('Call the lead within two hours of the event.')]);
    expect(rows.map((r) => r.status)).toEqual(['added', 'changed']);
  });

  it('keeps a renamed heading as a heading, with its new anchor, and never pairs a heading with text', () => {
    const rows = diffBlocks([h2('Who can refer'), p('Text.')], [h2('Who may refer'), p('Text.')]);
    expect(rows[0]).toEqual({
      kind: 'heading',
      status: 'changed',
      depth: 2,
      anchor: 'who-may-refer',
      segments: [
        { op: 'same', text: 'Who ' },
        { op: 'del', text: 'can' },
        { op: 'ins', text: 'may' },
        { op: 'same', text: ' refer' },
      ],
    });
    expect(diffBlocks([h2('Who can refer')], [p('Who can refer')]).map((r) => [r.kind, r.status])).toEqual([
      ['heading', 'removed'],
      ['text', 'added'],
    ]);
  });

  it('shows every block of an added page as inserted, and of a removed page as deleted', () => {
    const blocks = [h2('Overview'), p('New text.')];
    expect(diffBlocks([], blocks).map((r) => [r.status, r.segments[0].op])).toEqual([
      ['added', 'ins'],
      ['added', 'ins'],
    ]);
    expect(diffBlocks(blocks, []).map((r) => [r.status, r.segments[0].op])).toEqual([
      ['removed', 'del'],
      ['removed', 'del'],
    ]);
  });
});

describe('a condensed diff', () => {
  const before = [h2('One'), p('a1'), p('a2'), p('a3'), p('a4'), h2('Two'), p('b1'), p('b2')];
  const after = [h2('One'), p('a1'), p('a2'), p('a3 changed'), p('a4'), h2('Two'), p('b1'), p('b2')];

  it('keeps headings, changes and one block of context, and counts the unchanged text left out', () => {
    const condensed = condense(diffBlocks(before, after));
    expect(condensed.map((r) => (r.kind === 'skip' ? `skip ${r.count}` : `${r.kind} ${r.status}`))).toEqual([
      'heading same',
      'skip 1',
      'text same',
      'text changed',
      'text same',
      'heading same',
      'skip 2',
    ]);
  });

  it('keeps everything when there is no context to spare, and drops all unchanged text with context 0', () => {
    const skipped = condense(diffBlocks(before, before), 0).flatMap((r) => (r.kind === 'skip' ? [r] : []));
    expect(skipped.map((r) => r.count)).toEqual([4, 2]);
    // The passages left out are kept, so the reader can unfold them in place.
    expect(skipped.map((r) => r.rows.map((row) => row.segments[0].text))).toEqual([['a1', 'a2', 'a3', 'a4'], ['b1', 'b2']]);
    expect(condense(diffBlocks([], before))).toHaveLength(before.length);
  });
});

describe('on the fixture playbook', () => {
  it('finds the edited words of the page that changed from 1.0 to 1.1', async () => {
    const library = await libraryOf(GOOD_FIXTURE);
    const change = library.changes(library.release('1.0')!, library.release('1.1')!).changes.find((c) => c.id === 'tiers')!;
    const rows = diffBlocks(change.before!.blocks, change.after!.blocks);
    const changed = rows.filter((r) => r.status !== 'same');
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.flatMap((r) => r.segments).some((s) => s.op === 'ins')).toBe(true);
    // Nothing is lost: the newer text is the unchanged and inserted words, in order.
    const newer = rows.filter((r) => r.status !== 'removed').map((r) => r.segments.filter((s) => s.op !== 'del').map((s) => s.text).join(''));
    expect(newer).toEqual(change.after!.blocks.map((b) => b.text));
  });
});

describe('a table', () => {
  const row = (text: string) => ({ kind: 'text' as const, text });

  it('is compared cell by cell when a row keeps its number of cells', () => {
    const [changed] = diffBlocks([row('Tier 2 | within a day | peer')], [row('Tier 2 | within 24 hours | peer')]);
    expect(changed.status).toBe('changed');
    expect(changed.cells?.map((cell) => cell.map((segment) => `${segment.op}:${segment.text}`).join(' '))).toEqual([
      'same:Tier 2',
      'same:within  del:a day ins:24 hours',
      'same:peer',
    ]);
  });

  it('shows added and removed rows as cells, and falls back to words when a column is added', () => {
    const rows = diffBlocks([row('a | b')], [row('a | b'), row('c | d')]);
    expect(rows[1].cells).toEqual([[{ op: 'ins', text: 'c' }], [{ op: 'ins', text: 'd' }]]);
    const [widened] = diffBlocks([row('Tier 1 | unit')], [row('Tier 1 | unit | leader')]);
    expect(widened.status).toBe('changed');
    expect(widened.cells).toBeUndefined();
    expect(diffBlocks([row('plain prose')], [])[0].cells).toBeUndefined();
  });
});
