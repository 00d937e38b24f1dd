// Lists the numbers in a page that a reviewer should trace to a source: every figure in the prose
// with no citation link, no illustrative label and no mention of the program's conference abstract
// in its block or the blocks either side. No Node or Astro imports.
import { proseBlocks, type ProseBlock } from './prose.ts';

export interface UncitedNumber {
  /** The number as written, e.g. "40%", "$22,600", "2016". */
  number: string;
  /** 1-based line in the body. */
  line: number;
  /** The sentence-sized piece of text around the number. */
  context: string;
}

/** A figure: optional dollar sign, digits with thousands commas and decimals, optional percent. */
const NUMBER = /(?<![\p{L}\p{N}.,/-])\$?\d(?:[\d,]*\d)?(?:\.\d+)?%?(?![\p{L}\p{N}])/gu;
const SMALL = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred';
/**
 * A figure in words: a spelled number (or "one or two") before a unit of time or of contact
 * ("within one working day", "one or two conversations"), or a fraction ("three quarters").
 * Spelled numbers elsewhere ("one rule", "two leads") are ordinary words and are not listed.
 */
const WORDED = new RegExp(
  `\\b(?:(?:${SMALL})(?:(?:\\s+or\\s+|\\s*-\\s*|\\s+to\\s+)(?:${SMALL}))?\\s+(?:[a-z]+\\s+)?(?:minutes?|hours?|days?|weeks?|months?|years?|sessions?|conversations?|percent)|half|one third|a third|two thirds|a quarter|three quarters)\\b`,
  'gi',
);
/** Labels that carry a number but are not figures: Tier 3, stage 5, step 2, C1. */
const LABEL_BEFORE = /\b(?:tier|tiers|stage|stages|step|steps|module|modules|part|section|level)\s+$/i;
/** US emergency and crisis numbers are phone numbers, not figures to source. */
const PHONE_NUMBERS = new Set(['911', '988']);
/** A release number (1.0, 2.1) in a sentence about releases is a version, not a figure. */
const RELEASE_NUMBER = /^\d+\.\d+$/;
const RELEASE_WORD = /\breleases?\b/i;

/** A link that cites a source: any https address, or the references page. */
export function isCitationLink(url: string): boolean {
  return /^https:\/\//.test(url) || /^page:references(?:#|$)/.test(url);
}

/** Whether a block vouches for the figures in it: a citation, an illustrative label, or the program's abstract. */
export function vouches(block: ProseBlock): boolean {
  return block.illustrative || block.links.some(isCitationLink) || /conference abstract/i.test(block.text);
}

/** The numbers of one block's claim text (outside links and code) that are figures, not labels. */
export function figuresIn(block: ProseBlock): Array<{ number: string; index: number }> {
  const figures: Array<{ number: string; index: number }> = [];
  for (const match of block.claimText.matchAll(NUMBER)) {
    const before = block.claimText.slice(0, match.index);
    if (LABEL_BEFORE.test(before)) continue;
    if (PHONE_NUMBERS.has(match[0])) continue;
    if (RELEASE_NUMBER.test(match[0]) && RELEASE_WORD.test(before.slice(-60))) continue;
    // An ordinal that starts a heading or a table row ("1. Parties") numbers it, it is not a figure.
    if (block.kind !== 'paragraph' && before.trim() === '' && /^\d+$/.test(match[0]) && /^\d+\.\s/.test(block.claimText)) continue;
    figures.push({ number: match[0], index: match.index });
  }
  for (const match of block.claimText.matchAll(WORDED)) figures.push({ number: match[0], index: match.index });
  return figures.sort((a, b) => a.index - b.index);
}

function neighborsOf(blocks: readonly ProseBlock[], index: number): ProseBlock[] {
  const { group } = blocks[index];
  let first = index;
  let last = index;
  if (group !== undefined) {
    while (first > 0 && blocks[first - 1].group === group) first -= 1;
    while (last < blocks.length - 1 && blocks[last + 1].group === group) last += 1;
  }
  return blocks.slice(Math.max(0, first - 1), last + 2).filter((_, offset) => offset + Math.max(0, first - 1) !== index);
}

function contextAround(text: string, index: number, width = 60): string {
  const start = Math.max(0, index - width);
  const end = Math.min(text.length, index + width);
  return `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`;
}

/** Every figure in a page body with nothing nearby that vouches for it. */
export function uncitedNumbers(body: string): UncitedNumber[] {
  const blocks = proseBlocks(body);
  const found: UncitedNumber[] = [];
  blocks.forEach((block, index) => {
    const figures = figuresIn(block);
    if (!figures.length) return;
    // The block itself, or a citation in the blocks around it: the block just before or after, or,
    // for a table row or list item, any block of the same table or list and the blocks just before
    // and after it (a cited sentence that introduces a table). An illustrative label only vouches
    // for its own block.
    const neighbors = neighborsOf(blocks, index);
    if (vouches(block) || neighbors.some((neighbor) => !neighbor.illustrative && vouches(neighbor))) return;
    for (const figure of figures) found.push({ number: figure.number, line: block.line, context: contextAround(block.claimText, figure.index) });
  });
  return found;
}
