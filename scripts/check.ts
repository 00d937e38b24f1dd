// Validates every release, the draft and the release notes without building the site, and proves
// each frozen release unchanged since the commit that created it (when there is a git history).
import { resolve } from 'node:path';
import { loadContent } from '../src/lib/content.ts';
import { formatProblem, formatProblems } from '../src/lib/problems.ts';
import { verifyFrozenHistory } from '../src/lib/provenance.ts';
import { settings } from '../src/settings.ts';

const root = process.cwd();
const contentDir = resolve(root, settings.content);
const content = await loadContent({ root, content: settings.content });
if (content.warnings.length) {
  console.warn(`${content.warnings.length} warning${content.warnings.length === 1 ? '' : 's'} (not blocking):\n${content.warnings.map((warning) => `  - ${formatProblem(warning)}`).join('\n')}`);
}
const frozen = content.releases.filter((release) => release.release !== 'draft').map((release) => release.release);
const history = verifyFrozenHistory(root, contentDir, frozen);
const problems = [...content.problems, ...history.problems];
if (problems.length) {
  console.error(formatProblems(problems));
  process.exit(1);
}
const pages = content.releases.reduce((sum, release) => sum + release.pages.length, 0);
const names = content.releases.map((release) => release.release).join(', ');
console.log(`Content is valid: ${content.releases.length} releases (${names}), ${pages} pages; every frozen release matches its digest.`);
console.log(history.summary);
