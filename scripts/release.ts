// npm run release -- <version> [--date YYYY-MM-DD]    freezes content/draft/ (and its release-notes.mdx) as a new release
// npm run release -- --recover                          undoes a release that was interrupted
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { settings } from '../src/settings.ts';
import { changesSkeleton, createRelease, recoverRelease, ReleaseError, takeReleaseLock, type ReleaseStep } from '../src/lib/release.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { date: { type: 'string' }, recover: { type: 'boolean', default: false } },
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
  console.error('Usage: npm run release -- <version> [--date YYYY-MM-DD]');
  process.exit(2);
}
try {
  const result = await createRelease({
    root,
    version: positionals[0],
    date: values.date,
    failAfter: settings.releaseFailAfter as ReleaseStep | undefined,
    pauseAfter: settings.releasePauseAfter as ReleaseStep | undefined,
    log: (line) => console.log(line),
  });
  console.log(`Released ${result.version} (${result.digest}): content/versions/${result.version}/ and its notes content/releases/${result.version}.mdx.`);
  if (result.changes) {
    const { counts } = result.changes;
    console.log(`Changes since ${result.previous}: ${counts.added} added, ${counts.removed} removed, ${counts.edited} edited, ${counts.renamed} renamed, ${counts.moved} moved.`);
    console.log(changesSkeleton(result.changes));
  }
  console.log(`Write the next release's notes in content/draft/release-notes.mdx as you change the draft.`);
} catch (error) {
  console.error(error instanceof ReleaseError ? `Release refused: ${error.message}` : error);
  process.exit(1);
}
