import { z } from 'astro/zod';
import type { RootContent as MdastContent } from 'mdast';
import type { ComponentDefinition } from './types.ts';

const props = z.strictObject({});

/** A numbered procedure: the ordered list inside, styled as steps a reader follows in order. */
export const Steps: ComponentDefinition<typeof props> = {
  name: 'Steps',
  description: 'A numbered procedure: one Markdown numbered list, each step may hold Markdown.',
  props,
  transform(node, _props, context) {
    const children = node.children as MdastContent[];
    const lists = children.filter((child) => child.type === 'list');
    const ordered = lists.length === 1 && lists[0].type === 'list' && lists[0].ordered;
    const other = children.some((child) => child.type !== 'list');
    if (!ordered || other) {
      context.report({
        field: 'body',
        line: node.position?.start.line,
        message: 'found <Steps> holding something other than one numbered list; expected only a list written 1. 2. 3. (with blank lines around it)',
      });
    }
    node.data = { hName: 'div', hProperties: { className: ['steps'] } };
    for (const list of lists) list.data = { ...list.data, hProperties: { className: ['steps-list'] } };
  },
};
