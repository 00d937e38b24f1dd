import { reservedPageIds } from './routes.ts';
import { z } from 'astro/zod';
import { ROLE_IDS } from './roles.ts';
import { VERSION_PATTERN } from './version.ts';

/** Kebab-case: page ids, part ids, track ids and anchors appear in URLs that must never change. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const id = (what: string) =>
  z
    .string({ error: `expected ${what} as a kebab-case text` })
    .regex(ID_PATTERN, { error: `expected ${what} in kebab-case (lower-case letters, digits and single hyphens), e.g. "three-tier-model"` });

/**
 * A date written as YAML `2024-01-15` arrives as a Date, quoted as a string: accept both, but only
 * a real calendar day, and hand on an ISO `YYYY-MM-DD` string so nothing downstream sees time zones.
 */
export const isoDate = z
  .union([z.date(), z.string()], { error: 'expected a date written YYYY-MM-DD' })
  .transform((value, ctx) => {
    const text = value instanceof Date ? (Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10)) : value;
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    const date = match ? new Date(`${text}T00:00:00Z`) : null;
    if (!match || !date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) {
      ctx.addIssue({ code: 'custom', message: 'expected a real date written YYYY-MM-DD, e.g. 2024-01-15' });
      return z.NEVER;
    }
    return text;
  });

export const SUMMARY_MAX = 200;
/** Titles are headings, tab names and feed entries: long enough for any real title, short enough to read. */
export const TITLE_MAX = 120;

/** Segments the site uses under /v/<version>/, /latest/ and /draft/ (writing/, files/, figures/), and ids its pages use as anchors (page ids become section ids on compare pages): a page id may not take them. */
/** Ids the site's own addresses and page furniture use, from the route table (src/lib/routes.ts). */
export const RESERVED_PAGE_IDS: readonly string[] = reservedPageIds();

export const pageSchema = z.strictObject({
  id: id('the page id')
    .refine((value) => !RESERVED_PAGE_IDS.includes(value), {
      error: `expected an id other than ${RESERVED_PAGE_IDS.join(', ')} (the site uses these addresses)`,
    })
    .describe('Stable identity of the page across releases; never reuse or change it.'),
  title: z
    .string({ error: 'expected the page title as text' })
    .trim()
    .min(1, { error: 'expected a non-empty title' })
    .max(TITLE_MAX, { error: `expected a title of at most ${TITLE_MAX} characters` })
    .describe('Title shown in navigation and at the top of the page.'),
  summary: z
    .string({ error: 'expected a one-sentence summary as text' })
    .trim()
    .min(1, { error: 'expected a non-empty summary' })
    .max(SUMMARY_MAX, { error: `expected a summary of at most ${SUMMARY_MAX} characters` })
    .describe('One sentence that tells a reader whether this page is for them.'),
  part: id('the part id').describe('The part of the book this page belongs to: an id from parts.yaml.'),
  order: z.number({ error: 'expected a number giving the position within the part' }).describe('Position within its part; lower comes first.'),
  audience: z
    .array(z.enum(ROLE_IDS, { error: `expected one of ${ROLE_IDS.join(', ')}` }), { error: 'expected a list of roles' })
    .min(1, { error: 'expected at least one role' })
    .describe('Who the page is written for.'),
  tier: z
    .union([z.literal(1), z.literal(2), z.literal(3)], { error: 'expected tier 1, 2 or 3' })
    .optional()
    .describe('The tier of support the page is about, when it is about one.'),
  reviewed: isoDate.describe('The date the page was last reviewed.'),
  supersedes: z.array(id('a superseded page id'), { error: 'expected a list of page ids' }).default([]).describe('Ids of pages of earlier releases that this page replaced.'),
  related: z.array(id('a related page id'), { error: 'expected a list of page ids' }).default([]).describe('Ids of pages of the same release worth reading next.'),
  tags: z.array(z.string({ error: 'expected each tag as text' }), { error: 'expected a list of tags' }).default([]).describe('Free keywords.'),
  anchors: z
    .record(id('an old heading anchor'), id('the current heading anchor'), { error: 'expected a map of old anchor: current anchor' })
    .default({})
    .describe('Old heading anchors that must keep landing on a renamed heading.'),
  owner: z
    .enum(ROLE_IDS, { error: `expected one of ${ROLE_IDS.join(', ')}` })
    .optional()
    .describe('The role that owns the page and reviews it on time (optional: frozen releases predate it; every draft page should have one).'),
});

export type PageFrontmatter = z.output<typeof pageSchema>;

const notesTitle = z
  .string({ error: 'expected the release title as text' })
  .trim()
  .min(1, { error: 'expected a non-empty title' })
  .max(TITLE_MAX, { error: `expected a title of at most ${TITLE_MAX} characters` })
  .describe('A short name for the release.');

