import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { loadContent } from '../../src/lib/content.ts';
import { createRelease } from '../../src/lib/release.ts';
import { changeClassOf, noticesFor, releaseStatuses } from '../../src/lib/document-control.ts';
import { versionsManifest } from '../../src/lib/manifest.ts';
import { buildLibrary, libraryFromContent } from '../../src/lib/model.ts';
import { recordsFromContent } from '../../src/lib/records.ts';
import { copyFixture, edit, GOOD_FIXTURE } from './helpers.ts';

const CONTROL = 'content/releases/1.1.control.yaml';
const NOTICE = 'content/notices/tier-2-limits.mdx';
const TIERS_DRAFT = 'content/draft/pages/tiers.mdx';

describe('document control of the good fixture', () => {
  it('reads the control file of a release frozen before document control, outside its digest', async () => {
    const content = await loadContent({ root: GOOD_FIXTURE });
    expect(content.problems).toEqual([]);
    const release = content.releases.find((candidate) => candidate.release === '1.1')!;
    expect(release.control).toMatchObject({ source: CONTROL, approved: '2024-11-11', effective: '2024-11-18', approvedBy: [{ role: 'Program medical director', name: 'Illustrative: A. Approver' }] });
    expect(changeClassOf(release.control, 'introduction')).toEqual({ class: 'material', note: 'Renamed: Welcome to peer support.', declared: true });
    expect(changeClassOf(release.control, 'encounter-workflow')).toEqual({ class: 'material', declared: false });
  });

  it('loads the notice with its pages and anchors, and links into the correcting release', async () => {
    const content = await loadContent({ root: GOOD_FIXTURE });
    expect(content.notices).toHaveLength(1);
    const [notice] = content.notices;
    expect(notice).toMatchObject({ id: 'tier-2-limits', kind: 'safety', correctedIn: { release: '1.2', inDraft: true, page: 'tiers' } });
    expect(notice.affects[0].pages).toEqual([{ page: 'tiers', anchor: 'tier-2-trained-peer-supporters' }, { page: 'listening' }]);
    expect(notice.html).toContain('href="/draft/tiers/"');
    expect(noticesFor(content.notices, '1.1', 'listening').map((found) => found.notice.id)).toEqual(['tier-2-limits']);
    expect(noticesFor(content.notices, '1.1', 'introduction')).toEqual([]);
    expect(noticesFor(content.notices, '1.0').map((found) => found.targets)).toEqual([[{ page: 'tiers' }]]);
  });

  it('carries status, approval and notices in /versions.json', async () => {
    const library = libraryFromContent(await loadContent({ root: GOOD_FIXTURE }));
    const manifest = versionsManifest(library);
    expect(manifest.releases[0]).toMatchObject({ version: '1.1', status: 'in-effect', effective: '2024-11-18', approved: '2024-11-11', notices: ['tier-2-limits'], withdrawn: false });
    expect(manifest.releases[1]).toMatchObject({ version: '1.0', status: 'superseded', effective: '2024-02-05', notices: ['tier-2-limits'] });
    expect(manifest.notices![0].affects[0].pages![0]).toEqual({ id: 'tiers#tier-2-trained-peer-supporters', url: '/v/1.1/tiers/#tier-2-trained-peer-supporters' });
    expect(manifest.notices![0].correctedIn).toEqual({ release: '1.2', page: 'tiers', url: '/draft/tiers/', published: false });
  });
});

describe('document control frozen in the notes', () => {
  it('is read from the notes of a release frozen with it', async () => {
    const root = copyFixture();
    edit(root, 'content/releases/1.0.mdx', (text) =>
      text.replace(/^date: (.*)$/m, 'date: $1\napprovedBy:\n  - role: Program medical director\n    name: "Illustrative: A. Approver"\napproved: 2024-02-01\neffective: 2024-03-01'),
    );
    const content = await loadContent({ root });
    expect(content.problems).toEqual([]);
    expect(content.releases[0].control).toMatchObject({ source: 'content/releases/1.0.mdx', approved: '2024-02-01', effective: '2024-03-01' });
  });
});

