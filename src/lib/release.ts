import { cpSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReleaseChanges } from './changes.ts';
import { DRAFT, RELEASE_JOURNAL, loadContent, lockFileOf } from './content.ts';
import { digestOf, hashFolder } from './digest.ts';
import { libraryFromContent } from './model.ts';
import { formatProblems } from './problems.ts';
import { compareVersions, isVersion } from './version.ts';

export interface ReleaseOptions {
  root: string;
  version: string;
  /** YYYY-MM-DD; today (UTC) when absent. */
  date?: string;
  /** For tests: throw after the named step, to prove an interrupted release leaves nothing behind. */
  failAfter?: ReleaseStep;
  /** For tests: wait after the named step, so a test can kill the process half-way. */
  pauseAfter?: ReleaseStep;
  log?: (line: string) => void;
}

export type ReleaseStep = 'staged' | 'folder' | 'lock' | 'notes';

export class ReleaseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReleaseError';
  }
}

interface Journal {
  version: string;
  /** Paths (relative to content/) renamed into place so far, undone by recovery. */
  placed: string[];
  /** Staging paths to delete on recovery. */
  staged: string[];
}

/** Lines for the notes skeleton: the computed changes, so the writer starts from facts. */
export function changesSkeleton(changes: ReleaseChanges): string {
  const lines: string[] = [];
  const label = (change: ReleaseChanges['changes'][number]) => change.after?.title ?? change.before?.title ?? change.id;
  for (const change of changes.changes) {
    const detail = change.kinds
      .map((kind) => (kind === 'edited' && change.changedShare !== undefined ? `edited (${Math.round(change.changedShare * 100)}% of words)` : kind))
      .join(', ');
    const extra = change.successor ? `; replaced by ${change.successor.title}` : change.replaces.length ? `; replaces ${change.replaces.join(', ')}` : '';
    lines.push(`- ${label(change)} (\`${change.id}\`): ${detail}${extra}`);
  }
  return lines.length ? lines.join('\n') : '- No page changed.';
}

function notesSkeleton(version: string, date: string, digest: string, previous: string, changes: ReleaseChanges): string {
  return `---
version: "${version}"
date: ${date}
title: Release ${version}
summary: TODO, one or two sentences on what this release is about.
digest: ${digest}
---

## Why this release

TODO: why the playbook changed, in the program's words.

## What leads must do differently

TODO

{/* Computed changes since ${previous}, for the writer's reference; the site lists them on the changelog page. Delete this comment when done.
${changesSkeleton(changes).replace(/\*\//g, '* /')}
*/}
`;
}

/** Undoes whatever an interrupted release left, using its journal. Returns the version it undid. */
export function recoverRelease(root: string): string | undefined {
  const contentDir = join(root, 'content');
  const journalPath = join(contentDir, RELEASE_JOURNAL);
  if (!existsSync(journalPath)) return undefined;
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as Journal;
  for (const path of [...journal.placed].reverse()) rmSync(join(contentDir, path), { recursive: true, force: true });
  for (const path of journal.staged) rmSync(join(contentDir, path), { recursive: true, force: true });
  rmSync(journalPath, { force: true });
  return journal.version;
}

/**
 * Freezes the draft as a new release. Everything is written aside under dot-names first, then renamed
 * into place, with a journal so that a failure (or a kill) leaves no partial release behind.
 */
export async function createRelease(options: ReleaseOptions): Promise<{ version: string; digest: string; changes: ReleaseChanges }> {
  const { root, version } = options;
  const log = options.log ?? (() => {});
  const contentDir = join(root, 'content');
  if (!isVersion(version)) throw new ReleaseError(`"${version}" is not a release number; expected MAJOR.MINOR such as 2.1 or 3.0`);
  const date = options.date ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) {
    throw new ReleaseError(`--date "${date}" is not a real date; expected YYYY-MM-DD`);
  }
  if (existsSync(join(contentDir, RELEASE_JOURNAL))) {
    throw new ReleaseError('an earlier release was interrupted; run `npm run release -- --recover` first to undo it');
  }
  const folder = join(contentDir, 'versions', version);
  const notesPath = join(contentDir, 'releases', `${version}.mdx`);
  const lockPath = lockFileOf(contentDir, version);
  for (const path of [folder, notesPath, lockPath]) {
    if (existsSync(path)) throw new ReleaseError(`release ${version} already exists (${path.slice(root.length + 1)}); a frozen release is never overwritten`);
  }

  const content = await loadContent({ root });
  if (content.problems.length) throw new ReleaseError(`the content has problems, so nothing was released.\n${formatProblems(content.problems)}`);
  const library = libraryFromContent(content);
  if (!library.draft) throw new ReleaseError('there is no content/draft/ to release');
  if (compareVersions(version, library.latest.release) <= 0) {
    throw new ReleaseError(`${version} is not newer than the latest release ${library.latest.release}; expected a greater number`);
  }
  const changes = library.changes(library.latest, library.draft);

  const stagedFolder = join(contentDir, 'versions', `.staging-${version}`);
  const stagedNotes = join(contentDir, 'releases', `.${version}.mdx.staging`);
  const stagedLock = join(contentDir, 'releases', `.${version}.lock.json.staging`);
  const journal: Journal = { version, placed: [], staged: [`versions/.staging-${version}`, `releases/.${version}.mdx.staging`, `releases/.${version}.lock.json.staging`] };
  const journalPath = join(contentDir, RELEASE_JOURNAL);
  const writeJournal = () => writeFileSync(journalPath, `${JSON.stringify(journal, null, 2)}\n`);
  const step = async (name: ReleaseStep) => {
    if (options.failAfter === name) throw new ReleaseError(`injected failure after step "${name}"`);
    if (options.pauseAfter === name) {
      log(`paused after step "${name}"`);
      await new Promise((resolve) => setTimeout(resolve, 60_000));
    }
  };

  writeJournal();
  const undo = () => recoverRelease(root);
  const onSignal = (signal: NodeJS.Signals) => {
    undo();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    cpSync(join(contentDir, DRAFT), stagedFolder, { recursive: true, filter: (source) => !source.split(/[\\/]/).pop()?.startsWith('.') });
    const hashes = await hashFolder(stagedFolder);
    const digest = digestOf(hashes);
    writeFileSync(stagedLock, `${JSON.stringify({ version, digest, files: hashes }, null, 2)}\n`);
    writeFileSync(stagedNotes, notesSkeleton(version, date, digest, library.latest.release, changes));
    log(`staged release ${version} (${Object.keys(hashes).length} files, ${digest})`);
    await step('staged');

    journal.placed.push(`versions/${version}`);
    writeJournal();
    renameSync(stagedFolder, folder);
    await step('folder');
    journal.placed.push(`releases/${version}.lock.json`);
    writeJournal();
    renameSync(stagedLock, lockPath);
    await step('lock');
    journal.placed.push(`releases/${version}.mdx`);
    writeJournal();
    renameSync(stagedNotes, notesPath);
    await step('notes');
    rmSync(journalPath);
    return { version, digest, changes };
  } catch (error) {
    undo();
    throw error;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
