import { describe, expect, it } from 'vitest';
import { readingAidsHtml } from '../../src/lib/reading-aids.ts';

describe('reading aids on a page', () => {
  it('puts a plain # link beside each section heading, outside it, so the heading keeps its name', () => {
    const html = readingAidsHtml('<h2 id="where">Where <em>the</em> limits are</h2><p>Text</p><h3 id="sub">Sub</h3><h4 id="deep">Deep</h4>');
    expect(html).toBe(
      '<div class="section-heading section-heading--h2"><h2 id="where">Where <em>the</em> limits are</h2><a class="section-anchor" href="#where" data-pagefind-ignore=""><span aria-hidden="true">#</span><span class="visually-hidden">Link to the section “Where the limits are”</span></a></div>' +
        '<p>Text</p>' +
        '<div class="section-heading section-heading--h3"><h3 id="sub">Sub</h3><a class="section-anchor" href="#sub" data-pagefind-ignore=""><span aria-hidden="true">#</span><span class="visually-hidden">Link to the section “Sub”</span></a></div>' +
        '<h4 id="deep">Deep</h4>',
    );
  });

  it('leaves the footnotes heading alone', () => {
    expect(readingAidsHtml('<h2 id="footnote-label" class="sr-only">Footnotes</h2>')).toBe('<h2 id="footnote-label" class="sr-only">Footnotes</h2>');
  });

  it('puts each table in a labelled, focusable region that scrolls, and keeps dates in cells whole', () => {
    const html = readingAidsHtml('<table><thead><tr><th>Week</th><th>What</th></tr></thead><tbody><tr><td>From 2025-03-14 to 2025-04</td><td>Plan</td></tr></tbody></table><table><tr><td>x</td></tr></table>');
    expect(html).toBe(
      '<section class="table-scroll" aria-label="Table 1: Week, What" tabindex="0"><table><thead><tr><th>Week</th><th>What</th></tr></thead><tbody><tr><td>From <span class="nowrap">2025-03-14</span> to <span class="nowrap">2025-04</span></td><td>Plan</td></tr></tbody></table></section>' +
        '<section class="table-scroll" aria-label="Table 2" tabindex="0"><table><tbody><tr><td>x</td></tr></tbody></table></section>',
    );
  });
});
