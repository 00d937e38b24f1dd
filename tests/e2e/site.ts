import { mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { loadContent } from '../../src/lib/content.ts';
import { libraryFromContent, type Library } from '../../src/lib/model.ts';
// The model's addresses under the base path the site was built with.
import './base-path.ts';

/** The built site the tests run against (the same folder `astro preview` serves). */
export const DIST = resolve(process.env.PLAYBOOK_OUT_DIR ?? 'dist');

let library: Promise<Library> | undefined;

/** The model of the releases in the repository, read from the files: what the built site must honour. */
export function repositoryLibrary(): Promise<Library> {
  library ??= loadContent({ root: process.cwd(), content: process.env.PLAYBOOK_CONTENT }).then((content) => {
    if (content.problems.length) throw new Error(`content has problems: ${content.problems.length}`);
    return libraryFromContent(content);
  });
  return library;
}

/**
 * A build or dev server of other content run from this checkout writes the project's own `.astro`
 * folder (content modules, data store), so two at once break each other: each takes this lock first,
 * and gives it back with the function returned. A lock older than `staleMs` was left by a killed run.
 */
export async function takeProjectLock(timeoutMs = 300_000, staleMs = 600_000): Promise<() => void> {
  const lock = resolve('test-results', '.project-lock');
  mkdirSync(dirname(lock), { recursive: true });
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(lock);
      return () => rmSync(lock, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (Date.now() - statSync(lock).mtimeMs > staleMs) rmSync(lock, { recursive: true, force: true });
      else if (Date.now() - started > timeoutMs) throw new Error(`waited ${timeoutMs} ms for ${lock}, held by another build of this checkout`);
      else await new Promise((done) => setTimeout(done, 250));
    }
  }
}
