import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { takeProjectLock } from './site.ts';

/**
 * An author's loop under `npm run dev`: save a file of the draft, reload, see it; save a mistake,
 * see the file, line and field in the browser; fix it, see the page again, the server never restarted.
 * Runs its own dev server on a copy of the good fixture (PLAYBOOK_PORT + 10, 4412 beside 4402).
 */
const port = Number(process.env.PLAYBOOK_DEV_PORT ?? Number(process.env.PLAYBOOK_PORT ?? 4321) + 10);
const base = `http://127.0.0.1:${port}`;
const INTRO = 'draft/pages/intro.mdx';

let root: string;
let server: ChildProcess;
let releaseLock: (() => void) | undefined;
let output = '';

function content(file: string): string {
  return join(root, 'content', file);
}

function change(file: string, edit: (text: string) => string): void {
  writeFileSync(content(file), edit(readFileSync(content(file), 'utf8')));
}

/** Reloads until the page shows what is expected: the save is picked up without a restart. */
async function reloadUntil(page: Page, check: () => Promise<void>): Promise<void> {
  await expect(async () => {
    await page.reload();
    await check();
  }).toPass({ timeout: 15_000, intervals: [250] });
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  // Waits, first, for another build of this checkout (tests/e2e/site.ts).
  test.setTimeout(300_000);
  root = mkdtempSync(join(tmpdir(), 'playbook-dev-'));
  cpSync(join(import.meta.dirname, '..', 'fixtures', 'good', 'content'), join(root, 'content'), { recursive: true });
  releaseLock = await takeProjectLock();
  server = spawn('npx', ['astro', 'dev', '--port', String(port), '--host', '127.0.0.1'], {
    env: { ...process.env, PLAYBOOK_CONTENT: join(root, 'content'), PLAYBOOK_CACHE_DIR: join(root, 'cache') },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  server.stdout?.on('data', (data: Buffer) => (output += data.toString()));
  server.stderr?.on('data', (data: Buffer) => (output += data.toString()));
  await expect(async () => {
    const response = await fetch(`${base}/draft/introduction/`);
    expect(response.status).toBe(200);
  }).toPass({ timeout: 80_000, intervals: [500] });
});

test.afterAll(() => {
  // The dev server and its children: its own process group.
  if (server?.pid) process.kill(-server.pid, 'SIGTERM');
  releaseLock?.();
  rmSync(root, { recursive: true, force: true });
});

test('a saved page, frontmatter, YAML, figure and download show on the next reload', async ({ page }) => {
  await page.goto(`${base}/draft/introduction/`);
  await expect(page.getByText('Clinicians carry adverse events home.')).toBeVisible();

  change(INTRO, (text) => text.replace('Clinicians carry adverse events home.', 'Clinicians carry adverse events home, and back to work.'));
  change(INTRO, (text) => text.replace('title: Welcome to peer support', 'title: Welcome to peer support, revised'));
  change('draft/parts.yaml', (text) => text.replace('title: Foundations', 'title: Foundations, revised'));
  await reloadUntil(page, async () => {
    await expect(page.getByText('Clinicians carry adverse events home, and back to work.')).toBeVisible({ timeout: 500 });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome to peer support, revised', { timeout: 500 });
    await expect(page.getByText('Foundations, revised').first()).toBeAttached({ timeout: 500 });
  });

  cpSync(join(import.meta.dirname, '..', '..', 'public', 'draft', 'writing', 'figures'), content('draft/figures'), { recursive: true });
  cpSync(join(import.meta.dirname, '..', '..', 'public', 'draft', 'writing', 'files'), content('draft/files'), { recursive: true });
  change(INTRO, (text) => `${text}\n<Figure src="figures/three-tiers.svg" alt="Three tiers of support" />\n\n<Download src="files/encounter-log.csv" title="Encounter log" />\n`);
  await reloadUntil(page, async () => {
    const figure = page.getByRole('img', { name: 'Three tiers of support' });
    await expect(figure).toBeVisible({ timeout: 500 });
    expect(await figure.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  });
  const download = await page.request.get(await page.getByRole('link', { name: 'Encounter log' }).evaluate((a: HTMLAnchorElement) => a.href));
  expect(download.status()).toBe(200);
  expect(await download.text()).toContain('date,');
});

test('bad content shows file, line and field in the browser and the terminal; fixing it recovers', async ({ page }) => {
  await page.goto(`${base}/draft/introduction/`);
  change(INTRO, (text) => text.replace(/^Support starts with colleagues\..*$/m, (line) => `<Callout kind="tip">\n\n${line}\n\n</Callout>`));
  const line = readFileSync(content(INTRO), 'utf8').split('\n').findIndex((text) => text.startsWith('<Callout kind="tip">')) + 1;
  const message = new RegExp(`intro\\.mdx:${line}: Callout\\.kind: found kind="tip"; expected one of note, warning, illustrative`);
  await reloadUntil(page, async () => {
    const overlay = await page.locator('vite-error-overlay').evaluate((element) => element.shadowRoot?.textContent ?? '', undefined, { timeout: 500 });
    expect(overlay).toMatch(message);
  });
  expect(output).toMatch(message);

  change(INTRO, (text) => text.replace('<Callout kind="tip">', '<Callout kind="note">'));
  await reloadUntil(page, async () => {
    await expect(page.locator('vite-error-overlay')).toHaveCount(0, { timeout: 500 });
    await expect(page.getByRole('complementary', { name: 'Note' })).toContainText('Support starts with colleagues.', { timeout: 500 });
  });
  expect(server.exitCode).toBeNull();
});
