import { z } from 'astro/zod';
import type { RootContent as MdastContent } from 'mdast';
import { labelParagraph, labelledPart, type ComponentDefinition } from './types.ts';

/** Always shown: a case vignette is invented, and must never read as a real event. */
export const SCENARIO_LABEL = 'Illustrative scenario';

const props = z.strictObject({
  title: z.string({ error: 'expected a quoted title, e.g. title="A threat in clinic"' }).min(1, { error: 'expected a title that is not empty' }).describe('A short name for the case.'),
});

/** A case vignette for practice, always labelled illustrative, with optional discussion questions. */
export const Scenario: ComponentDefinition<typeof props> = {
  name: 'Scenario',
  description: 'A case vignette for practice, always labelled "Illustrative scenario"; may end with <Questions>.',
  props,
  transform(node, { title }) {
    // A named group, not a landmark: a page (or the print document) may hold several.
    node.data = { hName: 'div', hProperties: { className: ['scenario'], role: 'group', 'aria-label': `${SCENARIO_LABEL}: ${title}` } };
    (node.children as MdastContent[]).unshift(
      { type: 'paragraph', data: { hName: 'p', hProperties: { className: ['scenario-label'] } }, children: [{ type: 'text', value: SCENARIO_LABEL }] },
      labelParagraph('scenario-title', title),
    );
  },
};

export const Questions = labelledPart({
  name: 'Questions',
  description: 'Inside <Scenario>: questions for discussion, as a Markdown list.',
  parent: 'Scenario',
  className: 'scenario-questions',
  labelClass: 'scenario-questions-title',
  label: 'Questions for discussion',
});
