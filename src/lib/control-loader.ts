import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { DRAFT, pageUrl, releasePhrase } from './addresses.ts';
import { compilePage } from './compile.ts';
import type { LoadedRelease } from './content.ts';
import type { DocumentControl, NoticeRecord } from './document-control.ts';
import { readContentText, readYamlContent } from './read-text.ts';
import { splitFrontmatter } from './frontmatter.ts';
import { problemsFromZod, type ContentProblem } from './problems.ts';
import { releaseControlSchema, noticeSchema, type ReleaseNotesFrontmatter } from './schema.ts';
import { compareVersions } from './version.ts';

/**
 * Reading and checking the document control of releases and the notices on frozen releases
 * (contracts C3 and C5). Called by loadContent after every release is loaded, so the checks can
 * see every release's pages; like it, it reports every problem and writes nothing.
 */

/** The control file of a release frozen before document control: beside its notes, outside every digest. */
export function controlFileOf(contentDir: string, version: string): string {
  return join(contentDir, 'releases', `${version}.control.yaml`);
}

/** The draft's notes for the next release (contract C3), where the draft's document control is declared. */
export const DRAFT_NOTES = 'release-notes.mdx';

export const NOTICES_DIR = 'notices';

interface Context {
  root: string;
  problems: ContentProblem[];
  warnings: ContentProblem[];
}

function rel(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}

function controlFromNotes(file: string, notes: Partial<ReleaseNotesFrontmatter>): DocumentControl | undefined {
  if (!notes.approvedBy && !notes.approved && !notes.effective && Object.keys(notes.changes ?? {}).length === 0) return undefined;
  return { source: file, approvedBy: notes.approvedBy ?? [], approved: notes.approved, effective: notes.effective, changes: notes.changes ?? {} };
}

/**
 * The document control of a frozen release: from its notes' frontmatter (releases frozen by
 * `npm run release` with the fields), or from `<version>.control.yaml` (releases frozen before).
 * Both at once is refused: one record, in one place.
 */
export function loadReleaseControl(context: Context, contentDir: string, release: LoadedRelease): DocumentControl | undefined {
  const path = controlFileOf(contentDir, release.release);
  const fromNotes = release.notes ? controlFromNotes(release.notes.file, release.notes.frontmatter) : undefined;
  if (!existsSync(path)) {
    // A release frozen with document control in its notes must have the whole record.
    if (fromNotes && !fromNotes.approved) context.problems.push({ file: fromNotes.source, field: 'approved', message: 'the field is missing; expected the approval date with approvedBy and effective' });
    if (fromNotes && fromNotes.approvedBy.length === 0) context.problems.push({ file: fromNotes.source, field: 'approvedBy', message: 'the field is missing; expected who approved the release, each { role: ..., name: ... }' });
    return fromNotes;
  }
  const file = rel(context.root, path);
  if (fromNotes) {
    context.problems.push({ file, field: 'file', message: `found document control both here and in ${fromNotes.source}; expected it in one place only (the notes' frontmatter for releases frozen with it)` });
    return undefined;
  }
  const data = readYamlContent(file, path, releaseControlSchema, context.problems);
  return data && { source: file, ...data };
}

/**
 * The document control declared in the draft's notes, when they exist: their frontmatter is parsed
 * once, with the notes (content.ts), so a wrong field is reported once.
 */
export function draftControl(notes: { file: string; frontmatter: Partial<ReleaseNotesFrontmatter> } | undefined): DocumentControl | undefined {
  if (!notes) return undefined;
  return controlFromNotes(notes.file, notes.frontmatter) ?? { source: notes.file, approvedBy: [], changes: {} };
}

