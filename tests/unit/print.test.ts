import { describe, expect, it } from 'vitest';
import { compilePage } from '../../src/lib/compile.ts';
import { printId, printPageHtml, printTracksCss } from '../../src/lib/print.ts';

function compiled(body: string, anchors: Record<string, string> = {}): string {
  const result = compilePage(body, anchors, [{ id: 'eap', term: 'EAP', aliases: [] }]);
  expect(result.issues).toEqual([]);
  return result.page!.html;
}

describe('a page in the print document of its release', () => {
  it('prefixes heading ids with the page id and moves headings one level down', () => {
    expect(printPageHtml('<h2 id="who-can-refer">Who can refer</h2><h3 id="steps">Steps</h3><h6 id="deep">Deep</h6>', 'activation')).toBe(
      '<h3 id="activation--who-can-refer">Who can refer</h3><h4 id="activation--steps">Steps</h4><h6 id="activation--deep">Deep</h6>',
    );
  });

  it('can leave the heading levels as they are', () => {
    expect(printPageHtml('<h2 id="a">A</h2>', 'p', 0)).toBe('<h2 id="p--a">A</h2>');
  });

  it('rewrites in-page links, and links to other pages and their sections, to stay in the document', () => {
    expect(printPageHtml('<p><a href="#steps">s</a> <a href="../tiers/">t</a> <a href="../tiers/#tier-2">t2</a> <a href="#">top</a></p>', 'activation')).toBe(
      '<p><a href="#activation--steps">s</a> <a href="#tiers">t</a> <a href="#tiers--tier-2">t2</a> <a href="#activation">top</a></p>',
    );
  });

  it('leaves links that leave the release alone', () => {
    const html = '<p><a href="https://doi.org/10.1136/bmj.320.7237.726">doi</a> <a href="/versions/">all</a> <a href="mailto:x@example.org">mail</a></p>';
    expect(printPageHtml(html, 'references')).toBe(html);
  });

  it('keeps footnotes working: ids, back links and the label they are described by', () => {
    const out = printPageHtml(compiled('A claim.[^1]\n\n[^1]: The source.\n'), 'faq');
    expect(out).toContain('<a href="#faq--user-content-fn-1" id="faq--user-content-fnref-1" data-footnote-ref="" aria-describedby="faq--footnote-label">1</a>');
    expect(out).toContain('<h3 class="sr-only" id="faq--footnote-label">Notes</h3>');
    expect(out).toContain('<li id="faq--user-content-fn-1">');
    expect(out).toContain('href="#faq--user-content-fnref-1"');
    expect(out).not.toMatch(/(?:\sid="|href="#)(?!faq--)/);
  });

  it('keeps an old anchor landing on its renamed heading, and glossary links pointing at the glossary section', () => {
    const out = printPageHtml(compiled('## New name\n\nAsk the EAP. See [tiers](page:tiers#tier-2).\n', { 'old-name': 'new-name' }), 'activation');
    expect(out).toContain('<h3 id="activation--new-name"><span id="activation--old-name" class="anchor-alias"></span>New name</h3>');
    expect(out).toContain('<a href="#glossary--eap" class="glossary-term">EAP</a>');
    expect(out).toContain('<a href="#tiers--tier-2">tiers</a>');
  });

  it('gives every page distinct ids, so two pages with the same headings can share one document', () => {
    const html = compiled('## Overview\n\nText.[^1]\n\n[^1]: Note.\n');
    const ids = (out: string) => [...out.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]);
    const first = ids(printPageHtml(html, 'activation'));
    const second = ids(printPageHtml(html, 'confidentiality'));
    expect(first.length).toBeGreaterThan(2);
    expect(first.filter((id) => second.includes(id))).toEqual([]);
  });

  it('names a page and its anchors with a separator no page id contains', () => {
    expect(printId('activation')).toBe('activation');
    expect(printId('activation', 'who-can-refer')).toBe('activation--who-can-refer');
  });
});

describe('callouts in the print document', () => {
  it('become notes, since many pages share a callout label and landmarks must be unique', () => {
    const out = printPageHtml(compiled('<Callout kind="note">\n\nText.\n\n</Callout>\n'), 'faq');
    expect(out).toContain('<aside class="callout callout-note" aria-label="Note" role="note">');
  });
});

describe('the stylesheet that prints one track from the print view', () => {
  it('keeps only the track\'s pages, in the track\'s order, when its heading is the target', () => {
    const css = printTracksCss([
      { id: 'peer-supporter', pageIds: ['listening', '2-tiers'] },
      { id: 'lead', pageIds: [] },
    ]);
    expect(css).toBe(
      [
        '.print-document:has(#print--track-peer-supporter:target) .print-page:not([data-page-id="listening"], [data-page-id="2-tiers"]) { display: none; }',
        '.print-document:has(#print--track-peer-supporter:target) [data-page-id="listening"] { order: 1; }',
        '.print-document:has(#print--track-peer-supporter:target) [data-page-id="2-tiers"] { order: 2; }',
        '.print-document:has(#print--track-lead:target) .print-page { display: none; }',
        '',
      ].join('\n'),
    );
    expect(printTracksCss([])).toBe('');
  });

  it('refuses an id that is not a slug, which would break out of the selector', () => {
    expect(() => printTracksCss([{ id: 'a"]{}', pageIds: [] }])).toThrow(/printTracksCss: found the id "a"\]\{\}"; expected a lowercase slug/);
    expect(() => printTracksCss([{ id: 'a', pageIds: ['b c'] }])).toThrow(/found the id "b c"/);
  });
});
