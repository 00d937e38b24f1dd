import { describe, expect, it } from 'vitest';
import { compileCount, compileKey, compilePage } from '../../src/lib/compile.ts';
import { glossaryKey, type GlossaryEntry } from '../../src/lib/glossary.ts';
import { GOOD_FIXTURE, libraryOf } from './helpers.ts';

const glossary: GlossaryEntry[] = [
  { id: 'second-victim', term: 'Second victim', aliases: [] },
  { id: 'adverse-event', term: 'Adverse event', aliases: ['adverse patient event'] },
  { id: 'eap', term: 'Employee assistance program', aliases: ['EAP'] },
  { id: 'naive', term: 'naïve', aliases: [] },
];

function html(body: string, terms: GlossaryEntry[] = glossary): string {
  const result = compilePage(body, {}, terms);
  expect(result.issues).toEqual([]);
  return result.page!.html;
}

describe('linking glossary terms at compile time', () => {
  it('links the first use of a term, case-insensitively, keeping the words as written', () => {
    expect(html('A second victim is hurt. Every Second Victim deserves support.\n')).toBe(
      '<p>A <a href="../glossary/#second-victim" class="glossary-term">second victim</a> is hurt. Every Second Victim deserves support.</p>',
    );
  });

  it('links a term first met through an alias, then never again under its other names', () => {
    expect(html('After an adverse patient event, and any later adverse event.\n')).toBe(
      '<p>After an <a href="../glossary/#adverse-event" class="glossary-term">adverse patient event</a>, and any later adverse event.</p>',
    );
  });

  it('matches whole words only', () => {
    expect(html('They leap. Reaping is not EAP.\n')).toBe('<p>They leap. Reaping is not <a href="../glossary/#eap" class="glossary-term">EAP</a>.</p>');
    expect(html('A naïveté is not naïve.\n')).toBe('<p>A naïveté is not <a href="../glossary/#naive" class="glossary-term">naïve</a>.</p>');
  });

  it('links several terms in one text, each once', () => {
    expect(html('The EAP helps a second victim; the EAP again.\n')).toBe(
      '<p>The <a href="../glossary/#eap" class="glossary-term">EAP</a> helps a <a href="../glossary/#second-victim" class="glossary-term">second victim</a>; the EAP again.</p>',
    );
  });

  it('never links inside headings, links, code or callout titles, and links the next use instead', () => {
    const out = html(
      [
        '## The second victim',
        '',
        'See [the EAP](https://example.org/) and `second victim`.',
        '',
        '<Callout kind="note" title="Second victim">',
        '',
        'Call the EAP.',
        '',
        '</Callout>',
        '',
        'A second victim.',
        '',
      ].join('\n'),
    );
    expect(out).toContain('<h2 id="the-second-victim">The second victim</h2>');
    expect(out).toContain('<a href="https://example.org/">the EAP</a>');
    expect(out).toContain('<code>second victim</code>');
    expect(out).toContain('<p class="callout-title"><strong>Second victim</strong></p>');
    expect(out).toContain('<p>Call the <a href="../glossary/#eap" class="glossary-term">EAP</a>.</p>');
    expect(out).toContain('<p>A <a href="../glossary/#second-victim" class="glossary-term">second victim</a>.</p>');
    expect(out.match(/glossary-term/g)).toHaveLength(2);
  });

  it('links inside emphasis and list items, in reading order', () => {
    const out = html('- first *second victim*\n- second victim again\n');
    expect(out).toContain('<em><a href="../glossary/#second-victim" class="glossary-term">second victim</a></em>');
    expect(out).toContain('<li>second victim again</li>');
  });

  it('leaves the text the diff and search read unchanged', () => {
    const linked = compilePage('A second victim.\n', {}, glossary).page!;
    const plain = compilePage('A second victim.\n').page!;
    expect(linked.blocks).toEqual(plain.blocks);
    expect(linked.words).toBe(plain.words);
  });

  it('links nothing without a glossary', () => {
    expect(html('A second victim.\n', [])).toBe('<p>A second victim.</p>');
  });
});

describe('the glossary in the compile cache', () => {
  it('compiles a body again only when the glossary links different words', () => {
    const body = `A second victim, ${Math.random()}.\n`;
    const before = compileCount();
    compilePage(body, {}, glossary);
    compilePage(body, {}, glossary.map((entry) => ({ ...entry })));
    expect(compileCount() - before).toBe(1);
    compilePage(body, {}, glossary.slice(1));
    expect(compileCount() - before).toBe(2);
  });

  it('keys on terms and aliases, not on definitions or order of fields', () => {
    expect(compileKey('x', {}, glossary)).not.toBe(compileKey('x', {}));
    expect(glossaryKey(glossary)).toBe(glossaryKey(glossary.map((entry) => ({ ...entry, definition: 'changed' }) as GlossaryEntry)));
    expect(glossaryKey(glossary)).not.toBe(glossaryKey([{ ...glossary[0], aliases: ['victim two'] }, ...glossary.slice(1)]));
    expect(glossaryKey([])).toBe('');
  });
});

describe('each release links its own glossary', () => {
  it('links a term of the draft glossary in a draft page, not in the release whose glossary lacks it', async () => {
    const library = await libraryOf(GOOD_FIXTURE);
    const linked = '<a href="../glossary/#peer-supporter" class="glossary-term">peer supporter</a>';
    expect(library.draft!.page('encounter-workflow')!.html).toContain(`Call the ${linked}.`);
    expect(library.release('1.1')!.page('encounter-workflow')!.html).not.toContain('glossary-term');
  });
});
