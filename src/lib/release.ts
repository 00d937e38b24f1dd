import { copyFileSync, cpSync, mkdirSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, relative } from 'node:path';
import type { ReleaseChanges } from './changes.ts';
import { DRAFT, RELEASE_JOURNAL, loadContent, lockFileOf } from './content.ts';
import { digestOf, hashFolder, hashText } from './digest.ts';
import { libraryFromContent } from './model.ts';
import { DRAFT_NOTES, placeholderProblems } from './notes.ts';
import { formatProblems } from './problems.ts';
import { compareVersions, isVersion } from './version.ts';

export interface ReleaseOptions {
  root: string;
  version: string;
  /** YYYY-MM-DD; today (UTC) when absent. */
  date?: string;
  /**
   * Called after each step. Production never passes it (scripts/release.ts); the tests inject a
   * failure or a pause through it (tests/support/release-faults.ts) to prove that a release stopped
   * half-way, by an error or by a signal, leaves nothing behind.
   */
  afterStep?: (step: ReleaseStep) => void | Promise<void>;
  log?: (line: string) => void;
}

export type ReleaseStep = 'staged' | 'folder' | 'lock' | 'notes' | 'draft-notes';

export class ReleaseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReleaseError';
  }
}

/** Lines listing the computed changes, so the writer of the notes starts from facts. */
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

/** The notes of the next release as the draft starts them: placeholders, allowed only while a draft. */
export function draftNotesSkeleton(): string {
  return `---
title: TODO, a short name for the next release
summary: TODO, one or two sentences on what the next release is about.
---

## Why this release

TODO: why the playbook changed, in the program's words.

## What leads must do differently

TODO
`;
}

/**
 * The frozen notes: the draft's notes as written, with the release's number and date first and the
 * digest of its folder last. The draft's frontmatter text is kept as it is (comments, order).
 */
export function frozenNotes(draftNotes: string, version: string, date: string, digest: string): string {
  const source = draftNotes.replace(/^\uFEFF/, '');
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(\r?\n|$)/.exec(source);
  if (!match) throw new ReleaseError(`content/${DRAFT}/${DRAFT_NOTES} has no frontmatter; expected it to start with a --- fenced YAML block`);
  return `---\nversion: "${version}"\ndate: ${date}\n${match[1]}\ndigest: ${digest}\n---\n${source.slice(match[0].length)}`;
}

interface Journal {
  version: string;
  /** Paths (relative to content/) this process renamed into place, recorded once the rename succeeded; undone by recovery. */
  placed: string[];
  /** Staging paths this process created, to delete on recovery. */
  staged: string[];
  /** The draft's notes as they were before the fresh skeleton replaced them, restored by recovery. */
  draftNotesBackup?: string;
}

/** Held for the whole of a release, so two releases never interleave in one content folder. */
export const RELEASE_LOCK = '.release.lock';

interface LockHolder {
  pid: number;
  host: string;
  started: string;
  version: string;
}

/** Whether a process of this machine with that id still runs (one we may not signal counts as running). */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the release lock: a file created exclusively (`wx`) naming the holder. A lock left by a
 * process of this machine that no longer runs is stale and taken over; any other is refused.
 * Returns the function that clears it.
 */
export function takeReleaseLock(contentDir: string, version: string, log: (line: string) => void): () => void {
  const path = join(contentDir, RELEASE_LOCK);
  const holder: LockHolder = { pid: process.pid, host: hostname(), started: new Date().toISOString(), version };
  const text = `${JSON.stringify(holder)}\n`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, text, { flag: 'wx' });
      return () => {
        // Only our own lock is removed, never one another process took over.
        if (existsSync(path) && readFileSync(path, 'utf8') === text) rmSync(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let found = '';
    let other: Partial<LockHolder> = {};
    try {
      found = readFileSync(path, 'utf8');
      other = JSON.parse(found) as LockHolder;
    } catch {
      // Being written this instant, or gone: treat as held.
    }
    const stale = other.host === holder.host && typeof other.pid === 'number' && !processIsAlive(other.pid);
    if (!stale || attempt > 0) {
      throw new ReleaseError(
        `another release is in progress (${other.version ? `release ${other.version}, ` : ''}process ${other.pid ?? '?'} on ${other.host ?? '?'} since ${other.started ?? '?'}); ` +
          `wait for it to finish (if no release is running, delete content/${RELEASE_LOCK})`,
      );
    }
    // Take the stale lock aside by renaming (only one process can), and make sure it is the one we judged.
    const aside = `${path}.stale-${process.pid}`;
    try {
      renameSync(path, aside);
    } catch {
      continue;
    }
    if (readFileSync(aside, 'utf8') !== found) {
      if (!existsSync(path)) renameSync(aside, path);
      throw new ReleaseError(`another release took the lock just now; wait for it to finish`);
    }
    rmSync(aside, { force: true });
    log(`removed a stale release lock of process ${other.pid}, which is no longer running`);
  }
  throw new ReleaseError('another release is in progress; wait for it to finish');
}

