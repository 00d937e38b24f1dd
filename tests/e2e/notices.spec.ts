import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { expect, test } from '@playwright/test';
import { HtmlValidate } from 'html-validate';
import { checkSite } from '../../scripts/lib/site-check.ts';
import { takeProjectLock } from './site.ts';
import { axeAll } from './axe.ts';

/**
 * Notices on frozen releases, an upcoming release and a withdrawn one, as readers meet them. The
 * repository's own releases have none of these yet, so this builds a fixture playbook (the unit
 * tests' good fixture, with a safety notice on 1.1 and 1.0, release 1.1 effective in 2099 and
 * release 1.0 withdrawn) and serves it on a port of its own.
 */

const PROJECT = join(import.meta.dirname, '..', '..');
const FIXTURE = join(PROJECT, 'tests', 'fixtures', 'good');
const ASTRO = join(PROJECT, 'node_modules', 'astro', 'bin', 'astro.mjs');
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.xml': 'application/atom+xml', '.svg': 'image/svg+xml' };

let root = '';
let server: Server;
let origin = '';
const env = () => ({ ...process.env, PLAYBOOK_CONTENT: join(root, 'content'), PLAYBOOK_OUT_DIR: join(root, 'dist'), PLAYBOOK_CACHE_DIR: join(root, 'cache'), ASTRO_TELEMETRY_DISABLED: '1' });

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  root = mkdtempSync(join(tmpdir(), 'playbook-notices-'));
  cpSync(FIXTURE, root, { recursive: true });
  const control = join(root, 'content/releases/1.1.control.yaml');
  writeFileSync(control, readFileSync(control, 'utf8').replace('effective: 2024-11-18', 'effective: 2099-01-01'));
  writeFileSync(
    join(root, 'content/notices/withdraw-1-0.mdx'),
    '---\nkind: withdrawn\ndate: 2024-12-03\ntitle: Release 1.0 sent peer supporters to the wrong team\naffects:\n  - release: "1.0"\ncorrectedIn: { release: "1.1" }\n---\nRelease 1.0 is withdrawn. Use release 1.1.\n',
  );
  const release = await takeProjectLock();
  const build = spawnSync(process.execPath, [ASTRO, 'build'], { cwd: PROJECT, encoding: 'utf8', env: env() });
  release();
  if (build.status !== 0) throw new Error(`fixture build failed:\n${build.stdout}${build.stderr}`);
  const dist = join(root, 'dist');
  server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(dist, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    const found = existsSync(file);
    response.writeHead(found ? 200 : 404, { 'Content-Type': TYPES[extname(found ? file : '.html')] ?? 'application/octet-stream' });
    response.end(readFileSync(found ? file : join(dist, '404.html')));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((done) => server?.close(done));
  if (root) rmSync(root, { recursive: true, force: true });
});