const notesSummary = z
  .string({ error: 'expected a summary as text' })
  .trim()
  .min(1, { error: 'expected a non-empty summary' })
  .max(SUMMARY_MAX, { error: `expected a summary of at most ${SUMMARY_MAX} characters` })
  .describe('One or two sentences on what the release is about.');
/** One person who approved a release: a role in free text and a name (no real people in sample content: mark invented names illustrative). */
export const approverSchema = z.strictObject(
  {
    role: z.string({ error: 'expected the approver\'s role as text, e.g. "Program medical director"' }).trim().min(1, { error: 'expected a non-empty role' }),
    name: z.string({ error: 'expected the approver\'s name as text, e.g. "Illustrative: A. Approver"' }).trim().min(1, { error: 'expected a non-empty name' }),
  },
  { error: 'expected an approver written as { role: ..., name: ... }' },
);

export type Approver = z.output<typeof approverSchema>;

export const CHANGE_CLASSES = ['material', 'editorial'] as const;
export type ChangeClass = (typeof CHANGE_CLASSES)[number];

/** How one changed page of a release is classed: material changes are announced, with a one-line note; editorial ones are listed quietly. */
export const pageChangeSchema = z
  .strictObject(
    {
      class: z.enum(CHANGE_CLASSES, { error: 'expected material or editorial' }),
      note: z.string({ error: 'expected a one-line change note as text' }).trim().min(1, { error: 'expected a non-empty note' }).optional(),
    },
    { error: 'expected { class: material, note: "..." } or { class: editorial }' },
  )
  .superRefine((value, ctx) => {
    if (value.class === 'material' && !value.note) {
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'expected a one-line note for a material change: what changed, for readers and the feed' });
    }
  });

export type PageChangeClass = z.output<typeof pageChangeSchema>;

/** The document-control fields of contract C3, shared by release notes (frozen or in the draft) and the control files of older releases. */
export const documentControlFields = {
  approvedBy: z
    .array(approverSchema, { error: 'expected a list of approvers, each { role: ..., name: ... }' })
    .min(1, { error: 'expected at least one approver' })
    .describe('Who approved the release: one or more roles with names.'),
  approved: isoDate.describe('The day the release was approved.'),
  effective: isoDate.describe('The day the release takes effect; may be later than publication.'),
  changes: z
    .record(id('a changed page id'), pageChangeSchema, { error: 'expected a map of page id: { class, note }' })
    .default({})
    .describe('Material or editorial, for every changed page of the release.'),
};

/** Refuses an effective date before the approval: a release cannot take effect before it is approved. */
function effectiveAfterApproval(value: { approved?: string; effective?: string }, ctx: z.RefinementCtx): void {
  if (value.approved && value.effective && value.effective < value.approved) {
    ctx.addIssue({ code: 'custom', path: ['effective'], message: `expected a date on or after the approval (${value.approved}); a release cannot take effect before it is approved` });
  }
}

/** The document-control fields as optional: releases frozen before document control have none. */
export const optionalDocumentControl = {
  approvedBy: documentControlFields.approvedBy.optional(),
  approved: documentControlFields.approved.optional(),
  effective: documentControlFields.effective.optional(),
  changes: documentControlFields.changes,
};

/**
 * `content/releases/<version>.control.yaml`: the document control of a release whose notes were
 * frozen before it existed (1.0, 1.1, 2.0). It sits outside everything digested, so adding it does
 * not touch a frozen record; `note` says what kind of record it is (e.g. illustrative).
 */
export const releaseControlSchema = z
  .strictObject({
    ...documentControlFields,
    note: z.string({ error: 'expected a note on this record as text' }).trim().min(1, { error: 'expected a non-empty note' }).optional().describe('What kind of record this is, e.g. that it is illustrative.'),
  })
  .superRefine(effectiveAfterApproval);

export type ReleaseControl = z.output<typeof releaseControlSchema>;

export const releaseNotesSchema = z.strictObject({
  ...optionalDocumentControl,
  version: z
    .string({ error: 'expected the release number as quoted text, e.g. "1.0"' })
    .regex(VERSION_PATTERN, { error: 'expected a release number MAJOR.MINOR, e.g. "1.0"' })
    .describe('The release number; the same as the file name and the folder under content/versions/.'),
  date: isoDate.describe('The day the release was published.'),
  title: notesTitle,
  summary: notesSummary,
  digest: z
    .string({ error: 'expected the digest of the frozen release as text' })
    .regex(/^sha256-[0-9a-f]{64}$/, { error: 'expected "sha256-" followed by 64 hex digits (written by npm run release)' })
    .describe('Digest of the frozen release folder; proves the release is what was approved.'),
}).superRefine(effectiveAfterApproval);

