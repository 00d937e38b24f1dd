/**
 * `npm run test:base`: builds the site under a base path, as a health system publishes it under a
 * path of its intranet or a GitHub Pages project site, and runs the link check and the reading,
 * search, compare and onboarding specs against it (served under the base by scripts/serve.ts).
 * Its own output and cache folders, so the site at the root (dist/) is left as it was.
 *
 *   node scripts/test-base.ts [--base /peer-support/] [more playwright arguments]
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { childEnv } from '../src/settings.ts';

// --base <path> is ours; every other argument goes to Playwright.
const args = process.argv.slice(2);
const at = args.indexOf('--base');
const base = at >= 0 ? args.splice(at, 2)[1] : '/peer-support/';
const SPECS = ['links', 'reading', 'search', 'compare', 'onboarding'].map((name) => `tests/e2e/${name}.spec.ts`);
const env = childEnv({ PLAYBOOK_BASE: base, PLAYBOOK_OUT_DIR: 'dist-base', PLAYBOOK_CACHE_DIR: join('node_modules', '.astro-base') });

function run(command: string, args: string[]): Promise<number> {
  return new Promise((done) => {
    const child = spawn(command, args, { stdio: 'inherit', env });
    child.on('close', (status, signal) => done(status ?? (signal ? 1 : 0)));
  });
}

const started = performance.now();
const built = await run(process.execPath, ['scripts/build.ts']);
if (built !== 0) process.exit(built);
const tested = await run(process.execPath, [join('node_modules', '@playwright', 'test', 'cli.js'), 'test', ...SPECS, ...args]);
console.log(`Under the base path ${base}: build and ${SPECS.length} specs in ${((performance.now() - started) / 1000).toFixed(0)} s`);
process.exit(tested);
