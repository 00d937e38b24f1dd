import { describe, expect, it } from 'vitest';
import { compileCount, compilePage } from '../../src/lib/compile.ts';

function html(body: string, anchors: Record<string, string> = {}): string {
  const result = compilePage(body, anchors);
  expect(result.issues).toEqual([]);
  return result.page!.html;
}

describe('GitHub-flavoured Markdown', () => {
  it('renders tables', () => {
    expect(html('| a | b |\n| --- | --- |\n| 1 | 2 |\n')).toMatch(/<table>[\s\S]*<th>a<\/th>[\s\S]*<td>2<\/td>/);
  });
  it('renders task lists', () => {
    const out = html('- [ ] open\n- [x] done\n');
    expect(out).toContain('<input type="checkbox" disabled aria-label="open">');
    expect(out).toContain('<input type="checkbox" checked disabled aria-label="done">');
  });
  it('renders footnotes with a back link', () => {
    const out = html('A claim.[^1]\n\n[^1]: The source.\n');
    expect(out).toMatch(/<sup><a href="#user-content-fn-1"/);
    expect(out).toContain('data-footnotes');
    expect(out).toContain('aria-describedby="footnote-label"');
  });
  it('renders strikethrough and autolinks', () => {
    const out = html('~~old~~ and https://doi.org/10.1136/bmj.320.7237.726\n');
    expect(out).toContain('<del>old</del>');
    expect(out).toContain('<a href="https://doi.org/10.1136/bmj.320.7237.726">');
  });
});

describe('playbook extensions', () => {
  it('gives headings anchors from their text and lists them', () => {
    const result = compilePage('## Who can refer?\n\n### Step 1: call\n');
    expect(result.page!.headings).toEqual([
      { depth: 2, id: 'who-can-refer', text: 'Who can refer?' },
      { depth: 3, id: 'step-1-call', text: 'Step 1: call' },
    ]);
    expect(result.page!.html).toContain('<h2 id="who-can-refer">');
  });

  it('keeps a declared old anchor landing on the renamed heading', () => {
    expect(html('## New name\n', { 'old-name': 'new-name' })).toContain('<h2 id="new-name"><span id="old-name" class="anchor-alias"></span>New name</h2>');
  });

  it('reports an old anchor that points at no heading', () => {
    const result = compilePage('## Real\n', { old: 'missing' });
    expect(result.issues).toEqual([expect.objectContaining({ field: 'anchors.old', message: expect.stringContaining('"missing"') })]);
  });

  it('rewrites page: links to relative links that stay in the release, and records them', () => {
    const result = compilePage('See [tiers](page:tiers#tier-2).\n');
    expect(result.page!.html).toContain('<a href="../tiers/#tier-2">tiers</a>');
    expect(result.page!.links).toEqual([{ page: 'tiers', anchor: 'tier-2', line: 1 }]);
  });

  it('turns a Callout into an aside labelled by its title', () => {
    const out = html('<Callout kind="illustrative" title="Sample log">\n\nRow one.\n\n</Callout>\n');
    expect(out).toContain('<aside class="callout callout-illustrative" aria-label="Sample log">');
    expect(out).toContain('Row one.');
  });

  it('collects text blocks per heading, table row and list item', () => {
    const result = compilePage('Intro.\n\n## Steps\n\n- one\n- two\n\n| a | b |\n| - | - |\n| 1 | 2 |\n');
    expect(result.page!.blocks.map((block) => block.text)).toEqual(['Intro.', 'Steps', 'one', 'two', 'a | b', '1 | 2']);
    expect(result.page!.words).toBe(10);
  });
});

describe('what MDX may not do in a page', () => {
  it.each([
    ['an expression', 'Hello {name}\n', /expression \{name\}/],
    ['an import', 'import X from "x"\n\nHi\n', /import or export/],
    ['an unknown component', '<Chart data="x" />\n', /component <Chart/],
    ['a malformed page link', '[x](page:Bad_Id)\n', /page:<page-id>/],
    ['a syntax error', 'Text\n\n<div\n', /invalid MDX syntax/],
  ])('reports %s with the line', (_name, body, message) => {
    const result = compilePage(body);
    expect(result.issues.length).toBeGreaterThan(0);
    expect(result.issues[0].field).toBe('body');
    expect(result.issues[0].message).toMatch(message);
    expect(result.issues[0].line).toBeGreaterThan(0);
  });
});

describe('compiling each distinct page once', () => {
  it('reuses the result for a byte-identical body', () => {
    const body = `## Unique ${Math.random()}\n\nText.\n`;
    const before = compileCount();
    const first = compilePage(body);
    const second = compilePage(body);
    expect(compileCount() - before).toBe(1);
    expect(second).toBe(first);
    compilePage(body, { 'old-x': `unique-${body.slice(9, 20)}` });
    expect(compileCount() - before).toBe(2);
  });
});