describe('status from the effective date', () => {
  const releases = [
    { release: '1.0', date: '2024-01-01' },
    { release: '1.1', date: '2024-06-01', control: { source: 'x', approvedBy: [], approved: '2024-05-01', effective: '2024-07-01', changes: {} } },
  ];
  it('keeps the release before in effect until an upcoming release takes effect', () => {
    expect(releaseStatuses(releases, '2024-06-15')).toEqual({ statuses: ['in-effect', 'upcoming'], inEffect: 0 });
    expect(releaseStatuses(releases, '2024-07-01')).toEqual({ statuses: ['superseded', 'in-effect'], inEffect: 1 });
  });

  it('makes /latest/ the release in effect, while the newest stays the draft\'s base', async () => {
    const root = copyFixture();
    edit(root, CONTROL, (text) => text.replace('effective: 2024-11-18', 'effective: 2099-01-01'));
    const content = await loadContent({ root });
    expect(content.problems).toEqual([]);
    const records = recordsFromContent(content);
    const library = buildLibrary(records.releases, records.pages, { notices: records.notices, today: '2026-12-01' });
    expect(library.latest.release).toBe('1.0');
    expect(library.newest.release).toBe('1.1');
    expect(library.upcoming.map((release) => release.release)).toEqual(['1.1']);
    expect(library.release('1.1')!.status).toBe('upcoming');
    expect(library.previous(library.draft!)!.release).toBe('1.1');
    // A page that only the upcoming release has was never removed from the latest.
    expect(library.removed.map((entry) => entry.id)).not.toContain('encounter-workflow');
    const later = buildLibrary(records.releases, records.pages, { today: '2099-01-01' });
    expect(later.latest.release).toBe('1.1');
  });
});

describe('a withdrawn release', () => {
  it('stays in the library, marked withdrawn', async () => {
    const root = copyFixture();
    writeFileSync(join(root, 'content/notices/withdraw-1-0.mdx'), '---\nkind: withdrawn\ndate: 2024-12-01\ntitle: Release 1.0 is withdrawn\naffects:\n  - release: "1.0"\n---\nDo not use release 1.0.\n');
    const library = libraryFromContent(await loadContent({ root }));
    expect(library.release('1.0')!.withdrawn?.id).toBe('withdraw-1-0');
    expect(library.release('1.0')!.pages.length).toBeGreaterThan(0);
    expect(library.release('1.1')!.withdrawn).toBeUndefined();
  });
});

