// The command line of `npm run release` (scripts/release.ts). A function, so that the tests can run the
// same command with a failure or a pause injected after a step (tests/support/release-with-faults.ts).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { changesSkeleton, createRelease, recoverRelease, ReleaseError, takeReleaseLock, type ReleaseOptions } from '../../src/lib/release.ts';

/** Runs `npm run release` with the process's arguments (`hooks` only from tests); exits the process on failure. */
export async function releaseCommand(hooks: Pick<ReleaseOptions, 'afterStep'> = {}): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { date: { type: 'string' }, recover: { type: 'boolean', default: false }, 'no-copies': { type: 'boolean', default: false } },
  });
  const root = process.cwd();

  if (values.recover) {
    try {
      // Never undo a release that is still running: recovery takes the same lock.
      const unlock = takeReleaseLock(join(root, 'content'), 'recover', (line) => console.log(line));
      const undone = recoverRelease(root);
      unlock();
      console.log(undone ? `Undid the interrupted release ${undone}.` : 'Nothing to recover.');
      process.exit(0);
    } catch (error) {
      console.error(error instanceof ReleaseError ? `Recovery refused: ${error.message}` : error);
      process.exit(1);
    }
  }
  if (positionals.length !== 1) {
    console.error('Usage: npm run release -- <version> [--date YYYY-MM-DD] [--no-copies]');
    process.exit(2);
  }
  try {
    const result = await createRelease({
      root,
      version: positionals[0],
      date: values.date,
      ...hooks,
      log: (line) => console.log(line),
    });
    console.log(`Released ${result.version} (${result.digest}): content/versions/${result.version}/ and its notes content/releases/${result.version}.mdx.`);
    if (result.changes) {
      const { counts } = result.changes;
      console.log(`Changes since ${result.previous}: ${counts.added} added, ${counts.removed} removed, ${counts.edited} edited, ${counts.renamed} renamed, ${counts.moved} moved.`);
      console.log(changesSkeleton(result.changes));
    }
    console.log(`Write the next release's notes in content/draft/release-notes.mdx as you change the draft.`);
    // In the project itself (not a test's temporary root), the release is built and its PDF and offline copy made.
    if (!values['no-copies'] && existsSync(join(root, 'astro.config.mjs'))) makeCopies(root, result.version);
  } catch (error) {
    console.error(error instanceof ReleaseError ? `Release refused: ${error.message}` : error);
    process.exit(1);
  }
}

/**
 * The new release's PDF and offline copy: the site is built, they are made from it (kept in the
 * copies folder, so made once), and the site is built again to link them. A failure here (no
 * Chromium, say) does not undo the release: it says what to run.
 */
function makeCopies(root: string, version: string): void {
  console.log(`Making the PDF and offline copy of ${version} (npm run build, npm run pdf, npm run offline, npm run build):`);
  const run = (script: string, ...args: string[]) => spawnSync(process.execPath, [join(root, 'scripts', `${script}.ts`), ...args], { cwd: root, stdio: 'inherit' }).status === 0;
  const made = run('build') && run('pdf', version) && run('offline', version) && run('build');
  if (!made) console.log(`The release is made, but not its PDF or offline copy: run npm run build, npm run pdf -- ${version}, npm run offline -- ${version}, then npm run build.`);
}
