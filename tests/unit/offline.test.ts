import { describe, expect, it } from 'vitest';
import { fileOfAddress, offlineAddress, offlineCss, offlineHtml, type OfflineLinks } from '../../src/lib/offline.ts';

const files = new Set(['v/2.0/index.html', 'v/2.0/tiers/index.html', 'v/2.0/tiers/cite.ris', 'v/2.0/references/index.html', 'v/2.0/figures/a.svg', '_astro/site.css', '_astro/font.woff2']);
const links: OfflineLinks = { base: '/', has: (file) => files.has(file) };

describe('the offline copy of a release', () => {
  it('finds the file an address asks for', () => {
    expect(fileOfAddress('/v/2.0/', '/')).toBe('v/2.0/index.html');
    expect(fileOfAddress('/peer-support/v/2.0/a.svg', '/peer-support/')).toBe('v/2.0/a.svg');
    expect(fileOfAddress('/elsewhere/', '/peer-support/')).toBeUndefined();
  });

  it('links within the copy to files, relative to the page, anchors and queries kept', () => {
    const from = 'v/2.0/tiers/index.html';
    expect(offlineAddress('/v/2.0/', from, links)).toBe('../index.html');
    expect(offlineAddress('../references/#scott-2010', from, links)).toBe('../references/index.html#scott-2010');
    expect(offlineAddress('cite.ris', from, links)).toBe('cite.ris');
    expect(offlineAddress('/v/2.0/tiers/?present', from, links)).toBe('index.html?present');
    expect(offlineAddress('/_astro/site.css', from, links)).toBe('../../../_astro/site.css');
    expect(offlineAddress('#why', from, links)).toBe('#why');
    expect(offlineAddress('https://example.org/x', from, links)).toBe('https://example.org/x');
  });

  it('sends links that leave the copy to the site when its address is known', () => {
    const from = 'v/2.0/tiers/index.html';
    expect(offlineAddress('/changelog/', from, links)).toBe('/changelog/');
    expect(offlineAddress('/changelog/', from, { ...links, site: 'https://playbook.example.org' })).toBe('https://playbook.example.org/changelog/');
    expect(offlineAddress('../../1.0/tiers/', from, { ...links, site: 'https://playbook.example.org' })).toBe('https://playbook.example.org/v/1.0/tiers/');
  });

  it('works under a base path', () => {
    const based = { ...links, base: '/peer-support/' };
    expect(offlineAddress('/peer-support/v/2.0/references/', 'v/2.0/tiers/index.html', based)).toBe('../references/index.html');
  });

  it('rewrites the addresses of a page and a stylesheet', () => {
    const html = '<link rel="stylesheet" href="/_astro/site.css"><a href="/v/2.0/tiers/?present&amp;x=1">T</a><img src="/v/2.0/figures/a.svg" srcset="/v/2.0/figures/a.svg 1x, /v/2.0/figures/a.svg 2x">';
    expect(offlineHtml(html, 'v/2.0/index.html', links)).toBe(
      '<link rel="stylesheet" href="../../_astro/site.css"><a href="tiers/index.html?present&amp;x=1">T</a><img src="figures/a.svg" srcset="figures/a.svg 1x, figures/a.svg 2x">',
    );
    expect(offlineCss('@font-face{src:url(/_astro/font.woff2)}', '_astro/site.css', links)).toBe('@font-face{src:url(font.woff2)}');
  });
});
