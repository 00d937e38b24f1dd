import { z } from 'astro/zod';
import type { RootContent as MdastContent } from 'mdast';
import type { ComponentDefinition } from './types.ts';

const props = z.strictObject({
  summary: z.string({ error: 'expected the line shown while closed, e.g. summary="Why we ask directly"' }).min(1, { error: 'expected a summary that is not empty' }).describe('The line a reader sees while the aside is closed.'),
});

/** A collapsible aside: a native <details>, so it opens without JavaScript and prints open. */
export const Details: ComponentDefinition<typeof props> = {
  name: 'Details',
  description: 'A collapsible aside, closed until the reader opens it.',
  props,
  transform(node, { summary }) {
    node.data = { hName: 'details', hProperties: { className: ['details'] } };
    (node.children as MdastContent[]).unshift({ type: 'paragraph', data: { hName: 'summary' }, children: [{ type: 'text', value: summary }] });
  },
};
