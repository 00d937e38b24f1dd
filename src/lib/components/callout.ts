import { z } from 'astro/zod';
import type { RootContent as MdastContent } from 'mdast';
import { labelParagraph, type ComponentDefinition } from './types.ts';

const KINDS = ['note', 'warning', 'illustrative'] as const;
const LABELS: Record<(typeof KINDS)[number], string> = { note: 'Note', warning: 'Warning', illustrative: 'Illustrative example' };

const props = z.strictObject({
  kind: z.enum(KINDS, { error: `expected one of ${KINDS.join(', ')}` }).default('note').describe('note (the default), warning, or illustrative for sample data and invented examples.'),
  title: z.string({ error: 'expected a quoted title, e.g. title="Before you call"' }).optional().describe('The box title; by default Note, Warning or Illustrative example.'),
});

/** A boxed aside: a note, a warning, or a marked illustrative example. */
export const Callout: ComponentDefinition<typeof props> = {
  name: 'Callout',
  description: 'A boxed note, warning or illustrative example around Markdown.',
  props,
  transform(node, { kind, title }) {
    const label = title ?? LABELS[kind];
    node.data = { hName: 'aside', hProperties: { className: ['callout', `callout-${kind}`], 'aria-label': label } };
    (node.children as MdastContent[]).unshift(labelParagraph('callout-title', label));
  },
};
