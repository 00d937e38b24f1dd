// npm run build: astro build into <out>.staging, then swapped into <out> (dist, or PLAYBOOK_OUT_DIR) only on success.
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { buildStaged } from '../src/lib/staged-build.ts';
import { childEnv, settings } from '../src/settings.ts';

const root = process.cwd();
const outDir = resolve(root, settings.outDir);
const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');

const code = await buildStaged(
  outDir,
  (stagingDir) =>
    new Promise((done) => {
      const child = spawn(process.execPath, [astro, 'build', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env: childEnv({ PLAYBOOK_OUT_DIR: stagingDir }) });
      child.on('close', (status, signal) => done(status ?? (signal ? 1 : 0)));
    }),
  (line) => console.error(line),
);
process.exit(code);