test('a safety notice shows at the top of each affected page of each affected release, and in print, while the frozen digest check stays green', async ({ page }) => {
  const check = spawnSync(process.execPath, ['scripts/check.ts'], { cwd: PROJECT, encoding: 'utf8', env: env() });
  expect(check.stdout + check.stderr).toContain('every frozen release matches its digest');
  expect(check.status).toBe(0);

  await page.goto(`${origin}/v/1.1/tiers/`);
  const notice = page.locator('[data-notice="tier-2-limits"]');
  await expect(notice).toBeVisible();
  await expect(notice.getByRole('heading', { level: 2 })).toHaveText('Safety notice, December 2, 2024: Tier 2 did not say when to call for urgent help');
  // Above the text of the page, right under its title.
  const above = await page.evaluate(() => {
    const box = document.querySelector('[data-notice="tier-2-limits"]')!;
    const prose = document.querySelector('.prose')!;
    return Boolean(box.compareDocumentPosition(prose) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  expect(above).toBe(true);
  await expect(notice.getByRole('link', { name: 'Tier 2: trained peer supporters' })).toHaveAttribute('href', '#tier-2-trained-peer-supporters');
  await expect(notice.getByRole('link', { name: 'read the corrected text in the draft' })).toHaveAttribute('href', '/draft/tiers/');
  await expect(notice.getByRole('link', { name: 'the corrected page' })).toHaveAttribute('href', '/draft/tiers/');
  await page.emulateMedia({ media: 'print' });
  await expect(notice).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  await page.goto(`${origin}/v/1.0/tiers/`);
  await expect(page.locator('[data-notice="tier-2-limits"]')).toContainText('this whole page');
  await page.goto(`${origin}/v/1.1/introduction/`);
  await expect(page.locator('[data-notice="tier-2-limits"]')).toHaveCount(0);
  await page.goto(`${origin}/v/1.1/print/`);
  await expect(page.locator('#tiers [data-notice="tier-2-limits"]')).toBeVisible();
});

test('the release front, all releases, the changelog, the feed and /versions.json list the notice', async ({ page, request }) => {
  await page.goto(`${origin}/v/1.1/`);
  await expect(page.locator('[data-notice="tier-2-limits"]')).toContainText('It concerns these pages of this release: The three tiers (Tier 2: trained peer supporters), Listening.');
  await page.goto(`${origin}/versions/`);
  await expect(page.getByRole('list', { name: 'Notices on release 1.1' })).toContainText('Safety notice (2024-12-02): Tier 2 did not say when to call for urgent help');
  await page.goto(`${origin}/changelog/`);
  await expect(page.getByRole('list', { name: 'Notices on release 1.0' })).toContainText('Tier 2 did not say when to call for urgent help');
  await page.goto(`${origin}/changelog/1.1/`);
  await expect(page.locator('[data-notice="tier-2-limits"]')).toBeVisible();
  const feed = await (await request.get(`${origin}/changelog/feed.xml`)).text();
  expect(feed).toContain('<title type="html"><![CDATA[Safety notice: Tier 2 did not say when to call for urgent help]]></title>');
  const manifest = await (await request.get(`${origin}/versions.json`)).json();
  expect(manifest.notices.map((notice: { id: string }) => notice.id).sort()).toEqual(['tier-2-limits', 'withdraw-1-0']);
  expect(manifest.releases.find((release: { version: string }) => release.version === '1.1').notices).toEqual(['tier-2-limits']);
});

test('an upcoming release is published with its banner, and /latest/ keeps the release in effect until the day, then moves in the reader\'s browser', async ({ page, request }) => {
  const manifest = await (await request.get(`${origin}/versions.json`)).json();
  expect(manifest.latest).toBe('1.0');
  expect(manifest.releases.find((release: { version: string }) => release.version === '1.1')).toMatchObject({ status: 'upcoming', effective: '2099-01-01' });

  await page.clock.setFixedTime(new Date('2098-12-31T12:00:00'));
  await page.goto(`${origin}/v/1.1/`);
  await expect(page.locator('.dc-banner--upcoming')).toContainText('Upcoming: release 1.1 is in effect from January 1, 2099. Until then, release 1.0 is the one in effect.');
  await page.goto(`${origin}/latest/tiers/`);
  await expect(page.locator('html')).toHaveAttribute('data-release', '1.0');
  await expect(page).toHaveURL(`${origin}/latest/tiers/`);

  // On the day, a site built before it flips without a rebuild.
  await page.clock.setFixedTime(new Date('2099-01-01T08:00:00'));
  await page.goto(`${origin}/v/1.1/`);
  await expect(page.locator('.dc-banner--upcoming')).toContainText('Release 1.1 is in effect since January 1, 2099.');
  await expect(page.locator('[data-upcoming-text]')).toBeHidden();
  await page.goto(`${origin}/latest/tiers/#tier-3-professional-help`);
  await expect(page).toHaveURL(`${origin}/v/1.1/tiers/#tier-3-professional-help`);
  await expect(page.locator('html')).toHaveAttribute('data-release', '1.1');
});

test('a withdrawn release stays readable, clearly marked on every page', async ({ page }) => {
  await page.goto(`${origin}/v/1.0/listening/`);
  const banner = page.locator('.dc-banner--withdrawn');
  await expect(banner).toContainText('Withdrawn: release 1.0 was withdrawn on December 3, 2024.');
  await expect(page.locator('.prose')).not.toBeEmpty();
  await banner.getByRole('link', { name: 'Why it was withdrawn' }).click();
  await expect(page.locator('#notice-withdraw-1-0')).toBeInViewport();
  await expect(page.locator('#notice-withdraw-1-0')).toContainText('Corrected in release 1.1');
  await page.goto(`${origin}/versions/`);
  await expect(page.locator('.release-list > li').filter({ hasText: 'Release 1.0' })).toContainText('withdrawn');
});

test('pages with a notice, an upcoming banner or a withdrawn banner have no axe-core violations, light and dark, desktop and phone', async ({ page }) => {
  test.setTimeout(90_000);
  // Light on a desktop and dark on a phone: each colour scheme and each size once, to keep the suite fast.
  const runs = [
    { colorScheme: 'light' as const, size: { width: 1280, height: 800 } },
    { colorScheme: 'dark' as const, size: { width: 390, height: 844 } },
  ];
  for (const path of ['/v/1.1/tiers/', '/v/1.1/', '/v/1.0/listening/']) {
    for (const { colorScheme, size } of runs) {
      await page.setViewportSize(size);
      await page.emulateMedia({ colorScheme });
      await page.goto(`${origin}${path}`);
      // Every rule in light on a desktop; in dark on a phone, every rule too: the banners and notices are the
      // subject here, and the phone's layout can break other rules than colour.
      const results = await axeAll(page).analyze();
      expect(results.violations.map((v) => `${path} (${colorScheme}, ${size.width}px): ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    }
  }
});

test('the fixture site with notices is valid HTML and every internal link and anchor resolves', async () => {
  const dist = join(root, 'dist');
  const report = await checkSite(dist);
  expect(report.broken).toEqual([]);
  const validator = new HtmlValidate({
    extends: ['html-validate:recommended'],
    rules: { 'require-sri': 'off', 'long-title': 'off', 'no-trailing-whitespace': 'off', 'attribute-boolean-style': 'off', 'attribute-empty-style': 'off', 'void-style': 'off', 'no-redundant-role': 'off' },
  });
  const problems: string[] = [];
  for (const file of ['v/1.1/tiers/index.html', 'v/1.1/index.html', 'v/1.0/listening/index.html', 'v/1.0/index.html', 'versions/index.html', 'changelog/index.html', 'changelog/1.1/index.html', 'v/1.1/print/index.html']) {
    const result = await validator.validateString(readFileSync(join(dist, file), 'utf8'), file);
    for (const entry of result.results) for (const message of entry.messages) problems.push(`${file}:${message.line}: ${message.ruleId}: ${message.message}`);
  }
  expect(problems).toEqual([]);
});
