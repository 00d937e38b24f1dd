// Flesch-Kincaid grade of a page's prose. The formula comes from the `flesch-kincaid` package and
// syllables from `syllable` (both maintained by the words/wooorm project); this module only decides
// what counts as a word and a sentence in our MDX pages. No Node or Astro imports.
import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';
import { proseBlocks, type ProseBlock } from './prose.ts';

export interface TextCounts {
  sentence: number;
  word: number;
  syllable: number;
}

/** The grade above which a safety page is flagged (the playbook's target is grade 9 or below). */
export const SAFETY_GRADE_LIMIT = 9;

/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATIONS = /\b(?:e\.g|i\.e|et al|etc|vs|Dr|Mr|Mrs|Ms|St|No|a\.m|p\.m|U\.S)\./gi;
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
const SENTENCE_END = /[.!?]+["”’)\]]*(?=\s|$)/;

/** Counts the sentences, words and syllables of some prose blocks; each block ends a sentence. */
export function countText(blocks: readonly string[]): TextCounts {
  const counts: TextCounts = { sentence: 0, word: 0, syllable: 0 };
  for (const block of blocks) {
    const plain = block.replace(ABBREVIATIONS, (match) => match.replaceAll('.', ''));
    for (const sentence of plain.split(SENTENCE_END)) {
      const words = sentence.match(WORD) ?? [];
      if (!words.length) continue;
      counts.sentence += 1;
      counts.word += words.length;
      for (const word of words) counts.syllable += Math.max(1, syllable(word));
    }
  }
  return counts;
}

/** The Flesch-Kincaid grade of some counts, to one decimal; 0 for text with no words. */
export function gradeOf(counts: TextCounts): number {
  if (!counts.word || !counts.sentence) return 0;
  return Math.round(fleschKincaid({ sentence: counts.sentence, word: counts.word, syllable: counts.syllable }) * 10) / 10;
}

export interface PageReadability extends TextCounts {
  grade: number;
}

/** Readability of a page body (MDX without frontmatter): components, links and URLs stripped. */
export function pageReadability(body: string): PageReadability {
  const counts = countText(proseBlocks(body).map((block: ProseBlock) => block.text));
  return { ...counts, grade: gradeOf(counts) };
}

/** Ids of pages that are safety pages even without the `safety` tag. */
export const SAFETY_PAGE_IDS = [
  'escalation-and-safety',
  'confidentiality',
  'responding-to-suicide-risk',
  'impaired-practice-and-fitness-for-duty',
  'after-a-colleagues-suicide',
] as const;

/** A page is a safety page when it is tagged `safety` or listed in `extraIds`. */
export function isSafetyPage(page: { id: string; tags?: readonly string[] }, extraIds: readonly string[] = SAFETY_PAGE_IDS): boolean {
  return (page.tags ?? []).includes('safety') || extraIds.includes(page.id);
}
