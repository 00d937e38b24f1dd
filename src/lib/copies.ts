import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CopyKind } from './addresses.ts';

/**
 * Copies of a whole frozen release for reading away from the site: a PDF made from its print view
 * (scripts/pdf.ts) and a zip of its pages that opens from disk (scripts/offline.ts). Each is made
 * once and kept in the copies folder (settings.copiesDir) under a key of the release's digest and
 * the notices attached to it, so a frozen release's copies are made again only when a notice is added.
 */

/** A notice as the key reads it: changing its date or title makes the copies again. */
export interface NoticeStamp {
  id: string;
  date: string;
  title: string;
}

/** The key of a release's copies: its digest and its notices. */
export function copyKey(digest: string, notices: readonly NoticeStamp[]): string {
  const stamps = [...notices].sort((a, b) => a.id.localeCompare(b.id)).map((notice) => `${notice.id}\0${notice.date}\0${notice.title}`);
  return createHash('sha256').update([digest, ...stamps].join('\n')).digest('hex').slice(0, 16);
}

/** The file a copy is kept as in the copies folder. */
export function cachedCopyFile(copiesDir: string, release: string, key: string, kind: CopyKind): string {
  return join(copiesDir, `${release}-${key}${kind === 'pdf' ? '.pdf' : '-offline.zip'}`);
}

/** A kept copy, with its size for the link ("PDF, 1.2 MB"), or undefined when not made yet. */
export function cachedCopy(copiesDir: string, release: string, key: string, kind: CopyKind): { file: string; bytes: number } | undefined {
  const file = cachedCopyFile(copiesDir, release, key, kind);
  return existsSync(file) ? { file, bytes: statSync(file).size } : undefined;
}

/** A size as a reader reads it: 840 KB, 1.2 MB. */
export function sizeText(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1000))} KB`;
}

/** The notices that concern a release, from the library's notices or versions.json's. */
export function noticesOf<N extends NoticeStamp & { affects: ReadonlyArray<{ release: string }> }>(release: string, notices: readonly N[]): NoticeStamp[] {
  return notices.filter((notice) => notice.affects.some((affected) => affected.release === release)).map(({ id, date, title }) => ({ id, date, title }));
}

