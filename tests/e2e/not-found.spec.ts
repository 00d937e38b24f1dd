import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { DIST, repositoryLibrary } from './site.ts';

test('an address without its trailing slash is redirected to it, query kept', async ({ request }) => {
  const library = await repositoryLibrary();
  for (const [asked, expected] of [
    [`/v/${library.latest.release}`, `/v/${library.latest.release}/`],
    [`/latest/${library.latest.pages[0].id}`, `/latest/${library.latest.pages[0].id}/`],
    ['/search?q=tier', '/search/?q=tier'],
  ]) {
    const response = await request.get(asked, { maxRedirects: 0 });
    expect(response.status(), asked).toBe(301);
    expect(new URL(response.headers().location, 'http://x').pathname + new URL(response.headers().location, 'http://x').search).toBe(expected);
  }
});

test('an unknown address answers 404 with the site’s own page, with or without a trailing slash', async ({ request }) => {
  for (const asked of ['/no-such-page/', '/no-such-page', '/v/2.0/no-such-page', '/v/9.9/x/index.html']) {
    const response = await request.get(asked, { maxRedirects: 0 });
    expect(response.status(), asked).toBe(404);
    expect(await response.text(), asked).toContain('<h1>Page not found</h1>');
  }
});

test('the 404 page suggests the right page for addresses readers guess', async ({ page }) => {
  const library = await repositoryLibrary();
  const latest = library.latest.release;
  const older = library.releases[0].release;
  const track = library.latest.tracks[0];
  const cases: Array<[string, string]> = [
    ['/glossary/', '/latest/glossary/'],
    ['/print/', `/v/${latest}/print/`],
    ['/latest/print/', `/v/${latest}/print/`],
    [`/compare/${older}...${latest}/`, `/compare/?from=${older}&to=${latest}`],
    [`/onboarding/${track.id}s/`, `/onboarding/${track.id}/`],
  ];
  for (const [asked, suggested] of cases) {
    const response = await page.goto(asked);
    expect(response?.status(), asked).toBe(404);
    await expect(page.locator('#suggestions a').first(), asked).toHaveAttribute('href', suggested);
  }
  // The compare picker opens with both releases filled in.
  await page.goto(`/compare/${older}...${latest}/`);
  await page.locator('#suggestions a').first().click();
  await expect(page).toHaveURL(`/compare/?from=${older}&to=${latest}`);
});

test('the documented nginx configuration redirects and answers 404 the same way', async () => {
  const nginx = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((path) => existsSync(path));
  test.skip(!nginx, 'nginx is not installed');
  const dir = mkdtempSync(join(tmpdir(), 'nginx-'));
  const port = Number(process.env.PLAYBOOK_PORT ?? 4321) + 1000;
  const site = readFileSync('docs/nginx.conf', 'utf8').replace(/listen \d+;/, `listen 127.0.0.1:${port};`).replace(/root [^;]+;/, `root ${DIST};`);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((name) => `${name}_temp_path ${dir};`).join(' ');
  writeFileSync(join(dir, 'nginx.conf'), `daemon off; pid ${dir}/nginx.pid; error_log ${dir}/error.log; events {} http { include /etc/nginx/mime.types; access_log off; ${temp} ${site} }`);
  const server = spawn(nginx!, ['-c', join(dir, 'nginx.conf'), '-p', dir], { stdio: 'ignore' });
  try {
    const get = async (path: string) => {
      for (let attempt = 0; ; attempt++) {
        try {
          return await fetch(`http://127.0.0.1:${port}${path}`, { redirect: 'manual' });
        } catch (error) {
          if (attempt > 50) throw error;
          await new Promise((done) => setTimeout(done, 100));
        }
      }
    };
    const library = await repositoryLibrary();
    const folder = await get(`/v/${library.latest.release}?present`);
    expect(folder.status).toBe(301);
    expect(folder.headers.get('location')).toBe(`/v/${library.latest.release}/?present`);
    for (const path of ['/no-such-page/', '/no-such-page', '/_astro/']) {
      const missing = await get(path);
      expect(missing.status, path).toBe(404);
      expect(await missing.text(), path).toContain('<h1>Page not found</h1>');
    }
    expect((await get('/versions.json')).headers.get('content-type')).toContain('application/json');
  } finally {
    server.kill();
  }
});
