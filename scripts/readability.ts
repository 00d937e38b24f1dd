// Flesch-Kincaid grade of each page of a release, with safety pages above grade 9 flagged.
//
//   npm run readability                      the draft
//   npm run readability -- 2.0               a frozen release
//   npm run readability -- --ids=a,b,c       only these pages
//   npm run readability -- --strict          exit 1 when a safety page is above the limit
//
// Frontmatter, component tags, link targets and code are stripped before counting (src/lib/prose.ts).
// Safety pages: tagged `safety`, or listed in SAFETY_PAGE_IDS (src/lib/readability.ts).
import { gradeOf, isSafetyPage, pageReadability, SAFETY_GRADE_LIMIT } from '../src/lib/readability.ts';
import { pagesFromArgs } from './lib/release-pages.ts';

const { release, pages, options } = pagesFromArgs(process.argv.slice(2));

const rows = pages.map((page) => ({ page, safety: isSafetyPage(page), ...pageReadability(page.body) })).sort((a, b) => b.grade - a.grade);
const flagged = rows.filter((row) => row.safety && row.grade > SAFETY_GRADE_LIMIT);

console.log(`Flesch-Kincaid grade of ${rows.length} pages of ${release === 'draft' ? 'the draft' : `release ${release}`} (S = safety page; ! = safety page above grade ${SAFETY_GRADE_LIMIT})\n`);
console.log('grade  words  sentences     page');
for (const row of rows) {
  const mark = row.safety ? (row.grade > SAFETY_GRADE_LIMIT ? '!' : 'S') : ' ';
  console.log(`${row.grade.toFixed(1).padStart(5)}  ${String(row.word).padStart(5)}  ${String(row.sentence).padStart(9)}  ${mark}  ${row.page.id}`);
}
const total = rows.reduce((sum, row) => ({ sentence: sum.sentence + row.sentence, word: sum.word + row.word, syllable: sum.syllable + row.syllable }), { sentence: 0, word: 0, syllable: 0 });
const grades = rows.map((row) => row.grade).sort((a, b) => a - b);
const median = grades.length ? (grades.length % 2 ? grades[(grades.length - 1) / 2] : (grades[grades.length / 2 - 1] + grades[grades.length / 2]) / 2) : 0;
const safety = rows.filter((row) => row.safety);
console.log(`\nAll pages together: grade ${gradeOf(total).toFixed(1)}; median page grade ${median.toFixed(1)}; highest ${grades.at(-1)?.toFixed(1) ?? '-'}.`);
console.log(`Safety pages: ${safety.length}, of which ${flagged.length} above grade ${SAFETY_GRADE_LIMIT}${flagged.length ? `: ${flagged.map((row) => `${row.page.id} (${row.grade.toFixed(1)})`).join(', ')}` : ''}.`);
if (options.has('strict') && flagged.length) process.exit(1);
