import { describe, expect, it } from 'vitest';
import { proseBlocks } from '../../src/lib/prose.ts';

describe('proseBlocks', () => {
  it('keeps the Markdown inside components and drops their tags and attributes', () => {
    const blocks = proseBlocks('<Callout kind="warning" title="A title">\n\nStay with them.\n\n</Callout>\n');
    expect(blocks.map((block) => block.text)).toEqual(['Stay with them.']);
  });

  it('keeps link text, drops the address, and records the address as a link', () => {
    const [block] = proseBlocks('Asking helps ([Dazzi et al. 2014](https://doi.org/10.1017/S0033291714001299)).\n');
    expect(block.text).toBe('Asking helps (Dazzi et al. 2014).');
    expect(block.text).not.toContain('doi.org');
    expect(block.claimText).not.toContain('2014');
    expect(block.links).toEqual(['https://doi.org/10.1017/S0033291714001299']);
  });

  it('marks blocks inside a Scenario or an illustrative Callout, and nothing else', () => {
    const body = [
      '<Scenario title="A case">\n\nIn our area, 12 physicians called.\n\n</Scenario>',
      '<Callout kind="illustrative">\n\nSample row: 3 encounters.\n\n</Callout>',
      '<Callout kind="note">\n\nA note with 4 items.\n\n</Callout>',
      'Plain text with 5 things.',
    ].join('\n\n');
    expect(proseBlocks(body).map((block) => block.illustrative)).toEqual([true, true, false, false]);
  });

  it('gives each table row its cells as sentences, and one group to the rows of a table', () => {
    const blocks = proseBlocks('| Service | What it offers |\n| --- | --- |\n| EAP | Short counseling |\n');
    expect(blocks.map((block) => block.text)).toEqual(['Service. What it offers.', 'EAP. Short counseling.']);
    expect(blocks[0].group).toBeDefined();
    expect(blocks[1].group).toBe(blocks[0].group);
  });

  it('reports the line of each block in the body', () => {
    const blocks = proseBlocks('# Title\n\nFirst paragraph.\n\n- an item\n');
    expect(blocks.map((block) => [block.kind, block.line])).toEqual([
      ['heading', 1],
      ['paragraph', 3],
      ['paragraph', 5],
    ]);
  });
});
