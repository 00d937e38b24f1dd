import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** Per-file SHA-256 of a release folder, keyed by the path inside the folder with `/` separators. */
export type FileHashes = Record<string, string>;

export function hashText(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Every file under `folder`, sorted, as paths relative to it. Dotfiles (editor litter) are skipped. */
export async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

export async function hashFolder(folder: string): Promise<FileHashes> {
  const hashes: FileHashes = {};
  for (const file of await listFiles(folder)) hashes[file] = hashText(readFileSync(join(folder, file)));
  return hashes;
}

/**
 * The digest of a release: one hash over every file's path and content hash, so that editing,
 * adding, removing or renaming any file changes it.
 */
export function digestOf(hashes: FileHashes): string {
  const lines = Object.keys(hashes)
    .sort()
    .map((file) => `${hashes[file]}  ${file}\n`)
    .join('');
  return `sha256-${hashText(lines)}`;
}

export interface FolderChanges {
  changed: string[];
  added: string[];
  removed: string[];
}

/** Which files differ between a recorded snapshot and the folder as it is now. */
export function compareHashes(recorded: FileHashes, current: FileHashes): FolderChanges {
  const changed: string[] = [];
  const added: string[] = [];
  const removed: string[] = [];
  for (const [file, hash] of Object.entries(current)) {
    if (!(file in recorded)) added.push(file);
    else if (recorded[file] !== hash) changed.push(file);
  }
  for (const file of Object.keys(recorded)) if (!(file in current)) removed.push(file);
  return { changed: changed.sort(), added: added.sort(), removed: removed.sort() };
}
