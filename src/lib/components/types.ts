import type { ElementContent } from 'hast';
import type { RootContent as MdastContent } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { z } from 'astro/zod';
import type { ReleaseAssets } from '../assets.ts';

export type JsxNode = MdxJsxFlowElement | MdxJsxTextElement;

/** A problem found while turning a component into HTML; compile.ts adds the page's file and line. */
export interface ComponentIssue {
  /** `body` for the component as a whole, `<Component>.<prop>` for one prop. */
  field: string;
  message: string;
  line?: number;
}

export interface ComponentContext {
  /** The figures and downloads of the release being compiled. */
  assets: ReleaseAssets;
  report(issue: ComponentIssue): void;
  /** Records that the page shows this figure or download (`figures/a.svg`). */
  use(path: string): void;
  /** Records that the page shows this area detail (`<Local key="…" />`), so check can ask every area for it. */
  useLocal(key: string): void;
}

/**
 * A component a page may use: its props, checked by zod, and how it becomes plain HTML. The
 * transform rewrites the mdast node in place (`data.hName`, `hProperties`, `hChildren`), so the
 * Markdown inside a component is rendered by the same pipeline as the rest of the page and the
 * page stays static HTML with no runtime.
 */
export interface ComponentDefinition<Props extends z.ZodObject = z.ZodObject> {
  name: string;
  /** One line for the docs and for "expected" messages. */
  description: string;
  /** The props, as an object schema: its keys are the props a writer may use, each with a `.describe()`. */
  props: Props;
  /** For a part of another component (`<Say>` in `<SayThis>`): the only component it may sit in. */
  parent?: string;
  transform(node: JsxNode, props: z.output<Props>, context: ComponentContext): void;
}

/** A paragraph rendered as `<p class=…><strong>text</strong></p>`: the label of a box. */
export function labelParagraph(className: string, text: string): MdastContent {
  return {
    type: 'paragraph',
    data: { hName: 'p', hProperties: { className: [className] } },
    children: [{ type: 'strong', children: [{ type: 'text', value: text }] }],
  };
}

const NO_PROPS = z.strictObject({});

/**
 * A part of another component (`<Say>` in `<SayThis>`, `<Questions>` in `<Scenario>`): no props, a
 * box with its class, and its label first.
 */
export function labelledPart(part: { name: string; description: string; parent: string; className: string; labelClass: string; label: string }): ComponentDefinition<typeof NO_PROPS> {
  return {
    name: part.name,
    description: part.description,
    props: NO_PROPS,
    parent: part.parent,
    transform(node) {
      node.data = { hName: 'div', hProperties: { className: [part.className] } };
      (node.children as MdastContent[]).unshift(labelParagraph(part.labelClass, part.label));
    },
  };
}

export function element(tagName: string, properties: Record<string, string | number | boolean | string[]>, children: ElementContent[] = []): ElementContent {
  return { type: 'element', tagName, properties, children };
}

export function text(value: string): ElementContent {
  return { type: 'text', value };
}

/** The child JSX elements of a component, ignoring the blank text MDX leaves between them. */
export function childComponents(node: JsxNode): JsxNode[] {
  return (node.children as MdastContent[]).filter((child): child is JsxNode => child.type === 'mdxJsxFlowElement' || child.type === 'mdxJsxTextElement');
}
