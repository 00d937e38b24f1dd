// npm run release -- <version> [--date YYYY-MM-DD]    freezes content/draft/ as a new release
// npm run release -- --recover                          undoes a release that was interrupted
import { parseArgs } from 'node:util';
import { createRelease, recoverRelease, ReleaseError, type ReleaseStep } from '../src/lib/release.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { date: { type: 'string' }, recover: { type: 'boolean', default: false } },
});
const root = process.cwd();

if (values.recover) {
  const undone = recoverRelease(root);
  console.log(undone ? `Undid the interrupted release ${undone}.` : 'Nothing to recover.');
  process.exit(0);
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
    failAfter: process.env.PLAYBOOK_RELEASE_FAIL_AFTER as ReleaseStep | undefined,
    pauseAfter: process.env.PLAYBOOK_RELEASE_PAUSE_AFTER as ReleaseStep | undefined,
    log: (line) => console.log(line),
  });
  const { counts } = result.changes;
  console.log(`Released ${result.version} (${result.digest}).`);
  console.log(`Changes since the previous release: ${counts.added} added, ${counts.removed} removed, ${counts.edited} edited, ${counts.renamed} renamed, ${counts.moved} moved.`);
  console.log(`Now write the notes in content/releases/${result.version}.mdx.`);
} catch (error) {
  console.error(error instanceof ReleaseError ? `Release refused: ${error.message}` : error);
  process.exit(1);
}
