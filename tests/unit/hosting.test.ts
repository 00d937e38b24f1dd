import { describe, expect, it } from 'vitest';
import { headersFile, hostingPolicy, mergeCsp, nginxConfig, parseCsp } from '../../src/lib/hosting.ts';
import { metaPolicy } from '../../src/integrations/hosting.ts';

const page = "default-src 'self';img-src 'self' data:; script-src 'self' 'sha256-a'; style-src 'self' 'sha256-s1';";
const review = "default-src 'self';img-src 'self' data:; script-src 'self' 'sha256-a' 'sha256-b'; style-src 'self' 'sha256-s2';";

describe('the hosting policy', () => {
  it('reads a page’s <meta> policy', () => {
    expect(metaPolicy(`<head><meta http-equiv="content-security-policy" content="${page}"></head>`)).toBe(page);
    expect(metaPolicy('<head></head>')).toBeUndefined();
    expect(parseCsp(page).get('script-src')).toEqual(["'self'", "'sha256-a'"]);
  });

  it('allows in its header what any page allows, and forbids framing', () => {
    const merged = mergeCsp([page, review]);
    expect(merged.get('script-src')).toEqual(["'self'", "'sha256-a'", "'sha256-b'"]);
    expect(merged.get('style-src')).toEqual(["'self'", "'sha256-s1'", "'sha256-s2'"]);
    const policy = hostingPolicy([page, review]);
    expect(policy.csp).toBe("default-src 'self'; img-src 'self' data:; script-src 'self' 'sha256-a' 'sha256-b'; style-src 'self' 'sha256-s1' 'sha256-s2'; frame-ancestors 'none'");
  });

  it('refuses a site whose pages carry no policy', () => {
    expect(() => hostingPolicy([])).toThrow('found no Content Security Policy in the built pages');
  });

  it('gives Cache-Control in _headers only where no two rules overlap (hosts join overlapping values)', () => {
    const text = headersFile(hostingPolicy([page]));
    const rules = text.split('\n').filter((line) => line.startsWith('/'));
    expect(rules[0]).toBe('/*');
    expect(text.match(/Cache-Control/g)).toHaveLength(rules.length - 1);
    expect(text).not.toContain('/v/:release/*\n');
    expect(text).toContain('/_astro/*\n  Cache-Control: public, max-age=31536000, immutable');
    expect(text).toContain('/versions.json\n  Cache-Control: public, max-age=300, must-revalidate');
  });

  it('writes an nginx block under the base path, with headers at server level only', () => {
    const text = nginxConfig(hostingPolicy([page], '/peer-support/'), { listen: '8080', root: '/srv/www' });
    expect(text).toContain('location /peer-support/ {');
    expect(text).toContain('error_page 404 /peer-support/404.html;');
    expect(text).toContain('~^/peer-support/_astro/ "public, max-age=31536000, immutable";');
    expect(text).toContain('~^/peer-support/v/ "public, max-age=3600";');
    // An add_header inside a location would drop every server-level one there.
    const locations = text.match(/^\s*location [^{]*\{[^}]*\}/gm) ?? [];
    expect(locations.length).toBeGreaterThan(0);
    for (const location of locations) expect(location).not.toContain('add_header');
    expect(text).toContain(`add_header Content-Security-Policy "${hostingPolicy([page]).csp}" always;`);
  });

  it('puts the files of frozen releases before their pages, so the first matching rule is the right one', () => {
    const { cache } = hostingPolicy([page]);
    const files = cache.findIndex((rule) => rule.pattern.endsWith('/files/*'));
    const pages = cache.findIndex((rule) => rule.pattern === '/v/:release/*');
    expect(files).toBeLessThan(pages);
    expect(pages).toBe(cache.length - 1);
  });
});