/** Undoes whatever an interrupted release left, using its journal. Returns the version it undid. */
export function recoverRelease(root: string): string | undefined {
  const contentDir = join(root, 'content');
  const journalPath = join(contentDir, RELEASE_JOURNAL);
  if (!existsSync(journalPath)) return undefined;
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as Journal;
  for (const path of [...journal.placed].reverse()) {
    if (path === `${DRAFT}/${DRAFT_NOTES}`) continue;
    rmSync(join(contentDir, path), { recursive: true, force: true });
  }
  if (journal.draftNotesBackup && existsSync(join(contentDir, journal.draftNotesBackup))) {
    renameSync(join(contentDir, journal.draftNotesBackup), join(contentDir, DRAFT, DRAFT_NOTES));
  }
  for (const path of journal.staged) rmSync(join(contentDir, path), { recursive: true, force: true });
  rmSync(journalPath, { force: true });
  return journal.version;
}

/** A file-system failure said as a refusal (read-only folder, full disk), not a stack trace. */
function refusal(error: unknown, root: string): unknown {
  const failure = error as NodeJS.ErrnoException;
  if (error instanceof ReleaseError || !failure?.code) return error;
  const where = failure.path ? ` ${relative(root, failure.path) || failure.path}` : '';
  return new ReleaseError(`could not write${where} (${failure.code}: ${failure.message.replace(/^[A-Z]+: /, '').split(',')[0]}); nothing was released`);
}

/**
 * Freezes the draft as a new release. An exclusive lock is held throughout, so releases never
 * interleave; everything is written aside under dot-names first, then renamed into place, with a
 * journal of what this process did, so that a failure (or a kill) leaves no partial release behind.
 */
export async function createRelease(options: ReleaseOptions): Promise<{ version: string; digest: string; changes?: ReleaseChanges; previous?: string }> {
  const { root, version } = options;
  const log = options.log ?? (() => {});
  const contentDir = join(root, 'content');
  if (!isVersion(version)) throw new ReleaseError(`"${version}" is not a release number; expected MAJOR.MINOR such as 2.1 or 3.0 (each number at most six digits)`);
  const date = options.date ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) {
    throw new ReleaseError(`--date "${date}" is not a real date; expected YYYY-MM-DD`);
  }
  if (!existsSync(join(contentDir, DRAFT))) throw new ReleaseError('there is no content/draft/ to release');
  let unlock: () => void;
  try {
    unlock = takeReleaseLock(contentDir, version, log);
  } catch (error) {
    throw refusal(error, root);
  }
  const onExit = () => unlock();
  process.once('exit', onExit);
  try {
    return await releaseLocked(options, contentDir, date, log);
  } finally {
    unlock();
    process.off('exit', onExit);
  }
}

