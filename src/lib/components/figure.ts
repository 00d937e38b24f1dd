import { z } from 'astro/zod';
import type { ElementContent } from 'hast';
import { element, text, type ComponentContext, type ComponentDefinition, type JsxNode } from './types.ts';
import type { AssetRecord } from '../assets.ts';

const props = z
  .strictObject({
    src: z
      .string({ error: 'expected src="figures/<file>", a file in the release folder\'s figures/' })
      .regex(/^figures\/[^/\\]+$/, { error: 'expected figures/<file>, a file directly in the release folder\'s figures/ (e.g. figures/three-tiers.svg)' })
      .describe('The image, in the release folder: figures/<file> (.svg, .png, .jpg or .webp).'),
    alt: z.string({ error: 'expected alt="what the image shows, for a screen reader"' }).optional().describe('What the image shows, for someone who cannot see it. Required unless decorative.'),
    decorative: z.literal(true, { error: 'expected the bare word decorative, with no value' }).optional().describe('For an image that carries no meaning (a divider): screen readers skip it.'),
    caption: z.string({ error: 'expected a quoted caption, e.g. caption="The three tiers of support"' }).optional().describe('Shown under the image, to every reader.'),
  })
  .superRefine((value, ctx) => {
    if (!value.decorative && !value.alt?.trim()) {
      ctx.addIssue({ code: 'custom', path: ['alt'], message: 'expected alt="what the image shows, for a screen reader" (or the bare word decorative for an image that carries no meaning)' });
    }
    if (value.decorative && value.alt !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['alt'], message: 'expected no alt on a decorative figure (a decorative image has no text alternative); drop one of alt and decorative' });
    }
  });

/** Finds the figure or download a component names, reporting a missing or refused file against the prop. */
export function assetFor(node: JsxNode, component: string, src: string, context: ComponentContext): AssetRecord | undefined {
  const asset = context.assets.get(src);
  if (asset) return asset;
  const folder = src.split('/')[0];
  const refused = context.assets.refused.get(src);
  const present = context.assets.list.filter((item) => item.path.startsWith(`${folder}/`)).map((item) => item.path);
  context.report({
    field: `${component}.src`,
    line: node.position?.start.line,
    message: refused
      ? `found src="${src}", a file refused (${refused}); expected a file that can be published`
      : `found src="${src}", which is not in this release's ${folder}/ folder; expected ${present.length ? `one of ${present.join(', ')}` : `a file there (the folder is empty or missing)`}`,
  });
  return undefined;
}

/** An image from the release's figures/, with its size set so nothing shifts, and a caption. */
export const Figure: ComponentDefinition<typeof props> = {
  name: 'Figure',
  description: 'An image from the release folder\'s figures/, with alt text and an optional caption.',
  props,
  transform(node, { src, alt, caption }, context) {
    const asset = assetFor(node, 'Figure', src, context);
    context.use(src);
    const image = element('img', {
      // Relative, like page links: the same HTML serves /v/<version>/, /latest/ and /draft/.
      src: `../${src}`,
      alt: alt ?? '',
      ...(asset?.width ? { width: asset.width, height: asset.height ?? 0 } : {}),
      loading: 'lazy',
      decoding: 'async',
    });
    const children: ElementContent[] = [image];
    if (caption) children.push(element('figcaption', {}, [text(caption)]));
    node.data = { hName: 'figure', hProperties: { className: ['figure'] }, hChildren: children };
    node.children = [];
  },
};
