import { existsSync, readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import type { z } from 'astro/zod';
import { compilePage, type CompiledPage } from './compile.ts';
import { checkChangeClasses, DRAFT_NOTES, loadDraftControl, loadNotices, loadReleaseControl } from './control-loader.ts';
import type { DocumentControl, NoticeRecord } from './document-control.ts';
import { compareHashes, digestOf, hashFolder, hashText, listFiles, type FileHashes } from './digest.ts';
import { parseYaml, splitFrontmatter } from './frontmatter.ts';
import { problemsFromZod, type ContentProblem } from './problems.ts';
import {
  glossarySchema,
  pageSchema,
  partsSchema,
  releaseNotesSchema,
  tracksSchema,
  type GlossaryTerm,
  type PageFrontmatter,
  type Part,
  type ReleaseNotesFrontmatter,
  type Track,
} from './schema.ts';
import { compareVersions, isVersion } from './version.ts';

/** The key of the unreleased draft wherever a release number could stand. */
export const DRAFT = 'draft';

export interface LoadedPage {
  /** A release number, or `draft`. */
  release: string;
  /** Path relative to the project root. */
  file: string;
  frontmatter: PageFrontmatter;
  compiled: CompiledPage;
  /** Hash of the compiled input: equal hashes mean byte-identical rendered pages. */
  bodyHash: string;
  /** 1-based line of the file where the body starts. */
  bodyLine: number;
}

export interface LoadedNotes {
  file: string;
  frontmatter: ReleaseNotesFrontmatter;
  body: string;
}

export interface LoadedRelease {
  /** A release number, or `draft`. */
  release: string;
  folder: string;
  parts: Part[];
  glossary: GlossaryTerm[];
  tracks: Track[];
  pages: LoadedPage[];
  /** Release notes; the draft has none. */
  notes?: LoadedNotes;
  /** Digest of the folder as it is now. */
  digest: string;
  /** Per-file hashes of the folder as it is now. */
  fileHashes: FileHashes;
  /** Who approved it and when it takes effect: from the notes, the control file, or (the draft) the draft's notes. */
  control?: DocumentControl;
}

export interface LoadedContent {
  /** Frozen releases, oldest first, then the draft when there is one. */
  releases: LoadedRelease[];
  /** Notices on frozen releases (content/notices/), checked against the releases. */
  notices: NoticeRecord[];
  problems: ContentProblem[];
  /** Reported by `npm run check` without failing it (e.g. a changed page not classed material or editorial). */
  warnings: ContentProblem[];
}

/** Where things live, relative to the project root; the tests point these at fixtures. */
export interface ContentPaths {
  /** The project root: file names in problems are relative to it. */
  root: string;
  /** The content folder, absolute or relative to root; `content` when absent. */
  content?: string;
}

/** Written before a release renames anything into place, removed when it is complete. */
export const RELEASE_JOURNAL = '.release-journal.json';

/** The files that record each frozen release's per-file hashes, beside its notes. */
export function lockFileOf(contentDir: string, version: string): string {
  return join(contentDir, 'releases', `${version}.lock.json`);
}

interface Context {
  root: string;
  problems: ContentProblem[];
  warnings: ContentProblem[];
}

function rel(context: Context, path: string): string {
  return relative(context.root, path).split(sep).join('/');
}

function readYamlFile<T extends z.ZodType>(context: Context, path: string, schema: T, required: boolean): z.output<T> | undefined {
  const file = rel(context, path);
  if (!existsSync(path)) {
    if (required) context.problems.push({ file, field: 'file', message: 'the file is missing; expected it in every release folder' });
    return undefined;
  }
  const { value, problems } = parseYaml(file, readFileSync(path, 'utf8'));
  if (problems.length) {
    context.problems.push(...problems);
    return undefined;
  }
  const parsed = schema.safeParse(value ?? []);
  if (!parsed.success) {
    context.problems.push(...problemsFromZod(file, value, parsed.error));
    return undefined;
  }
  return parsed.data;
}

function loadPage(context: Context, release: string, path: string, glossary: readonly GlossaryTerm[]): LoadedPage | undefined {
  const file = rel(context, path);
  const { split, problems } = splitFrontmatter(file, readFileSync(path, 'utf8'));
  if (!split) {
    context.problems.push(...problems);
    return undefined;
  }
  const parsed = pageSchema.safeParse(split.data);
  const anchors = parsed.success ? parsed.data.anchors : {};
  const result = compilePage(split.body, anchors, glossary);
  for (const issue of result.issues) {
    context.problems.push({
      file,
      field: issue.field,
      line: issue.line === undefined ? undefined : issue.line + split.bodyLine - 1,
      message: issue.message,
    });
  }
  if (!parsed.success) {
    context.problems.push(...problemsFromZod(file, split.data, parsed.error));
    return undefined;
  }
  if (!result.page) return undefined;
  return {
    release,
    file,
    frontmatter: parsed.data,
    compiled: result.page,
    bodyHash: hashText(`${JSON.stringify(anchors)}\0${split.body}`),
    bodyLine: split.bodyLine,
  };
}

async function loadRelease(context: Context, release: string, folder: string): Promise<LoadedRelease> {
  const parts = readYamlFile(context, join(folder, 'parts.yaml'), partsSchema, true) ?? [];
  // Read before the pages: each page links the first use of a glossary term when it is compiled.
  const glossary = readYamlFile(context, join(folder, 'glossary.yaml'), glossarySchema, false) ?? [];
  const tracks = readYamlFile(context, join(folder, 'tracks.yaml'), tracksSchema, false) ?? [];
  // The draft's notes for the next release sit beside its pages (contract C3); they are not a page.
  const files = (await listFiles(folder)).filter((file) => file.endsWith('.mdx') && !(release === DRAFT && file === DRAFT_NOTES));
  const pages: LoadedPage[] = [];
  for (const file of files) {
    if (!file.startsWith('pages/')) {
      context.problems.push({ file: rel(context, join(folder, file)), field: 'file', message: 'found a page outside pages/; expected every page under pages/' });
      continue;
    }
    const page = loadPage(context, release, join(folder, file), glossary);
    if (page) pages.push(page);
  }
  if (files.length === 0) context.problems.push({ file: rel(context, folder), field: 'pages', message: 'found no pages; expected at least one pages/*.mdx' });
  const fileHashes = await hashFolder(folder);
  return { release, folder: rel(context, folder), parts, glossary, tracks, pages, digest: digestOf(fileHashes), fileHashes };
}

function loadNotes(context: Context, path: string, version: string): LoadedNotes | undefined {
  const file = rel(context, path);
  const { split, problems } = splitFrontmatter(file, readFileSync(path, 'utf8'));
  if (!split) {
    context.problems.push(...problems);
    return undefined;
  }
  const parsed = releaseNotesSchema.safeParse(split.data);
  if (!parsed.success) {
    context.problems.push(...problemsFromZod(file, split.data, parsed.error));
    return undefined;
  }
  if (parsed.data.version !== version) {
    context.problems.push({ file, field: 'version', message: `found "${parsed.data.version}"; expected "${version}", the version in the file name` });
  }
  return { file, frontmatter: parsed.data, body: split.body };
}

/** Frozen releases must match what was approved: the digest in the notes and the per-file lock. */
async function checkFrozen(context: Context, contentDir: string, release: LoadedRelease): Promise<void> {
  if (!release.notes) return;
  const lockPath = lockFileOf(contentDir, release.release);
  const lockFile = rel(context, lockPath);
  const label = `release ${release.release}`;
  if (!existsSync(lockPath)) {
    context.problems.push({ file: lockFile, field: 'file', message: `the lock file of ${label} is missing; expected it beside the notes (written by npm run release)` });
    return;
  }
  let recorded: FileHashes;
  try {
    recorded = (JSON.parse(readFileSync(lockPath, 'utf8')) as { files: FileHashes }).files;
    if (!recorded || typeof recorded !== 'object') throw new Error('no "files" map');
  } catch (error) {
    context.problems.push({ file: lockFile, field: 'files', message: `found an unreadable lock (${(error as Error).message}); expected { "files": { path: sha256 } }` });
    return;
  }
  if (digestOf(recorded) !== release.notes.frontmatter.digest) {
    context.problems.push({
      file: release.notes.file,
      field: 'digest',
      message: `found ${release.notes.frontmatter.digest}, which does not match ${lockFile} (${digestOf(recorded)}); a frozen release's record must not be edited`,
    });
  }
  const changes = compareHashes(recorded, release.fileHashes);
  const touched: Array<[string, string[]]> = [['edited', changes.changed], ['added', changes.added], ['removed', changes.removed]];
  for (const [kind, files] of touched) {
    for (const file of files) {
      context.problems.push({
        file: `${release.folder}/${file}`,
        field: 'file',
        message: `${label} is frozen, but this file was ${kind} after it was released; expected the folder to match digest ${release.notes.frontmatter.digest} (undo the change, or make it in content/draft/)`,
      });
    }
  }
}

/** Cross-checks no schema can express: duplicates, references, parts, tracks and links. */
function crossCheck(context: Context, release: LoadedRelease, everReleased: Set<string>): void {
  const byId = new Map<string, LoadedPage>();
  for (const page of release.pages) {
    const other = byId.get(page.frontmatter.id);
    if (other) {
      context.problems.push({ file: page.file, field: 'id', message: `found "${page.frontmatter.id}", already the id of ${other.file}; expected ids to be unique within a release` });
    } else {
      byId.set(page.frontmatter.id, page);
    }
  }
  const partIds = new Set(release.parts.map((part) => part.id));
  const label = release.release === DRAFT ? 'the draft' : `release ${release.release}`;
  for (const page of release.pages) {
    const { file, frontmatter } = page;
    if (release.parts.length && !partIds.has(frontmatter.part)) {
      context.problems.push({ file, field: 'part', message: `found "${frontmatter.part}"; expected one of the parts in ${release.folder}/parts.yaml: ${[...partIds].join(', ')}` });
    }
    frontmatter.related.forEach((id, index) => {
      if (!byId.has(id)) context.problems.push({ file, field: `related[${index}]`, message: `found "${id}", which is no page of ${label}; expected the id of a page in the same release` });
    });
    frontmatter.supersedes.forEach((id, index) => {
      if (byId.has(id)) {
        context.problems.push({ file, field: `supersedes[${index}]`, message: `found "${id}", which is still a page of ${label}; expected the id of a page this release no longer has` });
      } else if (!everReleased.has(id)) {
        context.problems.push({ file, field: `supersedes[${index}]`, message: `found "${id}", which no earlier release has; expected the id of a page of an earlier release` });
      }
    });
    for (const link of page.compiled.links) {
      const target = byId.get(link.page);
      if (!target) {
        context.problems.push({ file, field: 'body', line: lineOf(page, link.line), message: `found a link to page:${link.page}, which is no page of ${label}; expected the id of a page in the same release` });
      } else if (link.anchor && !hasAnchor(target, link.anchor)) {
        context.problems.push({
          file,
          field: 'body',
          line: lineOf(page, link.line),
          message: `found a link to page:${link.page}#${link.anchor}, but that page has no such heading; expected one of ${target.compiled.headings.map((h) => h.id).join(', ')}`,
        });
      }
    }
  }
  release.tracks.forEach((track, trackIndex) => {
    track.steps.forEach((step, stepIndex) => {
      if (!byId.has(step.page)) {
        context.problems.push({
          file: `${release.folder}/tracks.yaml`,
          field: `[${trackIndex}].steps[${stepIndex}].page`,
          message: `found "${step.page}", which is no page of ${label}; expected the id of a page in the same release`,
        });
      }
    });
  });
}

function lineOf(page: LoadedPage, bodyLine: number | undefined): number | undefined {
  return bodyLine === undefined ? undefined : bodyLine + page.bodyLine - 1;
}

function hasAnchor(page: LoadedPage, anchor: string): boolean {
  return page.compiled.headings.some((heading) => heading.id === anchor) || anchor in page.frontmatter.anchors;
}

async function subfolders(path: string): Promise<string[]> {
  if (!existsSync(path)) return [];
  // Dot-folders are a release being staged by `npm run release`: not a release until renamed.
  return (await readdir(path, { withFileTypes: true })).filter((entry) => entry.isDirectory() && !entry.name.startsWith('.')).map((entry) => entry.name);
}

/**
 * Reads and validates every release, the draft and the release notes, reporting every problem
 * found rather than stopping at the first. Nothing is written.
 */
export async function loadContent(paths: ContentPaths): Promise<LoadedContent> {
  const context: Context = { root: paths.root, problems: [], warnings: [] };
  const contentDir = resolve(paths.root, paths.content ?? 'content');
  const versionsDir = join(contentDir, 'versions');
  const notesDir = join(contentDir, 'releases');
  const versions: string[] = [];
  for (const name of await subfolders(versionsDir)) {
    if (isVersion(name)) versions.push(name);
    else context.problems.push({ file: rel(context, join(versionsDir, name)), field: 'folder', message: `found "${name}"; expected a release number such as 1.0 or 2.1` });
  }
  versions.sort(compareVersions);
  const noteFiles = existsSync(notesDir) ? (await listFiles(notesDir)).filter((file) => !file.includes('/')) : [];
  if (existsSync(join(contentDir, RELEASE_JOURNAL))) {
    context.problems.push({
      file: rel(context, join(contentDir, RELEASE_JOURNAL)),
      field: 'file',
      message: 'found the journal of an interrupted `npm run release`; expected none (run `npm run release -- --recover` to undo the partial release)',
    });
  }
  for (const file of noteFiles) {
    const version = file.replace(/\.lock\.json$|\.mdx$|\.control\.yaml$/, '');
    if (!file.endsWith('.mdx') && !file.endsWith('.lock.json') && !file.endsWith('.control.yaml')) {
      context.problems.push({
        file: rel(context, join(notesDir, file)),
        field: 'file',
        message: 'found an unexpected file; expected only <version>.mdx notes, <version>.lock.json locks and <version>.control.yaml document control',
      });
    } else if (!versions.includes(version)) {
      context.problems.push({ file: rel(context, join(notesDir, file)), field: 'file', message: `found notes for ${version}, but content/versions/${version}/ does not exist; expected a release folder for every release note` });
    }
  }

  const releases: LoadedRelease[] = [];
  const everReleased = new Set<string>();
  for (const version of versions) {
    const release = await loadRelease(context, version, join(versionsDir, version));
    const notesPath = join(notesDir, `${version}.mdx`);
    if (existsSync(notesPath)) release.notes = loadNotes(context, notesPath, version);
    else context.problems.push({ file: rel(context, notesPath), field: 'file', message: `release ${version} has no notes; expected ${rel(context, notesPath)}` });
    crossCheck(context, release, everReleased);
    await checkFrozen(context, contentDir, release);
    release.control = loadReleaseControl(context, contentDir, release);
    if (release.control) checkChangeClasses(context, release.control, releases.at(-1), release);
    for (const page of release.pages) everReleased.add(page.frontmatter.id);
    releases.push(release);
  }
  const draftDir = join(contentDir, DRAFT);
  if (existsSync(draftDir)) {
    const draft = await loadRelease(context, DRAFT, draftDir);
    crossCheck(context, draft, everReleased);
    draft.control = loadDraftControl(context, draftDir);
    if (draft.control) checkChangeClasses(context, draft.control, releases.at(-1), draft);
    releases.push(draft);
  }
  const notices = await loadNotices(context, contentDir, { releases });
  if (versions.length === 0) {
    context.problems.push({ file: rel(context, versionsDir), field: 'folder', message: 'found no releases; expected at least one folder such as content/versions/1.0/' });
  }
  return { releases, notices, problems: context.problems, warnings: context.warnings };
}
