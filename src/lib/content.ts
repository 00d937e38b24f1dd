import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import type { z } from 'astro/zod';
import { loadAreas, missingAreaKeys, type Area, type LocalKey } from './areas.ts';
import { loadAssets, type AssetRecord, type ReleaseAssets } from './assets.ts';
import { compilePage, type CompiledPage } from './compile.ts';
import { loadDataSets, type DataSet } from './datasets.ts';
import { checkChangeClasses, draftControl, loadNotices, loadReleaseControl } from './control-loader.ts';
import type { DocumentControl, NoticeRecord } from './document-control.ts';
import { compareHashes, digestOf, hashFolder, hashText, listFiles, type FileHashes } from './digest.ts';
import { parseYaml, splitFrontmatter } from './frontmatter.ts';
import type { FileLink, PageLink } from './links.ts';
import { DRAFT, releasePhrase } from './addresses.ts';
import { DRAFT_NOTES, checkNotesBody, placeholderProblems } from './notes.ts';
import { problemsFromZod, type ContentProblem } from './problems.ts';
import { readContentText } from './read-text.ts';
import {
  glossarySchema,
  draftNotesSchema,
  pageSchema,
  partsSchema,
  releaseNotesSchema,
  tracksSchema,
  type GlossaryTerm,
  type PageFrontmatter,
  type Part,
  type DraftNotesFrontmatter,
  type ReleaseNotesFrontmatter,
  type Track,
} from './schema.ts';
import { compareVersions, isVersion } from './version.ts';

/** The key of the unreleased draft wherever a release number could stand. */
export { DRAFT } from './addresses.ts';

export interface LoadedPage {
  /** A release number, or `draft`. */
  release: string;
  /** Path relative to the project root. */
  file: string;
  frontmatter: PageFrontmatter;
  compiled: CompiledPage;
  /** Hash of the compiled input (with the figures and downloads shown): equal hashes mean byte-identical rendered pages. */
  bodyHash: string;
  /** The figures and downloads the page shows, with their content hashes. */
  assets: Array<{ path: string; hash: string }>;
  /** 1-based line of the file where the body starts. */
  bodyLine: number;
}

export interface LoadedNotes<Frontmatter = ReleaseNotesFrontmatter> {
  file: string;
  frontmatter: Frontmatter;
  body: string;
  /** 1-based line of the file where the body starts. */
  bodyLine: number;
  /** `page:` and `figures/` / `files/` links of the body, checked against the release's pages and files. */
  pages: PageLink[];
  files: FileLink[];
}

export interface LoadedRelease {
  /** A release number, or `draft`. */
  release: string;
  folder: string;
  parts: Part[];
  glossary: GlossaryTerm[];
  tracks: Track[];
  pages: LoadedPage[];
  /** The release's figures/ and files/, as published. */
  assets: AssetRecord[];
  /** The release's data sets (data/*.yaml): aggregate counts, frozen with it. */
  data: DataSet[];
  /** Release notes; the draft has none. */
  notes?: LoadedNotes;
  /** The draft only: the next release's notes, being written (content/draft/release-notes.mdx). */
  draftNotes?: LoadedNotes<DraftNotesFrontmatter>;
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
  /** The areas' own details (content/areas/), outside every release. */
  areas: Area[];
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

/** A content file's text (src/lib/read-text.ts), with problems recorded against this run. */
function readText(context: Context, path: string): string | undefined {
  return readContentText(rel(context, path), path, context.problems);
}

function readYamlFile<T extends z.ZodType>(context: Context, path: string, schema: T, required: boolean): z.output<T> | undefined {
  const file = rel(context, path);
  if (!existsSync(path) && !isSymlink(path)) {
    if (required) context.problems.push({ file, field: 'file', message: 'the file is missing; expected it in every release folder' });
    return undefined;
  }
  const text = readText(context, path);
  if (text === undefined) return undefined;
  const { value, problems } = parseYaml(file, text);
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

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Every symbolic link under a folder, refused: a release must be exactly the files its digest covers. */
async function symlinkProblems(context: Context, folder: string): Promise<void> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (entry.isSymbolicLink()) {
      context.problems.push({ file: rel(context, join(entry.parentPath, entry.name)), field: 'file', message: 'found a symbolic link; expected a plain file or folder inside the release (nothing is read through a link)' });
    }
  }
}

