import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { compilePage } from '../../src/lib/compile.ts';
import type { GlossaryEntry } from '../../src/lib/glossary.ts';

/**
 * Golden input/output pairs, in the manner of remark-gfm's fixtures: each folder of
 * tests/fixtures/compile/ holds an input.mdx, optionally options.json ({ anchors, glossary }), the
 * output.html the compiler must produce, and issues.json, the problems it must report (none when absent). The HTML is compared as trees (whitespace between
 * elements ignored), so a failure shows which element differs. After a deliberate change of output,
 * regenerate with `UPDATE_GOLDEN=1 npx vitest run tests/unit/compile-golden.test.ts` and review the diff.
 */
const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'compile');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

interface Options {
  anchors?: Record<string, string>;
  glossary?: GlossaryEntry[];
}

/** The HTML as a tree without positions, and without whitespace-only text between elements. */
function tree(html: string): Root {
  const root = unified().use(rehypeParse, { fragment: true }).parse(html);
  visit(root, (node, index, parent) => {
    delete node.position;
    if (node.type === 'text' && !node.value.trim() && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return index;
    }
    return undefined;
  });
  return root;
}

describe('the compiler against its golden fixtures', () => {
  const cases = readdirSync(FIXTURES, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();

  it('has fixtures to check', () => {
    expect(cases.length).toBeGreaterThanOrEqual(8);
  });

  for (const name of cases) {
    it(name, () => {
      const folder = join(FIXTURES, name);
      const input = readFileSync(join(folder, 'input.mdx'), 'utf8');
      const optionsFile = join(folder, 'options.json');
      const options: Options = existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, 'utf8')) : {};
      const result = compilePage(input, options.anchors, options.glossary);
      const issuesFile = join(folder, 'issues.json');
      if (UPDATE && result.issues.length) writeFileSync(issuesFile, `${JSON.stringify(result.issues, null, 2)}\n`);
      expect(result.issues).toEqual(existsSync(issuesFile) ? JSON.parse(readFileSync(issuesFile, 'utf8')) : []);
      const actual = result.page!.html;
      const expectedFile = join(folder, 'output.html');
      if (UPDATE || !existsSync(expectedFile)) {
        if (!UPDATE) throw new Error(`${expectedFile} is missing: run with UPDATE_GOLDEN=1 to write it, then review it`);
        writeFileSync(expectedFile, `${actual}\n`);
      }
      expect(tree(actual)).toEqual(tree(readFileSync(expectedFile, 'utf8')));
    });
  }
});
