// npm run pdf [-- 2.0 2.1] [--again]: a tagged, accessible PDF of each frozen release (every release
// by default), made from its print view in the built site (run npm run build first) with Chromium's
// print to PDF: bookmarks from the headings, page numbers, and the release, its date, digest and
// address in every footer. Each PDF is kept in the copies folder under its release's digest and
// notices (src/lib/copies.ts), so a frozen release's PDF is made once; `--again` makes them anyway.
// The next `npm run build` links them from the release's front page and print view.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { copyFileName, printUrl, releaseUrl } from '../src/lib/addresses.ts';
import { cachedCopy, cachedCopyFile, sizeText } from '../src/lib/copies.ts';
import { settings } from '../src/settings.ts';
import { builtReleases, openChromium, SITE_ORIGIN, siteContext } from './lib/built-site.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { again: { type: 'boolean', default: false } } });
const dist = resolve(settings.outDir);
const base = settings.base;
/** A path of the site with the base path, whether or not the address builder already added it. */
const withBase = (path: string) => (path.startsWith(base) ? path : `${base}${path.replace(/^\//, '')}`);

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Pages of a PDF as Chromium writes it (one `/Type /Page` object each, not compressed). */
export function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}

const releases = builtReleases(dist).filter((release) => positionals.length === 0 || positionals.includes(release.version));
const unknown = positionals.filter((version) => !releases.some((release) => release.version === version));
if (unknown.length) {
  console.error(`npm run pdf: found no release ${unknown.join(', ')} in ${settings.outDir}/versions.json; expected one of ${builtReleases(dist).map((release) => release.version).join(', ')}`);
  process.exit(1);
}
const todo = releases.filter((release) => values.again || !cachedCopy(settings.copiesDir, release.version, release.key, 'pdf'));
for (const release of releases.filter((release) => !todo.includes(release))) console.log(`${release.version}: PDF already made (${settings.copiesDir})`);
if (todo.length === 0) process.exit(0);

let browser;
try {
  browser = await openChromium(settings.chromium);
} catch (error) {
  console.error(`npm run pdf: ${(error as Error).message}. No PDF made; the site builds without them.`);
  process.exit(1);
}
try {
  const context = await siteContext(browser, dist, base);
  for (const release of todo) {
    const started = performance.now();
    const page = await context.newPage();
    const address = withBase(releaseUrl(release.version));
    const shown = settings.site ? new URL(address, settings.site).href : address;
    const response = await page.goto(`${SITE_ORIGIN}${withBase(printUrl(releaseUrl(release.version)))}`, { waitUntil: 'load' });
    if (!response?.ok()) throw new Error(`the print view of ${release.version} answered ${response?.status()}; expected the built page (run npm run build)`);
    await page.emulateMedia({ media: 'print' });
    const footer = `Peer Support Playbook · Release ${release.version}${release.date ? `, ${release.date}` : ''} · ${release.digest.slice(0, 19)}… · ${shown}`;
    const pdf = await page.pdf({
      format: 'Letter',
      printBackground: true,
      tagged: true,
      outline: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: `<div style="font: 8px sans-serif; color: #333; width: 100%; margin: 0 12mm; display: flex; justify-content: space-between; gap: 4mm"><span>${escapeHtml(footer)}</span><span style="white-space: nowrap">Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`,
      margin: { top: '14mm', bottom: '18mm', left: '14mm', right: '14mm' },
    });
    await page.close();
    const file = cachedCopyFile(settings.copiesDir, release.version, release.key, 'pdf');
    mkdirSync(dirname(file), { recursive: true });
    // Written whole, then renamed: a killed run never leaves half a PDF to be taken for a made one.
    writeFileSync(`${file}.partial`, pdf);
    renameSync(`${file}.partial`, file);
    // Into the built site too, so it is served before the next build links it.
    mkdirSync(join(dist, 'v', release.version, 'copies'), { recursive: true });
    writeFileSync(join(dist, 'v', release.version, 'copies', copyFileName(release.version, 'pdf')), readFileSync(file));
    console.log(`${release.version}: PDF made in ${((performance.now() - started) / 1000).toFixed(1)} s, ${pdfPageCount(pdf)} pages, ${sizeText(pdf.length)} (${pdf.length} bytes): ${file}`);
  }
  console.log('Build again (npm run build) to link the new PDFs from the release pages.');
} finally {
  await browser.close();
}
