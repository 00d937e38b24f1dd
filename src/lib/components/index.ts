import type { z } from 'astro/zod';
import { distance } from 'fastest-levenshtein';
import type { Root } from 'mdast';
import type { MdxJsxAttribute } from 'mdast-util-mdx-jsx';
import type { VFile } from 'vfile';
import { SKIP, visit } from 'unist-util-visit';
import { NO_ASSETS, type ReleaseAssets } from '../assets.ts';
import { report } from '../compile-file.ts';
import { Callout } from './callout.ts';
import { Details } from './details.ts';
import { Download } from './download.ts';
import { Figure } from './figure.ts';
import { Local } from './local.ts';
import { Questions, Scenario } from './scenario.ts';
import { Avoid, Say, SayThis } from './say-this.ts';
import { Steps } from './steps.ts';
import type { ComponentContext as Context, ComponentDefinition, JsxNode as Node } from './types.ts';

/**
 * Every component a page may use, by the name written in MDX. Adding a component is one file with
 * its props schema and transform, and one line here; `npm run check`, the docs' list and the
 * compiler all read this table.
 */
export const COMPONENTS: ReadonlyMap<string, ComponentDefinition> = new Map(
  ([Callout, Steps, Figure, Download, SayThis, Say, Avoid, Scenario, Questions, Details, Local] as ComponentDefinition[]).map((component) => [component.name, component]),
);

export type { ComponentContext, ComponentDefinition, ComponentIssue, JsxNode } from './types.ts';

/** HTML elements MDX may pass through untouched, with the attributes they may keep. */
export const PASS_THROUGH = new Set(['abbr', 'kbd', 'sub', 'sup', 'small', 'br', 'mark', 'dfn']);

function closest(name: string, candidates: readonly string[]): string | undefined {
  const best = candidates.map((candidate) => ({ candidate, score: distance(name.toLowerCase(), candidate.toLowerCase()) })).sort((a, b) => a.score - b.score)[0];
  return best && best.score <= Math.max(2, Math.floor(name.length / 3)) ? best.candidate : undefined;
}

/** The props as written: quoted text values, or `true` for a bare word such as `decorative`. */
function propsOf(node: Node, context: Context): Record<string, string | true> | undefined {
  const props: Record<string, string | true> = {};
  let ok = true;
  for (const attr of node.attributes) {
    if (attr.type !== 'mdxJsxAttribute') {
      // A spread attribute is reported once for every element, by the shape check (shape.ts).
      ok = false;
    } else if (attr.value === null || attr.value === undefined) {
      props[attr.name] = true;
    } else if (typeof attr.value !== 'string') {
      context.report({ field: `${node.name}.${attr.name}`, line: node.position?.start.line, message: `found the expression ${attr.name}={${attr.value.value}}; expected a quoted text value, ${attr.name}="…"` });
      ok = false;
    } else {
      props[attr.name] = attr.value;
    }
  }
  return ok ? props : undefined;
}

/** Zod's issues about a component's props, said as file-and-line problems a writer can act on. */
function reportProps(node: Node, component: ComponentDefinition, input: Record<string, string | true>, error: z.ZodError, context: Context): void {
  const line = node.position?.start.line;
  const known = Object.keys(component.props.shape);
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const guess = closest(key, known);
        context.report({
          field: `${component.name}.${key}`,
          line,
          message: `found the prop ${key}, which <${component.name}> does not have; expected ${known.length ? `only ${known.join(', ')}` : 'no props'}${guess ? ` (did you mean ${guess}?)` : ''}`,
        });
      }
      continue;
    }
    const prop = String(issue.path[0] ?? '');
    const value = input[prop];
    let expected = issue.message.replace(/^Invalid input: /, '');
    if (!expected.startsWith('expected')) expected = `expected ${expected}`;
    const found = value === undefined ? `<${component.name}> has no ${prop}` : value === true ? `found ${prop} with no value` : `found ${prop}="${value}"`;
    context.report({ field: `${component.name}.${prop || '(props)'}`, line, message: `${found}; ${expected}` });
  }
}

