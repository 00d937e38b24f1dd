import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSite, documentStructureProblems, htmlFacts, pageWeight, urlOfFile } from '../../scripts/lib/site-check.ts';

function site(files: Record<string, string>): string {
  const dist = mkdtempSync(join(tmpdir(), 'dist-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dist, file)), { recursive: true });
    writeFileSync(join(dist, file), text);
  }
  return dist;
}

describe('reading built HTML', () => {
  it('collects ids, followed links and fetched resources', () => {
    const facts = htmlFacts(
      '/v/1.0/a/',
      `<link rel="stylesheet" href="/s.css"><link rel="alternate" href="/feed.xml"><script type="module" src="/x.js"></script>
       <script type="application/json">{"data":1}</script><style>p{}</style>
       <h2 id="one">One</h2><a href="../b/#two">b</a><img src="https://cdn.example/x.png"><form action="/search/"></form>`,
    );
    expect([...facts.ids]).toEqual(['one']);
    expect(facts.links).toEqual(['/feed.xml', '../b/#two', '/search/']);
    expect(facts.resources).toEqual([
      { tag: 'link', url: '/s.css' },
      { tag: 'script', url: '/x.js' },
      { tag: 'img', url: 'https://cdn.example/x.png' },
    ]);
    expect(facts.inlineStyleBytes).toBe(3);
    expect(facts.inlineScriptBytes).toBe(0);
  });

  it('maps files to the URLs they answer', () => {
    expect(urlOfFile('index.html')).toBe('/');
    expect(urlOfFile('v/1.0/a/index.html')).toBe('/v/1.0/a/');
    expect(urlOfFile('404.html')).toBe('/404.html');
  });
});

describe('checking a built site', () => {
  it('finds broken pages, missing anchors and resources from another origin', async () => {
    const dist = site({
      'index.html': '<a href="/v/1.0/a/">a</a><a href="/v/1.0/a/#here">here</a><a href="/v/1.0/a/#gone">gone</a><a href="/nowhere/">x</a><a href="https://example.org/">out</a>',
      'v/1.0/a/index.html': '<h2 id="here">Here</h2><a href="../b/">b</a><script src="https://cdn.example/lib.js"></script>',
    });
    const report = await checkSite(dist);
    expect(report.pages).toBe(2);
    expect(report.broken).toEqual([
      { page: '/', href: '/v/1.0/a/#gone', reason: 'no element with id "gone"' },
      { page: '/', href: '/nowhere/', reason: 'no such page' },
      { page: '/v/1.0/a/', href: '../b/', reason: 'no such page' },
    ]);
    expect(report.external).toEqual([{ page: '/v/1.0/a/', url: 'https://cdn.example/lib.js', tag: 'script' }]);
  });

  it('leaves the anchors of a computed comparison to the compare island, but not the prebuilt ones', async () => {
    const dist = site({
      'index.html': '<a href="/compare/?from=1.0&amp;to=2.0#tiers">any pair</a><a href="/compare/#tiers">picker</a>',
      'compare/index.html': '<form></form>',
    });
    expect((await checkSite(dist)).broken).toEqual([{ page: '/', href: '/compare/#tiers', reason: 'no element with id "tiers"' }]);
  });

  it('passes a site whose links all resolve', async () => {
    const dist = site({ 'index.html': '<a href="/a/#x">a</a>', 'a/index.html': '<p id="x">x</p><a href="../">home</a>' });
    expect((await checkSite(dist)).broken).toEqual([]);
  });
});

describe('links answered by a script', () => {
  it('does not look for the fragment of a link with a query in the static file (the compare picker renders it)', async () => {
    const dist = site({
      'compare/index.html': '<main id="main"></main>',
      'review/index.html': '<a href="/compare/?from=1.0&to=draft#listening">diff</a><a href="/compare/#listening">broken</a>',
    });
    const report = await checkSite(dist);
    expect(report.broken).toEqual([{ page: '/review/', href: '/compare/#listening', reason: 'no element with id "listening"' }]);
  });
});

describe('page weight', () => {
  it('counts module scripts with their static imports once, and stylesheets', () => {
    const dist = site({
      'p/index.html': '<link rel="stylesheet" href="/_astro/s.css"><script type="module" src="/_astro/a.js"></script><script type="module" src="/_astro/b.js"></script>',
      '_astro/a.js': 'import{x}from"./c.js";x();',
      '_astro/b.js': 'import "./c.js";',
      '_astro/c.js': 'export const x=()=>{};import("./lazy.js");',
      '_astro/lazy.js': '/* loaded on demand, not counted */',
      '_astro/s.css': 'body{}',
    });
    const weight = pageWeight(dist, 'p/index.html');
    expect(weight.scripts.sort()).toEqual(['/_astro/a.js', '/_astro/b.js', '/_astro/c.js']);
    expect(weight.scriptBytes).toBe(26 + 16 + 42);
    expect(weight.styleBytes).toBe(6);
  });
});

describe('the outline of a built document', () => {
  const page = (after = '', body = '<p>Text</p>') => `<!doctype html><html lang="en"><head><title>t</title></head><body>${body}</body></html>${after}\n`;

  it('accepts a document that ends with </html>', () => {
    expect(documentStructureProblems(page())).toEqual([]);
    expect(documentStructureProblems(page('', '<script type="module" src="/a.js"></script>'))).toEqual([]);
  });

  it('reports a script written after </html>, as the W3C checker does', () => {
    expect(documentStructureProblems(page('<script type="module">import "/a.js"</script>'))).toEqual(['<script> after </html>']);
  });

  it('reports text and elements between </body> and </html>', () => {
    expect(documentStructureProblems(page().replace('</body>', '</body><div>late</div>'))).toEqual(['<div> after </body>']);
  });

  it('reports text after the end', () => {
    expect(documentStructureProblems(page('stray words'))).toEqual(['text "stray words" after </html>']);
  });

  it('reports a second body', () => {
    expect(documentStructureProblems(page('', '<p>a</p><body></body>'))).toContain('2 <body> elements, expected 1');
  });
});
