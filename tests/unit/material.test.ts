import { describe, expect, it } from 'vitest';
import { bibtex, citationSubject, referenceText, ris } from '../../src/lib/citation.ts';
import { classedChanges, isMaterialIn, lastMaterialRelease } from '../../src/lib/material.ts';
import { sectionStamps, sectionTexts, stampText, withStamps } from '../../src/lib/stamps.ts';
import { trackData } from '../../src/lib/tracks.ts';
import { copyFixture, edit, GOOD_FIXTURE, libraryOf } from './helpers.ts';

const CONTROL = 'content/releases/1.1.control.yaml';

/** The good fixture with the renamed introduction classed editorial (wording only). */
async function editorialIntroduction() {
  const root = copyFixture();
  edit(root, CONTROL, (text) => text.replace(/  introduction: .*\n/, '  introduction: { class: editorial }\n'));
  return libraryOf(root);
}

describe('material and editorial changes', () => {
  it('classes each changed page of a release by its document control', async () => {
    const library = await editorialIntroduction();
    const v11 = library.release('1.1')!;
    const classed = classedChanges(library, v11);
    expect(classed.material.map((entry) => [entry.page.id, entry.note])).toEqual([
      ['tiers', 'Tier 2 is now trained peer supporters, not any colleague.'],
      ['encounter-workflow', undefined],
    ]);
    expect(classed.editorial.map((entry) => entry.page.id)).toEqual(['introduction']);
    expect(classed.removed.map((change) => change.id).sort()).toEqual(['old-workflow', 'retired']);
    expect(isMaterialIn(library, v11, 'introduction')).toBe(false);
    // Editorial edits do not count as a change in substance: the last one is the page's first release.
    expect(lastMaterialRelease(library, v11, 'introduction')!.release).toBe('1.0');
    expect(lastMaterialRelease(library, v11, 'tiers')!.release).toBe('1.1');
  });

  it('counts a changed page the release does not class as material', async () => {
    const library = await libraryOf(GOOD_FIXTURE);
    const draft = library.draft!;
    expect(classedChanges(library, draft).material.map((entry) => [entry.page.id, entry.declared])).toContainEqual(['listening', false]);
  });

  it('tells a returning track reader only of material changes', async () => {
    const material = await libraryOf(GOOD_FIXTURE);
    const editorial = await editorialIntroduction();
    const track = (library: typeof material) => trackData(library, library.release('1.1')!, library.release('1.1')!.tracks[0]);
    expect(Object.keys(track(material).changed)).toContain('introduction');
    expect(Object.keys(track(editorial).changed)).not.toContain('introduction');
    expect(Object.keys(track(editorial).changed)).toContain('tiers');
  });
});

describe('section stamps', () => {
  it('splits a page into sections by h2 and h3', () => {
    const texts = sectionTexts([
      { kind: 'text', text: 'Intro' },
      { kind: 'heading', depth: 2, anchor: 'a', text: 'A' },
      { kind: 'text', text: 'one' },
      { kind: 'heading', depth: 3, anchor: 'b', text: 'B' },
      { kind: 'text', text: 'two' },
    ]);
    expect([...texts]).toEqual([['a', 'A\none'], ['b', 'B\ntwo']]);
  });

  it('stamps a section new in a release, and one amended, following a renamed heading', async () => {
    const root = copyFixture();
    // The draft's listening page gets a new section and an amended one.
    edit(root, 'content/draft/pages/listening.mdx', (text) => `${text}\n## A new section\n\nNew words.\n`);
    const library = await libraryOf(root);
    const v11 = library.release('1.1')!;
    const tiers = sectionStamps(library, v11, v11.page('tiers')!);
    // "Tier 2: trained peers" was renamed in 1.1 (anchors map) and its text changed, in a material change.
    expect(stampText(tiers.get('tier-2-trained-peer-supporters')!)).toBe('Amended in 1.1');
    const draft = library.draft!;
    const listening = sectionStamps(library, draft, draft.page('listening')!);
    expect(stampText(listening.get('a-new-section')!)).toBe('New in the draft');
    const html = withStamps('<h2 id="a-new-section">A new section</h2><p>New words.</p><h2 id="x">X</h2>', listening);
    expect(html).toBe('<h2 id="a-new-section">A new section</h2><p class="section-stamp" data-pagefind-ignore>New in the draft</p><p>New words.</p><h2 id="x">X</h2>');
  });

  it('does not stamp a section amended in an editorial change', async () => {
    const library = await libraryOf(copyFixture());
    const editorial = await (async () => {
      const root = copyFixture();
      edit(root, CONTROL, (text) => text.replace(/  tiers: .*\n/, '  tiers: { class: editorial }\n'));
      return libraryOf(root);
    })();
    const stamp = (lib: typeof library) => stampText(sectionStamps(lib, lib.release('1.1')!, lib.release('1.1')!.page('tiers')!).get('tier-2-trained-peer-supporters')!);
    expect(stamp(library)).toBe('Amended in 1.1');
    expect(stamp(editorial)).toBeUndefined();
  });
});

describe('citations', () => {
  const release = { release: '2.0', title: 'Broadened peer support', date: '2025-10-06', url: '/v/2.0/' };
  const page = { id: 'activation', title: 'Activating support after an event', url: '/v/2.0/activation/' };

  it('writes an APA reference at the pinned address, absolute when the site is known', () => {
    const subject = citationSubject(release, page, new URL('https://playbook.example.org/'));
    expect(referenceText(subject)).toEqual({
      before: 'Peer Support Playbook. (2025, October 6). Activating support after an event. In Peer Support Playbook, release 2.0.',
      url: 'https://playbook.example.org/v/2.0/activation/',
    });
    expect(citationSubject(release, undefined, undefined).url).toBe('/v/2.0/');
  });

  it('writes BibTeX and RIS records', () => {
    const subject = citationSubject(release, page, new URL('https://playbook.example.org/'));
    expect(bibtex(subject)).toContain('@misc{playbook-2-0-activation,\n  author = {Peer Support Playbook},\n  title = {Activating support after an event},');
    expect(bibtex(subject)).toContain('  url = {https://playbook.example.org/v/2.0/activation/}');
    expect(ris(subject).split('\r\n')).toEqual([
      'TY  - ELEC',
      'AU  - Peer Support Playbook',
      'TI  - Activating support after an event',
      'T2  - Peer Support Playbook, release 2.0',
      'ET  - Release 2.0',
      'PY  - 2025',
      'DA  - 2025/10/06',
      'UR  - https://playbook.example.org/v/2.0/activation/',
      'ID  - playbook-2-0-activation',
      'ER  - ',
      '',
    ]);
  });
});
