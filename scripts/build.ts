// npm run build [-- --force]: astro build into <out>.staging, then swapped into <out> (dist, or PLAYBOOK_OUT_DIR)
// only on success. When nothing changed since the last build of <out> (content, code, settings, the day:
// scripts/lib/unchanged-site.ts), the site is kept as it is; --force builds anyway.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { isoToday } from '../src/lib/document-control.ts';
import { buildStaged } from '../src/lib/staged-build.ts';
import { settings } from '../src/settings.ts';
import { astroBuildArgs, buildEnv } from './lib/astro-build.ts';
import { recordSite, siteKey, siteUnchanged } from './lib/unchanged-site.ts';

// The project is this script's own; the build runs from the working directory (the benchmark runs it
// from elsewhere, so that Astro's temporary files stay out of the project).
const root = resolve(import.meta.dirname, '..');
const outDir = resolve(root, settings.outDir);
const cacheDir = resolve(root, settings.cacheDir);
const content = resolve(root, settings.content);
const args = process.argv.slice(2);

const key = siteKey({ root, content, today: isoToday() });
if (!args.includes('--force') && siteUnchanged(cacheDir, outDir, key)) {
  console.log(`Nothing changed since ${outDir} was built (content, code, settings and the day are the same): kept it as it is. npm run build -- --force builds anyway.`);
  process.exit(0);
}

const code = await buildStaged(
  outDir,
  (stagingDir) =>
    new Promise((done) => {
      const child = spawn(process.execPath, astroBuildArgs(root, args), { stdio: 'inherit', env: buildEnv({ PLAYBOOK_OUT_DIR: stagingDir }) });
      child.on('close', (status, signal) => done(status ?? (signal ? 1 : 0)));
    }),
  (line) => console.error(line),
);
if (code === 0) recordSite(cacheDir, outDir, key);
process.exit(code);
