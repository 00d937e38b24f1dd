import { z } from 'astro/zod';
import type { RootContent as MdastContent } from 'mdast';
import { childComponents, labelParagraph, labelledPart, type ComponentDefinition } from './types.ts';

const props = z.strictObject({
  title: z.string({ error: 'expected a quoted title, e.g. title="Opening a conversation"' }).optional().describe('What the script is for, e.g. "Opening a conversation".'),
});

/** A script for supporters: what to say beside what to avoid (stacked on a phone). */
export const SayThis: ComponentDefinition<typeof props> = {
  name: 'SayThis',
  description: 'What to say and what to avoid, side by side: holds one <Say> and one <Avoid>.',
  props,
  transform(node, { title }, context) {
    const parts = childComponents(node).map((child) => child.name);
    if (parts.filter((name) => name === 'Say').length !== 1 || parts.filter((name) => name === 'Avoid').length !== 1) {
      context.report({
        field: 'body',
        line: node.position?.start.line,
        message: `found <SayThis> holding ${parts.length ? parts.map((name) => `<${name}>`).join(', ') : 'no parts'}; expected one <Say> and one <Avoid>`,
      });
    }
    const label = title ?? 'What to say';
    // A named group, not a landmark: a page (or the print document) may hold several with the same title.
    node.data = { hName: 'div', hProperties: { className: ['say-this'], role: 'group', 'aria-label': label } };
    if (title) (node.children as MdastContent[]).unshift(labelParagraph('say-this-title', title));
  },
};

export const Say = labelledPart({ name: 'Say', description: 'Inside <SayThis>: what to say.', parent: 'SayThis', className: 'say-this-say', labelClass: 'say-this-label', label: 'Say' });

export const Avoid = labelledPart({ name: 'Avoid', description: 'Inside <SayThis>: what not to say, and why.', parent: 'SayThis', className: 'say-this-avoid', labelClass: 'say-this-label', label: 'Avoid' });
