// `npm run release` with a failure or a pause injected after one step, for tests/unit/release.test.ts:
// PLAYBOOK_RELEASE_FAIL_AFTER=<step> throws after it, PLAYBOOK_RELEASE_PAUSE_AFTER=<step> prints
// "paused after step" and waits, so the test can kill the process half-way. Production's
// scripts/release.ts never reads these variables: the hook exists only here.
import { ReleaseError, type ReleaseStep } from '../../src/lib/release.ts';
import { releaseCommand } from '../../scripts/lib/release-cli.ts';

const failAfter = process.env.PLAYBOOK_RELEASE_FAIL_AFTER as ReleaseStep | undefined;
const pauseAfter = process.env.PLAYBOOK_RELEASE_PAUSE_AFTER as ReleaseStep | undefined;

await releaseCommand({
  async afterStep(step) {
    if (failAfter === step) throw new ReleaseError(`injected failure after step "${step}"`);
    if (pauseAfter === step) {
      console.log(`paused after step "${step}"`);
      await new Promise((resolve) => setTimeout(resolve, 60_000));
    }
  },
});
