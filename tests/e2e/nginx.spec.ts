import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { DIST, repositoryLibrary } from './site.ts';

// The built site behind real nginx, with the server block the build writes (dist/nginx.conf): the
// headers, caching, redirects and 404 page a reader gets from a real host, and one reading path.
const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((path) => existsSync(path));
test.skip(!NGINX, 'nginx is not installed (apt-get install nginx; .ci/run installs it): the generated dist/nginx.conf is not tested');
test.describe.configure({ mode: 'serial' });

let server: ChildProcess | undefined;
let origin = '';

/** A port nothing listens on now. */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
    probe.on('error', fail);
  });
}

test.beforeAll(async () => {
  // nginx as the current user, with its own configuration, pid, log and temp paths.
  const dir = mkdtempSync(join(tmpdir(), 'playbook-nginx-'));
  const port = await freePort();
  const site = readFileSync(join(DIST, 'nginx.conf'), 'utf8').replace(/listen \d+;/, `listen 127.0.0.1:${port};`).replace(/root [^;]+;/, `root ${DIST};`);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((name) => `${name}_temp_path ${dir};`).join(' ');
  writeFileSync(join(dir, 'nginx.conf'), `daemon off; pid ${dir}/nginx.pid; error_log ${dir}/error.log; events {} http { include /etc/nginx/mime.types; access_log off; ${temp}\n${site}\n}`);
  server = spawn(NGINX!, ['-c', join(dir, 'nginx.conf'), '-p', dir], { stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  server.stderr?.on('data', (chunk) => (errors += chunk));
  origin = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    try {
      await fetch(`${origin}/`);
      return;
    } catch (error) {
      if (attempt > 50 || server.exitCode !== null) throw new Error(`nginx did not start: ${errors}`, { cause: error });
      await new Promise((done) => setTimeout(done, 100));
    }
  }
});

test.afterAll(() => {
  server?.kill();
});

const get = (path: string) => fetch(`${origin}${path}`, { redirect: 'manual' });

test('every answer carries the security headers, the CSP from the pages’ own policy plus frame-ancestors', async () => {
  const library = await repositoryLibrary();
  const page = await get(`/latest/${library.latest.pages[0].id}/`);
  expect(page.status).toBe(200);
  const csp = page.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("frame-ancestors 'none'");
  // Everything the page's <meta> policy allows, the header allows too (else the header would block it).
  const meta = /<meta http-equiv="content-security-policy" content="([^"]*)"/.exec(await page.text())?.[1] ?? '';
  for (const source of meta.split(/[;\s]+/).filter((source) => source.startsWith("'sha256-"))) expect(csp).toContain(source);
  expect(csp).toContain("default-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  for (const answer of [page, await get('/no-such-page/'), await get(`/v/${library.latest.release}`)]) {
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
    expect(answer.headers.get('permissions-policy')).toContain('camera=()');
    expect(answer.headers.get('content-security-policy')).toBe(csp);
  }
});

test('hashed assets and frozen releases’ files are cached for a year; latest, draft, feed and versions.json briefly', async () => {
  const library = await repositoryLibrary();
  const release = library.latest.release;
  const asset = readdirSync(join(DIST, '_astro')).find((name) => name.endsWith('.css'));
  const figure = readdirSync(join(DIST, 'v', release, 'figures'))[0];
  const year = 'public, max-age=31536000, immutable';
  const cases: Array<[string, string]> = [
    [`/_astro/${asset}`, year],
    [`/v/${release}/figures/${figure}`, year],
    [`/v/${release}/`, 'public, max-age=3600'],
    [`/latest/${library.latest.pages[0].id}/`, 'public, max-age=300, must-revalidate'],
    ['/draft/', 'no-cache'],
    ['/changelog/feed.xml', 'public, max-age=300, must-revalidate'],
    ['/versions.json', 'public, max-age=300, must-revalidate'],
    ['/', 'public, max-age=300, must-revalidate'],
  ];
  // A release's PDF, where one was made (npm run pdf), is frozen with it.
  const pdf = join('v', release, 'copies', `peer-support-playbook-${release}.pdf`);
  if (existsSync(join(DIST, pdf))) cases.push([`/${pdf}`, year]);
  for (const [path, expected] of cases) {
    const answer = await get(path);
    expect(answer.status, path).toBe(200);
    expect(answer.headers.get('cache-control'), path).toBe(expected);
  }
  expect((await get('/versions.json')).headers.get('content-type')).toContain('application/json');
});

test('an address without its trailing slash is redirected to it, query kept; an unknown one gets the site’s 404 page', async () => {
  const library = await repositoryLibrary();
  const folder = await get(`/v/${library.latest.release}?present`);
  expect(folder.status).toBe(301);
  expect(folder.headers.get('location')).toBe(`/v/${library.latest.release}/?present`);
  for (const path of ['/no-such-page/', '/no-such-page', '/_astro/', '/nginx.conf', '/_headers']) {
    const missing = await get(path);
    expect(missing.status, path).toBe(404);
    expect(await missing.text(), path).toContain('<h1>Page not found</h1>');
  }
});

test('a reader goes from the front page to a page and on to the next one, with nothing blocked by the policy', async ({ page }) => {
  const blocked: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) blocked.push(message.text());
  });
  await page.addInitScript(() => localStorage.setItem('playbook-theme', 'dark'));
  await page.goto(`${origin}/`);
  // The one inline script (hashed in the policy) ran: the remembered theme is applied.
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const library = await repositoryLibrary();
  const first = library.latest.pages[0];
  await page.locator(`main a[href$="/${first.id}/"]`).first().click();
  await expect(page.locator('h1')).toHaveText(first.title);
  await page.locator('.prev-next__link--next').click();
  await expect(page.locator('h1')).not.toHaveText(first.title);
  expect(new URL(page.url()).origin).toBe(origin);
  // The stylesheet loaded (a hashed asset under the policy's style-src).
  expect(await page.evaluate(() => document.styleSheets.length)).toBeGreaterThan(0);
  expect(blocked).toEqual([]);
});
