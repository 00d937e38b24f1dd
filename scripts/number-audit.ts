// Lists every number in a release's pages with no citation link, illustrative label or mention of
// the program's conference abstract nearby, so a reviewer can check each one.
//
//   npm run number-audit                     the draft
//   npm run number-audit -- 2.0              a frozen release
//   npm run number-audit -- --ids=a,b,c      only these pages
//   npm run number-audit -- --strict         exit 1 when any number is listed
//
// "Nearby" is the number's own paragraph, heading or table row, or the block just before or after it
// (src/lib/number-audit.ts). A listed number is not necessarily wrong: it is one to check.
import { uncitedNumbers } from '../src/lib/number-audit.ts';
import { parseArgs, readReleasePages, releaseFolder } from './lib/release-pages.ts';

const root = process.cwd();
const { positional, options } = parseArgs(process.argv.slice(2));
const release = positional[0] ?? 'draft';
const ids = options.get('ids')?.split(',').filter(Boolean);
let pages = readReleasePages(releaseFolder(root, release), root);
if (ids) pages = pages.filter((page) => ids.includes(page.id));

let total = 0;
let pagesWith = 0;
for (const page of pages) {
  const found = uncitedNumbers(page.body);
  if (!found.length) continue;
  pagesWith += 1;
  total += found.length;
  for (const item of found) console.log(`${page.file}:${item.line + page.bodyLine - 1}  ${item.number}  ${item.context}`);
}
console.log(`\n${total} numbers without a citation nearby, on ${pagesWith} of ${pages.length} pages of ${release === 'draft' ? 'the draft' : `release ${release}`}.`);
if (options.has('strict') && total) process.exit(1);