export type ReleaseNotesFrontmatter = z.output<typeof releaseNotesSchema>;

/**
 * The next release's notes while they are written in the draft: the fields of frozen notes but
 * `version`, `date` and `digest`, which `npm run release` adds.
 */
export const draftNotesSchema = z.strictObject({ ...optionalDocumentControl, title: notesTitle, summary: notesSummary }).superRefine(effectiveAfterApproval);

export type DraftNotesFrontmatter = z.output<typeof draftNotesSchema>;

export const partsSchema = z
  .array(
    z.strictObject({
      id: id('the part id'),
      title: z.string({ error: 'expected the part title as text' }).trim().min(1, { error: 'expected a non-empty title' }),
    }),
    { error: 'expected a list of parts, each with id and title' },
  )
  .min(1, { error: 'expected at least one part' });

export type Part = z.output<typeof partsSchema>[number];

export const glossarySchema = z.array(
  z.strictObject({
    id: id('the term id'),
    term: z.string({ error: 'expected the term as text' }).trim().min(1, { error: 'expected a non-empty term' }),
    aliases: z.array(z.string({ error: 'expected each alias as text' }), { error: 'expected a list of aliases' }).default([]),
    definition: z.string({ error: 'expected the definition as text' }).trim().min(1, { error: 'expected a non-empty definition' }),
  }),
  { error: 'expected a list of terms, each with id, term and definition' },
);

export type GlossaryTerm = z.output<typeof glossarySchema>[number];

export const tracksSchema = z.array(
  z.strictObject({
    id: id('the track id'),
    title: z.string({ error: 'expected the track title as text' }).trim().min(1, { error: 'expected a non-empty title' }),
    audience: z.enum(ROLE_IDS, { error: `expected one of ${ROLE_IDS.join(', ')}` }),
    summary: z.string({ error: 'expected the track summary as text' }).trim().min(1, { error: 'expected a non-empty summary' }),
    steps: z
      .array(
        z.strictObject({
          page: id('the page id of this step'),
          why: z.string({ error: 'expected a one-line reason as text' }).trim().min(1, { error: 'expected a one-line reason for this step' }),
        }),
        { error: 'expected a list of steps, each with page and why' },
      )
      .min(1, { error: 'expected at least one step' }),
  }),
  { error: 'expected a list of tracks' },
);

export type Track = z.output<typeof tracksSchema>[number];

export const NOTICE_KINDS = ['safety', 'correction', 'withdrawn'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** `page-id` or `page-id#anchor`: what a notice points at inside a release. */
const PAGE_REF = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:#[a-z0-9][a-z0-9_-]*)?$/;

const noticeRelease = z
  .string({ error: 'expected a release number as quoted text, e.g. "2.0"' })
  .regex(VERSION_PATTERN, { error: 'expected a release number MAJOR.MINOR as quoted text, e.g. "2.0"' });

/** `content/notices/<id>.mdx` (contract C5): a safety notice, correction or withdrawal attached to frozen releases without editing them. */
export const noticeSchema = z.strictObject({
  kind: z.enum(NOTICE_KINDS, { error: `expected one of ${NOTICE_KINDS.join(', ')}` }).describe('safety, correction or withdrawn.'),
  date: isoDate.describe('The day the notice was issued.'),
  title: z.string({ error: 'expected the notice title as text' }).trim().min(1, { error: 'expected a non-empty title' }).describe('What was wrong, in a line.'),
  affects: z
    .array(
      z.strictObject(
        {
          release: noticeRelease,
          pages: z
            .array(z.string({ error: 'expected a page id as text' }).regex(PAGE_REF, { error: 'expected a page id, or page-id#anchor for a section' }), { error: 'expected a list of page ids' })
            .min(1, { error: 'expected at least one page (leave pages out for the whole release)' })
            .optional(),
        },
        { error: 'expected { release: "2.0", pages: [page-id, ...] }' },
      ),
      { error: 'expected a list of affected releases' },
    )
    .min(1, { error: 'expected at least one affected release' })
    .describe('The releases, and optionally pages (or page#anchor), the notice is about.'),
  correctedIn: z
    .strictObject(
      {
        release: noticeRelease,
        page: z.string({ error: 'expected a page id as text' }).regex(PAGE_REF, { error: 'expected a page id, or page-id#anchor' }).optional(),
      },
      { error: 'expected { release: "2.1", page: page-id } or { release: "2.1" }' },
    )
    .optional()
    .describe('The release (and page) that corrects what the notice is about.'),
});

export type NoticeFrontmatter = z.output<typeof noticeSchema>;