/**
 * Checks one JSX element of a page against the table and turns it into HTML. Returns false when
 * the element must be dropped (unknown, or in the wrong place): the problem is reported either way.
 */
export function applyComponent(node: Node, parentName: string | undefined, context: Context): boolean {
  const name = node.name ?? '';
  const line = node.position?.start.line;
  if (PASS_THROUGH.has(name)) {
    const properties: Record<string, string> = {};
    for (const attr of node.attributes) {
      if (attr.type === 'mdxJsxAttribute' && typeof attr.value === 'string' && ['title', 'lang'].includes(attr.name)) properties[attr.name] = (attr as MdxJsxAttribute).value as string;
    }
    node.data = { hName: name, hProperties: properties };
    return true;
  }
  const component = COMPONENTS.get(name);
  if (!component) {
    const topLevel = [...COMPONENTS.values()].filter((c) => !c.parent).map((c) => c.name);
    const guess = closest(name, [...COMPONENTS.keys()]);
    context.report({
      field: 'body',
      line,
      message: `found the component <${name || '>'}>, which the playbook does not have; expected one of ${topLevel.join(', ')} or the HTML elements ${[...PASS_THROUGH].join(', ')}${guess ? ` (did you mean <${guess}>?)` : ''}`,
    });
    return false;
  }
  if (component.parent && component.parent !== parentName) {
    context.report({ field: 'body', line, message: `found <${name}> ${parentName ? `inside <${parentName}>` : 'on its own'}; expected it only inside <${component.parent}>` });
    return false;
  }
  const input = propsOf(node, context);
  if (!input) return false;
  const parsed = component.props.safeParse(input);
  if (!parsed.success) {
    reportProps(node, component, input, parsed.error, context);
    return false;
  }
  component.transform(node, parsed.data, context);
  return true;
}

/**
 * Remark plugin: checks what MDX allows beyond Markdown (components, expressions, imports) and turns
 * what the playbook permits into plain HTML elements, so a page compiles to static HTML with no
 * runtime. Problems go through `file.message()`; the figures, downloads and area details the page
 * shows go to `file.data.assets` and `.localKeys`. Shared by pages and release notes.
 */
export function remarkComponents(options: { assets?: ReleaseAssets } = {}) {
  const { assets = NO_ASSETS } = options;
  return (tree: Root, file: VFile) => {
    const used = new Set<string>();
    const locals = new Set<string>();
    const context: Context = {
      assets,
      report: (issue) => report(file, issue.field, issue.message, issue.line),
      use: (path) => used.add(path),
      useLocal: (key) => locals.add(key),
    };
    visit(tree, (node, index, parent) => {
      switch (node.type) {
        case 'mdxjsEsm':
          report(file, 'body', 'found an import or export; expected none (components need no import)', node);
          if (parent && index !== undefined) parent.children.splice(index, 1);
          return [SKIP, index];
        case 'mdxFlowExpression':
        case 'mdxTextExpression':
          report(file, 'body', `found the expression {${node.value}}; expected plain text (write \\{ and \\} for literal braces)`, node);
          if (parent && index !== undefined) parent.children.splice(index, 1);
          return [SKIP, index];
        case 'mdxJsxFlowElement':
        case 'mdxJsxTextElement': {
          const parentName = parent && (parent.type === 'mdxJsxFlowElement' || parent.type === 'mdxJsxTextElement') ? (parent.name ?? undefined) : undefined;
          if (applyComponent(node, parentName, context)) return undefined;
          if (parent && index !== undefined) parent.children.splice(index, 1);
          return [SKIP, index];
        }
        default:
          return undefined;
      }
    });
    file.data.assets = [...used];
    file.data.localKeys = [...locals];
  };
}