/** Each kind of bad input, the file and field the message must name, and words it must contain. */
const broken: Array<{ name: string; breakIt: (root: string) => void; file: string; field: string; says: RegExp }> = [
  {
    name: 'an approver written as a bare name, not { role, name }',
    breakIt: (root) => edit(root, CONTROL, (text) => text.replace(/  - role: Program medical director\n    name: .*\n/, '  - "Dr Approver"\n')),
    file: CONTROL,
    field: 'approvedBy[0]',
    says: /expected an approver written as \{ role: \.\.\., name: \.\.\. \}/,
  },
  {
    name: 'an approver with no role',
    breakIt: (root) => edit(root, CONTROL, (text) => text.replace('  - role: Program medical director\n', '  - ')),
    file: CONTROL,
    field: 'approvedBy[0].role',
    says: /missing/,
  },
  {
    name: 'an effective date before the approval',
    breakIt: (root) => edit(root, CONTROL, (text) => text.replace('effective: 2024-11-18', 'effective: 2024-11-01')),
    file: CONTROL,
    field: 'effective',
    says: /on or after the approval \(2024-11-11\)/,
  },
  {
    name: 'a material change without a note',
    breakIt: (root) => edit(root, CONTROL, (text) => text.replace(/tiers: \{ class: material, note: .*\}/, 'tiers: { class: material }')),
    file: CONTROL,
    field: 'changes.tiers.note',
    says: /expected a one-line note for a material change/,
  },
  {
    name: 'a change class that is neither material nor editorial',
    breakIt: (root) => edit(root, CONTROL, (text) => text.replace(/introduction: \{ class: material/, 'introduction: { class: cosmetic')),
    file: CONTROL,
    field: 'changes.introduction.class',
    says: /expected material or editorial/,
  },
  {
    name: 'a change declared for a page that did not change',
    breakIt: (root) => edit(root, CONTROL, (text) => `${text}  listening: { class: editorial }\n`),
    file: CONTROL,
    field: 'changes.listening',
    says: /did not change in release 1\.1/,
  },
  {
    name: 'document control both in a control file and in the notes',
    breakIt: (root) => edit(root, 'content/releases/1.1.mdx', (text) => text.replace(/^date: (.*)$/m, 'date: $1\napproved: 2024-11-11')),
    file: CONTROL,
    field: 'file',
    says: /found document control both here and in content\/releases\/1\.1\.mdx/,
  },
  {
    name: 'notes frozen with an approval date but no approvers',
    breakIt: (root) => edit(root, 'content/releases/1.0.mdx', (text) => text.replace(/^date: (.*)$/m, 'date: $1\napproved: 2024-02-01')),
    file: 'content/releases/1.0.mdx',
    field: 'approvedBy',
    says: /expected who approved the release/,
  },
  {
    name: 'a notice for an unknown release',
    breakIt: (root) => edit(root, NOTICE, (text) => text.replace('- release: "1.0"', '- release: "0.9"')),
    file: NOTICE,
    field: 'affects[1].release',
    says: /found "0\.9", which is no frozen release; expected one of 1\.0, 1\.1/,
  },
  {
    name: 'a notice for an unknown page',
    breakIt: (root) => edit(root, NOTICE, (text) => text.replace('tiers#tier-2-trained-peer-supporters, listening]', 'tiers#tier-2-trained-peer-supporters, listen]')),
    file: NOTICE,
    field: 'affects[0].pages[1]',
    says: /found "listen", which is no page of release 1\.1/,
  },
  {
    name: 'a notice for an unknown anchor',
    breakIt: (root) => edit(root, NOTICE, (text) => text.replace('tiers#tier-2-trained-peer-supporters', 'tiers#tier-4')),
    file: NOTICE,
    field: 'affects[0].pages[0]',
    says: /found "#tier-4", but tiers in release 1\.1 has no such heading/,
  },
  {
    name: 'a notice with an unknown kind',
    breakIt: (root) => edit(root, NOTICE, (text) => text.replace('kind: safety', 'kind: recall')),
    file: NOTICE,
    field: 'kind',
    says: /found "recall"; expected one of safety, correction, withdrawn/,
  },
  {
    name: 'a notice corrected in a release that does not exist',
    breakIt: (root) => edit(root, NOTICE, (text) => text.replace('release: "1.2", page: tiers', 'release: "0.5", page: tiers')),
    file: NOTICE,
    field: 'correctedIn.release',
    says: /found "0\.5", which is no release/,
  },
  {
    name: 'an unknown page owner',
    breakIt: (root) => edit(root, TIERS_DRAFT, (text) => text.replace('reviewed: 2024-10-01', 'reviewed: 2024-10-01\nowner: nurse')),
    file: TIERS_DRAFT,
    field: 'owner',
    says: /found "nurse"; expected one of physician-lead/,
  },
];

describe('bad document control and notices are refused with file and field', () => {
  for (const { name, breakIt, file, field, says } of broken) {
    it(name, async () => {
      const root = copyFixture();
      breakIt(root);
      const { problems } = await loadContent({ root });
      const match = problems.find((problem) => problem.field === field && problem.file === file);
      expect(match, `expected a problem for ${file} ${field}, got:\n${problems.map((p) => `${p.file} ${p.field}: ${p.message}`).join('\n')}`).toBeDefined();
      expect(match!.message).toMatch(says);
    });
  }

  it('warns, without failing, about a changed page that is not classed (it counts as material)', async () => {
    const root = copyFixture();
    edit(root, CONTROL, (text) => text.replace(/  introduction: .*\n/, ''));
    const { problems, warnings } = await loadContent({ root });
    expect(problems).toEqual([]);
    // The fixture's draft has an unclassed change of its own; this test is about the frozen record.
    expect(warnings.filter((warning) => warning.file === CONTROL)).toEqual([expect.objectContaining({ file: CONTROL, field: 'changes.introduction', message: expect.stringMatching(/counts as material/) })]);
  });
});

describe('the draft\'s notes declare the next release\'s document control', () => {
  const NOTES = 'content/draft/release-notes.mdx';
  const notes = (changes: string) =>
    `---\ntitle: Next\nsummary: The next release.\napprovedBy:\n  - role: Program medical director\n    name: "Illustrative: A. Approver"\napproved: 2025-01-10\neffective: 2025-02-01\nchanges:\n${changes}---\n\nWhat changed.\n`;

  it('reads them beside the draft\'s pages, not as a page', async () => {
    const root = copyFixture();
    writeFileSync(join(root, NOTES), notes('  listening: { class: editorial }\n'));
    const content = await loadContent({ root });
    expect(content.problems).toEqual([]);
    const draft = content.releases.find((release) => release.release === 'draft')!;
    expect(draft.control).toMatchObject({ source: NOTES, approved: '2025-01-10', effective: '2025-02-01', changes: { listening: { class: 'editorial' } } });
    expect(draft.pages.map((page) => page.file)).not.toContain(NOTES);
  });

  it('npm run release refuses a material change without a note, and releases nothing', async () => {
    const root = copyFixture();
    writeFileSync(join(root, NOTES), notes('  listening: { class: material }\n'));
    const { problems } = await loadContent({ root });
    expect(problems).toEqual([expect.objectContaining({ file: NOTES, field: 'changes.listening.note' })]);
    await expect(createRelease({ root, version: '1.2', date: '2025-01-15' })).rejects.toThrow(/content\/draft\/release-notes\.mdx: changes\.listening\.note: .*expected a one-line note for a material change/);
    expect(existsSync(join(root, 'content/versions/1.2'))).toBe(false);
  });
});
