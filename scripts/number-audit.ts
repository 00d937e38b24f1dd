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
import { pagesFromArgs } from './lib/release-pages.ts';

const { release, pages, options } = pagesFromArgs(process.argv.slice(2));

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
