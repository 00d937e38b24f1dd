import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { copyFixture, edit, GOOD_FIXTURE } from './helpers.ts';

describe('the good fixture', () => {
  it('loads every release and the draft with no problems', async () => {
    const content = await loadContent({ root: GOOD_FIXTURE });
    expect(content.problems).toEqual([]);
    expect(content.releases.map((release) => release.release)).toEqual(['1.0', '1.1', 'draft']);
    expect(content.releases[0].pages.map((page) => page.frontmatter.id).sort()).toEqual(['introduction', 'listening', 'old-workflow', 'retired', 'tiers']);
  });

  it('keeps a version folder named 1.0 as "1.0"', async () => {
    const content = await loadContent({ root: GOOD_FIXTURE });
    expect(content.releases[0].release).toBe('1.0');
    expect(content.releases[0].pages[0].release).toBe('1.0');
  });
});

const TIERS = 'content/versions/1.1/pages/tiers.mdx';
const THREATS = 'content/draft/pages/threats.mdx';

/** Each kind of bad input, the file and field the message must name, and words it must contain. */
const broken: Array<{ name: string; breakIt: (root: string) => void; file: string; field: string; says: RegExp; line?: number }> = [
  {
    name: 'a missing field',
    breakIt: (root) => edit(root, THREATS, (text) => text.replace(/^summary: .*\n/m, '')),
    file: THREATS,
    field: 'summary',
    says: /missing/,
  },
  {
    name: 'a wrong type',
    breakIt: (root) => edit(root, THREATS, (text) => text.replace(/^order: .*$/m, 'order: first')),
    file: THREATS,
    field: 'order',
    says: /found "first"; expected a number/,
  },
  {
    name: 'a bad date',
    breakIt: (root) => edit(root, THREATS, (text) => text.replace(/^reviewed: .*$/m, 'reviewed: 2024-02-30')),
    file: THREATS,
    field: 'reviewed',
    says: /found "2024-02-30"; expected a real date/,
  },
  {
    name: 'an unknown role',
    breakIt: (root) => edit(root, THREATS, (text) => text.replace(/^audience: .*$/m, 'audience: [peer-supporter, nurse]')),
    file: THREATS,
    field: 'audience[1]',
    says: /found "nurse"; expected one of physician-lead/,
  },
  {
    name: 'a summary that is too long',
    breakIt: (root) => edit(root, THREATS, (text) => text.replace(/^summary: .*$/m, `summary: ${'word '.repeat(50)}`)),
    file: THREATS,
    field: 'summary',
    says: /at most 200 characters/,
  },
  {
    name: 'a misspelt field',
    breakIt: (root) => edit(root, THREATS, (text) => text.replace(/^tags:/m, 'tag:').replace(/^order:/m, 'tagz: []\norder:')),
    file: THREATS,
    field: 'tagz',
    says: /does not know/,
  },
  {
    name: 'a page id the site reserves',
    breakIt: (root) => edit(root, THREATS, (text) => text.replace(/^id: threats$/m, 'id: glossary')),
    file: THREATS,
    field: 'id',
    says: /found "glossary"; expected an id other than/,
  },
  {
    name: 'a dangling related id',
    breakIt: (root) => edit(root, THREATS, (text) => text.replace(/^reviewed:/m, 'related: [no-such-page]\nreviewed:')),
    file: THREATS,
    field: 'related[0]',
    says: /"no-such-page", which is no page of the draft/,
  },
  {
    name: 'a dangling supersedes id',
    breakIt: (root) => edit(root, THREATS, (text) => text.replace(/^reviewed:/m, 'supersedes: [never-existed]\nreviewed:')),
    file: THREATS,
    field: 'supersedes[0]',
    says: /no earlier release has/,
  },
  {
    name: 'a dangling page link',
    breakIt: (root) => edit(root, THREATS, (text) => `${text}\nSee [nowhere](page:nowhere).\n`),
    file: THREATS,
    field: 'body',
    says: /page:nowhere, which is no page of the draft/,
  },
  {
    name: 'a link to a heading that does not exist',
    breakIt: (root) => edit(root, THREATS, (text) => `${text}\nSee [tiers](page:tiers#tier-9).\n`),
    file: THREATS,
    field: 'body',
    says: /page:tiers#tier-9, but that page has no such heading/,
  },
  {
    name: 'a duplicate id',
    breakIt: (root) => edit(root, THREATS, (text) => text.replace(/^id: threats$/m, 'id: listening')),
    file: THREATS,
    field: 'id',
    says: /already the id of content\/draft\/pages\/listening.mdx/,
  },
  {
    name: 'an MDX syntax error',
    breakIt: (root) => edit(root, THREATS, (text) => `${text}\nAn open <div\n`),
    file: THREATS,
    field: 'body',
    says: /invalid MDX syntax/,
  },
  {
    name: 'invalid YAML',
    breakIt: (root) => edit(root, THREATS, (text) => text.replace(/^order: .*$/m, 'order: [1')),
    file: THREATS,
    field: 'yaml',
    says: /invalid YAML/,
  },
  {
    name: 'an unknown part',
    breakIt: (root) => edit(root, THREATS, (text) => text.replace(/^part: .*$/m, 'part: appendix')),
    file: THREATS,
    field: 'part',
    says: /"appendix"; expected one of the parts/,
  },
  {
    name: 'a track step that points nowhere',
    breakIt: (root) => edit(root, 'content/draft/tracks.yaml', (text) => text.replace('page: tiers', 'page: tears')),
    file: 'content/draft/tracks.yaml',
    field: '[0].steps[1].page',
    says: /"tears", which is no page of the draft/,
  },
  {
    name: 'an edited frozen release',
    breakIt: (root) => edit(root, TIERS, (text) => text.replace('reach out within a day', 'reach out within two days')),
    file: TIERS,
    field: 'file',
    says: /release 1.1 is frozen, but this file was edited/,
  },
  {
    name: 'a file added to a frozen release',
    breakIt: (root) => writeFileSync(join(root, 'content/versions/1.0/pages/extra.mdx'), '---\nid: extra\n---\n'),
    file: 'content/versions/1.0/pages/extra.mdx',
    field: 'file',
    says: /release 1.0 is frozen, but this file was added/,
  },
  {
    name: 'a release folder without notes',
    breakIt: (root) => rmSync(join(root, 'content/releases/1.1.mdx')),
    file: 'content/releases/1.1.mdx',
    field: 'file',
    says: /release 1.1 has no notes/,
  },
  {
    name: 'notes without a release folder',
    breakIt: (root) => writeFileSync(join(root, 'content/releases/3.0.mdx'), '---\nversion: "3.0"\n---\n'),
    file: 'content/releases/3.0.mdx',
    field: 'file',
    says: /content\/versions\/3.0\/ does not exist/,
  },
  {
    name: 'notes whose version disagrees with the file name',
    breakIt: (root) => edit(root, 'content/releases/1.1.mdx', (text) => text.replace('version: "1.1"', 'version: "1.2"')),
    file: 'content/releases/1.1.mdx',
    field: 'version',
    says: /found "1.2"; expected "1.1"/,
  },
  {
    name: 'a tampered digest',
    breakIt: (root) => edit(root, 'content/releases/1.0.mdx', (text) => text.replace(/digest: sha256-./, 'digest: sha256-0')),
    file: 'content/releases/1.0.mdx',
    field: 'digest',
    says: /does not match/,
  },
  {
    name: 'a release folder that is not a release number',
    breakIt: (root) => cpSync(join(root, 'content/versions/1.0'), join(root, 'content/versions/first'), { recursive: true }),
    file: 'content/versions/first',
    field: 'folder',
    says: /found "first"; expected a release number/,
  },
];

