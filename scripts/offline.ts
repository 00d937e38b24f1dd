// npm run offline [-- 2.0 2.1] [--again] [--cache-only]: a zip of each frozen release's pages,
// figures, downloads and the site's styles that opens from disk (relative links; src/lib/offline.ts),
// from the built site (run npm run build first). Kept in the copies folder under the release's digest
// and notices, like its PDF, and copied into dist (unless --cache-only); the next build links it.
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { zipSync, type Zippable } from 'fflate';
import { copyFileName } from '../src/lib/addresses.ts';
import { cachedCopy, cachedCopyFile, sizeText } from '../src/lib/copies.ts';
import { offlineCss, offlineHtml, type OfflineLinks } from '../src/lib/offline.ts';
import { settings } from '../src/settings.ts';
import { builtReleases } from './lib/built-site.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { again: { type: 'boolean', default: false }, 'cache-only': { type: 'boolean', default: false } },
});
const dist = resolve(settings.outDir);

/** Every file under a folder of dist, as paths relative to dist with `/`. */
function filesUnder(folder: string): string[] {
  return readdirSync(join(dist, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dist, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** The zip of one release: `peer-support-playbook-<v>/index.html` opens it. */
function offlineZip(version: string, date: string): Uint8Array {
  // The release's own folder (but not its copies), and the site's shared styles, scripts and icon.
  const files = [...filesUnder(join('v', version)).filter((file) => !file.startsWith(`v/${version}/copies/`)), ...filesUnder('_astro'), 'favicon.svg'];
  const held = new Set(files);
  const links: OfflineLinks = { base: settings.base, has: (file) => held.has(file), site: settings.site };
  const folder = `peer-support-playbook-${version}`;
  const zip: Zippable = {};
  for (const file of files) {
    const bytes = readFileSync(join(dist, file));
    if (file.endsWith('.html')) zip[`${folder}/${file}`] = new TextEncoder().encode(offlineHtml(bytes.toString('utf8'), file, links));
    else if (file.endsWith('.css')) zip[`${folder}/${file}`] = new TextEncoder().encode(offlineCss(bytes.toString('utf8'), file, links));
    else zip[`${folder}/${file}`] = [bytes, { level: 0 }];
  }
  const title = `Peer Support Playbook, release ${version}${date ? ` (${date})` : ''}`;
  zip[`${folder}/index.html`] = new TextEncoder().encode(
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>\n` +
      `<body><h1>${escapeHtml(title)}</h1><p>An offline copy: it opens from this folder, with no network.</p>\n` +
      `<p><a href="v/${version}/index.html">Open release ${escapeHtml(version)}</a> · <a href="v/${version}/print/index.html">Every page in one document, for printing</a></p></body></html>\n`,
  );
  return zipSync(zip, { level: 6, mtime: date ? new Date(`${date}T00:00:00Z`) : new Date(0) });
}

const all = builtReleases(dist);
const releases = all.filter((release) => positionals.length === 0 || positionals.includes(release.version));
const unknown = positionals.filter((version) => !all.some((release) => release.version === version));
if (unknown.length) {
  console.error(`npm run offline: found no release ${unknown.join(', ')} in ${settings.outDir}/versions.json; expected one of ${all.map((release) => release.version).join(', ')}`);
  process.exit(1);
}
for (const release of releases) {
  if (!values.again && cachedCopy(settings.copiesDir, release.version, release.key, 'offline')) {
    console.log(`${release.version}: offline copy already made (${settings.copiesDir})`);
    continue;
  }
  const started = performance.now();
  const zip = offlineZip(release.version, release.date);
  const file = cachedCopyFile(settings.copiesDir, release.version, release.key, 'offline');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.partial`, zip);
  renameSync(`${file}.partial`, file);
  if (!values['cache-only']) {
    mkdirSync(join(dist, 'v', release.version, 'copies'), { recursive: true });
    writeFileSync(join(dist, 'v', release.version, 'copies', copyFileName(release.version, 'offline')), zip);
  }
  console.log(`${release.version}: offline copy made in ${((performance.now() - started) / 1000).toFixed(1)} s, ${sizeText(zip.length)} (${zip.length} bytes): ${file}`);
}