function loadPage(context: Context, release: string, path: string, glossary: readonly GlossaryTerm[], assets: ReleaseAssets): LoadedPage | undefined {
  const file = rel(context, path);
  const text = readText(context, path);
  if (text === undefined) return undefined;
  const { split, problems } = splitFrontmatter(file, text);
  if (!split) {
    context.problems.push(...problems);
    return undefined;
  }
  const parsed = pageSchema.safeParse(split.data);
  const anchors = parsed.success ? parsed.data.anchors : {};
  const result = compilePage(split.body, anchors, glossary, assets);
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
  const used = result.page.assets.flatMap((asset) => {
    const found = assets.get(asset);
    return found ? [{ path: asset, hash: found.hash }] : [];
  });
  return {
    release,
    file,
    frontmatter: parsed.data,
    compiled: result.page,
    // A page whose figure changed is a changed page, though its text is the same.
    bodyHash: hashText(`${JSON.stringify(anchors)}\0${split.body}${used.map((asset) => `\0${asset.path}:${asset.hash}`).join('')}`),
    assets: used,
    bodyLine: split.bodyLine,
  };
}

async function loadRelease(context: Context, release: string, folder: string): Promise<LoadedRelease> {
  const parts = readYamlFile(context, join(folder, 'parts.yaml'), partsSchema, true) ?? [];
  // Read before the pages: each page links the first use of a glossary term when it is compiled.
  const glossary = readYamlFile(context, join(folder, 'glossary.yaml'), glossarySchema, false) ?? [];
  const tracks = readYamlFile(context, join(folder, 'tracks.yaml'), tracksSchema, false) ?? [];
  await symlinkProblems(context, folder);
  // Also before the pages: a <Figure> or <Download> is checked against the files that exist.
  const assets = await loadAssets(context.root, folder, context.problems);
  const data = await loadDataSets(folder, (path) => rel(context, path), context.problems);
  const files = (await listFiles(folder)).filter((file) => file.endsWith('.mdx') && !(release === DRAFT && file === DRAFT_NOTES));
  const pages: LoadedPage[] = [];
  for (const file of files) {
    if (!file.startsWith('pages/')) {
      context.problems.push({ file: rel(context, join(folder, file)), field: 'file', message: 'found a page outside pages/; expected every page under pages/' });
      continue;
    }
    const page = loadPage(context, release, join(folder, file), glossary, assets);
    if (page) pages.push(page);
  }
  if (files.length === 0) context.problems.push({ file: rel(context, folder), field: 'pages', message: 'found no pages; expected at least one pages/*.mdx' });
  const fileHashes = await hashFolder(folder);
  return { release, folder: rel(context, folder), parts, glossary, tracks, pages, assets: [...assets.list], data, digest: digestOf(fileHashes), fileHashes };
}

/** Release notes, frozen or draft: frontmatter by `schema`, body by the rules of pages. */
function loadNotesFile<T extends z.ZodType>(context: Context, path: string, schema: T): LoadedNotes<z.output<T>> | undefined {
  const file = rel(context, path);
  const text = readText(context, path);
  if (text === undefined) return undefined;
  const { split, problems } = splitFrontmatter(file, text);
  if (!split) {
    context.problems.push(...problems);
    return undefined;
  }
  const body = checkNotesBody(split.body);
  for (const issue of body.issues) {
    context.problems.push({ file, field: issue.field, line: issue.line === undefined ? undefined : issue.line + split.bodyLine - 1, message: issue.message });
  }
  const parsed = schema.safeParse(split.data);
  if (!parsed.success) {
    context.problems.push(...problemsFromZod(file, split.data, parsed.error));
    return undefined;
  }
  const atLine = <Link extends { line?: number }>(link: Link): Link => ({ ...link, line: link.line === undefined ? undefined : link.line + split.bodyLine - 1 });
  return { file, frontmatter: parsed.data, body: split.body, bodyLine: split.bodyLine, pages: body.pages.map(atLine), files: body.files.map(atLine) };
}

