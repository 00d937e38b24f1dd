import { describe, expect, it } from 'vitest';
import { releaseAssets, type AssetRecord } from '../../src/lib/assets.ts';
import { compileCount, compilePage } from '../../src/lib/compile.ts';
import { COMPONENTS } from '../../src/lib/components/index.ts';

const svg: AssetRecord = { path: 'figures/tiers.svg', name: 'tiers.svg', kind: 'figure', format: 'SVG image', bytes: 900, hash: 'a1', width: 640, height: 360, served: '/x/tiers.svg' };
const csv: AssetRecord = { path: 'files/log.csv', name: 'log.csv', kind: 'download', format: 'CSV spreadsheet', bytes: 2300, hash: 'b2', served: '/x/log.csv' };
const assets = releaseAssets([svg, csv]);

function html(body: string): string {
  const result = compilePage(body, {}, [], assets);
  expect(result.issues).toEqual([]);
  return result.page!.html;
}

function issues(body: string) {
  return compilePage(body, {}, [], assets).issues;
}

describe('each component becomes plain HTML', () => {
  it('Callout: an aside labelled by its title, note by default', () => {
    expect(html('<Callout>\n\nText.\n\n</Callout>\n')).toContain('<aside class="callout callout-note" aria-label="Note">');
    expect(html('<Callout kind="warning" title="Before you call">\n\nText.\n\n</Callout>\n')).toContain('aria-label="Before you call"');
  });

  it('Steps: the numbered list, each step keeping its Markdown', () => {
    const out = html('<Steps>\n\n1. Call the **lead**.\n2. Write it down.\n\n</Steps>\n');
    expect(out).toMatch(/<div class="steps"><ol class="steps-list">\s*<li>Call the <strong>lead<\/strong>\.<\/li>/);
  });

  it('Figure: an img from the release folder with its size set, alt and caption', () => {
    const out = html('<Figure src="figures/tiers.svg" alt="Three tiers" caption="The three tiers." />\n');
    expect(out).toBe('<figure class="figure"><img src="../figures/tiers.svg" alt="Three tiers" width="640" height="360" loading="lazy" decoding="async"><figcaption>The three tiers.</figcaption></figure>');
    expect(html('<Figure src="figures/tiers.svg" decorative />\n')).toContain('alt=""');
  });

  it('Download: the title as a link to the permanent address, then name, kind and size', () => {
    const out = html('<Download src="files/log.csv" title="Encounter log" />\n');
    expect(out).toContain('<a href="../files/log.csv" class="download-link" type="text/csv"><span class="download-title">Encounter log</span></a>');
    expect(out).toContain('log.csv · CSV spreadsheet · 2 KB');
  });

  it('SayThis: what to say and what to avoid, each labelled', () => {
    const out = html('<SayThis title="Opening">\n<Say>\n\nHow are you doing?\n\n</Say>\n<Avoid>\n\nYou should have...\n\n</Avoid>\n</SayThis>\n');
    expect(out).toMatch(/<div class="say-this" role="group" aria-label="Opening">.*<div class="say-this-say">.*Say.*How are you doing\?.*<div class="say-this-avoid">.*Avoid.*You should have/s);
  });

  it('Scenario: always labelled illustrative, with its questions', () => {
    const out = html('<Scenario title="A threat">\n\nThe case.\n\n<Questions>\n\n1. What now?\n\n</Questions>\n</Scenario>\n');
    expect(out).toContain('<p class="scenario-label">Illustrative scenario</p>');
    expect(out).toContain('<div class="scenario" role="group" aria-label="Illustrative scenario: A threat">');
    expect(out).toMatch(/Questions for discussion.*What now\?/s);
  });

  it('Details: a native details element with its summary', () => {
    expect(html('<Details summary="Why">\n\nBecause.\n\n</Details>\n')).toBe('<details class="details"><summary>Why</summary><p>Because.</p></details>');
  });

  it('records the figures and downloads a page shows', () => {
    const result = compilePage('<Figure src="figures/tiers.svg" alt="x" />\n\n<Download src="files/log.csv" />\n', {}, [], assets);
    expect(result.page!.assets).toEqual(['figures/tiers.svg', 'files/log.csv']);
  });

  it('every component has a described schema for each prop', () => {
    for (const component of COMPONENTS.values()) {
      const shape = (component.props as unknown as { shape: Record<string, { description?: string }> }).shape;
      for (const [prop, schema] of Object.entries(shape)) expect(schema.description, `${component.name}.${prop}`).toBeTruthy();
    }
  });
});