async function releaseLocked(
  options: ReleaseOptions,
  contentDir: string,
  date: string,
  log: (line: string) => void,
): Promise<{ version: string; digest: string; changes?: ReleaseChanges; previous?: string }> {
  const { root, version } = options;
  if (existsSync(join(contentDir, RELEASE_JOURNAL))) {
    throw new ReleaseError('an earlier release was interrupted; run `npm run release -- --recover` first to undo it');
  }
  const folder = join(contentDir, 'versions', version);
  const notesPath = join(contentDir, 'releases', `${version}.mdx`);
  const lockPath = lockFileOf(contentDir, version);
  for (const path of [folder, notesPath, lockPath]) {
    if (existsSync(path)) throw new ReleaseError(`release ${version} already exists (${relative(root, path)}); a frozen release is never overwritten`);
  }

  const content = await loadContent({ root });
  if (content.problems.length) throw new ReleaseError(`the content has problems, so nothing was released.\n${formatProblems(content.problems)}`);
  const draft = content.releases.find((release) => release.release === DRAFT);
  if (!draft) throw new ReleaseError('there is no content/draft/ to release');
  const draftNotesPath = join(contentDir, DRAFT, DRAFT_NOTES);
  if (!draft.draftNotes) {
    throw new ReleaseError(`the notes of this release are missing; expected content/${DRAFT}/${DRAFT_NOTES} with a title, a summary and what changed (a skeleton:\n${draftNotesSkeleton()})`);
  }
  const placeholders = placeholderProblems(draft.draftNotes.file, draft.draftNotes.frontmatter, draft.draftNotes.body, draft.draftNotes.bodyLine);
  if (placeholders.length) throw new ReleaseError(`the release notes are not finished, so nothing was released.\n${formatProblems(placeholders)}`);
  // A new playbook has only its draft: its first release has nothing to compare with.
  const frozen = content.releases.some((release) => release.release !== DRAFT);
  const library = frozen ? libraryFromContent(content) : undefined;
  if (library && compareVersions(version, library.newest.release) <= 0) {
    throw new ReleaseError(`${version} is not newer than the latest release ${library.newest.release}; expected a greater number`);
  }
  const changes = library?.draft ? library.changes(library.newest, library.draft) : undefined;

  const journal: Journal = { version, placed: [], staged: [] };
  const journalPath = join(contentDir, RELEASE_JOURNAL);
  const writeJournal = () => writeFileSync(journalPath, `${JSON.stringify(journal, null, 2)}\n`);
  const stage = (path: string) => {
    // Never adopt a file this process did not make: the undo would delete it.
    if (existsSync(join(contentDir, path))) throw new ReleaseError(`found content/${path}, left by something else; expected none (remove it, then release again)`);
    journal.staged.push(path);
    writeJournal();
    return join(contentDir, path);
  };
  const place = (from: string, to: string) => {
    renameSync(from, join(contentDir, to));
    journal.placed.push(to);
    writeJournal();
  };
  const step = async (name: ReleaseStep) => {
    await options.afterStep?.(name);
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
    // A new playbook has neither folder until its first release.
    for (const dir of ['versions', 'releases']) mkdirSync(join(contentDir, dir), { recursive: true });
    const stagedFolder = stage(`versions/.staging-${version}`);
    // The draft's notes become the release's notes, not a file of its folder; dotfiles are editor litter.
    cpSync(join(contentDir, DRAFT), stagedFolder, {
      recursive: true,
      filter: (source) => !source.split(/[\\/]/).pop()?.startsWith('.') && source !== draftNotesPath,
    });
    const hashes = await hashFolder(stagedFolder);
    const digest = digestOf(hashes);
    const notes = frozenNotes(readFileSync(draftNotesPath, 'utf8'), version, date, digest);
    const stagedNotes = stage(`releases/.${version}.mdx.staging`);
    writeFileSync(stagedNotes, notes);
    const stagedLock = stage(`releases/.${version}.lock.json.staging`);
    writeFileSync(stagedLock, `${JSON.stringify({ version, digest, notes: `sha256-${hashText(notes)}`, files: hashes }, null, 2)}\n`);
    const stagedSkeleton = stage(`${DRAFT}/.${DRAFT_NOTES}.staging`);
    writeFileSync(stagedSkeleton, draftNotesSkeleton());
    log(`staged release ${version} (${Object.keys(hashes).length} files, ${digest})`);
    await step('staged');

    place(stagedFolder, `versions/${version}`);
    await step('folder');
    place(stagedLock, `releases/${version}.lock.json`);
    await step('lock');
    place(stagedNotes, `releases/${version}.mdx`);
    await step('notes');
    // The draft's notes are kept aside until the release is complete, so an undo can put them back.
    journal.draftNotesBackup = `${DRAFT}/.${DRAFT_NOTES}.previous`;
    copyFileSync(draftNotesPath, join(contentDir, journal.draftNotesBackup));
    writeJournal();
    place(stagedSkeleton, `${DRAFT}/${DRAFT_NOTES}`);
    await step('draft-notes');
    rmSync(join(contentDir, journal.draftNotesBackup), { force: true });
    rmSync(journalPath);
    return { version, digest, changes, previous: library?.newest.release };
  } catch (error) {
    undo();
    throw refusal(error, root);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