function loadNotes(context: Context, path: string, version: string): LoadedNotes | undefined {
  const notes = loadNotesFile(context, path, releaseNotesSchema);
  if (!notes) return undefined;
  if (notes.frontmatter.version !== version) {
    context.problems.push({ file: notes.file, field: 'version', message: `found "${notes.frontmatter.version}"; expected "${version}", the version in the file name` });
  }
  // The template's placeholders are fine while the notes are a draft, never once released.
  context.problems.push(...placeholderProblems(notes.file, notes.frontmatter, notes.body, notes.bodyLine));
  return notes;
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
  let notesHash: unknown;
  try {
    if (isSymlink(lockPath)) throw new Error('a symbolic link');
    const lock = JSON.parse(readFileSync(lockPath, 'utf8')) as { files: FileHashes; notes?: unknown };
    recorded = lock.files;
    notesHash = lock.notes;
    if (!recorded || typeof recorded !== 'object') throw new Error('no "files" map');
  } catch (error) {
    context.problems.push({ file: lockFile, field: 'files', message: `found an unreadable lock (${(error as Error).message}); expected { "files": { path: sha256 } }` });
    return;
  }
  // Locks written since release notes were frozen by `npm run release` also record the notes' hash.
  if (notesHash !== undefined) {
    const actual = `sha256-${hashText(readFileSync(join(contentDir, 'releases', `${release.release}.mdx`)))}`;
    if (notesHash !== actual) {
      context.problems.push({
        file: release.notes.file,
        field: 'file',
        message: `${label} is frozen, but its notes were edited after it was released (found ${actual}, expected ${String(notesHash)} as recorded in ${lockFile}); undo the change`,
      });
    }
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
  const label = releasePhrase(release.release);
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
    checkLinks(context, release, byId, file, page.compiled.links.map((link) => ({ ...link, line: lineOf(page, link.line) })), page.compiled.files.map((link) => ({ ...link, line: lineOf(page, link.line) })));
  }
  for (const notes of [release.notes, release.draftNotes]) if (notes) checkLinks(context, release, byId, notes.file, notes.pages, notes.files);
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

/** Page links must name a page (and heading) of the same release; file links a file of its folder. Lines are of the file. */
function checkLinks(context: Context, release: LoadedRelease, byId: Map<string, LoadedPage>, file: string, pages: readonly PageLink[], files: readonly FileLink[]): void {
  const label = releasePhrase(release.release);
  for (const link of pages) {
    const target = byId.get(link.page);
    if (!target) {
      context.problems.push({ file, field: 'body', line: link.line, message: `found a link to page:${link.page}, which is no page of ${label}; expected the id of a page in the same release` });
    } else if (link.anchor && !hasAnchor(target, link.anchor)) {
      context.problems.push({
        file,
        field: 'body',
        line: link.line,
        message: `found a link to page:${link.page}#${link.anchor}, but that page has no such heading; expected one of ${target.compiled.headings.map((h) => h.id).join(', ')}`,
      });
    }
  }
  for (const link of files) {
    if (!(link.path in release.fileHashes)) {
      context.problems.push({ file, field: 'body', line: link.line, message: `found a link to ${link.path}, which is no file of ${label}; expected a file in ${release.folder}/${link.path.split('/')[0]}/` });
    }
  }
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
  for (const dir of [versionsDir, notesDir]) {
    if (!existsSync(dir)) continue;
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (entry.isSymbolicLink()) context.problems.push({ file: rel(context, join(dir, entry.name)), field: 'file', message: 'found a symbolic link; expected a plain file or folder (nothing is read through a link)' });
    }
  }
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
  const hasDraft = existsSync(draftDir);
  if (hasDraft) {
    const draft = await loadRelease(context, DRAFT, draftDir);
    const notesPath = join(draftDir, DRAFT_NOTES);
    if (existsSync(notesPath) || isSymlink(notesPath)) draft.draftNotes = loadNotesFile(context, notesPath, draftNotesSchema);
    crossCheck(context, draft, everReleased);
    draft.control = draftControl(draft.draftNotes);
    if (draft.control) checkChangeClasses(context, draft.control, releases.at(-1), draft);
    releases.push(draft);
  }
  // A new playbook starts with a draft and no release: `npm run release -- 1.0` makes the first.
  if (versions.length === 0 && !hasDraft) {
    context.problems.push({ file: rel(context, versionsDir), field: 'folder', message: 'found no releases and no draft; expected content/draft/ (then `npm run release -- 1.0` makes the first release)' });
  }
  const notices = await loadNotices(context, contentDir, { releases });
  const areas = await loadAreas(contentDir, (path) => rel(context, path), context.problems);
  const latest = releases.filter((release) => release.release !== DRAFT).at(-1);
  if (latest) {
    // Which page first uses each key, so the message can say where the key is needed.
    const used = new Map<LocalKey, string>();
    for (const page of latest.pages) for (const key of page.compiled.localKeys) if (!used.has(key as LocalKey)) used.set(key as LocalKey, page.file);
    if (used.size && areas.length === 0) {
      context.problems.push({ file: rel(context, join(contentDir, 'areas')), field: 'folder', message: `found no areas, but release ${latest.release} uses <Local> (${[...used.values()][0]}); expected content/areas/<area-id>.yaml for every area` });
    }
    context.problems.push(...missingAreaKeys(areas, used, latest.release));
  }
  return { releases, areas, notices, problems: context.problems, warnings: context.warnings };
}
