import { z } from 'astro/zod';
import { areasUrl } from '../addresses.ts';
import { LOCAL_KEYS, LOCAL_KEY_NAMES } from '../areas.ts';
import { element, text, type ComponentDefinition } from './types.ts';

const props = z.strictObject({
  key: z
    .enum(LOCAL_KEY_NAMES, { error: `expected one of the area details: ${LOCAL_KEY_NAMES.join(', ')}` })
    .describe(`The area detail to show: ${LOCAL_KEY_NAMES.join(', ')}.`),
});

/**
 * One of the reader's area details (activation number, crisis line…) beside the shared text.
 * The page holds only the key and a neutral phrase linked to the area directory, so it reads
 * without JavaScript and no area's value is ever part of a release; the Local island fills in
 * the value of the area the reader chose, marked as local.
 */
export const Local: ComponentDefinition<typeof props> = {
  name: 'Local',
  description: "A detail of the reader's area (activation number, crisis line, Tier 3 partners, legal contact), from content/areas/.",
  props,
  transform(node, { key }, context) {
    context.useLocal(key);
    node.children = [];
    node.data = {
      hName: 'span',
      hProperties: { className: ['local'], dataLocal: key },
      hChildren: [element('a', { className: ['local__neutral'], href: areasUrl() }, [text(LOCAL_KEYS[key].neutral)])],
    };
  },
};