describe('bad content is reported with file and field', () => {
  it.each(broken)('$name', async ({ breakIt, file, field, says }) => {
    const root = copyFixture();
    breakIt(root);
    const { problems } = await loadContent({ root });
    const matching = problems.filter((problem) => problem.file === file && problem.field === field);
    expect(matching, problems.map(formatProblem).join('\n')).not.toEqual([]);
    expect(matching.map((problem) => problem.message).join('\n')).toMatch(says);
  });

  it('reports every problem in one run, not just the first', async () => {
    const root = copyFixture();
    edit(root, THREATS, (text) => text.replace(/^audience: .*$/m, 'audience: [nurse]').replace(/^reviewed: .*$/m, 'reviewed: someday'));
    edit(root, 'content/draft/pages/listening.mdx', (text) => `${text}\n{oops\n`);
    edit(root, TIERS, (text) => `${text}\n`);
    const { problems } = await loadContent({ root });
    expect(problems.map((problem) => `${problem.file} ${problem.field}`)).toEqual(
      expect.arrayContaining([`${THREATS} audience[0]`, `${THREATS} reviewed`, 'content/draft/pages/listening.mdx body', `${TIERS} file`]),
    );
  });

  it('points a body error at the line of the file', async () => {
    const root = copyFixture();
    edit(root, THREATS, (text) => `${text}\nSee [nowhere](page:nowhere).\n`);
    const { problems } = await loadContent({ root });
    const problem = problems.find((p) => p.field === 'body')!;
    expect(formatProblem(problem)).toMatch(new RegExp(`^${THREATS}:\\d+: body: `));
    const lines = readFileSync(join(root, THREATS), 'utf8').split('\n');
    expect(lines[problem.line! - 1]).toContain('page:nowhere');
  });
});
