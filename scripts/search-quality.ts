// How often search finds what readers type: every query of tests/fixtures/search-queries.json is
// typed into the built site's /search/ page in Chromium, exactly as a reader would, and counts as
// found when one of its expected pages is among the first three results. A measure, not a test:
// run `npm run build` first, then `npm run search-quality` (add `-- --verbose` for every query).
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { chromium } from '@playwright/test';

interface Query {
  q: string;
  expect: string[];
  why?: string;
}

const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist');
const verbose = process.argv.includes('--verbose');
const TOP = 3;

if (!existsSync(join(dist, 'pagefind', 'releases.json'))) {
  console.error('No built site with a search index in dist/: run `npm run build` first.');
  process.exit(1);
}

const { queries } = JSON.parse(await readFile(join(root, 'tests', 'fixtures', 'search-queries.json'), 'utf8')) as { queries: Query[] };
const { latest } = JSON.parse(await readFile(join(dist, 'pagefind', 'releases.json'), 'utf8')) as { latest: string };

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.xml': 'application/xml',
};

/** The built site, served as a static host would (a folder answers with its index.html). */
const server = createServer(async (request, response) => {
  const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://site').pathname)).replace(/^(\.\.[/\\])+/, '');
  let file = join(dist, path);
  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    const body = await readFile(file);
    response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    response.end(body);
  } catch {
    response.writeHead(404, { 'Content-Type': 'text/plain' });
    response.end('not found');
  }
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

/** The address an expected page has in the latest release. */
function expectedPath(expected: string): string {
  if (expected === 'glossary') return `/v/${latest}/glossary/`;
  if (expected.startsWith('track:')) return `/v/${latest}/onboarding/${expected.slice('track:'.length)}/`;
  if (expected.startsWith('notes:')) return `/changelog/${expected.slice('notes:'.length)}/`;
  return `/v/${latest}/${expected}/`;
}

/** A result's address without highlight parameter or section, `/latest/` read as the latest release, and the general onboarding address as the latest's. */
function resultPath(href: string): string {
  const path = new URL(href, origin).pathname;
  return path.replace(/^\/latest\//, `/v/${latest}/`).replace(/^\/onboarding\//, `/v/${latest}/onboarding/`);
}

const browser = await chromium.launch({ executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined });
let found = 0;
const misses: string[] = [];
try {
  const page = await browser.newPage();
  for (const query of queries) {
    await page.goto(`${origin}/search/?${new URLSearchParams({ q: query.q })}`);
    const status = page.locator('.search-status').first();
    await status.filter({ hasText: /result/ }).waitFor({ timeout: 15_000 });
    // Results are links in headings; "did you mean" and section links are not results.
    const hrefs = await page.locator('.search-result__title a').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
    const top = hrefs.slice(0, TOP).map(resultPath);
    const wanted = query.expect.map(expectedPath);
    const hit = top.some((path) => wanted.includes(path));
    if (hit) found++;
    else misses.push(`  “${query.q}”: expected ${query.expect.join(' or ')}; top ${TOP}: ${top.join(', ') || 'nothing'}`);
    if (verbose) console.log(`${hit ? 'found ' : 'MISSED'} “${query.q}” -> ${top.join(', ') || 'nothing'}`);
  }
} finally {
  await browser.close();
  server.close();
}

const share = found / queries.length;
console.log(`Search quality: ${found} of ${queries.length} queries (${(share * 100).toFixed(1)}%) have an expected page in the top ${TOP} (release ${latest}).`);
if (misses.length) console.log(`Missed:\n${misses.join('\n')}`);
