import { z } from 'astro/zod';
import { areaSchema, type Area } from './areas.ts';
import type { AssetRecord } from './assets.ts';
import type { Heading, TextBlock } from './compile-file.ts';
import type { LoadedContent } from './content.ts';
import { dataRowSchema, dataSetSchema, type DataSet } from './datasets.ts';
import type { DocumentControl, NoticeRecord } from './document-control.ts';
import type { ContentProblem } from './problems.ts';
import { ROLE_IDS } from './roles.ts';
import { approverSchema, glossarySchema, NOTICE_KINDS, pageChangeSchema, partsSchema, tracksSchema } from './schema.ts';

/**
 * The records the content collections hold (src/content.config.ts), and how validated files become
 * them. Each collection's schema is one of these, so its entries are typed, and the loader parses every
 * record through it: a field that src/lib adds and a schema here forgets fails the build instead of
 * being dropped. The frontmatter itself was validated, with writers' messages, by src/lib/schema.ts.
 */

const headingSchema = z.strictObject({ depth: z.number(), id: z.string(), text: z.string() });

const textBlockSchema = z.strictObject({
  kind: z.enum(['heading', 'text']),
  text: z.string(),
  depth: z.number().optional(),
  anchor: z.string().optional(),
});

const assetRecordSchema = z.strictObject({
  path: z.string(),
  name: z.string(),
  kind: z.enum(['figure', 'download']),
  format: z.string(),
  bytes: z.number(),
  hash: z.string(),
  width: z.number().optional(),
  height: z.number().optional(),
  served: z.string(),
});

const dataSetRecordSchema = dataSetSchema.omit({ rows: true, threshold: true }).extend({
  id: z.string(),
  file: z.string(),
  threshold: z.number(),
  rows: z.array(dataRowSchema),
});

const documentControlSchema = z.strictObject({
  source: z.string(),
  approvedBy: z.array(approverSchema),
  approved: z.string().optional(),
  effective: z.string().optional(),
  changes: z.record(z.string(), pageChangeSchema),
  note: z.string().optional(),
});

/** A page as one release holds it, without its HTML (the collection keeps that as the entry's rendered HTML). */
export const pageRecordSchema = z.strictObject({
  release: z.string().describe('A release number, or `draft`.'),
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  part: z.string(),
  order: z.number(),
  audience: z.array(z.enum(ROLE_IDS)),
  tier: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
  reviewed: z.string(),
  supersedes: z.array(z.string()),
  related: z.array(z.string()),
  tags: z.array(z.string()),
  anchors: z.record(z.string(), z.string()),
  owner: z.enum(ROLE_IDS).optional().describe('The role that owns the page (contract C4); frozen releases before it have none.'),
  file: z.string(),
  bodyHash: z.string(),
  assets: z.array(z.strictObject({ path: z.string(), hash: z.string() })).describe('The figures and downloads the page shows (`figures/a.svg`), with their content hashes.'),
  localKeys: z.array(z.string()).describe('The area details the page shows with `<Local key="…" />`: its island loads only where there are some.'),
  headings: z.array(headingSchema),
  blocks: z.array(textBlockSchema),
  words: z.number(),
});

/** A page as one release holds it: plain data, the same whether read from files or a collection. */
export type PageRecord = z.output<typeof pageRecordSchema> & { html: string };

/** One release (or the draft): its parts, glossary, tracks, figures, downloads and data freeze with it. */
export const releaseRecordSchema = z.strictObject({
  release: z.string().describe('A release number, or `draft`.'),
  date: z.string().optional(),
  title: z.string(),
  summary: z.string(),
  digest: z.string(),
  parts: partsSchema,
  glossary: glossarySchema,
  tracks: tracksSchema,
  assets: z.array(assetRecordSchema).describe('The release\'s figures and downloads, each published under its permanent address.'),
  data: z.array(dataSetRecordSchema).describe('The release\'s data sets of aggregate counts (none before the program published any).'),
  control: documentControlSchema.optional().describe('Approval, effective date and change classes; absent for a release frozen without them.'),
});

export type ReleaseRecord = z.output<typeof releaseRecordSchema>;

/** An area's own details (content/areas/), as validated by src/lib/areas.ts. */
export const areaRecordSchema = areaSchema.extend({ id: z.string(), file: z.string() });

/** A notice on frozen releases (content/notices/), checked and compiled by src/lib/document-control.ts. */
export const noticeRecordSchema = z.strictObject({
  id: z.string(),
  file: z.string(),
  kind: z.enum(NOTICE_KINDS),
  date: z.string(),
  title: z.string(),
  html: z.string(),
  affects: z.array(z.strictObject({ release: z.string(), pages: z.array(z.strictObject({ page: z.string(), anchor: z.string().optional() })).optional() })),
  correctedIn: z.strictObject({ release: z.string(), inDraft: z.boolean(), page: z.string().optional() }).optional(),
});

/** Under `npm run dev`: the problems of the content as it is now. */
export const problemsRecordSchema = z.strictObject({
  problems: z.array(z.strictObject({ file: z.string(), field: z.string(), message: z.string(), line: z.number().optional() })),
});

// The schemas and the types src/lib works with must describe the same records, field for field.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Agrees<T extends true> = T;
export type RecordSchemasAgree = [
  Agrees<Same<z.output<typeof headingSchema>, Heading>>,
  Agrees<Same<z.output<typeof textBlockSchema>, TextBlock>>,
  Agrees<Same<z.output<typeof assetRecordSchema>, AssetRecord>>,
  Agrees<Same<z.output<typeof dataSetRecordSchema>, DataSet>>,
  Agrees<Same<z.output<typeof documentControlSchema>, DocumentControl>>,
  Agrees<Same<z.output<typeof areaRecordSchema>, Area>>,
  Agrees<Same<z.output<typeof noticeRecordSchema>, NoticeRecord>>,
  Agrees<Same<z.output<typeof problemsRecordSchema>['problems'][number], ContentProblem>>,
];

/** Turns validated files into the plain records the collections store (and the model is built from). */
export function recordsFromContent(content: LoadedContent): { releases: ReleaseRecord[]; pages: PageRecord[]; areas: Area[]; notices: NoticeRecord[] } {
  const releases: ReleaseRecord[] = content.releases.map((release) => ({
    release: release.release,
    date: release.notes?.frontmatter.date,
    title: release.notes?.frontmatter.title ?? 'Unreleased draft',
    summary: release.notes?.frontmatter.summary ?? 'The next release of the playbook, being edited. Not approved: do not rely on it.',
    digest: release.notes?.frontmatter.digest ?? release.digest,
    parts: release.parts,
    glossary: release.glossary,
    tracks: release.tracks,
    assets: release.assets,
    data: release.data,
    ...(release.control ? { control: release.control } : {}),
  }));
  const pages: PageRecord[] = content.releases.flatMap((release) =>
    release.pages.map((page) => ({
      ...page.frontmatter,
      release: release.release,
      file: page.file,
      bodyHash: page.bodyHash,
      assets: page.assets,
      localKeys: page.compiled.localKeys,
      html: page.compiled.html,
      headings: page.compiled.headings,
      blocks: page.compiled.blocks,
      words: page.compiled.words,
    })),
  );
  return { releases, pages, areas: content.areas, notices: content.notices };
}
