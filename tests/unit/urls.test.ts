import { describe, expect, it } from 'vitest';
import { absoluteUrl, glossaryUrl, onboardingUrl, pageDiffUrl, printUrl } from '../../src/lib/addresses.ts';
import { sectionLinkBases, switchToFor } from '../../src/lib/routes.ts';
import { GOOD_FIXTURE, libraryOf } from './helpers.ts';

const order = ['1.0', '1.1', '2.0', 'draft'];

describe('the diff of one page between two releases', () => {
  it('uses the prebuilt comparison for a release and the one right after it', () => {
    expect(pageDiffUrl('1.1', '2.0', order, 'activation')).toBe('/compare/1.1...2.0/#activation');
    expect(pageDiffUrl('1.0', '1.1', order, 'activation')).toBe('/compare/1.0...1.1/#activation');
  });

  it('uses the prebuilt comparison for the latest release and the draft', () => {
    expect(pageDiffUrl('2.0', 'draft', order, 'faq')).toBe('/compare/2.0...draft/#faq');
  });

  it('uses the picker for any other pair', () => {
    expect(pageDiffUrl('1.0', '2.0', order, 'activation')).toBe('/compare/?from=1.0&to=2.0#activation');
    expect(pageDiffUrl('1.1', 'draft', order, 'faq')).toBe('/compare/?from=1.1&to=draft#faq');
    expect(pageDiffUrl('2.0', '1.1', order, 'faq')).toBe('/compare/?from=2.0&to=1.1#faq');
  });

  it('treats a release it does not know as not adjacent, and leaves out an absent page', () => {
    expect(pageDiffUrl('0.9', '1.0', order)).toBe('/compare/?from=0.9&to=1.0');
    expect(pageDiffUrl('1.0', '1.1', order)).toBe('/compare/1.0...1.1/');
  });
});

describe('addresses of onboarding, glossary and print', () => {
  it('puts the latest release onboarding at /onboarding/, every other under its release', () => {
    expect(onboardingUrl('/latest/')).toBe('/onboarding/');
    expect(onboardingUrl('/latest/', 'physician-lead')).toBe('/onboarding/physician-lead/');
    expect(onboardingUrl('/v/1.1/', 'physician-lead')).toBe('/v/1.1/onboarding/physician-lead/');
    expect(onboardingUrl('/draft/', 'peer-supporter')).toBe('/draft/onboarding/peer-supporter/');
  });

  it('links a glossary term by its anchor in the release read', () => {
    expect(glossaryUrl('/latest/', 'eap')).toBe('/latest/glossary/#eap');
    expect(glossaryUrl('/v/2.0/')).toBe('/v/2.0/glossary/');
    expect(printUrl('/draft/')).toBe('/draft/print/');
  });
});

describe('the version switcher of a page the site makes per release', () => {
  it('names the same kind of page under each release, and what a release needs to have it', () => {
    expect(switchToFor('glossary')).toEqual({ suffix: 'glossary/' });
    expect(switchToFor('home')).toEqual({ suffix: '' });
    expect(switchToFor('print')).toEqual({ suffix: 'print/' });
    expect(switchToFor('onboarding')).toEqual({ suffix: 'onboarding/', needs: 'tracks' });
    expect(switchToFor('track', 'physician-lead')).toEqual({ suffix: 'onboarding/physician-lead/', needs: 'track:physician-lead' });
    expect(switchToFor('data')).toEqual({ suffix: 'data/', needs: 'data' });
  });
});

describe('what a section link points at', () => {
  it('offers the latest address and the pinned one for a page the latest release has', async () => {
    const library = await libraryOf(GOOD_FIXTURE);
    expect(sectionLinkBases(library, library.release('1.0')!, 'tiers')).toEqual({ latest: '/latest/tiers/', pinned: '/v/1.0/tiers/' });
    expect(sectionLinkBases(library, library.draft!, 'tiers')).toEqual({ latest: '/latest/tiers/', pinned: '/draft/tiers/' });
  });

  it('offers only the release address for a page the latest release no longer (or not yet) has', async () => {
    const library = await libraryOf(GOOD_FIXTURE);
    expect(sectionLinkBases(library, library.release('1.0')!, 'old-workflow')).toEqual({ latest: undefined, pinned: '/v/1.0/old-workflow/' });
    expect(sectionLinkBases(library, library.draft!, 'threats')).toEqual({ latest: undefined, pinned: '/draft/threats/' });
  });
});

describe('full addresses for print', () => {
  it('are absolute once the site address is configured, and the path otherwise', () => {
    expect(absoluteUrl('/v/2.0/tiers/', 'https://playbook.example.org')).toBe('https://playbook.example.org/v/2.0/tiers/');
    expect(absoluteUrl('/v/2.0/tiers/', undefined)).toBe('/v/2.0/tiers/');
  });
});
