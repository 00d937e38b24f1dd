import { createHash } from 'node:crypto';
import type { Element, ElementContent, Root, Text } from 'hast';

/** What the linker needs of a glossary term: the definition does not change which words link. */
export interface GlossaryEntry {
  id: string;
  term: string;
  aliases: readonly string[];
}

/** Relative, like page links, so the same compiled HTML links into whichever release renders it. */
export function glossaryHref(termId: string): string {
  return `../glossary/#${termId}`;
}

/** Identifies the words a glossary links, for the compile cache key: equal keys link the same words. */
export function glossaryKey(terms: readonly GlossaryEntry[]): string {
  if (terms.length === 0) return '';
  const words = terms.map((entry) => [entry.id, entry.term, ...entry.aliases]);
  return createHash('sha256').update(JSON.stringify(words)).digest('hex').slice(0, 32);
}

/** Elements whose text is never linked: headings, links, code and what is not prose. */
const SKIP_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'a', 'code', 'pre', 'kbd', 'script', 'style', 'dfn', 'abbr']);

function skipped(node: Element): boolean {
  if (SKIP_TAGS.has(node.tagName)) return true;
  const className = node.properties.className;
  return Array.isArray(className) && className.includes('callout-title');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface Variant {
  id: string;
  text: string;
}

/** One pattern for every variant still unlinked, longest first so "adverse patient event" beats "adverse event". */
function patternOf(variants: readonly Variant[]): RegExp | undefined {
  if (variants.length === 0) return undefined;
  const alternatives = [...new Set(variants.map((variant) => variant.text.toLowerCase()))]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
  // Word boundaries that understand letters beyond ASCII ("naïve" must not match inside "naïveté").
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives})(?![\\p{L}\\p{N}_])`, 'iu');
}

/**
 * Links the first use of each glossary term (or one of its aliases) on a page to its entry,
 * matched case-insensitively on whole words, never inside headings, links, code or callout
 * titles. A rehype plugin: runs once per distinct (page body, glossary) at compile time.
 */
export function rehypeGlossary(terms: readonly GlossaryEntry[]) {
  return (tree: Root) => {
    let variants: Variant[] = terms.flatMap((entry) =>
      [entry.term, ...entry.aliases].map((text) => text.trim()).filter(Boolean).map((text) => ({ id: entry.id, text })),
    );
    let pattern = patternOf(variants);
    const idOf = (matched: string) => variants.find((variant) => variant.text.toLowerCase() === matched.toLowerCase())?.id;

    /** Splits one text node at the first remaining term; returns the nodes to put in its place. */
    const linkText = (node: Text): ElementContent[] => {
      const out: ElementContent[] = [];
      let rest = node.value;
      while (pattern && rest) {
        const match = pattern.exec(rest);
        if (!match) break;
        const id = idOf(match[0]) as string;
        if (match.index > 0) out.push({ type: 'text', value: rest.slice(0, match.index) });
        out.push({
          type: 'element',
          tagName: 'a',
          properties: { href: glossaryHref(id), className: ['glossary-term'] },
          children: [{ type: 'text', value: match[0] }],
        });
        rest = rest.slice(match.index + match[0].length);
        variants = variants.filter((variant) => variant.id !== id);
        pattern = patternOf(variants);
      }
      if (out.length === 0) return [node];
      if (rest) out.push({ type: 'text', value: rest });
      return out;
    };

    // Document order, so "first use" is what a reader meets first.
    const walk = (parent: Root | Element) => {
      const children: Array<Root['children'][number]> = [];
      for (const child of parent.children) {
        if (!pattern) {
          children.push(child);
        } else if (child.type === 'text') {
          children.push(...linkText(child));
        } else {
          if (child.type === 'element' && !skipped(child)) walk(child);
          children.push(child);
        }
      }
      parent.children = children as typeof parent.children;
    };
    if (pattern) walk(tree);
  };
}