describe('props checked, with line, component, prop and what was expected', () => {
  it.each([
    ['an unknown component', 'Text.\n\n<Figur src="figures/tiers.svg" />\n', 'body', 3, /found the component <Figur>.*expected one of Callout, Steps, Figure.*did you mean <Figure>\?/],
    ['an unknown prop', '<Callout titel="x">\n\nText.\n\n</Callout>\n', 'Callout.titel', 1, /found the prop titel, which <Callout> does not have; expected only kind, title \(did you mean title\?\)/],
    ['a wrong value', '<Callout kind="tip">\n\nText.\n\n</Callout>\n', 'Callout.kind', 1, /found kind="tip"; expected one of note, warning, illustrative/],
    ['a wrong type', '<Figure src="figures/tiers.svg" alt="x" decorative="yes" />\n', 'Figure.decorative', 1, /found decorative="yes"; expected the bare word decorative/],
    ['a bare word where text is expected', '<Details summary>\n\nx\n\n</Details>\n', 'Details.summary', 1, /found summary with no value; expected/],
    ['a missing required prop', '<Details>\n\nx\n\n</Details>\n', 'Details.summary', 1, /<Details> has no summary; expected the line shown while closed/],
    ['a Figure without alt', '<Figure src="figures/tiers.svg" />\n', 'Figure.alt', 1, /<Figure> has no alt; expected alt="what the image shows/],
    ['a figure file that is missing', '<Figure src="figures/nope.svg" alt="x" />\n', 'Figure.src', 1, /found src="figures\/nope.svg", which is not in this release's figures\/ folder; expected one of figures\/tiers.svg/],
    ['a download file that is missing', '<Download src="files/nope.pdf" />\n', 'Download.src', 1, /found src="files\/nope.pdf", which is not in this release's files\/ folder; expected one of files\/log.csv/],
    ['a Figure pointing outside figures/', '<Figure src="../x.svg" alt="x" />\n', 'Figure.src', 1, /expected figures\/<file>/],
    ['an expression as a prop', '<Callout title={x}>\n\nx\n\n</Callout>\n', 'Callout.title', 1, /found the expression title=\{x\}; expected a quoted text value/],
    ['a part outside its component', '<Say>\n\nx\n\n</Say>\n', 'body', 1, /found <Say> on its own; expected it only inside <SayThis>/],
    ['a SayThis without Avoid', '<SayThis>\n<Say>\n\nx\n\n</Say>\n</SayThis>\n', 'body', 1, /expected one <Say> and one <Avoid>/],
    ['Steps without a numbered list', '<Steps>\n\n- a\n- b\n\n</Steps>\n', 'body', 1, /expected only a list written 1\. 2\. 3\./],
  ])('%s', (_name, body, field, line, message) => {
    const found = issues(body);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ field, line });
    expect(found[0].message).toMatch(message);
  });

  it('a refused file is named with the reason it was refused', () => {
    const refusing = releaseAssets([], new Map([['files/big.pdf', 'found 6.0 MB; expected at most 5.0 MB']]));
    const result = compilePage('<Download src="files/big.pdf" />\n', {}, [], refusing);
    expect(result.issues[0]).toMatchObject({ field: 'Download.src' });
    expect(result.issues[0].message).toMatch(/a file refused \(found 6.0 MB; expected at most 5.0 MB\)/);
  });
});

describe('compiling once per distinct body and figure', () => {
  it('compiles again only when a figure the page shows changes', () => {
    const body = `<Figure src="figures/tiers.svg" alt="Tiers ${Math.random()}" />\n`;
    const before = compileCount();
    compilePage(body, {}, [], assets);
    // Another release with the same figure (and an unrelated download changed): the same result.
    compilePage(body, {}, [], releaseAssets([svg, { ...csv, hash: 'other' }]));
    expect(compileCount() - before).toBe(1);
    const edited = compilePage(body, {}, [], releaseAssets([{ ...svg, hash: 'new', width: 800, height: 450 }]));
    expect(compileCount() - before).toBe(2);
    expect(edited.page!.html).toContain('width="800" height="450"');
  });
});
