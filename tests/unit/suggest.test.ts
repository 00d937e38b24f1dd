import { describe, expect, it } from 'vitest';
import { requestedId, suggestAddress, suggestPages, type KnownSite } from '../../src/lib/suggest.ts';

const latest = [
  { id: 'three-tier-model', title: 'The three-tier model' },
  { id: 'threats-from-patients', title: 'Threats from patients' },
  { id: 'activation', title: 'Activation after an event' },
  { id: 'litigation', title: 'When litigation follows' },
];

describe('the 404 page suggestions', () => {
  it('reads the page id from any kind of address', () => {
    expect(requestedId('/v/1.0/three-tier-model/')).toBe('three-tier-model');
    expect(requestedId('/latest/Activation')).toBe('activation');
    expect(requestedId('/draft/litigation/index.html')).toBe('litigation');
    expect(requestedId('/')).toBeUndefined();
  });

  it('offers the same id in the latest release when it exists there', () => {
    expect(suggestPages('/v/9.9/litigation/', latest)).toEqual([{ url: '/latest/litigation/', title: 'When litigation follows', reason: 'same-id' }]);
  });

  it('offers ids spelt nearly the same, closest first', () => {
    expect(suggestPages('/latest/three-teir-model/', latest).map((s) => s.url)).toEqual(['/latest/three-tier-model/']);
    expect(suggestPages('/latest/activaton/', latest).map((s) => s.url)).toEqual(['/latest/activation/']);
    expect(suggestPages('/latest/threats/', latest).map((s) => s.url)).toEqual(['/latest/threats-from-patients/']);
  });

  it('offers nothing for an address that resembles no page', () => {
    expect(suggestPages('/latest/quarterly-budget-spreadsheet/', latest)).toEqual([]);
  });
});

describe('the 404 page suggestions for the other kinds of address', () => {
  const site: KnownSite = {
    pages: latest,
    tracks: [
      { id: 'physician-lead', title: 'Getting started as a physician lead' },
      { id: 'peer-supporter', title: 'Becoming a peer supporter' },
    ],
    releases: ['1.0', '1.1', '2.0', 'draft'],
    latest: '2.0',
  };
  const urls = (path: string) => suggestAddress(path, site).map((s) => s.url);

  it('sends a compare pair that is not prebuilt to the picker with both releases filled in', () => {
    expect(urls('/compare/1.0...2.0/')).toEqual(['/compare/?from=1.0&to=2.0']);
    expect(urls('/compare/1.0..latest/')).toEqual(['/compare/?from=1.0&to=2.0']);
    expect(suggestAddress('/compare/1.0...draft/', site)[0].title).toBe('Compare release 1.0 with the draft');
    expect(urls('/compare/0.9...2.0/')).toEqual(['/compare/']);
  });

  it('sends a glossary or print view without its release to the latest one', () => {
    expect(urls('/glossary/')).toEqual(['/latest/glossary/']);
    expect(urls('/glossary')).toEqual(['/latest/glossary/']);
    expect(urls('/print/')).toEqual(['/v/2.0/print/']);
    expect(urls('/latest/print/')).toEqual(['/v/2.0/print/']);
  });

  it('offers the track a misspelt track address was after', () => {
    expect(urls('/onboarding/physician-leads/')).toEqual(['/onboarding/physician-lead/']);
    expect(urls('/v/1.0/onboarding/peer-suporter/')).toEqual(['/onboarding/peer-supporter/']);
    expect(urls('/onboarding/quarterly-budget-spreadsheet/')).toEqual(['/onboarding/']);
  });

  it('takes anything else for a page id', () => {
    expect(urls('/latest/activaton/')).toEqual(['/latest/activation/']);
    expect(urls('/changelog/9.9/')).toEqual(['/changelog/']);
  });
});