/** Page ids whose text or title changed, were added or were removed between two releases. */
export function changedPageIds(previous: LoadedRelease | undefined, release: LoadedRelease): { edited: string[]; added: string[]; removed: string[] } {
  if (!previous) return { edited: [], added: [], removed: [] };
  const before = new Map(previous.pages.map((page) => [page.frontmatter.id, page]));
  const after = new Set(release.pages.map((page) => page.frontmatter.id));
  const edited: string[] = [];
  const added: string[] = [];
  for (const page of release.pages) {
    const old = before.get(page.frontmatter.id);
    if (!old) added.push(page.frontmatter.id);
    else if (old.bodyHash !== page.bodyHash || old.frontmatter.title !== page.frontmatter.title) edited.push(page.frontmatter.id);
  }
  const removed = previous.pages.map((page) => page.frontmatter.id).filter((id) => !after.has(id));
  return { edited, added, removed };
}

/**
 * A `changes` entry must name a page that changed in the release; a page whose words changed with
 * no entry is reported (a warning: it counts as material) so that the approver classes it.
 */
export function checkChangeClasses(context: Context, control: DocumentControl, previous: LoadedRelease | undefined, release: LoadedRelease): void {
  const { edited, added, removed } = changedPageIds(previous, release);
  const changed = new Set([...edited, ...added, ...removed]);
  const label = releasePhrase(release.release);
  for (const id of Object.keys(control.changes)) {
    if (!changed.has(id)) {
      context.problems.push({
        file: control.source,
        field: `changes.${id}`,
        message: `found "${id}", which did not change in ${label}; expected the id of a page that was edited, added or removed (${[...changed].join(', ') || 'none changed'})`,
      });
    }
  }
  for (const id of edited) {
    if (!(id in control.changes)) {
      context.warnings.push({ file: control.source, field: `changes.${id}`, message: `the page "${id}" changed in ${label} but is not classed; it counts as material until it is declared { class: material, note: "..." } or { class: editorial }` });
    }
  }
}

interface ReleaseLookup {
  /** Frozen releases and the draft, as loaded. */
  releases: readonly LoadedRelease[];
}

function hasAnchor(release: LoadedRelease, pageId: string, anchor: string): boolean {
  const page = release.pages.find((candidate) => candidate.frontmatter.id === pageId);
  return !!page && (page.compiled.headings.some((heading) => heading.id === anchor) || anchor in page.frontmatter.anchors);
}

/**
 * Checks a `page-id` or `page-id#anchor` against a release and reports what is wrong, or nothing.
 */
function pageRefProblem(release: LoadedRelease, ref: string, label: string): string | undefined {
  const [pageId, anchor] = ref.split('#');
  const page = release.pages.find((candidate) => candidate.frontmatter.id === pageId);
  if (!page) return `found "${pageId}", which is no page of ${label}; expected one of ${release.pages.map((p) => p.frontmatter.id).sort().join(', ')}`;
  if (anchor && !hasAnchor(release, pageId, anchor)) {
    return `found "#${anchor}", but ${pageId} in ${label} has no such heading; expected one of ${page.compiled.headings.map((h) => h.id).join(', ')}`;
  }
  return undefined;
}

/**
 * Every notice of `content/notices/`, checked against the releases: the kind, the releases, pages
 * and anchors it affects, and what corrects it. A correction may name the next release while it is
 * still the draft (its number is then newer than every frozen release), checked against the draft.
 */
