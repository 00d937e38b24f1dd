import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compile } from '@mdx-js/mdx';
import remarkGfm from 'remark-gfm';
import { describe, expect, it } from 'vitest';
import { compilePage } from '../../src/lib/compile.ts';
import { loadContent } from '../../src/lib/content.ts';
import { judgeLink } from '../../src/lib/links.ts';
import { remarkReleaseNotes } from '../../src/lib/notes.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { isVersion } from '../../src/lib/version.ts';
import { copyFixture, edit } from './helpers.ts';

const THREATS = 'content/draft/pages/threats.mdx';
const NOTES = 'content/releases/1.1.mdx';

/** The problems of a copy of the good fixture after one change, as `file:line: field: message` lines. */
async function problemsAfter(change: (root: string) => void): Promise<string[]> {
  const root = copyFixture();
  change(root);
  const { problems } = await loadContent({ root });
  return problems.map(formatProblem);
}

/** Appends text to a file of the fixture; returns the 1-based line where it starts. */
function append(root: string, file: string, text: string): number {
  const before = readFileSync(join(root, file), 'utf8');
  writeFileSync(join(root, file), `${before}\n${text}\n`);
  return before.split('\n').length + 1;
}

describe('every link scheme in pages is checked, with file and line', () => {
  it.each([
    ['a relative link', '[other](other-page)', /found the link "other-page"; expected page:<page-id> for another page, not a relative path, e.g. page:other-page/],
    ['a relative path to a file', '[x](../guides/x.md)', /found the link "..\/guides\/x.md"; expected page:<page-id> .*e.g. page:x/],
    ['javascript:', '[x](javascript:alert(1))', /found the link "javascript:alert\(1\)"; expected no javascript: link/],
    ['JavaScript: in mixed case', '[x](JavaScript:alert(1))', /expected no javascript: link/],
    ['javascript: after spaces', '[x](<  javascript:alert(1)>)', /expected no javascript: link/],
    ['javascript: entity-encoded', '[x](javascript&#58;alert(1))', /found the link "javascript:alert\(1\)"/],
    ['javascript: with a tab inside', '[x](<java\tscript:alert(1)>)', /expected no javascript: link/],
    ['vbscript:', '[x](vbscript:msgbox)', /expected no vbscript: link/],
    ['data:', '[x](data:text/html;base64,PHNjcmlwdD4=)', /expected no data: link/],
    ['javascript: in a reference definition', '[x][evil]\n\n[evil]: javascript:alert(1)', /found the link definition "javascript:alert\(1\)"/],
    ['Page: in capitals', '[x](Page:tiers)', /expected page:<page-id> in lower case/],
    ['PAGE: in capitals', '[x](PAGE:tiers)', /expected page:<page-id> in lower case/],
    ['a protocol-relative address', '[x](//evil.example/x)', /expected no address without a scheme \(\/\/host\)/],
    ['http:', '[x](http://example.org/)', /expected an https:\/\/ address/],
    ['an image from another site', '![x](https://tracker.example/pixel.png)', /found the image "https:\/\/tracker.example\/pixel.png"; expected an image from figures\/<name>/],
    ['a data: image', '![x](data:image/svg+xml;base64,PHN2Zz4=)', /found the image "data:image/],
    ['an image by reference from another site', '![x][pixel]\n\n[pixel]: https://tracker.example/p.png', /found the link definition "https:\/\/tracker.example\/p.png"; expected an image from figures/],
    ['a link to a missing anchor', '[x](page:tiers#tier-9)', /found a link to page:tiers#tier-9, but that page has no such heading/],
    ['a link to a missing download', '[log](files/missing.csv)', /found a link to files\/missing.csv, which is no file of the draft/],
  ])('refuses %s', async (_name, markdown, says) => {
    let line = 0;
    const problems = await problemsAfter((root) => (line = append(root, THREATS, markdown)));
    const found = problems.filter((problem) => problem.startsWith(`${THREATS}:`) && problem.includes(': body: '));
    expect(found, problems.join('\n')).toHaveLength(1);
    expect(found[0]).toMatch(says);
    expect(Number(/:(\d+): body/.exec(found[0])![1])).toBeGreaterThanOrEqual(line);
  });

  it('accepts page, anchor, https, figure and download links, and points them at the site', async () => {
    const root = copyFixture();
    mkdirSync(join(root, 'content/draft/files'));
    writeFileSync(join(root, 'content/draft/files/log.csv'), 'date,tier\n');
    append(root, THREATS, '[a](page:tiers) [b](https://doi.org/10.1/x) [c](files/log.csv)');
    const { problems, releases } = await loadContent({ root });
    expect(problems.map(formatProblem)).toEqual([]);
    const html = releases.at(-1)!.pages.find((page) => page.frontmatter.id === 'threats')!.compiled.html;
    expect(html).toContain('<a href="../tiers/">a</a> <a href="https://doi.org/10.1/x">b</a> <a href="../files/log.csv">c</a>');
  });

  it('judges a destination as a browser would read it', () => {
    expect(judgeLink(' javascript:x').kind).toBe('refused');
    expect(judgeLink('java\nscript:x')).toMatchObject({ kind: 'refused', expected: expect.stringContaining('javascript') });
    expect(judgeLink('https://example.org/a b').kind).toBe('refused');
    expect(judgeLink('https://example.org/a')).toEqual({ kind: 'external', url: 'https://example.org/a' });
    expect(judgeLink('figures/a.svg', true)).toEqual({ kind: 'file', path: 'figures/a.svg' });
    expect(judgeLink('files/a.csv', true).kind).toBe('refused');
  });
});

describe('release notes are held to the rules of pages', () => {
  it.each([
    ['an import', "import fs from 'node:fs'", /found an import or export/],
    ['an export', 'export const x = 1', /found an import or export/],
    ['an expression', "{fs.readFileSync('/etc/hostname')}", /found the expression/],
    ['a raw script', '<script>alert(1)</script>', /found the component <script/],
    ['an image from another site', '<img src="https://tracker.example/p.png" />', /found the component <img/],
    ['a javascript: link', '[x](javascript:alert(1))', /expected no javascript: link/],
    ['a link to a page the release does not have', '[x](page:threats)', /found a link to page:threats, which is no page of release 1.1/],
    ['a placeholder left by the template', 'TODO: say why.', /found the placeholder "TODO"/],
  ])('refuses %s in frozen notes, naming file and line', async (_name, markdown, says) => {
    let line = 0;
    const problems = await problemsAfter((root) => (line = append(root, NOTES, markdown)));
    const found = problems.filter((problem) => problem.startsWith(`${NOTES}:${line}: body: `));
    expect(found, problems.join('\n')).toHaveLength(1);
    expect(found[0]).toMatch(says);
  });

  it('checks the draft notes with the same rules (placeholders allowed while a draft)', async () => {
    const problems = await problemsAfter((root) => {
      append(root, 'content/draft/release-notes.mdx', 'TODO: more. [x](../tiers.md) {1 + 1}');
    });
    expect(problems.join('\n')).toMatch(/content\/draft\/release-notes\.mdx:\d+: body: found the expression \{1 \+ 1\}/);
    expect(problems.join('\n')).toMatch(/content\/draft\/release-notes\.mdx:\d+: body: found the link "..\/tiers.md"/);
    expect(problems.join('\n')).not.toMatch(/placeholder/);
  });
});

describe('release notes inside @astrojs/mdx (astro.config.mjs), the second line after check', () => {
  const notes = (value: string) => compile({ path: '/site/content/releases/2.0.mdx', value }, { remarkPlugins: [remarkGfm, remarkReleaseNotes] }).then(String);

  it('fails the compile naming file and line, before any code is generated', async () => {
    await expect(notes("## Notes\n\nimport fs from 'node:fs'\n\n{fs.readFileSync('/etc/hostname')}\n")).rejects.toThrow(
      /\/site\/content\/releases\/2\.0\.mdx:3: body: found an import or export[\s\S]*2\.0\.mdx:5: body: found the expression/,
    );
    await expect(notes('<script>alert(1)</script>\n')).rejects.toThrow(/2\.0\.mdx:1: body: found the component <script/);
    await expect(notes('[x](javascript:alert(1))\n')).rejects.toThrow(/2\.0\.mdx:1: body: found the link "javascript:alert\(1\)"/);
  });

  it('compiles the allowed components to plain elements and points page links at the notes\' release', async () => {
    const code = await notes('See [tiers](page:tiers#tier-2).\n\n<Callout kind="warning">\n\nCareful.\n\n</Callout>\n');
    expect(code).toContain('href: "/v/2.0/tiers/#tier-2"');
    expect(code).toContain('className: "callout callout-warning"');
    expect(code).not.toMatch(/_components\.Callout|_missingMdxReference|^import (?!\{Fragment)/m);
  });
});

describe('symbolic links are refused, and nothing is read through them', () => {
  it.each([
    ['a glossary linked to a file outside the repository', 'content/draft/glossary.yaml'],
    ['a page linked to /etc/passwd', 'content/draft/pages/threats.mdx'],
  ])('%s', async (_name, file) => {
    const outside = join(tmpdir(), `outside-${process.pid}-${Math.random()}.txt`);
    writeFileSync(outside, 'secret-first-line: do not show\n');
    const problems = await problemsAfter((root) => {
      rmSync(join(root, file));
      symlinkSync(file.endsWith('.mdx') ? '/etc/passwd' : outside, join(root, file));
    });
    expect(problems).toContain(`${file}: file: found a symbolic link; expected a plain file or folder inside the release (nothing is read through a link)`);
    expect(problems.join('\n')).not.toMatch(/secret-first-line|root:/);
  });

  it('a page folder linked into a frozen release', async () => {
    const problems = await problemsAfter((root) => symlinkSync(join(root, 'content/draft/pages'), join(root, 'content/versions/1.0/pages/more')));
    expect(problems).toContain('content/versions/1.0/pages/more: file: found a symbolic link; expected a plain file or folder inside the release (nothing is read through a link)');
  });
});

describe('pathological shapes are refused quickly, with file and line', () => {
  it.each([
    ['a list nested 1,000 deep', Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n'), /found a line indented 50 columns/],
    ['lists opened 1,000 deep on one line', `${'- '.repeat(1000)}x`, /found more than 8 lists or quotes opened on one line/],
    ['quotes nested 1,000 deep', `${'>'.repeat(1000)} x`, /found more than 8 lists or quotes opened on one line/],
    ['emphasis 1,000 deep', `${'*a '.repeat(1000)}x${' b*'.repeat(1000)}`, /found more than 200 runs of \* or _ in one paragraph/],
  ])('%s', async (_name, markdown, says) => {
    const started = performance.now();
    let line = 0;
    const problems = await problemsAfter((root) => (line = append(root, THREATS, markdown)));
    expect(performance.now() - started).toBeLessThan(5_000);
    const found = problems.filter((problem) => problem.startsWith(`${THREATS}:`));
    expect(found[0], problems.join('\n')).toMatch(says);
    expect(Number(/:(\d+):/.exec(found[0])![1])).toBeGreaterThanOrEqual(line);
  });

  it('a spread attribute on a component, which would be dropped silently', () => {
    expect(compilePage('<Callout {...props}>\n\nText.\n\n</Callout>\n').issues).toEqual([
      { field: 'body', line: 1, message: 'found the spread attribute {...props}; expected each attribute written name="value"' },
    ]);
  });
});

describe('text and YAML that would be published wrongly are refused, naming the file', () => {
  it.each([
    ['a NUL in a title', (root: string) => edit(root, THREATS, (t) => t.replace('title: Threats from patients', 'title: "Threats\\0 from patients"')), `${THREATS}: title: found the invisible or control character U+0000`],
    ['a bidi override in a title', (root: string) => edit(root, THREATS, (t) => t.replace('title: Threats from patients', 'title: Threats \u202Efrom patients')), `${THREATS}: title: found the invisible or control character U+202E`],
    ['a zero-width space in a summary', (root: string) => edit(root, THREATS, (t) => t.replace(/^summary: Summary/m, 'summary: Sum\u200Bmary')), `${THREATS}: summary: found the invisible or control character U+200B`],
    ['a title too long', (root: string) => edit(root, THREATS, (t) => t.replace('title: Threats from patients', `title: ${'Threats '.repeat(20)}`)), `${THREATS}: title: found "Threats Threats`],
    ['__proto__ in anchors', (root: string) => edit(root, THREATS, (t) => t.replace(/^reviewed:/m, 'anchors: { __proto__: stay-safe }\nreviewed:')), `${THREATS}: anchors.__proto__: found the key "__proto__"`],
    [
      'a YAML alias bomb',
      (root: string) => writeFileSync(join(root, 'content/draft/glossary.yaml'), `a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n`),
      'content/draft/glossary.yaml:1: yaml: found YAML that cannot be read (Excessive alias count',
    ],
    [
      'a page saved as Latin-1',
      (root: string) => writeFileSync(join(root, THREATS), Buffer.concat([readFileSync(join(root, THREATS)), Buffer.from('\nCaf\xe9 du personnel\n', 'latin1')])),
      `${THREATS}:18: file: found bytes that are not UTF-8`,
    ],
    ['a release folder numbered beyond six digits', (root: string) => mkdirSync(join(root, 'content/versions/99999999999999999999.0')), 'content/versions/99999999999999999999.0: folder: found "99999999999999999999.0"; expected a release number'],
  ])('%s', async (_name, change, says) => {
    const problems = await problemsAfter(change);
    expect(problems.some((problem) => problem.startsWith(says)), problems.join('\n')).toBe(true);
  });

  it('accepts a UTF-8 byte order mark', async () => {
    const problems = await problemsAfter((root) => writeFileSync(join(root, THREATS), `\uFEFF${readFileSync(join(root, THREATS), 'utf8')}`));
    expect(problems).toEqual([]);
  });

  it('bounds each number of a release', () => {
    expect(isVersion('999999.0')).toBe(true);
    expect(isVersion('99999999999999999999.0')).toBe(false);
  });
});
