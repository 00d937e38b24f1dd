// Validates every release, the draft and the release notes without building the site.
import { loadContent } from '../src/lib/content.ts';
import { formatProblem, formatProblems } from '../src/lib/problems.ts';

const root = process.cwd();
const content = await loadContent({ root, content: process.env.PLAYBOOK_CONTENT });
if (content.warnings.length) {
  console.warn(`${content.warnings.length} warning${content.warnings.length === 1 ? '' : 's'} (not blocking):\n${content.warnings.map((warning) => `  - ${formatProblem(warning)}`).join('\n')}`);
}
if (content.problems.length) {
  console.error(formatProblems(content.problems));
  process.exit(1);
}
const pages = content.releases.reduce((sum, release) => sum + release.pages.length, 0);
const names = content.releases.map((release) => release.release).join(', ');
console.log(`Content is valid: ${content.releases.length} releases (${names}), ${pages} pages; every frozen release matches its digest.`);