export async function loadNotices(context: Context, contentDir: string, lookup: ReleaseLookup): Promise<NoticeRecord[]> {
  const dir = join(contentDir, NOTICES_DIR);
  if (!existsSync(dir)) return [];
  const frozen = lookup.releases.filter((release) => release.release !== 'draft');
  const draft = lookup.releases.find((release) => release.release === 'draft');
  const newest = frozen.at(-1)?.release;
  const notices: NoticeRecord[] = [];
  const names = (await readdir(dir, { withFileTypes: true })).filter((entry) => entry.isFile() && !entry.name.startsWith('.')).map((entry) => entry.name).sort();
  for (const name of names) {
    const path = join(dir, name);
    const file = rel(context.root, path);
    const id = name.replace(/\.mdx$/, '');
    if (!name.endsWith('.mdx') || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) {
      context.problems.push({ file, field: 'file', message: 'found an unexpected file; expected only notices named <notice-id>.mdx, the id in kebab-case' });
      continue;
    }
    const text = readContentText(file, path, context.problems);
    if (text === undefined) continue;
    const { split, problems } = splitFrontmatter(file, text);
    if (!split) {
      context.problems.push(...problems);
      continue;
    }
    const parsed = noticeSchema.safeParse(split.data);
    if (!parsed.success) {
      context.problems.push(...problemsFromZod(file, split.data, parsed.error));
      continue;
    }
    const data = parsed.data;
    const before = context.problems.length;
    data.affects.forEach((affected, index) => {
      const release = frozen.find((candidate) => candidate.release === affected.release);
      if (!release) {
        context.problems.push({ file, field: `affects[${index}].release`, message: `found "${affected.release}", which is no frozen release; expected one of ${frozen.map((r) => r.release).join(', ')}` });
        return;
      }
      affected.pages?.forEach((ref, pageIndex) => {
        const problem = pageRefProblem(release, ref, releasePhrase(release.release));
        if (problem) context.problems.push({ file, field: `affects[${index}].pages[${pageIndex}]`, message: problem });
      });
    });
    let corrector: LoadedRelease | undefined;
    if (data.correctedIn) {
      const wanted = data.correctedIn.release;
      corrector = frozen.find((candidate) => candidate.release === wanted);
      if (!corrector && draft && newest && compareVersions(wanted, newest) > 0) corrector = draft;
      if (!corrector) {
        context.problems.push({
          file,
          field: 'correctedIn.release',
          message: `found "${wanted}", which is no release; expected a frozen release (${frozen.map((r) => r.release).join(', ')}) or the next one, still in the draft`,
        });
      } else if (data.correctedIn.page) {
        const problem = pageRefProblem(corrector, data.correctedIn.page, corrector === draft ? `${releasePhrase(DRAFT)} (the next release, ${wanted})` : releasePhrase(wanted));
        if (problem) context.problems.push({ file, field: 'correctedIn.page', message: problem });
      }
    }
    // The body follows the rules of pages; its page: links point into the correcting release (or the first affected one).
    const target = corrector ?? frozen.find((candidate) => candidate.release === data.affects[0].release);
    const compiled = compilePage(split.body);
    for (const issue of compiled.issues) {
      context.problems.push({ file, field: issue.field, line: issue.line === undefined ? undefined : issue.line + split.bodyLine - 1, message: issue.message });
    }
    if (compiled.page && target) {
      for (const link of compiled.page.links) {
        const ref = link.anchor ? `${link.page}#${link.anchor}` : link.page;
        const problem = pageRefProblem(target, ref, releasePhrase(target.release));
        if (problem) context.problems.push({ file, field: 'body', line: link.line === undefined ? undefined : link.line + split.bodyLine - 1, message: `a link to page:${ref}: ${problem}` });
      }
    }
    if (context.problems.length > before || !compiled.page) continue;
    const release = target === draft || !target ? DRAFT : target.release;
    notices.push({
      id,
      file,
      kind: data.kind,
      date: data.date,
      title: data.title,
      // Links were compiled relative to a page (../id/); a notice shows on many pages, so they become absolute.
      html: compiled.page.html.replace(/href="\.\.\/([a-z0-9-]+)\/(#[^"]*)?"/g, (_, page: string, hash = '') => `href="${pageUrl(release, page)}${hash}"`),
      affects: data.affects.map((affected) => ({
        release: affected.release,
        pages: affected.pages?.map((ref) => {
          const [page, anchor] = ref.split('#');
          return anchor ? { page, anchor } : { page };
        }),
      })),
      correctedIn: data.correctedIn && corrector ? { release: data.correctedIn.release, inDraft: corrector === draft, page: data.correctedIn.page } : undefined,
    });
  }
  return notices;
}
